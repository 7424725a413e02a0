// `pulumi preview --json` summarized for a reviewer, with no secret value in any output.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  displayValue,
  NotAPreviewError,
  summarizePreview,
  type ReviewSummary,
} from "../../../../provider/review/summary";
import { renderReviewJson, renderReviewMarkdown } from "../../../../provider/review/render";
import { SECRET_SIG, SECRET_SIG_KEY, UNKNOWN } from "../../../../provider/shared/pulumi-wire";
import changes from "../../../fixtures/preview/changes.json";
import failed from "../../../fixtures/preview/failed.json";
import secrets from "../../../fixtures/preview/secrets.json";
import { clipTitle } from "../../../support/titles";

const SET =
  "urn:pulumi:dev::gitops::cognito-feedback:index:AuthEventFeedbackSet$pulumi-nodejs:dynamic/cognito:AuthEventFeedback::";

describe("preview summary: `pulumi preview --json` -> what the reviewer needs", () => {
  it("GIVEN every kind of change WHEN summarized THEN counts, others, rows per verdict", () => {
    const s = summarizePreview(changes);
    assert.deepEqual(s.counts, { create: 1, update: 2, replace: 1, delete: 1, same: 1 });
    assert.deepEqual(s.otherResources, { count: 1, changing: 1 });
    assert.deepEqual(s.changeSummary, { create: 2, delete: 1, replace: 1, same: 4, update: 2 });
    assert.equal(s.ok, true);
    assert.deepEqual(s.errors, []);
    assert.deepEqual(
      s.changes.map((r) => [r.action, r.username, r.oldVerdict, r.newVerdict, r.changed]),
      [
        ["create", "alice", undefined, "Invalid", []],
        ["update", "bob@example.com", "Valid", "Invalid", ["verdict", "reason", "ticket"]],
        ["update", "dave", "Valid", "Valid", ["reason", "ticket"]],
        ["replace", "carol@example.com", "Invalid", "Invalid", ["username"]],
        ["delete", "erin", "Invalid", undefined, []],
      ],
    );
  });

  it("GIVEN an update THEN its row has the new notes; GIVEN a delete THEN the old ones", () => {
    const s = summarizePreview(changes);
    const bob = s.changes.find((r) => r.username === "bob@example.com");
    assert.deepEqual(bob, {
      action: "update",
      name: "gitops-us-east-1_DemoPool1-1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f",
      urn: `${SET}gitops-us-east-1_DemoPool1-1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f`,
      userPoolId: "us-east-1_DemoPool1",
      username: "bob@example.com",
      eventId: "1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f",
      oldVerdict: "Valid",
      newVerdict: "Invalid",
      reason: "Not Bob after all: the laptop was never issued (asset register).",
      ticket: "SEC-1051",
      changed: ["verdict", "reason", "ticket"],
    });
    const erin = s.changes.find((r) => r.action === "delete");
    assert.equal(erin?.reason, "Impossible travel; account reset.");
  });

  it("GIVEN a failed preview THEN not ok; errors and warnings without severity prefix", () => {
    const s = summarizePreview(failed);
    assert.equal(s.ok, false);
    assert.deepEqual(s.errors, [
      {
        resource: "gitops-us-east-1_DemoPool1-evt_9",
        urn: `${SET}gitops-us-east-1_DemoPool1-evt_9`,
        message: `pulumi-nodejs:dynamic/cognito:AuthEventFeedback resource 'gitops-us-east-1_DemoPool1-evt_9': property feedbackValue value {maybe} has a problem: feedbackValue "maybe" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.`,
      },
    ]);
    assert.deepEqual(
      s.warnings.map((w) => w.message),
      ["using pulumi-language-nodejs from $PATH at /usr/local/bin"],
    );
  });

  // Secrets as `[secret]` strings or as signature objects.
  it("GIVEN secrets in any form and unknowns THEN shown as such; no secret is output", () => {
    const s = summarizePreview(secrets);
    assert.deepEqual(
      s.changes.map((r) => [r.username, r.reason]),
      [
        ["[secret]", "(known after apply)"],
        ["[secret]", "Confirmed."],
      ],
    );
    for (const out of [JSON.stringify(s), renderReviewMarkdown(s), renderReviewJson(s)]) {
      assert.ok(!out.includes("fake-token"), "a token leaked");
      assert.ok(!out.includes("fakeCipherText"), "ciphertext leaked");
    }
  });

  describe("GIVEN input that is not a preview THEN it says so and how to get one", () => {
    const cases: [string, unknown, string][] = [
      ["a list", [1], "expected a JSON object, got a list"],
      ["a string", "preview", "expected a JSON object, got string"],
      ["an unrelated object", { hello: 1 }, "it has none of steps, diagnostics and changeSummary"],
      ["steps that are no list", { steps: {} }, "steps is not a list"],
      ["a step without op", { steps: [{ urn: "u" }] }, "steps[0] has no op and urn"],
      ["diagnostics that are no list", { diagnostics: "x" }, "diagnostics is not a list"],
      [
        "a changeSummary that is no mapping",
        { changeSummary: [] },
        "changeSummary is not a mapping",
      ],
    ];
    for (const [name, input, why] of cases) {
      it(name, () =>
        assert.throws(() => summarizePreview(input), {
          name: "NotAPreviewError",
          message: `the input is not \`pulumi preview --json\` output: ${why}. Run \`pulumi preview --json > preview.json\` and pass that file (or - for stdin).`,
        }),
      );
    }
    it("is a NotAPreviewError", () => assert.ok(new NotAPreviewError("x") instanceof Error));
  });

  it("GIVEN an empty preview of a stack THEN all counts are zero and it is ok", () => {
    const s: ReviewSummary = summarizePreview({ steps: [], changeSummary: {} });
    assert.deepEqual(s.counts, { create: 0, update: 0, replace: 0, delete: 0, same: 0 });
    assert.equal(s.ok, true);
  });

  describe("displayValue: what a property may show", () => {
    const cases: [unknown, string | undefined][] = [
      ["alice", "alice"],
      ["[secret]", "[secret]"],
      [{ [SECRET_SIG_KEY]: SECRET_SIG, value: "fake-token-x" }, "[secret]"],
      [UNKNOWN, "(known after apply)"],
      [{ nested: "object" }, "(not shown)"],
      [7, "7"],
      [undefined, undefined],
      [null, undefined],
    ];
    for (const [value, shown] of cases) {
      it(`${clipTitle(String(JSON.stringify(value)), 60)} -> ${String(shown)}`, () =>
        assert.equal(displayValue(value), shown));
    }
  });

  describe("properties", () => {
    const sig = { [SECRET_SIG_KEY]: SECRET_SIG };
    const secretText = fc.stringMatching(/^[A-Za-z0-9]{12,30}$/).map((s) => `never-${s}`);
    const props = fc.record({
      userPoolId: fc.constantFrom("us-east-1_A", "eu-west-1_B"),
      username: fc.oneof(
        fc.constantFrom("alice", "[secret]"),
        secretText.map((v) => ({ ...sig, value: v })),
      ),
      eventId: fc.stringMatching(/^[\w-]{1,12}$/),
      feedbackValue: fc.constantFrom("Valid", "invalid"),
      feedbackToken: fc.oneof(
        fc.constant("[secret]"),
        secretText.map((v) => ({ ...sig, plaintext: v })),
      ),
      reason: fc.oneof(
        fc.constant("ok"),
        secretText.map((v) => ({ ...sig, ciphertext: v })),
      ),
    });
    const step = fc
      .tuple(fc.constantFrom("create", "update", "delete", "same", "replace"), props, props)
      .map(([op, olds, news]) => {
        const urn = `${SET}r-${news.eventId}`;
        const st = (p: object) => ({
          urn,
          type: "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
          inputs: p,
          outputs: p,
        });
        return {
          op,
          urn,
          ...(op !== "create" ? { oldState: st(olds) } : {}),
          ...(op !== "delete" ? { newState: st(news) } : {}),
        };
      });
    const previews = fc.uniqueArray(step, { selector: (s) => s.urn, maxLength: 12 });

    it("GIVEN any steps with secrets in any form THEN no secret reaches Markdown or JSON", () => {
      fc.assert(
        fc.property(previews, (steps) => {
          const s = summarizePreview({ steps });
          for (const out of [renderReviewMarkdown(s), renderReviewJson(s)]) {
            assert.ok(!out.includes("never-"), out);
          }
        }),
        { numRuns: 100 },
      );
    });

    it("GIVEN the same steps in any order THEN the same summary", () => {
      fc.assert(
        fc.property(
          previews.chain((steps) =>
            fc.tuple(fc.constant(steps), fc.shuffledSubarray(steps, { minLength: steps.length })),
          ),
          ([steps, shuffled]) => {
            assert.deepEqual(summarizePreview({ steps: shuffled }), summarizePreview({ steps }));
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
