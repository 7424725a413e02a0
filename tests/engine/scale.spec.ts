// Many overrides through the real CLI, at a size that keeps the suite fast (`npm run bench` runs
// the same program with more resources and Cognito's real quotas): every fault at once, an up
// interrupted with Ctrl-C, and an up killed outright; each re-run converges.
import assert from "node:assert/strict";
import * as path from "node:path";
import { overrideAt, scenarioSeed } from "../../bench/scenario";
import type { PulumiStack } from "../../scripts/pulumi-cli";
import { seededCredentials } from "../support/seeds";
import { assertFailed, assertOk, engineFixture, onCli, ops, ROOT } from "./support";

const PROGRAM = path.join(ROOT, "bench/program");
const POOL = "us-east-1_ScalePool1";
const PREFIX = "fake-token-scale-";
const COUNT = 40;
/** Quotas 4x Cognito's, paced at 80% of them, so that 40 resources take about half a second. */
const FAST = { "cognito-feedback:writesPerSecond": "80", "cognito-feedback:readsPerSecond": "160" };
const QUOTAS = { UserResourceUpdate: 100, UserResourceRead: 200 };

async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(onCli(`${COUNT} overrides: faults and interruptions`), function () {
  this.timeout(180_000);
  // The bench's scenario, signed with the tests' fake admin key.
  const seed = { ...scenarioSeed(COUNT, POOL, PREFIX), credentials: seededCredentials() };
  const fx = engineFixture({ emulator: { seed } });

  async function scaleStack(config: Record<string, string> = {}): Promise<PulumiStack> {
    return fx.stack({
      programDir: PROGRAM,
      config: { count: String(COUNT), userPoolId: POOL, ...FAST, ...config },
      secrets: { tokenPrefix: PREFIX },
    });
  }

  /** Overrides whose declared verdict Cognito does not hold. */
  function mismatches(flip = false): string[] {
    return Array.from({ length: COUNT }, (_, i) => overrideAt(i, flip))
      .filter((o) => fx.emulator.store.feedbackOf(POOL, o.eventId)?.value !== o.feedbackValue)
      .map((o) => o.name);
  }
  const writes = () => fx.emulator.store.counters().feedbackWritesApplied;

  it("GIVEN every fault on WHEN applied, then flipped THEN each verdict lands", async () => {
    fx.emulator.store.setFaults({
      quotas: QUOTAS,
      internalErrorRate: 0.1,
      dropRate: 0.05,
      latencyMs: { min: 1, max: 20 },
      seed: 7,
    });
    const stack = await scaleStack();
    assertOk(await stack.up());
    assert.deepEqual(mismatches(), []);
    await stack.setConfig("flip", "true");
    const flipped = await stack.up();
    assertOk(flipped);
    assert.equal(ops(flipped).filter((o) => o.startsWith("update ")).length, COUNT);
    assert.deepEqual(mismatches(true), []);
    const totals = fx.emulator.store.counterTotals();
    assert.ok(totals.internalErrors + totals.dropped > 0, "the faults happened and were retried");
  });

  // It stops early.
  it("GIVEN up, 4 steps at a time WHEN interrupted (Ctrl-C) THEN a re-run converges", async () => {
    fx.emulator.store.setFaults({ quotas: QUOTAS, latencyMs: { min: 40, max: 60 } });
    const stack = await scaleStack({ "cognito-feedback:writesPerSecond": "20" });
    const up = stack.startOperation(["up", "--yes", "--skip-preview", "--parallel", "4"]);
    await until("10 verdicts are written", () => writes() >= 10);
    up.child.kill("SIGINT");
    const interrupted = await up.done;
    assertFailed(interrupted);
    assert.ok(writes() < COUNT, `${writes()} of ${COUNT} written before Ctrl-C took hold`);
    const rerun = await stack.up();
    assertOk(rerun);
    assert.deepEqual(mismatches(), []);
    assert.deepEqual(
      ops(await stack.preview()).filter((o) => !o.startsWith("same ")),
      [],
    );
  });

  it("GIVEN an up WHEN killed with all it started THEN the README's recovery converges", async () => {
    fx.emulator.store.setFaults({ quotas: QUOTAS, latencyMs: { min: 40, max: 60 } });
    const stack = await scaleStack({ "cognito-feedback:writesPerSecond": "20" });
    const up = stack.startOperation(["up", "--yes", "--skip-preview", "--parallel", "4"]);
    await until("10 verdicts are written", () => writes() >= 10);
    up.kill("SIGKILL");
    await up.done;
    // The CLI's plugins live in process groups of their own and outlive a killed CLI, as after a
    // hard-cancelled CI job; the runner's teardown stops them, as this does.
    stack.processes.killLeftovers();
    assert.ok(writes() < COUNT, "killed before the end");

    // A kill can land while the file backend rewrites its checkpoint, or while it holds the lock:
    // the README's recoveries for both.
    let rerun = await stack.up();
    const said = () => rerun.stdout + rerun.stderr;
    if (rerun.code !== 0 && said().includes("failed to load checkpoint")) {
      assert.ok(stack.restoreCheckpointBackup(), "the backend keeps the previous checkpoint");
      rerun = await stack.up();
    }
    if (rerun.code !== 0 && said().includes("locked")) {
      assertOk(await stack.run(["cancel", "--yes", "--stack", stack.stack]));
      rerun = await stack.up();
    }
    assertOk(rerun);
    assert.deepEqual(mismatches(), []);
    assert.deepEqual(
      ops(await stack.preview()).filter((o) => !o.startsWith("same ")),
      [],
    );
  });
});
