// Fixtures for the engine tier: programs run by the real Pulumi CLI (scripts/pulumi) against an
// emulator seeded with one pool, each on a throwaway file:// backend, in an environment isolated
// from real AWS; after each test, no process any command started may be left.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EmulatorOptions, RunningEmulator } from "../../emulator";
import {
  describe as describeRun,
  PulumiStack,
  pulumiVersion,
  type PulumiRun,
  customSteps,
  opsOf,
  type PulumiStackOptions,
} from "../../scripts/pulumi-cli";
import { useEmulator } from "../support/emulator";
import { credentialEnv, isolatedAwsVars } from "../support/env";
import { CREDENTIALS, POOL, tokenOf } from "../support/seeds";

export { POOL };

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

/** Alice's two events in the canonical seed that were issued tokens and have no feedback. */
export const EVENTS = { first: "a-evt-4", second: "a-evt-5" };
/** Obviously fake tokens; the tests check none of them is ever printed or stored in clear. */
export const TOKENS = {
  first: tokenOf(EVENTS.first),
  second: tokenOf(EVENTS.second),
  rotated: "fake-token-rotated",
};
/** Encrypts the test stacks' secrets; not a secret itself. */
export const PASSPHRASE = "engine-test-passphrase";

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
  readonly emulator: RunningEmulator;
  /** This test's scratch folder. */
  dir: string;
  /** A new stack of `programDir` (default: the basic example) pointed at the emulator as admin. */
  stack(setup?: StackSetup): Promise<PulumiStack>;
  /** The feedback operations the emulator received. */
  feedbackCalls(): string[];
}

/**
 * Registers mocha hooks for an engine suite: the shared emulator fixture (default: the canonical
 * seed) and a scratch folder, afresh for each test (or once for the suite, `each: false`, for tests
 * that follow one stack through its phases); at the end, every command killed, the emulator
 * stopped, and every process a command started checked gone.
 */
export function engineFixture({
  each = true,
  emulator: emulatorOptions = {},
}: { each?: boolean; emulator?: EmulatorOptions } = {}): EngineFixture {
  const stacks: PulumiStack[] = [];
  let counter = 0;
  let leftovers: number[] = [];
  const setUp = each ? beforeEach : before;
  const tearDown = each ? afterEach : after;
  // Registered before the emulator's hooks, so the stacks stop before the emulator does.
  setUp(() => {
    fixture.dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-engine-"));
  });
  tearDown(async () => {
    leftovers = await stopAll(stacks);
    stacks.length = 0;
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  });
  const emulator = useEmulator({ ...emulatorOptions, each });
  // Registered after them: the check runs once everything is stopped.
  tearDown(() => assert.deepEqual(leftovers, [], "a process a pulumi command started outlived it"));

  const fixture: EngineFixture = {
    get emulator() {
      return emulator();
    },
    dir: "",
    async stack(setup = {}) {
      const { config = {}, secrets = {}, env = {}, ...options } = setup;
      const stack = await PulumiStack.create({
        programDir: BASIC,
        passphrase: PASSPHRASE,
        ...options,
        workDir: path.join(fixture.dir, `stack-${++counter}`),
        env: {
          ...isolatedAwsVars(emulator().url, credentialEnv(CREDENTIALS.admin)),
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
      return emulator()
        .store.requests.map((r) => r.operation ?? "")
        .filter((op) => op.endsWith("AuthEventFeedback"));
    },
  };
  return fixture;
}

/**
 * Kills whatever the stacks' commands still run (after a moment for the CLI to stop its plugins
 * as it exits); returns the processes that had outlived their command.
 */
async function stopAll(stacks: readonly PulumiStack[]): Promise<number[]> {
  const running = stacks.some((s) => s.running());
  for (const stack of stacks) if (running) stack.killAll();
  const alive = () => stacks.flatMap((s) => s.processes.alive());
  const deadline = Date.now() + 5_000;
  while (alive().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const left = alive();
  for (const stack of stacks) stack.killAll();
  return left;
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
