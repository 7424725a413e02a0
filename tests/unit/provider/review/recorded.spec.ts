// The review of real `pulumi preview --json` output: the demo's pull requests as the real CLI
// printed them (`npm run record-previews`), checked against what the story says each one does.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ACTS, ALL_TOKENS, POOL } from "../../../../demo/story";
import { summarizePreview } from "../../../../provider/review/summary";
import { clipTitle } from "../../../support/titles";
import { renderReviewMarkdown } from "../../../../provider/review/render";

const RECORDED = path.join(__dirname, "../../../fixtures/preview/recorded");
// The newest recording, by CLI version (v3.248.0 < v3.260.0 compare as numbers).
const VERSION = fs
  .readdirSync(RECORDED)
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
  .pop()!;

const recordings = ACTS.map((act, i) => ({ act, file: `act-${i + 1}-${act.command}.json` })).filter(
  ({ act }) => act.command === "preview",
);

describe(`review of recorded previews (Pulumi CLI ${VERSION})`, () => {
  it("GIVEN the recordings THEN there is one for each pull request of the demo", () => {
    assert.deepEqual(
      fs.readdirSync(path.join(RECORDED, VERSION)).sort(),
      recordings.map((r) => r.file).sort(),
    );
  });

  for (const { act, file } of recordings) {
    describe(clipTitle(`${file}: ${act.title}`), () => {
      const text = fs.readFileSync(path.join(RECORDED, VERSION, file), "utf8");
      const summary = summarizePreview(JSON.parse(text));
      const markdown = renderReviewMarkdown(summary);

      it("WHEN summarized THEN its rows are the act's steps", () => {
        const steps = summary.changes
          .map((r) => `${r.action} ${r.eventId}`)
          .concat(Array.from({ length: summary.counts.same }, () => "same"))
          .filter((s) => s !== "same")
          .sort();
        assert.deepEqual(
          steps,
          act.ops.filter((o) => !o.startsWith("same ")),
        );
        assert.equal(summary.ok, act.fails === undefined);
      });

      it("WHEN rendered THEN each changed entry's reason shows, and no token does", () => {
        for (const row of summary.changes) {
          assert.equal(row.userPoolId, POOL);
          if (row.reason !== undefined) assert.ok(markdown.includes(row.reason), row.reason);
        }
        for (const token of ALL_TOKENS)
          assert.ok(!text.includes(token) && !markdown.includes(token));
        assert.ok(!/\/(tmp|home|root|work)\//.test(text), "no machine path in the recording");
      });

      if (act.fails !== undefined) {
        it("WHEN the preview failed THEN the review says why, first", () => {
          assert.ok(
            summary.errors.some((e) => e.message.includes(act.fails!)),
            markdown,
          );
          assert.ok(
            markdown.indexOf(act.fails!) < markdown.indexOf("| create |") ||
              !markdown.includes("| create |"),
          );
        });
      }
    });
  }
});
