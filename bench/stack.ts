// A stack of N feedback overrides for the benchmark and the scale tests: the in-process emulator
// seeded for bench/scenario.ts (with the faults asked for), and test engines that run
// bench/program against it with a state file in a temporary directory.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type FaultOptions, type RunningEmulator } from "../emulator";
import { TestEngine, type EngineOptions } from "../harness/engine";
import { StateFile } from "../harness/state";
import { isolatedAwsVars } from "../tests/support/env";
import { BENCH_ADMIN, overrideAt, scenarioSeed, tokenAt } from "./scenario";

/** The benchmark's Pulumi program. */
export const PROGRAM_DIR = path.join(__dirname, "program");
/** The no-op provider's program: the host's own floor. */
export const TRIVIAL_DIR = path.join(__dirname, "trivial");
/** The pool every override is in. */
export const POOL = "us-east-1_BenchPool1";
/** Prefix of every made-up token (secret stack config of the program). */
export const TOKEN_PREFIX = "fake-token-bench-";
/** Encrypts the secrets in the stacks' state files; not a secret itself. */
export const PASSPHRASE = "bench-passphrase-not-secret";

/** Options of {@link startStack}. */
export interface StackOptions {
  count: number;
  /** Emulator faults; default none. */
  faults?: FaultOptions;
  /** Stack config added to the program's own, e.g. `cognito-feedback:writesPerSecond`. */
  config?: Record<string, string>;
  /** Extra provider-host environment, e.g. `AWS_RETRY_MODE`. */
  env?: Record<string, string | undefined>;
  /** Concurrent steps; default as `pulumi up` (CPUs x 4). */
  parallel?: number;
  /** Called with every emulator request log line, at the time it is logged. */
  log?: (line: string) => void;
}

/** A running stack: the emulator, the program's config, and engines for it. */
export interface BenchStack {
  emulator: RunningEmulator;
  /** The state file every engine of this stack shares. */
  stateFile: string;
  /** Plain stack config of the program (`flip` inverts every verdict). */
  config(flip?: boolean): Record<string, string>;
  /** Secret stack config of the program. */
  secrets: Record<string, string>;
  /** The provider host's environment: isolated from real AWS, pointed at the emulator. */
  hostEnv: Record<string, string | undefined>;
  /** A test engine for the program (or `overrides.programDir`) against this stack. */
  engine(flip?: boolean, overrides?: Partial<EngineOptions>): TestEngine;
  /** Every token of the scenario, for secrecy checks. */
  tokens(): string[];
  /**
   * What differs between the declared verdicts, the state file and Cognito: one line per
   * override that is not applied exactly as declared; empty when all are.
   */
  mismatches(flip?: boolean): string[];
  /** Stops the emulator and removes the state directory. */
  stop(): Promise<void>;
}

/** Starts the emulator for `count` overrides and returns the stack around it. */
export async function startStack(options: StackOptions): Promise<BenchStack> {
  const emulator = await startEmulator({
    seed: scenarioSeed(options.count, POOL, TOKEN_PREFIX),
    faults: options.faults,
    log: options.log,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-bench-"));
  const stateFile = path.join(dir, "state.json");
  const hostEnv = isolatedAwsVars(emulator.url, {
    AWS_ACCESS_KEY_ID: BENCH_ADMIN.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BENCH_ADMIN.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...options.env,
  });
  const config = (flip = false) => ({
    count: String(options.count),
    userPoolId: POOL,
    ...(flip ? { flip: "true" } : {}),
    ...options.config,
  });
  const secrets = { tokenPrefix: TOKEN_PREFIX };
  return {
    emulator,
    stateFile,
    config,
    secrets,
    hostEnv,
    engine: (flip = false, overrides = {}) =>
      new TestEngine({
        programDir: PROGRAM_DIR,
        stateFile,
        passphrase: PASSPHRASE,
        config: config(flip),
        secrets,
        env: hostEnv,
        parallel: options.parallel,
        ...overrides,
      }),
    tokens: () => Array.from({ length: options.count }, (_, i) => tokenAt(TOKEN_PREFIX, i)),
    mismatches(flip = false) {
      const file = StateFile.open(stateFile, "bench-feedback", "dev", PASSPHRASE);
      const inState = new Map(file.state.resources.map((r) => [r.urn.split("::").pop(), r]));
      const problems: string[] = [];
      for (let i = 0; i < options.count; i++) {
        const o = overrideAt(i, flip);
        const value = inState.get(o.name)?.outputs.feedbackValue;
        const state = typeof value === "string" ? value : "nothing";
        const cognito = emulator.store.feedbackOf(POOL, o.eventId)?.value ?? "nothing";
        if (state !== o.feedbackValue || cognito !== o.feedbackValue) {
          problems.push(
            `${o.name}: declared ${o.feedbackValue}, state has ${state}, Cognito has ${cognito}`,
          );
        }
      }
      return problems;
    },
    async stop() {
      await emulator.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
