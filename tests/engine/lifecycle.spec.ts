// The basic example through the real provider host, as `pulumi preview`, `up`, `refresh` and
// `destroy` would run it, checked against what the emulator (Cognito) received.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderPlan } from "../../harness/plan";
import {
  assertOk,
  basicConfig,
  engineFixture,
  EVENTS,
  everythingPrinted,
  ops,
  POOL,
  ROOT,
  TOKENS,
} from "./support";

describe("engine: the basic example's lifecycle through the real provider host", function () {
  this.timeout(60_000);
  const fx = engineFixture();

  it("GIVEN a new stack WHEN previewed, applied, changed, rotated, repointed and destroyed THEN each plan and Cognito's state are as the lifecycle table says", async () => {
    const first = fx.engine({ config: basicConfig(), secrets: { feedbackToken: TOKENS.first } });

    // preview: a create, and nothing sent to Cognito.
    const preview = await first.preview();
    assertOk(preview);
    assert.deepEqual(ops(preview), ["create suspicious-sign-in"]);
    assert.deepEqual(fx.feedbackCalls(), []);
    assert.equal(fx.stateText(), "", "a preview writes no state");

    // up: the verdict is recorded in token mode.
    const created = await first.up();
    assertOk(created);
    assert.deepEqual(ops(created), ["create suspicious-sign-in"]);
    assert.deepEqual(fx.feedbackCalls(), ["UpdateAuthEventFeedback"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Invalid");
    assert.deepEqual(created.outputs, { feedbackValue: "Invalid", mode: "token" });

    // The same program again: nothing to do.
    const again = await first.up();
    assert.deepEqual(ops(again), ["same suspicious-sign-in"]);
    assert.equal(fx.feedbackCalls().length, 1);

    // Change the verdict: an update in place, naming the property.
    const valid = fx.engine({
      config: basicConfig({ feedbackValue: "valid" }),
      secrets: { feedbackToken: TOKENS.first },
    });
    const updatePreview = await valid.preview();
    assert.deepEqual(ops(updatePreview), ["update suspicious-sign-in"]);
    assert.ok(renderPlan(updatePreview).includes('      ~ feedbackValue: "Invalid" => "Valid"'));
    const updated = await valid.up();
    assertOk(updated);
    assert.deepEqual(ops(updated), ["update suspicious-sign-in"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Valid");
    assert.equal(fx.feedbackCalls().length, 2);

    // Rotate the token: no change, nothing sent.
    const rotated = await fx
      .engine({
        config: basicConfig({ feedbackValue: "Valid" }),
        secrets: { feedbackToken: TOKENS.rotated },
      })
      .up();
    assertOk(rotated);
    assert.deepEqual(ops(rotated), ["same suspicious-sign-in"]);
    assert.equal(fx.feedbackCalls().length, 2);

    // Another event: a replace forced by eventId; the new event gets the verdict.
    const second = fx.engine({
      config: basicConfig({ eventId: EVENTS.second, feedbackValue: "Valid" }),
      secrets: { feedbackToken: TOKENS.second },
    });
    const replacePreview = await second.preview();
    const step = replacePreview.steps.find((s) => s.custom)!;
    assert.equal(step.op, "replace");
    assert.deepEqual(step.replaceReasons, ["eventId"]);
    const replaced = await second.up();
    assertOk(replaced);
    assert.deepEqual(ops(replaced), ["replace suspicious-sign-in"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.value, "Valid");
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.provider, "User");
    const state = JSON.parse(fx.stateText()) as { resources: { id?: string }[] };
    assert.deepEqual(
      state.resources.map((r) => r.id).filter(Boolean),
      [`${POOL}/${EVENTS.second}`],
      "the old half of the replacement is gone from state",
    );

    // destroy: gone from state; Cognito keeps the verdict (no API withdraws feedback).
    const destroyed = await second.destroy();
    assertOk(destroyed);
    assert.deepEqual(ops(destroyed), ["delete suspicious-sign-in"]);
    assert.ok(
      destroyed.diagnostics.some(
        (d) => d.severity === "info" && d.message.includes("removed from the stack only"),
      ),
      "the delete path says the verdict stays in Cognito",
    );
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.value, "Valid");
    assert.deepEqual((JSON.parse(fx.stateText()) as { resources: unknown[] }).resources, []);

    // Never a token in clear: not in state, plans, preview JSON or host output.
    const printed = fx.results.map(everythingPrinted).join("\n") + fx.stateText();
    for (const token of Object.values(TOKENS))
      assert.ok(!printed.includes(token), `token ${token} leaked`);
  });

  it("GIVEN the with-user-pool example WHEN previewed THEN the feedback resource plans a create with the pool id not known yet, and nothing is sent", async () => {
    const engine = fx.engine({
      programDir: path.join(ROOT, "examples/with-user-pool"),
      config: { username: "alice", eventId: EVENTS.first },
    });
    const preview = await engine.preview();
    assertOk(preview);
    const feedback = preview.steps.find(
      (s) => s.type === "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
    )!;
    assert.equal(feedback.op, "create");
    assert.equal(feedback.new?.inputs.userPoolId, "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    assert.ok(renderPlan(preview).some((l) => l.includes("userPoolId   : output<string>")));
    assert.deepEqual(fx.emulator.store.requests, []);
  });

  it("GIVEN an invalid input WHEN up runs THEN its preview fails naming the property, nothing is sent, and no state is written", async () => {
    const result = await fx
      .engine({ config: basicConfig({ userPoolId: "us-east-1-NoUnderscore" }) })
      .up();
    assert.equal(result.ok, false);
    assert.equal(result.kind, "preview");
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
    assert.deepEqual(errors, [
      `pulumi-nodejs:dynamic/cognito:AuthEventFeedback resource 'suspicious-sign-in': property userPoolId has a problem: userPoolId "us-east-1-NoUnderscore" is not a Cognito user pool id: it must be <region>_<id>, like "us-east-1_AbC123xyZ" (find it in the Cognito console or with \`aws cognito-idp list-user-pools\`).`,
    ]);
    assert.deepEqual(fx.emulator.store.requests, []);
    assert.equal(fx.stateText(), "");
  });

  it("GIVEN an unusable provider setting in stack config WHEN previewed THEN the preview fails naming the key, and nothing is sent", async () => {
    const result = await fx
      .engine({ config: { ...basicConfig(), "cognito-feedback:writesPerSecond": "fast" } })
      .preview();
    assert.equal(result.ok, false);
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
    assert.deepEqual(errors, [
      `pulumi-nodejs:dynamic/cognito:AuthEventFeedback resource 'suspicious-sign-in': check failed: stack config cognito-feedback:writesPerSecond is "fast", but it must be a number from 0 to 10000 (feedback calls per second (0 = no pacing); Cognito allows 25). Set it to a valid value or remove it to use the default, 23.`,
    ]);
    assert.deepEqual(fx.emulator.store.requests, []);
  });

  it("GIVEN Cognito rejects the call WHEN up runs THEN the run fails with the provider's message, state stays as it was, and a re-run converges", async () => {
    const engine = fx.engine({ config: basicConfig(), secrets: { feedbackToken: TOKENS.first } });
    assertOk(await engine.up());
    const before = fx.stateText();

    const changed = fx.engine({
      config: basicConfig({ feedbackValue: "Valid" }),
      secrets: { feedbackToken: TOKENS.first },
    });
    fx.emulator.store.injectFault({
      operation: "UpdateAuthEventFeedback",
      error: "NotAuthorizedException",
      message: "Invalid feedback token",
    });
    const failed = await changed.up();
    assert.equal(failed.ok, false);
    assert.equal(failed.kind, "update");
    const error = failed.diagnostics.find((d) => d.severity === "error")!;
    assert.match(
      error.message,
      /^pulumi-nodejs:dynamic\/cognito:AuthEventFeedback resource 'suspicious-sign-in': update failed: UpdateAuthEventFeedback failed for event evt-engine-1 in user pool us-east-1_EnginePool1: the feedback token was rejected/,
    );
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Invalid");
    const stateAfter = JSON.parse(fx.stateText()) as {
      resources: { outputs: { feedbackValue?: string } }[];
    };
    const beforeState = JSON.parse(before) as {
      resources: { outputs: { feedbackValue?: string } }[];
    };
    assert.deepEqual(
      stateAfter.resources.map((r) => r.outputs.feedbackValue),
      beforeState.resources.map((r) => r.outputs.feedbackValue),
    );

    const rerun = await changed.up();
    assertOk(rerun);
    assert.deepEqual(ops(rerun), ["update suspicious-sign-in"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Valid");
    const converged = await changed.up();
    assert.deepEqual(ops(converged), ["same suspicious-sign-in"]);
  });

  it("GIVEN an applied stack WHEN its state file is read THEN the token is encrypted and the file opens only with the passphrase", async () => {
    const engine = fx.engine({ config: basicConfig(), secrets: { feedbackToken: TOKENS.first } });
    assertOk(await engine.up());
    const text = fx.stateText();
    assert.ok(!text.includes(TOKENS.first));
    assert.match(text, /"ciphertext": "v1:/);
    const wrong = fx.engine({
      config: basicConfig(),
      secrets: { feedbackToken: TOKENS.first },
      passphrase: "not-the-passphrase",
    });
    await assert.rejects(() => wrong.preview(), {
      message:
        "cannot decrypt the state file's secrets: the passphrase (PULUMI_CONFIG_PASSPHRASE) is not the one it was written with",
    });
    assert.ok(fs.existsSync(path.join(fx.dir, "state.json")));
  });
});
