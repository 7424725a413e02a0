import assert from "node:assert/strict";
import fc from "fast-check";
import { check } from "../../../../provider/resource/implementation";
import {
  checkInputs,
  eventKey,
  failuresForEngine,
  INPUT_PROPERTIES,
  NEVER_ECHOED,
  parseInputs,
  storedRegion,
} from "../../../../provider/resource/inputs";
import { isEventId, regionOfPoolId } from "../../../../provider/cognito/values";
import { UNKNOWN } from "../../../../provider/shared/pulumi-wire";

const VALID = {
  userPoolId: "us-east-1_AbC123xyZ",
  username: "alice",
  eventId: "7875548a-bd00-490a-93b8-fa36fe42a3e0",
  feedbackValue: "Invalid",
  feedbackToken: "fake-token-for-tests.only_=",
};

/** Obviously fake, but shaped like a real token: long, with a long unbroken random-looking run. */
const FAKE_LONG_TOKEN = "fake-token-" + "x1".repeat(15);

function failuresFor(overrides: Record<string, unknown>) {
  return checkInputs({ ...VALID, ...overrides }).failures;
}

describe("check: validation of AuthEventFeedback inputs", () => {
  it("GIVEN valid inputs THEN no failure, and the region is derived from the pool id", () => {
    const { inputs, failures } = checkInputs(VALID);
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs, { ...VALID, region: "us-east-1" });
  });

  describe("GIVEN one bad property WHEN checked THEN only it fails, saying how to fix it", () => {
    const cases: {
      name: string;
      input: Record<string, unknown>;
      property: string;
      reason: string;
    }[] = [
      {
        name: "userPoolId missing",
        input: { userPoolId: undefined },
        property: "userPoolId",
        reason: `userPoolId is required: set it to the user pool's id, like "us-east-1_AbC123xyZ".`,
      },
      {
        name: "userPoolId not a string",
        input: { userPoolId: 42 },
        property: "userPoolId",
        reason: "userPoolId must be a string, but it is a number.",
      },
      {
        name: "userPoolId an ARN",
        input: { userPoolId: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC" },
        property: "userPoolId",
        reason: `userPoolId is 65 characters long; Cognito allows at most 55. Use the pool id, like "us-east-1_AbC123xyZ", not its ARN or name.`,
      },
      {
        name: "userPoolId without underscore",
        input: { userPoolId: "us-east-1-AbC" },
        property: "userPoolId",
        reason:
          'userPoolId "us-east-1-AbC" is not a Cognito user pool id: it must be <region>_<id>, like "us-east-1_AbC123xyZ" (find it in the Cognito console or with `aws cognito-idp list-user-pools`).',
      },
      {
        name: "userPoolId with a leading space (whole-value match)",
        input: { userPoolId: " us-east-1_AbC" },
        property: "userPoolId",
        reason:
          'userPoolId " us-east-1_AbC" is not a Cognito user pool id: it must be <region>_<id>, like "us-east-1_AbC123xyZ" (find it in the Cognito console or with `aws cognito-idp list-user-pools`). Remove the leading or trailing whitespace.',
      },
      {
        name: "userPoolId whose prefix is no region",
        input: { userPoolId: "mypool_AbC123" },
        property: "userPoolId",
        reason:
          'userPoolId "mypool_AbC123" does not start with an AWS region: Cognito pool ids are <region>_<id>, like "us-east-1_AbC123xyZ", and the region is taken from that prefix.',
      },
      {
        name: "username missing",
        input: { username: undefined },
        property: "username",
        reason:
          "username is required: set it to the user's username, an alias (email, phone) or the sub.",
      },
      {
        name: "username empty",
        input: { username: "" },
        property: "username",
        reason:
          "username is required: set it to the user's username, an alias (email, phone) or the sub.",
      },
      {
        name: "username too long",
        input: { username: "a".repeat(129) },
        property: "username",
        reason:
          "username is 129 characters long; Cognito allows at most 128. Use the username, an alias (email, phone) or the sub.",
      },
      {
        name: "username with a space",
        input: { username: "alice smith" },
        property: "username",
        reason:
          "username contains whitespace or control characters, which no Cognito username, alias or sub has: copy it exactly as Cognito shows it.",
      },
      {
        name: "eventId with a slash",
        input: { eventId: "abc/def" },
        property: "eventId",
        reason: `eventId "abc/def" is not a Cognito event id: only letters, digits, '_', '+' and '-' are allowed. Use the EventId shown by AdminListUserAuthEvents or the console's sign-in history.`,
      },
      {
        name: "eventId too long",
        input: { eventId: "e".repeat(51) },
        property: "eventId",
        reason:
          "eventId is 51 characters long; Cognito event ids have at most 50. Use the EventId shown by AdminListUserAuthEvents or the console's sign-in history.",
      },
      {
        name: "feedbackValue not a verdict",
        input: { feedbackValue: "maybe" },
        property: "feedbackValue",
        reason:
          'feedbackValue "maybe" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.',
      },
      {
        name: "feedbackValue missing",
        input: { feedbackValue: undefined },
        property: "feedbackValue",
        reason: 'feedbackValue is required: set it to "Valid" or "Invalid".',
      },
      {
        name: "feedbackToken with '+' (standard base64, not a Cognito token)",
        input: { feedbackToken: "fake+token/xx" },
        property: "feedbackToken",
        reason:
          "feedbackToken has characters a Cognito feedback token never has (allowed: letters, digits, '-', '_', '=', '.'): copy it again from the notification link, or leave feedbackToken out to use admin mode (IAM).",
      },
      {
        name: "feedbackToken empty",
        input: { feedbackToken: "" },
        property: "feedbackToken",
        reason:
          "feedbackToken is empty: set the event's feedback token, or leave feedbackToken out to use admin mode (IAM).",
      },
      {
        name: "region not a region id",
        input: { region: "Virginia" },
        property: "region",
        reason:
          'region "Virginia" is not an AWS region id like "us-east-1": fix it, or leave region out to take it from userPoolId.',
      },
      {
        name: "reason blank",
        input: { reason: "   " },
        property: "reason",
        reason:
          "reason is blank: say in a sentence why the verdict is right (who confirmed it, and how).",
      },
      {
        name: "reason empty",
        input: { reason: "" },
        property: "reason",
        reason: "reason is empty: set it or leave it out.",
      },
      {
        name: "reason too long",
        input: { reason: "r".repeat(501) },
        property: "reason",
        reason:
          "reason is 501 characters long; at most 500 are allowed: summarise it and put the details in the ticket.",
      },
      {
        name: "reason with a pasted token",
        input: { reason: `Alice confirmed; token ${FAKE_LONG_TOKEN}` },
        property: "reason",
        reason:
          "reason contains what looks like a secret (a 41-character token-like string): reason is kept in plain text in state and shown in previews. Remove it; a feedback token belongs in feedbackToken, which is always a secret.",
      },
      {
        name: "ticket not a string",
        input: { ticket: 1234 },
        property: "ticket",
        reason: "ticket must be a string, but it is a number.",
      },
      {
        name: "ticket with whitespace",
        input: { ticket: "SEC 1234" },
        property: "ticket",
        reason:
          'ticket contains whitespace: give one reference, like "SEC-1234" or a link to the ticket.',
      },
      {
        name: "ticket too long",
        input: { ticket: "t".repeat(201) },
        property: "ticket",
        reason:
          'ticket is 201 characters long; at most 200 are allowed: give a reference like "SEC-1234" or a link.',
      },
      {
        name: "ticket link carrying a token in its query",
        input: { ticket: `https://tickets.example.com/SEC-1?auth=${FAKE_LONG_TOKEN}` },
        property: "ticket",
        reason:
          "ticket contains what looks like a secret (a 46-character token-like string): ticket is kept in plain text in state and shown in previews. Remove it; a feedback token belongs in feedbackToken, which is always a secret.",
      },
      {
        name: "region disagreeing with the pool id",
        input: { region: "eu-west-1" },
        property: "region",
        reason:
          'region "eu-west-1" does not match userPoolId "us-east-1_AbC123xyZ", whose region is "us-east-1": set region to "us-east-1" or leave it out.',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        assert.deepEqual(failuresFor(c.input), [{ property: c.property, reason: c.reason }]);
      });
    }
  });

  // The overrides file requires a reason.
  it("GIVEN reason required WHEN it is missing or empty THEN it says to give one", () => {
    const message =
      "reason is required: say in a sentence why the verdict is right (who confirmed it, and how).";
    for (const reason of [undefined, ""]) {
      assert.deepEqual(checkInputs({ ...VALID, reason }, { require: ["reason"] }).failures, [
        { property: "reason", reason: message },
      ]);
    }
  });

  it("GIVEN several bad properties THEN every one is reported, in declaration order", () => {
    const failures = failuresFor({ userPoolId: "x", eventId: "", feedbackValue: "yes" });
    assert.deepEqual(
      failures.map((f) => f.property),
      ["userPoolId", "eventId", "feedbackValue"],
    );
  });

  describe("GIVEN a valid value at the edge of a constraint WHEN checked THEN it passes", () => {
    const cases: [string, Record<string, unknown>][] = [
      ["55-character pool id", { userPoolId: "ap-southeast-2_" + "a".repeat(40) }],
      ["GovCloud pool id", { userPoolId: "us-gov-west-1_AbC123" }],
      ["128-character username", { username: "b".repeat(128) }],
      ["username that is an email alias", { username: "alice+test@example.com" }],
      ["username with non-Latin letters and marks", { username: "Zoë_Ñandú-李" }],
      ["username with a symbol", { username: "bob$€" }],
      ["username that is a sub", { username: "0f6a1c2e-58b3-4c1d-9e8f-2a3b4c5d6e7f" }],
      ["50-character event id with + and _", { eventId: "a+b_c-" + "d".repeat(44) }],
      ["no token (admin mode)", { feedbackToken: undefined }],
      ["token with '=' and '.'", { feedbackToken: "fake.token=x-y_z" }],
      ["region equal to the pool's", { region: "us-east-1" }],
      ["500-character reason", { reason: "r".repeat(500) }],
      ["multi-line reason", { reason: "Alice confirmed by phone.\nShe was travelling." }],
      ["reason quoting an event id (a UUID)", { reason: `Same as ${VALID.eventId}` }],
      ["200-character ticket", { ticket: "t".repeat(200) }],
      ["ticket that is a link", { ticket: "https://tickets.example.com/browse/SEC-1234" }],
      [
        "ticket naming a git commit (public, not a secret)",
        { ticket: "https://git.example.com/r/commit/" + "ab12".repeat(10) },
      ],
    ];
    for (const [name, input] of cases) {
      it(name, () => assert.deepEqual(failuresFor(input), []));
    }
  });

  describe("GIVEN feedbackValue in any letter case WHEN checked THEN it is Valid or Invalid", () => {
    for (const [given, stored] of [
      ["valid", "Valid"],
      ["VALID", "Valid"],
      ["Valid", "Valid"],
      ["invalid", "Invalid"],
      ["iNvAlId", "Invalid"],
    ]) {
      it(`${given} -> ${stored}`, () => {
        assert.equal(checkInputs({ ...VALID, feedbackValue: given }).inputs.feedbackValue, stored);
      });
    }
  });

  it("GIVEN unknown values at preview THEN they pass untouched; region is not guessed", () => {
    const news = {
      userPoolId: UNKNOWN,
      username: UNKNOWN,
      eventId: UNKNOWN,
      feedbackValue: UNKNOWN,
      feedbackToken: UNKNOWN,
    };
    const { inputs, failures } = checkInputs(news);
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs, news);
  });

  it("GIVEN an unknown region and a known pool THEN the unknown region passes through", () => {
    const { inputs, failures } = checkInputs({ ...VALID, region: UNKNOWN });
    assert.deepEqual(failures, []);
    assert.equal(inputs.region, UNKNOWN);
  });

  it("GIVEN extra properties WHEN checked THEN only the resource's own come back", () => {
    const { inputs } = checkInputs({ ...VALID, __provider: "text", colour: "blue" });
    assert.deepEqual(Object.keys(inputs).sort(), [...Object.keys(VALID), "region"].sort());
  });

  it("GIVEN a bad token WHEN checked THEN no reason contains the token", () => {
    const token = "fake-secret+token";
    const { failures } = checkInputs({ ...VALID, feedbackToken: token });
    assert.ok(failures.length === 1 && !failures[0].reason.includes(token));
  });

  // Cognito treats the username as sensitive.
  it("GIVEN a bad username WHEN checked THEN the reason does not echo it", () => {
    const { failures } = checkInputs({ ...VALID, username: "secret user" });
    assert.ok(!failures[0].reason.includes("secret user"));
  });

  describe("properties", () => {
    const region = fc.constantFrom("us-east-1", "eu-west-2", "ap-southeast-5", "us-gov-west-1");
    const poolSuffix = fc.stringMatching(/^[0-9a-zA-Z]{1,20}$/);
    const valid = fc.record({
      userPoolId: fc.tuple(region, poolSuffix).map(([r, s]) => `${r}_${s}`),
      username: fc.stringMatching(/^[\p{L}\p{N}\p{P}\p{S}]{1,128}$/u),
      eventId: fc.stringMatching(/^[\w+-]{1,50}$/),
      feedbackValue: fc.constantFrom("valid", "Valid", "INVALID", "Invalid", "invalid"),
      feedbackToken: fc.option(fc.stringMatching(/^[A-Za-z0-9\-_=.]{1,200}$/), { nil: undefined }),
    });

    it("GIVEN any valid inputs THEN no failures, and a second check changes nothing", () => {
      fc.assert(
        fc.property(valid, (news) => {
          const first = checkInputs(news);
          assert.deepEqual(first.failures, []);
          const second = checkInputs(first.inputs);
          assert.deepEqual(second, first);
        }),
      );
    });

    it("GIVEN arbitrary values THEN it never throws; each failure names a known property", () => {
      const names = [...INPUT_PROPERTIES];
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...names, "other"), fc.anything()), (news) => {
          const { failures } = checkInputs(news);
          for (const f of failures) {
            assert.ok(names.includes(f.property));
            assert.ok(f.reason.length > 0);
          }
        }),
      );
    });
  });
});

describe("check through the provider implementation (property-based)", () => {
  // JSON-ish values as the engine sends them, with the preview's unknown sentinel mixed in.
  const jsonish = fc.oneof(
    fc.constant(UNKNOWN),
    fc.jsonValue(),
    fc.constantFrom(
      "us-east-1_AbC",
      "alice",
      "evt-1",
      "valid",
      "INVALID",
      "fake-token-1",
      "us-east-1",
      "",
    ),
  );
  const news = fc.dictionary(fc.constantFrom(...INPUT_PROPERTIES, "__provider", "extra"), jsonish);

  // Each failure names its input, never as a property the CLI would echo; unknowns pass through.
  it("GIVEN any inputs, unknowns included THEN failures name inputs; unknowns pass", async () => {
    await fc.assert(
      fc.asyncProperty(news, async (given) => {
        const { inputs, failures } = await check({}, given);
        for (const f of failures ?? []) {
          if (f.property === "") {
            assert.ok(
              INPUT_PROPERTIES.some((p) => f.reason.startsWith(p)),
              f.reason,
            );
          } else {
            assert.ok(INPUT_PROPERTIES.includes(f.property), f.property);
            assert.ok(!NEVER_ECHOED.includes(f.property), f.property);
          }
        }
        for (const [key, value] of Object.entries(given)) {
          if (value === UNKNOWN && INPUT_PROPERTIES.includes(key)) {
            assert.equal((inputs as Record<string, unknown>)[key], UNKNOWN);
          }
        }
      }),
    );
  });

  it("GIVEN inputs check accepts THEN they come back normalized; rechecked, unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(news, async (given) => {
        const first = await check({}, given);
        if ((first.failures ?? []).length > 0) return;
        const inputs = first.inputs as Record<string, unknown>;
        if (typeof inputs.feedbackValue === "string" && inputs.feedbackValue !== UNKNOWN) {
          assert.ok(["Valid", "Invalid"].includes(inputs.feedbackValue));
        }
        assert.deepEqual(await check({}, inputs), first);
      }),
    );
  });
});

describe("regionOfPoolId", () => {
  const cases: [unknown, string | undefined][] = [
    ["us-east-1_AbC", "us-east-1"],
    ["us-gov-west-1_AbC", "us-gov-west-1"],
    ["eu-central-2_x1", "eu-central-2"],
    ["local_AbC", undefined],
    ["us-east-1_", undefined],
    [UNKNOWN, undefined],
    [7, undefined],
  ];
  for (const [poolId, region] of cases) {
    it(`${String(poolId)} -> ${String(region)}`, () =>
      assert.equal(regionOfPoolId(poolId), region));
  }
});

describe("parseInputs (create and update)", () => {
  it("GIVEN valid inputs THEN they come back typed and normalized", () => {
    assert.deepEqual(parseInputs({ ...VALID, feedbackValue: "valid" }), {
      ...VALID,
      feedbackValue: "Valid",
      region: "us-east-1",
    });
  });

  it("GIVEN an input that is still unknown THEN it refuses, naming the property", () => {
    assert.throws(() => parseInputs({ ...VALID, eventId: UNKNOWN }), {
      name: "InvalidInputsError",
      message: "invalid AuthEventFeedback inputs: eventId is not known yet.",
    });
  });

  describe("shared identity helpers", () => {
    it("GIVEN a pool and an event THEN the event key is <pool>/<event>", () => {
      assert.equal(eventKey("us-east-1_AbC123xyZ", "evt-1"), "us-east-1_AbC123xyZ/evt-1");
    });

    it("GIVEN state with or without region THEN storedRegion is it, else the pool's", () => {
      assert.equal(storedRegion({ userPoolId: "us-east-1_AbC", region: "eu-west-1" }), "eu-west-1");
      assert.equal(storedRegion({ userPoolId: "us-east-1_AbC" }), "us-east-1");
      assert.equal(storedRegion({ userPoolId: "nonsense" }), undefined);
    });

    it("GIVEN any string THEN isEventId agrees with check's eventId rule", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\w+-]{1,52}$/)), (v) => {
          const byCheck = !checkInputs({ eventId: v }).failures.some(
            (f) => f.property === "eventId",
          );
          assert.equal(isEventId(v), byCheck, JSON.stringify(v));
        }),
      );
    });
  });
});

describe("failuresForEngine: what the Pulumi CLI may print of a failed check", () => {
  // The CLI prints `property p value {<raw value>} has a problem` for a failure with a property.
  const cases: [string, string, unknown, string][] = [
    ["a feedback token", "feedbackToken", "fake-token-refused!", ""],
    ["a username (personal data)", "username", "alice\tsmith", ""],
    ["a pool id that holds a pasted key", "userPoolId", "AKIAFAKEFAKEFAKEFAKE", ""],
    ["a value that is not text", "eventId", { nested: "fake-token-1" }, ""],
    ["a plain pool id", "userPoolId", "us-east-1-NoUnderscore", "userPoolId"],
    ["a plain verdict", "feedbackValue", "maybe", "feedbackValue"],
  ];
  for (const [what, property, value, expected] of cases) {
    it(`GIVEN a failure on ${what} THEN sent ${expected === "" ? "with no property" : `as ${expected}`}`, () => {
      const reason = `${property} is wrong.`;
      assert.deepEqual(failuresForEngine([{ property, reason }], { [property]: value }), [
        { property: expected, reason },
      ]);
    });
  }

  it("THEN the inputs never echoed are the token and the username", () => {
    assert.deepEqual([...NEVER_ECHOED].sort(), ["feedbackToken", "username"]);
  });
});
