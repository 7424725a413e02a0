// Secrecy under stress: a whole lifecycle with every fault on, a refused token in check, a token
// Cognito rejects (a failed up) and the re-run, a refresh and a destroy; then every place a token could
// surface is searched for every token value.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { RunResult } from "../../harness/engine";
import { POOL, TOKEN_PREFIX } from "../../bench/stack";
import { ALL_FAULTS, assertOk, everythingPrinted, FAST, opCounts, stackFixture } from "./support";

/** A token prefix the provider's check refuses (`!` is not allowed), so check failures are made. */
const REFUSED_PREFIX = "fake-token-refused!";

describe("engine: no token anywhere after a lifecycle with errors and retries", function () {
  this.timeout(90_000);
  const fx = stackFixture();

  it("GIVEN every fault on WHEN a refused check, a failed up, its re-run, a refresh and a destroy run THEN no token appears in state files, printed output, host output, errors or emulator records", async () => {
    const hostLines: string[] = [];
    const emulatorLog: string[] = [];
    const stateFiles: string[] = [];
    const results: RunResult[] = [];
    const stack = await fx.start({
      count: 20,
      faults: ALL_FAULTS,
      config: FAST.config,
      log: (line) => emulatorLog.push(line),
    });
    const dir = path.dirname(stack.stateFile);
    const engine = (secrets = stack.secrets) =>
      fx.engine(false, {
        secrets,
        onHostLine: (line) => hostLines.push(line.text),
        onResult: (result) => {
          results.push(result);
          // Every file in the state directory, temporary ones included, after every run.
          for (const file of fs.readdirSync(dir))
            stateFiles.push(fs.readFileSync(path.join(dir, file), "utf8"));
        },
      });

    // The places a token could surface; another output (say, a review summary) is one more line.
    const sources: [string, () => string][] = [
      ["state files after every run", () => stateFiles.join("\n")],
      ["printed plans and preview JSON", () => results.map(everythingPrinted).join("\n")],
      [
        "error messages: diagnostics and step errors",
        () => JSON.stringify(results.map((r) => [r.diagnostics, r.steps.map((s) => s.error)])),
      ],
      ["provider host output", () => hostLines.join("\n")],
      ["emulator request records", () => JSON.stringify(stack.emulator.store.requests)],
      ["emulator log", () => emulatorLog.join("\n")],
    ];

    // A token the provider's check refuses: the preview fails, naming the property, not the value.
    const refused = await engine({ tokenPrefix: REFUSED_PREFIX }).preview();
    assert.equal(refused.ok, false);
    assert.ok(refused.diagnostics.some((d) => d.message.includes("property feedbackToken")));

    // Cognito rejects a token: the up fails; the re-run converges.
    stack.emulator.store.injectFault({
      operation: "UpdateAuthEventFeedback",
      error: "NotAuthorizedException",
      message: "Invalid feedback token",
    });
    const failed = await engine().up();
    assert.equal(failed.ok, false);
    assert.ok(failed.steps.some((s) => s.error?.includes("the feedback token was rejected")));
    assertOk(await engine().up());
    assertOk(await engine().refresh());
    const destroyed = await engine().destroy();
    assertOk(destroyed);
    assert.deepEqual(opCounts(destroyed), { delete: 20 });

    // The tokens were really used: Cognito recorded token-mode feedback as the user's.
    assert.equal(stack.emulator.store.feedbackOf(POOL, "bench-event-0")?.provider, "User");
    const searched = [TOKEN_PREFIX, REFUSED_PREFIX, ...stack.tokens()];
    const leaks: string[] = [];
    for (const [name, text] of sources) {
      const content = text();
      assert.ok(content.length > 0, `${name}: nothing to search, so the check would prove nothing`);
      for (const token of searched) if (content.includes(token)) leaks.push(`${token} in ${name}`);
    }
    assert.deepEqual(leaks, []);
  });
});
