// Secrecy through the real CLI: the engine prints a failing property's raw value, masking only
// values equal to secret stack config, so the provider must report token and username failures
// without a property. Then a lifecycle with faults, a failed up, refresh and destroy, after which
// every place a token could surface is searched.
import assert from "node:assert/strict";
import * as path from "node:path";
import {
  assertFailed,
  assertOk,
  basicConfig,
  engineFixture,
  errors,
  EVENTS,
  onCli,
  POOL,
  printed,
  ROOT,
  TOKENS,
} from "./support";

const TOKEN_SOURCES = path.join(ROOT, "tests/fixtures/programs/token-sources");
const RESOURCE = "pulumi-nodejs:dynamic/cognito:AuthEventFeedback resource 'derived-token'";
/** `!` is never in a Cognito token, so check refuses these. */
const REFUSED_TOKEN = "fake-token-from-env-refused!";
const REFUSED_SUFFIX = "-derived-refused!";

describe(onCli("no token or username in a failed check's message"), function () {
  this.timeout(120_000);
  const fx = engineFixture();
  const config = { userPoolId: POOL, username: "alice", eventId: EVENTS.first };
  const TOKEN_REASON =
    "feedbackToken has characters a Cognito feedback token never has (allowed: letters, digits, '-', '_', '=', '.'): copy it again from the notification link, or leave feedbackToken out to use admin mode (IAM).";

  it("GIVEN a refused token from the environment WHEN previewed THEN none shows", async () => {
    const stack = await fx.stack({
      programDir: TOKEN_SOURCES,
      config: { ...config, tokenFrom: "env" },
      env: { FEEDBACK_TOKEN: REFUSED_TOKEN },
    });
    const preview = await stack.preview();
    assertFailed(preview);
    assert.deepEqual(errors(preview), [`${RESOURCE} has a problem: ${TOKEN_REASON}`]);
    assert.ok(!printed(preview).includes(REFUSED_TOKEN), printed(preview));
  });

  it("GIVEN a refused token derived from secret config WHEN up runs THEN none shows", async () => {
    const stack = await fx.stack({
      programDir: TOKEN_SOURCES,
      config: { ...config, tokenFrom: "derived", suffix: REFUSED_SUFFIX },
      secrets: { tokenPrefix: TOKENS.first },
    });
    const up = await stack.up();
    assertFailed(up);
    assert.deepEqual(errors(up), [`${RESOURCE} has a problem: ${TOKEN_REASON}`]);
    assert.ok(!printed(up).includes(`${TOKENS.first}${REFUSED_SUFFIX}`), printed(up));
  });

  it("GIVEN a refused username WHEN previewed THEN the CLI does not echo it", async () => {
    const username = "alice\tsmith";
    const stack = await fx.stack({ config: basicConfig({ username }) });
    const preview = await stack.preview();
    assertFailed(preview);
    assert.equal(errors(preview).length, 1);
    assert.match(
      errors(preview)[0],
      /^pulumi-nodejs:dynamic\/cognito:AuthEventFeedback resource 'suspicious-sign-in' has a problem: username /,
    );
    // The event log's prelude lists plain stack config, username included; the CLI's text does not.
    const shown = `${preview.stdout}\n${preview.stderr}\n${errors(preview).join("\n")}`;
    assert.ok(!shown.includes(username) && !shown.includes("alice\\tsmith"), shown);
  });
});

describe(onCli("no token anywhere after faults and errors"), function () {
  this.timeout(180_000);
  const fx = engineFixture();

  // Up, a re-run, refresh and destroy: no token in any output, the backend or the emulator's
  // records.
  it("GIVEN faults, a rejected token WHEN up, refresh, destroy run THEN no token leaks", async () => {
    const stack = await fx.stack({
      config: basicConfig(),
      secrets: { feedbackToken: TOKENS.first },
    });
    const outputs: string[] = [];
    fx.emulator.store.setFaults({ internalErrorRate: 0.3, seed: 3 });
    fx.emulator.store.injectFault({
      operation: "UpdateAuthEventFeedback",
      error: "NotAuthorizedException",
      message: "Invalid feedback token",
    });
    const failed = await stack.up();
    outputs.push(printed(failed));
    assertFailed(failed);
    assert.ok(errors(failed).some((m) => m.includes("the feedback token was rejected")));
    for (const run of [() => stack.up(), () => stack.refresh(), () => stack.destroy()]) {
      const result = await run();
      outputs.push(printed(result));
      assertOk(result);
    }
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.provider, "User");
    const places: [string, string][] = [
      ["CLI output and event logs", outputs.join("\n")],
      ["backend files", stack.backendText()],
      ["emulator records", JSON.stringify(fx.emulator.store.requests)],
    ];
    const leaks = places.flatMap(([where, text]) =>
      Object.values(TOKENS)
        .filter((t) => text.includes(t))
        .map((t) => `${t} in ${where}`),
    );
    assert.deepEqual(leaks, []);
  });
});
