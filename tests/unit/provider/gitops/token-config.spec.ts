// Where feedback tokens live: one secret stack-config object, keyed by event id.
import assert from "node:assert/strict";
import { tokenConfigCommand, tokenEventIds } from "../../../../provider/gitops/token-config";

describe("token config: feedback tokens in one secret stack-config object, by event id", () => {
  it("GIVEN an event id THEN the command stores its token with the bracket path form", () => {
    assert.equal(
      tokenConfigCommand("7875548a-bd00-490a-93b8-fa36fe42a3e0"),
      `pulumi config set --secret --path 'feedbackTokens["7875548a-bd00-490a-93b8-fa36fe42a3e0"]' <token>`,
    );
    assert.equal(
      tokenConfigCommand("evt+1", "tokens"),
      `pulumi config set --secret --path 'tokens["evt+1"]' <token>`,
    );
  });

  const cases: { name: string; value: unknown; result: unknown }[] = [
    { name: "no config set", value: undefined, result: { eventIds: new Set() } },
    {
      name: "a mapping of event ids to tokens",
      value: { "evt-1": "fake-token-1", "evt-2": "fake-token-2" },
      result: { eventIds: new Set(["evt-1", "evt-2"]) },
    },
    {
      name: "a plain string",
      value: "fake-token-1",
      result: {
        problem: `stack config feedbackTokens must map event ids to feedback tokens. Set each token with: pulumi config set --secret --path 'feedbackTokens["<eventId>"]' <token>`,
      },
    },
    {
      name: "a mapping with a value that is no string",
      value: { "evt-1": { nested: "fake-token-1" } },
      result: {
        problem: `stack config feedbackTokens must map event ids to feedback tokens, but the value for evt-1 is not a string. Set each token with: pulumi config set --secret --path 'feedbackTokens["<eventId>"]' <token>`,
      },
    },
  ];
  for (const c of cases) {
    it(`GIVEN ${c.name} THEN ${"problem" in (c.result as object) ? "it says how to fix it" : "the event ids with a token"}`, () => {
      assert.deepEqual(tokenEventIds(c.value), c.result);
    });
  }
});
