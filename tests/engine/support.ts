// Fixtures for the engine tier: programs run by the real Pulumi CLI (scripts/pulumi) against an
// emulator seeded with one pool, each on a throwaway file:// backend, in an environment isolated
// from real AWS; after each test, no process any command started may be left.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
  type Seed,
} from "../../emulator";
import {
  describe as describeRun,
  PulumiStack,
  pulumiVersion,
  type PulumiRun,
  customSteps,
  opsOf,
  type PulumiStackOptions,
} from "../../scripts/pulumi-cli";
import { credentialEnv, FAKE_ADMIN, isolatedAwsVars } from "../support/env";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "../..");
/** The basic example's program directory. */
export const BASIC = path.join(ROOT, "examples/basic");
/** The CLI every engine test runs, e.g. `v3.248.0`; suite titles name it. */
export const CLI_VERSION = pulumiVersion();

/** A suite title that names the CLI version it ran on. */
export function onCli(title: string): string {
  return `engine (Pulumi CLI ${CLI_VERSION}): ${title}`;
}

export const POOL = "us-east-1_EnginePool1";
export const EVENTS = { first: "evt-engine-1", second: "evt-engine-2" };
/** Obviously fake tokens; the tests check none of them is ever printed or stored in clear. */
export const TOKENS = {
  first: "fake-token-engine-first",
  second: "fake-token-engine-second",
  rotated: "fake-token-engine-rotated",
};
/** Encrypts the test stacks' secrets; not a secret itself. */
export const PASSPHRASE = "engine-test-passphrase";

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

/** Plain config of the basic example for one verdict. */
export function basicConfig(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    userPoolId: POOL,
    username: "alice",
    eventId: EVENTS.first,
    feedbackValue: "Invalid",
    ...overrides,
  };
}

/** Options of {@link EngineFixture.stack}. */
export interface StackSetup extends Partial<Omit<PulumiStackOptions, "workDir">> {
  /** Plain stack config. */
  config?: Record<string, string>;
  /** Secret stack config (set through stdin). */
  secrets?: Record<string, string>;
}

/** The live fixture {@link engineFixture} registers. */
export interface EngineFixture {
  emulator: RunningEmulator;
  /** This test's scratch folder. */
  dir: string;
  /** A new stack of `programDir` (default: the basic example) pointed at the emulator as admin. */
  stack(setup?: StackSetup): Promise<PulumiStack>;
  /** The feedback operations the emulator received. */
  feedbackCalls(): string[];
}

/**
 * Registers mocha hooks for an engine suite: an emulator and a scratch folder afresh for each test
 * (or once for the suite, `each: false`, for tests that follow one stack through its phases); at
 * the end, every command killed, every process group checked gone, the emulator stopped.
 */
export function engineFixture({
  each = true,
  emulator: emulatorOptions = { seed: SEED },
}: { each?: boolean; emulator?: EmulatorOptions } = {}): EngineFixture {
  const stacks: PulumiStack[] = [];
  let counter = 0;
  const fixture: EngineFixture = {
    emulator: undefined as unknown as RunningEmulator,
    dir: "",
    async stack(setup = {}) {
      const { config = {}, secrets = {}, env = {}, ...options } = setup;
      const stack = await PulumiStack.create({
        programDir: BASIC,
        passphrase: PASSPHRASE,
        ...options,
        workDir: path.join(fixture.dir, `stack-${++counter}`),
        env: {
          ...isolatedAwsVars(fixture.emulator.url, credentialEnv(FAKE_ADMIN)),
          ...env,
        },
      });
      stacks.push(stack);
      await stack.setAllConfig(config);
      for (const [key, value] of Object.entries(secrets))
        await stack.setConfig(key, value, { secret: true });
      return stack;
    },
    feedbackCalls() {
      return fixture.emulator.store.requests
        .map((r) => r.operation ?? "")
        .filter((op) => op.endsWith("AuthEventFeedback"));
    },
  };
  (each ? beforeEach : before)(async () => {
    fixture.emulator = await startEmulator(emulatorOptions);
    fixture.dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-engine-"));
  });
  (each ? afterEach : after)(async () => {
    const running = stacks.some((s) => s.running());
    for (const stack of stacks) if (running) stack.killAll();
    // The CLI stops its plugins as it exits; give the last of them a moment.
    const leftovers = () => stacks.flatMap((s) => s.processes.alive());
    const deadline = Date.now() + 5_000;
    while (leftovers().length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const left = leftovers();
    for (const stack of stacks) stack.killAll();
    stacks.length = 0;
    await fixture.emulator.stop();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
    assert.deepEqual(left, [], "a process a pulumi command started outlived it");
  });
  return fixture;
}

/** The steps a run took (or, for a preview, planned) for the program's custom resources. */
export const steps = customSteps;

/** The run's steps as sorted `op name` strings (see {@link opsOf}). */
export const ops = (run: PulumiRun): string[] => opsOf(run);

/** The error diagnostics of a run, as the CLI reports them (trimmed). */
export function errors(run: PulumiRun): string[] {
  return run.events
    .map((e) => e.diagnosticEvent)
    .filter((d) => d?.severity === "error")
    .map((d) => d!.message.trim());
}

/** The info diagnostics of a run (what the provider logged), trimmed. */
export function infos(run: PulumiRun): string[] {
  return run.events
    .map((e) => e.diagnosticEvent)
    .filter((d) => d?.severity === "info" || d?.severity === "info#err")
    .map((d) => d!.message.trim());
}

/** Everything a run showed its user: stdout, stderr and the event log. */
export function printed(run: PulumiRun): string {
  return `${run.stdout}\n${run.stderr}\n${JSON.stringify(run.events)}`;
}

/** Fails with everything the command printed unless it exited 0. */
export function assertOk(run: PulumiRun): void {
  assert.equal(run.code, 0, describeRun(run));
}

/** Fails with everything the command printed unless it exited non-zero. */
export function assertFailed(run: PulumiRun): void {
  assert.notEqual(run.code, 0, describeRun(run));
}
