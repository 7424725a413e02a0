// AuthEventFeedbackSet under Pulumi mocks: one child resource per override, stable names, tokens
// from secret config, and the program failing on a bad file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AuthEventFeedbackSet, parseOverrides, type OverrideInput } from "../../../../provider";
import { childName } from "../../../../provider/gitops/child-names";
import { SECRET_SIG, SECRET_SIG_KEY } from "../../../../provider/shared/pulumi-wire";
import { recordingMocks } from "../../../support/mocks";

const EXAMPLE = path.join(__dirname, "../../../fixtures/overrides/sample.yaml");
const ALICE_EVENT = "7875548a-bd00-490a-93b8-fa36fe42a3e0";
const FEEDBACK_TYPE = "pulumi-nodejs:dynamic/cognito:AuthEventFeedback";

/** Asserts that `fn` stops the program with a RunError (no stack trace) whose message matches. */
function assertRunError(fn: () => unknown, message: string | RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(pulumi.RunError.isInstance(err), "expected a pulumi.RunError");
    if (typeof message === "string") assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  });
}

/** The example file's overrides, as a program would give them in code. */
function exampleOverrides(): OverrideInput[] {
  const loaded = parseOverrides(readFileSync(EXAMPLE, "utf8"), "overrides.yaml");
  assert.ok(loaded.ok);
  return loaded.overrides;
}

async function settled(set: AuthEventFeedbackSet): Promise<void> {
  await Promise.all(
    Object.values(set.feedback).map((r) => new Promise<void>((ok) => r.urn.apply(() => ok()))),
  );
}

describe("AuthEventFeedbackSet: one resource per override (under Pulumi mocks)", () => {
  let registered: pulumi.runtime.MockResourceArgs[] = [];
  const inputsOf = (name: string) =>
    registered.find((r) => r.name === name)?.inputs as Record<string, unknown> | undefined;

  before(async () => {
    registered = await recordingMocks();
    pulumi.runtime.setAllConfig(
      { "project:feedbackTokens": JSON.stringify({ [ALICE_EVENT]: "fake-token-alice-set" }) },
      ["project:feedbackTokens"],
    );
  });

  after(() => pulumi.runtime.setAllConfig({}));

  it("GIVEN the example file WHEN declared THEN a named child per override, and counts", async () => {
    const set = new AuthEventFeedbackSet("gitops", { file: EXAMPLE });
    await settled(set);
    assert.deepEqual(Object.keys(set.feedback), [
      `us-east-1_DemoPool1/${ALICE_EVENT}`,
      "us-east-1_DemoPool1/1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f",
      "eu-west-1_DemoPool2/c0ffee00-1111-4222-8333-944445555666",
    ]);
    const children = registered.filter(
      (r) => r.type === FEEDBACK_TYPE && r.name.startsWith("gitops-"),
    );
    assert.deepEqual(
      children.map((r) => r.name).sort(),
      [
        `gitops-us-east-1_DemoPool1-${ALICE_EVENT}`,
        "gitops-us-east-1_DemoPool1-1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f",
        "gitops-eu-west-1_DemoPool2-c0ffee00-1111-4222-8333-944445555666",
      ].sort(),
    );
    assert.deepEqual([set.count, set.tokenModeCount, set.adminModeCount], [3, 1, 2]);
    assert.ok(registered.some((r) => r.type === "cognito-feedback:index:AuthEventFeedbackSet"));
  });

  it("GIVEN a token in secret config for an event THEN its resource gets it, secret", async () => {
    const set = new AuthEventFeedbackSet("tokens", { file: EXAMPLE });
    await settled(set);
    const token = inputsOf(`tokens-us-east-1_DemoPool1-${ALICE_EVENT}`)?.feedbackToken as
      Record<string, unknown> | undefined;
    assert.equal(token?.[SECRET_SIG_KEY], SECRET_SIG);
    assert.equal(token?.value, "fake-token-alice-set");
  });

  // Reason and ticket are passed as inputs.
  it("GIVEN no token for an event THEN admin mode (no token input); notes are passed", async () => {
    const set = new AuthEventFeedbackSet("admin", { file: EXAMPLE });
    await settled(set);
    const carol = inputsOf("admin-eu-west-1_DemoPool2-c0ffee00-1111-4222-8333-944445555666");
    assert.ok(carol !== undefined && !("feedbackToken" in carol));
    assert.equal(carol.feedbackValue, "Invalid");
    assert.equal(
      carol.reason,
      "Credential-stuffing burst from a known bad range (incident review).",
    );
    assert.equal(carol.ticket, "https://tickets.example.com/browse/SEC-1043");
    const bob = inputsOf("admin-us-east-1_DemoPool1-1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f");
    assert.ok(bob !== undefined && !("ticket" in bob));
  });

  it("GIVEN the overrides reordered (or given in code) THEN names and inputs stay", async () => {
    const fromFile = new AuthEventFeedbackSet("file", { file: EXAMPLE });
    const fromCode = new AuthEventFeedbackSet("code", { overrides: exampleOverrides().reverse() });
    await Promise.all([settled(fromFile), settled(fromCode)]);
    const childrenOf = (set: string) =>
      Object.fromEntries(
        registered
          .filter((r) => r.type === FEEDBACK_TYPE && r.name.startsWith(`${set}-`))
          .map((r) => [r.name.slice(set.length + 1), r.inputs]),
      );
    assert.equal(Object.keys(childrenOf("file")).length, 3);
    assert.deepEqual(childrenOf("code"), childrenOf("file"));
  });

  it("GIVEN an event id with '+' THEN the name stays URN-safe and unique (short hash)", () => {
    assert.equal(childName("s", "us-east-1_A", "a+b"), "s-us-east-1_A-a_b-508fadf4");
    assert.notEqual(childName("s", "us-east-1_A", "a+b"), childName("s", "us-east-1_A", "a_b"));
  });

  it("GIVEN overrides with problems WHEN declared THEN the program fails, listing each", () => {
    assertRunError(
      () =>
        new AuthEventFeedbackSet("bad", {
          userPoolId: "us-east-1_AbC",
          overrides: [
            { username: "a", eventId: "evt-1", verdict: "maybe", reason: "r" },
            { username: "b", eventId: "evt-1", verdict: "valid", reason: "" },
          ],
        }),
      [
        "AuthEventFeedbackSet bad has 2 problems:",
        `  AuthEventFeedbackSet bad: overrides[0].verdict: verdict "maybe" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.`,
        "  AuthEventFeedbackSet bad: overrides[1].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
      ].join("\n"),
    );
  });

  // The message also names the config command to use instead.
  it("GIVEN a file holding a token WHEN declared THEN it fails naming file and line", () => {
    const file = path.join(__dirname, "../../../fixtures/overrides/with-token.yaml");
    assertRunError(
      () => new AuthEventFeedbackSet("leaky", { file }),
      /with-token\.yaml:8:5: overrides\[0\]\.feedbackToken: .*pulumi config set --secret --path 'feedbackTokens\["evt-1"\]' <token>/,
    );
  });

  it("GIVEN neither file nor overrides THEN it says to give one", () => {
    assertRunError(
      () => new AuthEventFeedbackSet("empty", {}),
      "AuthEventFeedbackSet empty: give either file (the path of an overrides file) or overrides, not neither.",
    );
  });
});
