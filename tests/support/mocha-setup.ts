// Loaded by mocha before any spec (see .mocharc.json).
import type Mocha from "mocha";
import { MAX_TITLE_LENGTH, overlongTitles } from "./titles";

// The AWS SDK warns once per process that its 2027 releases need Node 22; useful to users, noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/**
 * Root hooks (every worker loads this file): a test whose title, or a suite's around it, is over
 * the limit fails instead of running. Failing the test itself, not this hook, lets the others run.
 */
export const mochaHooks = {
  beforeEach(this: Mocha.Context): void {
    const test = this.currentTest;
    const long = test === undefined ? [] : overlongTitles(test);
    if (test === undefined || long.length === 0) return;
    const error = new Error(
      `test titles are at most ${MAX_TITLE_LENGTH} characters (tests/support/titles.ts): ` +
        long.map((t) => `${JSON.stringify(t)} has ${t.length}`).join("; "),
    );
    test.async = false;
    test.sync = true;
    test.fn = () => {
      throw error;
    };
  },
};
