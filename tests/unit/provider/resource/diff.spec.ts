import assert from "node:assert/strict";
import fc from "fast-check";
import { decideDiff, needsFeedbackCall } from "../../../../provider/resource/diff";
import { diff } from "../../../../provider/resource/implementation";
import { INPUT_PROPERTIES } from "../../../../provider/resource/inputs";
import { UNKNOWN } from "../../../../provider/shared/pulumi-wire";
import { TOKEN_MODE_OUTPUTS } from "../../../support/resource-state";

const OLDS = TOKEN_MODE_OUTPUTS;
// The same resource's checked inputs, unchanged.
const NEWS = {
  userPoolId: "us-east-1_AbC123xyZ",
  username: "alice",
  eventId: "evt-1",
  feedbackValue: "Invalid",
  feedbackToken: "fake-token-1",
  region: "us-east-1",
};
/** What diff answers when nothing is to be done. */
const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };

/** A row's expected answer in words: a replace of what, an update in place, or no change. */
function outcome({ changes, replaces }: { changes: boolean; replaces: string[] }): string {
  if (replaces.length > 0) return `replace (${replaces.join(", ")})`;
  return changes ? "update in place" : "no change";
}

describe("diff: the lifecycle decision table", () => {
  const table: {
    when: string;
    news: Record<string, unknown>;
    changes: boolean;
    replaces: string[];
  }[] = [
    { when: "nothing changed", news: {}, changes: false, replaces: [] },
    {
      when: "feedbackValue changed",
      news: { feedbackValue: "Valid" },
      changes: true,
      replaces: [],
    },
    {
      when: "feedbackValue changed only in letter case",
      news: { feedbackValue: "invalid" },
      changes: false,
      replaces: [],
    },
    {
      when: "userPoolId changed (same region)",
      news: { userPoolId: "us-east-1_Other1" },
      changes: true,
      replaces: ["userPoolId"],
    },
    {
      when: "userPoolId moved to another region",
      news: { userPoolId: "eu-west-1_Other1", region: "eu-west-1" },
      changes: true,
      replaces: ["userPoolId", "region"],
    },
    {
      when: "username changed",
      news: { username: "alice@example.com" },
      changes: true,
      replaces: ["username"],
    },
    { when: "eventId changed", news: { eventId: "evt-2" }, changes: true, replaces: ["eventId"] },
    {
      when: "eventId and feedbackValue changed",
      news: { eventId: "evt-2", feedbackValue: "Valid" },
      changes: true,
      replaces: ["eventId"],
    },
    {
      when: "only the token was rotated",
      news: { feedbackToken: "fake-token-2" },
      changes: false,
      replaces: [],
    },
    {
      when: "only the reason changed (audit note)",
      news: { reason: "Confirmed by phone" },
      changes: true,
      replaces: [],
    },
    {
      when: "only the ticket changed (audit note)",
      news: { ticket: "SEC-2" },
      changes: true,
      replaces: [],
    },
    {
      when: "reason unknown at preview",
      news: { reason: UNKNOWN },
      changes: true,
      replaces: [],
    },
    {
      when: "token mode -> admin mode",
      news: { feedbackToken: undefined },
      changes: false,
      replaces: [],
    },
    {
      when: "feedbackValue unknown at preview",
      news: { feedbackValue: UNKNOWN },
      changes: true,
      replaces: [],
    },
    {
      // The region cannot be derived either.
      when: "userPoolId unknown and no region",
      news: { userPoolId: UNKNOWN, region: undefined },
      changes: true,
      replaces: ["userPoolId", "region"],
    },
    {
      when: "username unknown at preview",
      news: { username: UNKNOWN },
      changes: true,
      replaces: ["username"],
    },
    {
      when: "eventId unknown at preview",
      news: { eventId: UNKNOWN },
      changes: true,
      replaces: ["eventId"],
    },
    {
      when: "token unknown at preview",
      news: { feedbackToken: UNKNOWN },
      changes: false,
      replaces: [],
    },
  ];
  for (const row of table) {
    it(`GIVEN ${row.when} THEN ${outcome(row)}`, () => {
      const news: Record<string, unknown> = { ...NEWS, ...row.news };
      for (const k of Object.keys(news)) if (news[k] === undefined) delete news[k];
      assert.deepEqual(decideDiff(OLDS, news), {
        changes: row.changes,
        replaces: row.replaces,
        deleteBeforeReplace: false,
      });
    });
  }

  // The region is derived from the pool id.
  it("GIVEN state written without region WHEN inputs are the same THEN no change", () => {
    const { region: _region, ...older } = OLDS;
    assert.equal(decideDiff(older, NEWS).changes, false);
  });

  it("GIVEN state from before reason and ticket WHEN inputs lack them THEN no change", () => {
    assert.deepEqual(decideDiff(OLDS, NEWS), NO_CHANGE);
  });

  it("GIVEN refresh's reversed call (new outputs, old inputs) THEN the same answer", () => {
    const drifted = { ...OLDS, feedbackValue: "Valid" };
    assert.deepEqual(decideDiff(NEWS, drifted), decideDiff(drifted, NEWS));
  });

  describe("properties", () => {
    const value = fc.oneof(
      fc.constant(UNKNOWN),
      fc.constantFrom(
        "us-east-1_A",
        "eu-west-1_B",
        "alice",
        "bob",
        "evt-1",
        "Valid",
        "invalid",
        "us-east-1",
      ),
      fc.anything(),
    );
    const bag = fc.dictionary(fc.constantFrom(...INPUT_PROPERTIES, "mode"), value);

    it("GIVEN any two property bags THEN diff answers without throwing (total)", () => {
      fc.assert(
        fc.property(bag, bag, (olds, news) => {
          const d = decideDiff(olds, news);
          assert.equal(typeof d.changes, "boolean");
          assert.ok(d.replaces.length === 0 || d.changes);
        }),
      );
    });

    it("GIVEN a change of the token alone THEN never a replace and never a change", () => {
      fc.assert(
        fc.property(bag, fc.option(fc.string(), { nil: undefined }), (olds, token) => {
          const news: Record<string, unknown> = { ...olds };
          if (token === undefined) delete news.feedbackToken;
          else news.feedbackToken = token;
          const hasUnknown = Object.values(olds).includes(UNKNOWN);
          const d = decideDiff(olds, news);
          if (!hasUnknown) assert.deepEqual(d, NO_CHANGE);
          assert.ok(!d.replaces.includes("feedbackToken"));
        }),
      );
    });

    it("GIVEN the same known inputs on both sides THEN the provider's diff finds none", async () => {
      const known = fc.dictionary(
        fc.constantFrom(...INPUT_PROPERTIES, "mode"),
        fc.jsonValue().filter((v) => v !== UNKNOWN),
      );
      await fc.assert(
        fc.asyncProperty(known, async (props) => {
          assert.deepEqual(await diff("id", props, { ...props }), NO_CHANGE);
        }),
      );
    });

    it("GIVEN any inputs THEN the provider's diff gives a boolean, never a token replace", async () => {
      await fc.assert(
        fc.asyncProperty(bag, bag, async (olds, news) => {
          const d = await diff("id", olds, news);
          assert.equal(typeof d.changes, "boolean");
          assert.ok(!(d.replaces ?? []).includes("feedbackToken"));
        }),
      );
    });
  });
});

describe("needsFeedbackCall: does an update reach Cognito?", () => {
  const table: {
    when: string;
    olds: Record<string, unknown>;
    news: Record<string, unknown>;
    call: boolean;
  }[] = [
    {
      when: "the verdict changed",
      olds: OLDS,
      news: { ...NEWS, feedbackValue: "Valid" },
      call: true,
    },
    {
      when: "only the reason or ticket changed",
      olds: { ...OLDS, reason: "old", ticket: "SEC-1" },
      news: { ...NEWS, reason: "new", ticket: "SEC-2" },
      call: false,
    },
    {
      when: "the verdict differs only in letter case",
      olds: OLDS,
      news: { ...NEWS, feedbackValue: "INVALID", reason: "new" },
      call: false,
    },
    {
      when: "the stored verdict is unreadable",
      olds: { ...OLDS, feedbackValue: undefined },
      news: { ...NEWS, reason: "new" },
      call: true,
    },
  ];
  for (const row of table) {
    it(`GIVEN ${row.when} THEN ${row.call ? "the feedback is sent" : "nothing is sent"}`, () => {
      assert.equal(needsFeedbackCall(row.olds, row.news), row.call);
    });
  }
});
