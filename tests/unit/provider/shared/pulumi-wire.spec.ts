// Pulumi's wire values (unknown, secret signature) as the provider and the tests use them.
import assert from "node:assert/strict";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import {
  isSecretValue,
  parseUrn,
  SECRET_SIG,
  SECRET_SIG_KEY,
  UNKNOWN,
} from "../../../../provider/shared/pulumi-wire";

describe("Pulumi's wire values, defined once", () => {
  it("THEN they equal @pulumi/pulumi's own", () => {
    assert.equal(UNKNOWN, rpc.unknownValue);
    assert.equal(SECRET_SIG_KEY, rpc.specialSigKey);
    assert.equal(SECRET_SIG, rpc.specialSecretSig);
  });

  it("WHEN a value carries the secret signature THEN isSecretValue says so", () => {
    assert.equal(isSecretValue({ [SECRET_SIG_KEY]: SECRET_SIG, value: "x" }), true);
    assert.equal(isSecretValue({ [SECRET_SIG_KEY]: "other" }), false);
    assert.equal(isSecretValue("x"), false);
    assert.equal(isSecretValue(null), false);
  });

  describe("parseUrn", () => {
    const cases: [string, ReturnType<typeof parseUrn>][] = [
      [
        "urn:pulumi:dev::p::pulumi-nodejs:dynamic/cognito:AuthEventFeedback::evt-1",
        {
          stack: "dev",
          project: "p",
          qualifiedType: "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
          type: "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
          name: "evt-1",
        },
      ],
      [
        "urn:pulumi:dev::g::cognito-feedback:index:AuthEventFeedbackSet$pulumi-nodejs:dynamic/cognito:AuthEventFeedback::a::b",
        {
          stack: "dev",
          project: "g",
          qualifiedType:
            "cognito-feedback:index:AuthEventFeedbackSet$pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
          type: "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
          name: "a::b",
        },
      ],
      ["not-a-urn", undefined],
    ];
    for (const [urn, parts] of cases) {
      it(`WHEN ${urn.slice(0, 40)}… THEN its parts`, () => assert.deepEqual(parseUrn(urn), parts));
    }
  });
});
