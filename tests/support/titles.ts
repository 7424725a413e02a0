// The rule for test titles: at most 80 characters each, suites and tests alike, so a title says
// one thing and the GIVEN it shares with its neighbours sits in the describe around them.
// mocha-setup.ts checks every test that runs, titles built from table rows included.
import type Mocha from "mocha";

/** The longest title a suite or a test may have. */
export const MAX_TITLE_LENGTH = 80;

/** The titles over {@link MAX_TITLE_LENGTH}: the test's own, then its suites' up to the root. */
export function overlongTitles(test: Mocha.Runnable): string[] {
  const titles: string[] = [];
  if (test.title.length > MAX_TITLE_LENGTH) titles.push(test.title);
  for (let suite = test.parent; suite !== undefined && !suite.root; suite = suite.parent) {
    if (suite.title.length > MAX_TITLE_LENGTH) titles.push(suite.title);
  }
  return titles;
}

/**
 * `text`, cut at a word to fit `room` characters with an ellipsis, for a title that quotes data
 * this repository does not choose (a recorded story's title, an encoded value).
 */
export function clipTitle(text: string, room = MAX_TITLE_LENGTH): string {
  if (text.length <= room) return text;
  const cut = text.slice(0, room - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > room / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
