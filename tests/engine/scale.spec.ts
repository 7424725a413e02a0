// Many overrides through the harness and the real provider host, at a size that keeps the suite
// fast (`npm run bench` runs the same scenarios with 1000 resources and Cognito's real quotas):
// every fault at once, an up cancelled midway, and an up whose process is killed outright.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CANCELLED_MESSAGE } from "../../harness/engine";
import { StateFile } from "../../harness/state";
import { PASSPHRASE, PROGRAM_DIR } from "../../bench/stack";
import { alive } from "../support/process";
import { ALL_FAULTS, assertOk, FAST, opCounts, retries, ROOT, stackFixture } from "./support";

/** Child process ids of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return fs.readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      return ppid === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/** This process's environment with `vars` applied (undefined = removed), for a child process. */
function cliEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("engine: many overrides, faults and interruptions", function () {
  this.timeout(90_000);
  const fx = stackFixture();
  let cli: ChildProcess | undefined;

  beforeEach(() => (cli = undefined));

  afterEach(() => {
    // The CLI runs in its own process group: whatever the test did, nothing of it survives.
    if (cli?.pid === undefined) return;
    try {
      process.kill(-cli.pid, "SIGKILL");
    } catch {
      // already gone
    }
  });

  it("GIVEN throttling, internal errors, dropped connections and latency all on WHEN 40 overrides are applied, then all flipped THEN every resource is applied exactly as declared and state matches Cognito", async () => {
    const stack = await fx.start({ count: 40, faults: ALL_FAULTS, config: FAST.config });
    // Random faults may by chance spare a phase; one injected error makes sure each phase retries.
    const oneCertainFault = () =>
      stack.emulator.store.injectFault({ error: "InternalErrorException" });

    oneCertainFault();
    const created = await fx.engine().up();
    assertOk(created);
    assert.deepEqual(opCounts(created), { create: 40 });
    assert.deepEqual(stack.mismatches(), []);
    assert.ok(retries(stack) > 0, "the faults made the SDK retry");
    assert.ok(created.hostPeakRssBytes! > 2 ** 20, "the host's peak memory is reported");

    stack.emulator.store.resetCounters();
    oneCertainFault();
    const flipped = await fx.engine(true).up();
    assertOk(flipped);
    assert.deepEqual(opCounts(flipped), { update: 40 });
    assert.deepEqual(stack.mismatches(true), []);
    assert.ok(retries(stack) > 0, "the faults made the SDK retry");
  });

  it("GIVEN an up of 40 overrides, 4 steps at a time WHEN it is cancelled after 10 writes THEN steps in flight finish and are saved, no new step starts, the result says so, and a re-run converges", async () => {
    let applied = 0;
    const controller = new AbortController();
    const stack = await fx.start({
      count: 40,
      ...FAST,
      // Explicit, not the default (CPUs x 4): with 4 in flight when the 10th write lands, at
      // most 14 steps can be done, whatever the machine, so `done < 40` is certain.
      parallel: 4,
      config: { "cognito-feedback:writesPerSecond": "40" },
      log: (line) => {
        if (/ 200 /.test(line) && ++applied === 10) controller.abort();
      },
    });

    const cancelled = await fx.engine().up({ signal: controller.signal });
    assert.equal(cancelled.ok, false);
    assert.equal(cancelled.cancelled, true);
    assert.deepEqual(
      cancelled.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
      [CANCELLED_MESSAGE],
    );
    const counts = opCounts(cancelled);
    const done = counts.create ?? 0;
    assert.ok(done >= 10 && done < 40, `${done} of 40 applied before the cancel took hold`);
    assert.equal(done + counts["not applied: the update was cancelled"], 40);
    // Consistent: exactly what Cognito received is in state, nothing more, nothing less.
    const inState = StateFile.open(
      stack.stateFile,
      "bench-feedback",
      "dev",
      PASSPHRASE,
    ).state.resources.filter((r) => r.custom);
    assert.equal(inState.length, done);
    assert.equal(stack.emulator.store.counters().feedbackWritesApplied, done);
    assert.equal(stack.mismatches().length, 40 - done);

    const rerun = await fx.engine().up({ skipPreview: true });
    assertOk(rerun);
    assert.deepEqual(opCounts(rerun), { create: 40 - done, same: done });
    assert.deepEqual(stack.mismatches(), []);
  });

  it("GIVEN the harness CLI running an up of 40 overrides WHEN it is SIGKILLed midway THEN its provider host dies with it, the state file is valid, and a re-run converges", async () => {
    const stack = await fx.start({
      count: 40,
      ...FAST,
      config: { "cognito-feedback:writesPerSecond": "20" },
    });
    const flags = Object.entries(stack.config()).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
    cli = spawn(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        path.join(ROOT, "harness/cli.ts"),
        "up",
        "--skip-preview",
        "-C",
        PROGRAM_DIR,
        "--state",
        stack.stateFile,
        "--secret-env",
        "tokenPrefix=BENCH_TOKEN_PREFIX",
        ...flags,
      ],
      {
        cwd: ROOT,
        // Its own process group, so that clean-up can kill everything it started at once.
        detached: true,
        stdio: "ignore",
        env: cliEnv({
          ...stack.hostEnv,
          BENCH_TOKEN_PREFIX: stack.secrets.tokenPrefix,
          PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        }),
      },
    );
    const pid = cli.pid!;

    const saved = () =>
      fs.existsSync(stack.stateFile)
        ? (JSON.parse(fs.readFileSync(stack.stateFile, "utf8")) as { resources: unknown[] })
            .resources.length
        : 0;
    await until("the CLI saved a few resources", () => saved() >= 5);
    const hosts = childrenOf(pid);
    assert.equal(hosts.length, 1, "the CLI runs one provider host");
    process.kill(pid, "SIGKILL");
    await until("the killed CLI's provider host exits", () => !alive(hosts[0]), 5_000);
    assert.ok(stack.emulator.store.counters().feedbackWritesApplied < 40, "killed before the end");

    // Written atomically: the file opens, and everything it holds was applied.
    const file = StateFile.open(stack.stateFile, "bench-feedback", "dev", PASSPHRASE);
    const kept = file.state.resources.filter((r) => r.custom);
    assert.ok(kept.length >= 4, `${kept.length} resources in the state left behind`);
    for (const r of kept) {
      const eventId = String(r.outputs.eventId);
      assert.equal(
        stack.emulator.store.feedbackOf(String(r.outputs.userPoolId), eventId)?.value,
        r.outputs.feedbackValue,
      );
    }

    // Re-sending feedback is harmless: the re-run applies the rest, and what was applied but not
    // saved (at most the last 200 ms) is created again.
    assertOk(await fx.engine().up({ skipPreview: true }));
    assert.deepEqual(stack.mismatches(), []);
  });
});
