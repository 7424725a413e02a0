// The review summary rendered as the pull-request comment.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { summarizePreview, type ReviewSummary } from "../../../../provider/review/summary";
import {
  maskUsername,
  renderReviewJson,
  renderReviewMarkdown,
} from "../../../../provider/review/render";
import changes from "../../../fixtures/preview/changes.json";
import failed from "../../../fixtures/preview/failed.json";
import { extractBlocks } from "../../../support/markdown-blocks";

const FIXTURES = path.join(__dirname, "../../../fixtures/preview");
const golden = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

describe("review rendering: the pull-request comment", () => {
  it("GIVEN the changes fixture WHEN rendered masked THEN exactly the reviewed comment", () => {
    const markdown = renderReviewMarkdown(summarizePreview(changes), { maskUsernames: true });
    assert.equal(markdown, golden("changes.review.md"));
  });

  // The docs match the behaviour.
  it("GIVEN the README's sample comment THEN it is the start of the reviewed one", () => {
    const readme = readFileSync(path.join(__dirname, "../../../../README.md"), "utf8");
    const block = extractBlocks("README.md", readme).find((b) =>
      b.text.startsWith("## Cognito auth-event feedback: preview review\n"),
    );
    assert.ok(block !== undefined, "README has no sample review");
    const sample = block.text.slice(0, block.text.indexOf("\n(… Replace"));
    assert.ok(golden("changes.review.md").startsWith(sample));
  });

  it("GIVEN a failed preview WHEN rendered THEN the errors come before the counts", () => {
    const markdown = renderReviewMarkdown(summarizePreview(failed));
    assert.equal(markdown, golden("failed.review.md"));
    assert.ok(markdown.indexOf("The preview failed") < markdown.indexOf("| create |"));
  });

  it("GIVEN JSON output THEN it is the summary itself, usernames masked on request", () => {
    const summary = summarizePreview(changes);
    const parsed = JSON.parse(renderReviewJson(summary, { maskUsernames: true })) as ReviewSummary;
    assert.deepEqual(
      parsed.changes.map((r) => r.username),
      ["a***e", "b***b@example.com", "d***e", "c***l@example.com", "e***n"],
    );
    assert.deepEqual({ ...parsed, changes: [] }, { ...summary, changes: [] });
  });

  it("GIVEN notes with Markdown, HTML, pipes, newlines THEN each stays in its cell", () => {
    const summary = summarizePreview({
      steps: [
        {
          op: "create",
          urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/cognito:AuthEventFeedback::x",
          newState: {
            type: "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
            inputs: {
              userPoolId: "us-east-1_A",
              username: "a_b",
              eventId: "e",
              feedbackValue: "Valid",
              reason: "a | b\n<img src=x> **bold** [link](x)",
            },
          },
        },
      ],
    });
    const row = renderReviewMarkdown(summary)
      .split("\n")
      .find((l) => l.startsWith("| `us-east-1_A`"));
    assert.equal(
      row,
      "| `us-east-1_A` | a\\_b | `e` | **Valid** | a \\| b &lt;img src=x&gt; \\*\\*bold\\*\\* \\[link\\](x) |  |",
    );
  });

  it("GIVEN no AuthEventFeedback in the preview THEN it says so", () => {
    assert.match(
      renderReviewMarkdown(summarizePreview({ steps: [] })),
      /No AuthEventFeedback resources in this preview\./,
    );
  });

  it("GIVEN a username in brackets WHEN masked THEN it is masked like any other name", () => {
    const summary = summarizePreview(changes);
    const bracketed = {
      ...summary,
      changes: summary.changes.map((r, i) => (i === 0 ? { ...r, username: "[alice]" } : r)),
    };
    const parsed = JSON.parse(
      renderReviewJson(bracketed, { maskUsernames: true }),
    ) as ReviewSummary;
    assert.equal(parsed.changes[0].username, "[***]");
    assert.ok(!renderReviewMarkdown(bracketed, { maskUsernames: true }).includes("[alice]"));
  });

  describe("maskUsername", () => {
    const cases: [string, string][] = [
      ["alice", "a***e"],
      ["bo", "b*"],
      ["x", "*"],
      ["alice@example.com", "a***e@example.com"],
      ["Zoë_Ñandú", "Z***ú"],
      ["[secret]", "[secret]"],
      ["(known after apply)", "(known after apply)"],
      ["(not shown)", "(not shown)"],
      ["[alice]", "[***]"],
      ["(bob)", "(***)"],
      ["[secret]x", "[***x"],
    ];
    for (const [given, masked] of cases) {
      it(`${given} -> ${masked}`, () => assert.equal(maskUsername(given), masked));
    }
  });
});
