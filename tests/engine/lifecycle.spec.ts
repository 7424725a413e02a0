// The basic example through the real Pulumi CLI, phase by phase as a user runs it, checked against
// what the emulator (Cognito) received and what the backend stored.
import assert from "node:assert/strict";
import * as path from "node:path";
import type { PulumiStack } from "../../scripts/pulumi-cli";
import { UNKNOWN } from "../../provider/shared/pulumi-wire";
import {
  assertFailed,
  assertOk,
  basicConfig,
  engineFixture,
  errors,
  EVENTS,
  infos,
  onCli,
  ops,
  POOL,
  printed,
  ROOT,
  steps,
  TOKENS,
} from "./support";

const RESOURCE = "pulumi-nodejs:dynamic/cognito:AuthEventFeedback resource 'suspicious-sign-in'";

// The basic example's lifecycle on one stack, as a user runs it: each phase starts from the state
// the one before left, so after a failed phase the later ones are skipped, not run on a wreck.
describe(onCli("GIVEN the basic example with a token"), function () {
  this.timeout(120_000);
  const fx = engineFixture({ each: false });
  let stack: PulumiStack;
  const everything: string[] = [];
  const feedback = (eventId: string) => fx.emulator.store.feedbackOf(POOL, eventId);

  before(async () => {
    stack = await fx.stack({ config: basicConfig(), secrets: { feedbackToken: TOKENS.first } });
  });
  let failed = false;
  beforeEach(function () {
    if (failed) this.skip();
  });
  afterEach(function () {
    failed ||= this.currentTest?.state === "failed";
  });

  it("WHEN previewed THEN a create is planned and nothing is sent", async () => {
    const preview = await stack.preview();
    everything.push(printed(preview));
    assertOk(preview);
    assert.deepEqual(ops(preview), ["create suspicious-sign-in"]);
    assert.deepEqual(fx.feedbackCalls(), []);
    assert.deepEqual((await stack.exportState()).deployment.resources ?? [], []);
  });

  it("WHEN up runs THEN the verdict is recorded in token mode", async () => {
    const up = await stack.up();
    everything.push(printed(up));
    assertOk(up);
    assert.deepEqual(ops(up), ["create suspicious-sign-in"]);
    assert.deepEqual(fx.feedbackCalls(), ["UpdateAuthEventFeedback"]);
    assert.equal(feedback(EVENTS.first)?.value, "Invalid");
    assert.match(up.stdout, /feedbackValue: "Invalid"\n\s+mode\s+: "token"/);
  });

  it("WHEN up runs again THEN nothing is done or sent", async () => {
    const again = await stack.up();
    everything.push(printed(again));
    assert.deepEqual(ops(again), ["same suspicious-sign-in"]);
    assert.equal(fx.feedbackCalls().length, 1);
  });

  it("WHEN the verdict changes THEN the preview shows an update, and up applies it", async () => {
    await stack.setConfig("feedbackValue", "valid");
    const preview = await stack.preview(["--diff"]);
    everything.push(printed(preview));
    assert.deepEqual(ops(preview), ["update suspicious-sign-in"]);
    assert.match(preview.stdout, /~ feedbackValue: "Invalid" => "Valid"/);
    const up = await stack.up();
    everything.push(printed(up));
    assertOk(up);
    assert.deepEqual(ops(up), ["update suspicious-sign-in"]);
    assert.equal(feedback(EVENTS.first)?.value, "Valid");
    assert.equal(fx.feedbackCalls().length, 2);
  });

  it("WHEN the token is rotated THEN no change, and nothing is sent", async () => {
    await stack.setConfig("feedbackToken", TOKENS.rotated, { secret: true });
    const up = await stack.up();
    everything.push(printed(up));
    assertOk(up);
    assert.deepEqual(ops(up), ["same suspicious-sign-in"]);
    assert.equal(fx.feedbackCalls().length, 2);
  });

  it("WHEN eventId changes THEN a replace, and the old half leaves the state", async () => {
    await stack.setConfig("eventId", EVENTS.second);
    await stack.setConfig("feedbackToken", TOKENS.second, { secret: true });
    const preview = await stack.preview();
    everything.push(printed(preview));
    assert.deepEqual(ops(preview), ["replace suspicious-sign-in"]);
    assert.deepEqual(steps(preview)[0].metadata.keys, ["eventId"]);
    const up = await stack.up();
    everything.push(printed(up));
    assertOk(up);
    assert.ok(ops(up).includes("replace suspicious-sign-in"), ops(up).join(", "));
    assert.equal(feedback(EVENTS.second)?.value, "Valid");
    assert.equal(feedback(EVENTS.second)?.provider, "User");
    const ids = (await stack.exportState()).deployment.resources
      ?.filter((r) => r.type.includes("AuthEventFeedback"))
      .map((r) => r.id);
    assert.deepEqual(ids, [`${POOL}/${EVENTS.second}`]);
  });

  it("WHEN destroyed THEN it leaves the state; Cognito keeps the verdict, the CLI says", async () => {
    const destroy = await stack.destroy();
    everything.push(printed(destroy));
    assertOk(destroy);
    assert.deepEqual(ops(destroy), ["delete suspicious-sign-in"]);
    assert.ok(
      infos(destroy).some((m) => m.includes("removed from the stack only")),
      infos(destroy).join("\n"),
    );
    assert.equal(feedback(EVENTS.second)?.value, "Valid");
    assert.deepEqual((await stack.exportState()).deployment.resources ?? [], []);
  });

  it("THEN no token was in clear: not in any output nor in the backend's files", () => {
    const all = everything.join("\n") + stack.backendText();
    for (const token of Object.values(TOKENS))
      assert.ok(!all.includes(token), `token ${token} leaked`);
    assert.ok(all.includes("ciphertext"), "the token is stored, encrypted");
  });
});

describe(onCli("the basic example's failures"), function () {
  this.timeout(120_000);
  const fx = engineFixture();

  // Nor stored.
  it("GIVEN an invalid pool id WHEN up runs THEN the preview fails; nothing is sent", async () => {
    const stack = await fx.stack({ config: basicConfig({ userPoolId: "us-east-1-NoUnderscore" }) });
    const up = await stack.up();
    assertFailed(up);
    assert.deepEqual(errors(up), [
      `${RESOURCE}: property userPoolId value {us-east-1-NoUnderscore} has a problem: userPoolId "us-east-1-NoUnderscore" is not a Cognito user pool id: it must be <region>_<id>, like "us-east-1_AbC123xyZ" (find it in the Cognito console or with \`aws cognito-idp list-user-pools\`).`,
    ]);
    assert.deepEqual(fx.emulator.store.requests, []);
    assert.deepEqual((await stack.exportState()).deployment.resources ?? [], []);
  });

  it("GIVEN an unusable stack setting WHEN previewed THEN it fails naming the key", async () => {
    const stack = await fx.stack({
      config: { ...basicConfig(), "cognito-feedback:writesPerSecond": "fast" },
    });
    const preview = await stack.preview();
    assertFailed(preview);
    const all = errors(preview).join("\n");
    assert.ok(
      all.includes(
        `stack config cognito-feedback:writesPerSecond is "fast", but it must be a number from 0 to 10000`,
      ),
      all,
    );
    assert.deepEqual(fx.emulator.store.requests, []);
  });

  // With the provider's message; a re-run then converges.
  it("GIVEN Cognito rejects the call WHEN up runs THEN it fails and keeps state", async () => {
    const stack = await fx.stack({
      config: basicConfig(),
      secrets: { feedbackToken: TOKENS.first },
    });
    assertOk(await stack.up());
    await stack.setConfig("feedbackValue", "Valid");
    fx.emulator.store.injectFault({
      operation: "UpdateAuthEventFeedback",
      error: "NotAuthorizedException",
      message: "Invalid feedback token",
    });
    const failed = await stack.up();
    assertFailed(failed);
    assert.ok(
      errors(failed).some((m) =>
        m.startsWith(
          `UpdateAuthEventFeedback failed for event ${EVENTS.first} in user pool ${POOL}: the feedback token was rejected`,
        ),
      ),
      errors(failed).join("\n"),
    );
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Invalid");
    const stored = (await stack.exportState()).deployment.resources?.find((r) =>
      r.type.includes("AuthEventFeedback"),
    );
    assert.equal(stored?.outputs?.feedbackValue, "Invalid", "state keeps what Cognito holds");

    const rerun = await stack.up();
    assertOk(rerun);
    assert.deepEqual(ops(rerun), ["update suspicious-sign-in"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Valid");
    assert.deepEqual(ops(await stack.up()), ["same suspicious-sign-in"]);
  });

  it("GIVEN an applied stack WHEN opened with another passphrase THEN the CLI refuses", async () => {
    const stack = await fx.stack({
      config: basicConfig(),
      secrets: { feedbackToken: TOKENS.first },
    });
    assertOk(await stack.up());
    const wrong = await stack.preview([], { PULUMI_CONFIG_PASSPHRASE: "not-the-passphrase" });
    assertFailed(wrong);
    assert.match(wrong.stderr + wrong.stdout, /incorrect passphrase/);
  });
});

describe(onCli("a pool id not known until apply"), function () {
  this.timeout(120_000);
  const fx = engineFixture();

  // Another resource's output: nothing is sent at preview; up then sends the verdict.
  it("GIVEN the pool id is an output WHEN previewed THEN a create with it unknown", async () => {
    const stack = await fx.stack({
      programDir: path.join(ROOT, "tests/fixtures/programs/unknown-pool"),
      config: { userPoolId: POOL, username: "alice", eventId: EVENTS.first },
    });
    const preview = await stack.preview();
    assertOk(preview);
    const planned = steps(preview).find((s) => s.type.endsWith("AuthEventFeedback"))!;
    assert.equal(planned.op, "create");
    assert.equal(planned.metadata.new?.inputs?.userPoolId, UNKNOWN);
    assert.match(preview.stdout, /\+ 3 to create/);
    assert.deepEqual(fx.emulator.store.requests, []);

    assertOk(await stack.up());
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Invalid");
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.provider, "Admin");
  });
});
