// The provider's `check` and the emulator's model validation are written independently from the
// Cognito API reference (docs/development.md, "Design choices"). Here they check each other on arbitrary inputs: whatever the
// provider lets through, the emulator (standing in for Cognito) must accept.
import assert from "node:assert/strict";
import fc from "fast-check";
import { inputViolations } from "../../emulator/validation";
import { checkInputs } from "../../provider/resource/inputs";

/** Strings of `char` repeated to lengths just around a limit. */
const aroundLength = (char: string, limit: number) =>
  fc.integer({ min: limit - 2, max: limit + 2 }).map((n) => char.repeat(n));

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 140 }),
  fc.string({ unit: "grapheme", maxLength: 140 }),
  fc.stringMatching(/^[\w+\-=.@ ]{0,70}$/),
);
// Each field: values just around its length limit, values made of its allowed characters, and
// arbitrary text, so both acceptance and rejection are explored.
const poolId = fc.oneof(
  { arbitrary: text, weight: 1 },
  { arbitrary: aroundLength("a", 45).map((s) => `us-east-1_${s}`), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom("us-east-1", "eu-west-2", "us-gov-west-1", "mypool", "us-east-1 "),
        fc.stringMatching(/^[0-9a-zA-Z_]{0,48}$/),
      )
      .map(([a, b]) => `${a}_${b}`),
    weight: 4,
  },
);
const username = fc.oneof(
  { arbitrary: text, weight: 1 },
  { arbitrary: aroundLength("é", 128), weight: 1 },
  { arbitrary: fc.stringMatching(/^[\p{L}\p{M}\p{N}\p{P}\p{S}]{1,130}$/u), weight: 4 },
);
const eventId = fc.oneof(
  { arbitrary: text, weight: 1 },
  { arbitrary: aroundLength("e", 50), weight: 1 },
  { arbitrary: fc.stringMatching(/^[\w+-]{1,52}$/), weight: 4 },
);
const token = fc.option(
  fc.oneof(
    { arbitrary: text, weight: 1 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9\-_=.]{1,100}$/), weight: 4 },
  ),
  { nil: undefined },
);
const news = fc.record({
  userPoolId: poolId,
  username,
  eventId,
  feedbackValue: fc.oneof(fc.constantFrom("Valid", "invalid", "VALID", "Invalid"), text),
  feedbackToken: token,
});

/** The members the emulator flags, by their wire names (`userPoolId`, `username`, ...). */
function flaggedMembers(
  operation: "UpdateAuthEventFeedback" | "AdminUpdateAuthEventFeedback",
  wire: Record<string, unknown>,
) {
  return new Set(inputViolations(operation, wire).map((v) => /at '(\w+)'/.exec(v)?.[1]));
}

function wireRequest(inputs: Record<string, unknown>) {
  return {
    UserPoolId: inputs.userPoolId,
    Username: inputs.username,
    EventId: inputs.eventId,
    FeedbackValue: inputs.feedbackValue,
    ...(inputs.feedbackToken !== undefined ? { FeedbackToken: inputs.feedbackToken } : {}),
  };
}

describe("provider check and emulator validation agree (property-based)", () => {
  it("GIVEN any inputs check accepts WHEN sent normalized THEN the emulator agrees", () => {
    fc.assert(
      fc.property(news, (raw) => {
        const { inputs, failures } = checkInputs(raw);
        fc.pre(failures.length === 0);
        const operation =
          inputs.feedbackToken !== undefined
            ? "UpdateAuthEventFeedback"
            : "AdminUpdateAuthEventFeedback";
        assert.deepEqual(inputViolations(operation, wireRequest(inputs)), []);
      }),
      { numRuns: 500 },
    );
  });

  it("GIVEN any username, event id or token THEN both reject exactly the same values", () => {
    fc.assert(
      fc.property(news, (raw) => {
        const providerFailed = new Set(checkInputs(raw).failures.map((f) => f.property));
        const flagged = flaggedMembers(
          "UpdateAuthEventFeedback",
          wireRequest({ ...raw, feedbackValue: "Valid" }),
        );
        for (const property of ["username", "eventId", "feedbackToken"]) {
          if (property === "feedbackToken" && raw.feedbackToken === undefined) continue;
          assert.equal(
            providerFailed.has(property),
            flagged.has(property),
            `${property}: ${JSON.stringify(raw[property as keyof typeof raw])}`,
          );
        }
      }),
      { numRuns: 1000 },
    );
  });

  // Check is stricter: it needs a region prefix.
  it("GIVEN a pool id the emulator rejects THEN check rejects it too", () => {
    fc.assert(
      fc.property(poolId, (userPoolId) => {
        const flagged = flaggedMembers("AdminUpdateAuthEventFeedback", {
          UserPoolId: userPoolId,
          Username: "u",
          EventId: "e",
          FeedbackValue: "Valid",
        });
        const providerFailed = checkInputs({
          userPoolId,
          username: "u",
          eventId: "e",
          feedbackValue: "Valid",
        }).failures.some((f) => f.property === "userPoolId");
        if (flagged.has("userPoolId")) assert.ok(providerFailed, JSON.stringify(userPoolId));
      }),
      { numRuns: 1000 },
    );
  });
});
