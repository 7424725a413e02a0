// Fixtures for engine tests: an emulator seeded with one pool, a temporary state directory, an
// isolated AWS environment, and a check that no provider host outlives its run.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { retriesOf } from "../../bench/report";
import { startStack, type BenchStack, type StackOptions } from "../../bench/stack";
import { startEmulator, type FaultOptions, type RunningEmulator, type Seed } from "../../emulator";
import { TestEngine, type EngineOptions, type RunResult } from "../../harness/engine";
import { previewJson, renderPlan } from "../../harness/plan";
import { FAKE_ADMIN, isolatedAwsEnv } from "../support/env";
import { alive } from "../support/process";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "../..");
/** The basic example's program directory. */
export const BASIC = path.join(ROOT, "examples/basic");

export const POOL = "us-east-1_EnginePool1";
export const EVENTS = { first: "evt-engine-1", second: "evt-engine-2" };
/** Obviously fake tokens; every test checks none of them is ever printed or stored in clear. */
export const TOKENS = {
  first: "fake-token-engine-first",
  second: "fake-token-engine-second",
  rotated: "fake-token-engine-rotated",
};

const SEED: Seed = {
  credentials: [{ ...FAKE_ADMIN, name: "admin" }],
  userPools: [
    {
      id: POOL,
      threatProtection: "ENFORCED",
      featurePlan: "PLUS",
      users: [
        {
          username: "alice",
          events: [
            {
              eventId: EVENTS.first,
              eventType: "SignIn",
              creationDate: "2026-11-01T10:00:00Z",
              eventResponse: "Fail",
              risk: { level: "High", decision: "Block", compromisedCredentialsDetected: false },
              feedbackToken: TOKENS.first,
            },
            {
              eventId: EVENTS.second,
              eventType: "SignIn",
              creationDate: "2026-11-02T10:00:00Z",
              eventResponse: "Pass",
              risk: {
                level: "Medium",
                decision: "AccountTakeover",
                compromisedCredentialsDetected: false,
              },
              feedbackToken: TOKENS.second,
            },
          ],
        },
      ],
    },
  ],
};

/** Config of the basic example for one verdict. */
export function basicConfig(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    userPoolId: POOL,
    username: "alice",
    eventId: EVENTS.first,
    feedbackValue: "Invalid",
    ...overrides,
  };
}

/** Everything a run shows a user: the plan, the preview JSON and every diagnostic. */
export function everythingPrinted(result: RunResult): string {
  return [...renderPlan(result), JSON.stringify(previewJson(result, { showSames: true }))].join(
    "\n",
  );
}

/** Registers mocha hooks for an engine test suite and returns its live fixture. */
export function engineFixture() {
  const fixture = {
    emulator: undefined as unknown as RunningEmulator,
    dir: "",
    results: [] as RunResult[],
    /** A test engine with a state file in this test's directory and the emulator as endpoint. */
    engine(options: Partial<EngineOptions> & { config?: Record<string, string> } = {}): TestEngine {
      // Every run's result is kept, to check afterwards that its host is gone.
      return new TestEngine({
        programDir: BASIC,
        stateFile: path.join(fixture.dir, "state.json"),
        passphrase: "engine-test-passphrase",
        onResult: (result) => fixture.results.push(result),
        ...options,
      });
    },
    /** The state file's text, as on disk. */
    stateText(): string {
      const file = path.join(fixture.dir, "state.json");
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    },
    /** The feedback operations the emulator received. */
    feedbackCalls(): string[] {
      return fixture.emulator.store.requests
        .map((r) => r.operation ?? "")
        .filter((op) => op.endsWith("AuthEventFeedback"));
    },
  };
  let restoreEnv: () => void = () => undefined;

  beforeEach(async () => {
    fixture.emulator = await startEmulator({ seed: SEED });
    fixture.dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-engine-"));
    fixture.results = [];
    restoreEnv = isolatedAwsEnv(fixture.emulator.url, {
      AWS_ACCESS_KEY_ID: FAKE_ADMIN.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_ADMIN.secretAccessKey,
    });
  });

  afterEach(async () => {
    restoreEnv();
    await fixture.emulator.stop();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
    for (const result of fixture.results) {
      assert.ok(result.hostPid !== undefined, "every run reports its host");
      assert.equal(
        alive(result.hostPid),
        false,
        `provider host ${result.hostPid} is still running`,
      );
    }
  });

  return fixture;
}

/** The ops of a run's steps for dynamic resources, as `op name` strings. */
export function ops(result: RunResult): string[] {
  return result.steps.filter((s) => s.custom).map((s) => `${s.op} ${s.name}`);
}

/** Fails with the run's plan when it did not succeed. */
export function assertOk(result: RunResult): void {
  assert.ok(result.ok, `the run failed:\n${renderPlan(result).join("\n")}`);
}

/** Quotas 4x Cognito's, paced at 80% of them, so that 40 resources take about half a second. */
export const FAST: Pick<StackOptions, "faults" | "config"> = {
  faults: { quotas: { UserResourceUpdate: 100, UserResourceRead: 200 } },
  config: {
    "cognito-feedback:writesPerSecond": "80",
    "cognito-feedback:readsPerSecond": "160",
  },
};

/** Every fault at once, at {@link FAST}'s quotas: throttling, internal errors, drops, latency. */
export const ALL_FAULTS: FaultOptions = {
  quotas: { UserResourceUpdate: 100, UserResourceRead: 200 },
  internalErrorRate: 0.1,
  dropRate: 0.05,
  latencyMs: { min: 1, max: 20 },
  seed: 7,
};

/** How many dynamic resources got each op, with steps that did not run counted by their error. */
export function opCounts(result: RunResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of result.steps.filter((s) => s.custom)) {
    const key = s.error === undefined ? s.op : s.error;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Answers that made the SDK retry so far: throttled, internal errors and dropped connections. */
export function retries(stack: BenchStack): number {
  return retriesOf(stack.emulator.store.counterTotals());
}

/**
 * Registers mocha hooks for tests of the benchmark's stack (bench/stack.ts) at a small size:
 * `start` it, get engines that keep every result, and after each test the stack is stopped and
 * every provider host checked gone.
 */
export function stackFixture() {
  let stack: BenchStack | undefined;
  const fixture = {
    results: [] as RunResult[],
    async start(options: StackOptions): Promise<BenchStack> {
      stack = await startStack(options);
      return stack;
    },
    /** An engine for the started stack (see {@link BenchStack.engine}) that keeps every result. */
    engine(flip = false, overrides: Partial<EngineOptions> = {}): TestEngine {
      return stack!.engine(flip, {
        ...overrides,
        onResult: (r) => {
          fixture.results.push(r);
          overrides.onResult?.(r);
        },
      });
    },
  };
  beforeEach(() => (fixture.results = []));
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
    for (const r of fixture.results) {
      assert.equal(alive(r.hostPid!), false, `provider host ${r.hostPid} is still running`);
    }
  });
  return fixture;
}
