// The review comment GitHub accepts: under 65,536 characters at any size of change.
import assert from "node:assert/strict";
import type { ReviewRow, ReviewSummary } from "../../../../provider/review/summary";
import { DEFAULT_MAX_BYTES, renderReviewMarkdown } from "../../../../provider/review/render";
import { runInProcess } from "../../../support/cli";

const GITHUB_LIMIT = 65_536;

/** A review of `n` creates and, when asked, one delete at the end (the rows GitHub must show). */
function summaryOf(n: number, withDelete = false): ReviewSummary {
  const row = (i: number, action: ReviewRow["action"]): ReviewRow => ({
    action,
    name: `set-us-east-1_DemoPool1-evt-${i}`,
    urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/cognito:AuthEventFeedback::evt-${i}`,
    userPoolId: "us-east-1_DemoPool1",
    username: `user-${i}@example.com`,
    eventId: `${i.toString(16).padStart(8, "0")}-bd00-490a-93b8-fa36fe42a3e0`,
    ...(action === "create" ? { newVerdict: "Invalid" } : { oldVerdict: "Valid" }),
    reason: "Sign-in from Berlin while the user was in Lisbon; confirmed by phone.",
    ticket: `SEC-${1000 + i}`,
    changed: [],
  });
  const changes = Array.from({ length: n }, (_, i) => row(i, "create"));
  if (withDelete) changes.push(row(n, "delete"));
  return {
    version: 1,
    ok: true,
    counts: { create: n, update: 0, replace: 0, delete: withDelete ? 1 : 0, same: 0 },
    otherResources: { count: 0, changing: 0 },
    changeSummary: { create: n },
    errors: [],
    warnings: [],
    changes,
  };
}

const rowsIn = (markdown: string) =>
  markdown.split("\n").filter((l) => l.startsWith("| `us-east-1_DemoPool1`")).length;
const lastLine = (markdown: string) => markdown.trimEnd().split("\n").pop();

describe("review comment within GitHub's limit", () => {
  for (const { rows, shown } of [
    { rows: 10, shown: 10 },
    { rows: 1_000, shown: 344 },
    { rows: 50_000, shown: 344 },
  ]) {
    // With the counts and, when rows were left out, a last line counting them.
    it(`GIVEN ${rows.toLocaleString("en-US")} changes THEN under 65,536 characters, ${shown} rows`, () => {
      const markdown = renderReviewMarkdown(summaryOf(rows));
      assert.ok(markdown.length < GITHUB_LIMIT, `${markdown.length} characters`);
      assert.ok(Buffer.byteLength(markdown) <= DEFAULT_MAX_BYTES);
      assert.match(markdown, new RegExp(`\\| ${rows} \\| 0 \\| 0 \\| 0 \\| 0 \\|`));
      assert.equal(rowsIn(markdown), shown);
      if (rows === shown) {
        assert.match(
          markdown,
          /<details open>\n<summary><strong>Create \(10\)<\/strong><\/summary>/,
        );
        assert.doesNotMatch(markdown, /left out/);
      } else {
        assert.match(
          markdown,
          new RegExp(
            `<details>\\n<summary><strong>Create \\(${shown} of ${rows} shown\\)</strong></summary>`,
          ),
        );
        assert.equal(
          lastLine(markdown),
          `**${(rows - shown).toLocaleString("en-US")} rows left out** to keep this comment within GitHub's limit; to see them all, run \`cognito-feedback review preview.json --format json\`, or \`--full-output review-full.md\` for the whole comment as a file (the example workflow uploads it as an artifact).`,
        );
      }
    });
  }

  it("GIVEN many creates and one delete WHEN rows are cut THEN the delete is first", () => {
    const markdown = renderReviewMarkdown(summaryOf(5_000, true));
    assert.match(markdown, /<summary><strong>Delete \(1\)<\/strong><\/summary>/);
    assert.ok(
      markdown.indexOf("Create (") < markdown.indexOf("Delete ("),
      "blocks keep their order",
    );
  });

  it("GIVEN maxBytes THEN it is the budget; GIVEN Infinity THEN every row is there", () => {
    const summary = summaryOf(1_000);
    assert.ok(Buffer.byteLength(renderReviewMarkdown(summary, { maxBytes: 10_000 })) <= 10_000);
    assert.equal(rowsIn(renderReviewMarkdown(summary, { maxBytes: Infinity })), 1_000);
  });

  describe("cognito-feedback review --max-bytes / --full-output", () => {
    const preview = (n: number) =>
      JSON.stringify({
        steps: Array.from({ length: n }, (_, i) => ({
          op: "create",
          urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/cognito:AuthEventFeedback::evt-${i}`,
          newState: {
            type: "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
            inputs: {
              userPoolId: "us-east-1_DemoPool1",
              username: `user-${i}`,
              eventId: `evt-${i}`,
              feedbackValue: "Invalid",
              reason: "Confirmed by phone.",
            },
          },
        })),
      });

    it("GIVEN --full-output WHEN rows are cut THEN a file has all; the last line says so", async () => {
      const r = await runInProcess(
        ["review", "-", "--max-bytes", "5000", "--full-output", "review-full.md"],
        { stdin: preview(1_000) },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.ok(Buffer.byteLength(r.stdout) <= 5_000);
      assert.match(
        lastLine(r.stdout) ?? "",
        /^\*\*\d+ rows left out\*\* to keep this comment within GitHub's limit; to see them all, see review-full\.md \(the whole comment; the example workflow uploads it as an artifact\), or run `cognito-feedback review preview\.json --format json`\.$/,
      );
      const full = r.written?.["review-full.md"] ?? "";
      assert.equal(
        full.split("\n").filter((l) => l.startsWith("| `us-east-1_DemoPool1`")).length,
        1_000,
      );
      assert.doesNotMatch(full, /left out/);
    });

    it("GIVEN --max-bytes below 1,000 THEN it is a usage error naming the flag", async () => {
      const r = await runInProcess(["review", "-", "--max-bytes", "10"], { stdin: preview(1) });
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /^error: option '--max-bytes <n>' argument '10' is invalid\. it must be a whole number of bytes, at least 1,000\.\n/,
      );
    });
  });
});
