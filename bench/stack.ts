// A stack of N feedback overrides for the benchmark: the in-process emulator seeded for
// bench/scenario.ts (with the faults asked for), and a real Pulumi CLI stack (scripts/pulumi) of
// bench/program or bench/trivial against it, on a throwaway file:// backend.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type FaultOptions, type RunningEmulator, type Seed } from "../emulator";
import { PulumiStack, type ExportedResource } from "../scripts/pulumi-cli";
import { isolatedAwsVars } from "../emulator/client-env";
import type { ProcessWatch } from "../scripts/processes";
import { parseUrn } from "../provider/shared/pulumi-wire";
import { BENCH_ADMIN, overrideAt, scenarioSeed, tokenAt } from "./scenario";

/** The benchmark's Pulumi program. */
export const PROGRAM_DIR = path.join(__dirname, "program");
/** The no-op provider's program: the engine's and the SDK's own floor. */
export const TRIVIAL_DIR = path.join(__dirname, "trivial");
/** The pool every override is in. */
export const POOL = "us-east-1_BenchPool1";
/** Prefix of every made-up token (secret stack config of the program). */
export const TOKEN_PREFIX = "fake-token-bench-";
/** Encrypts the secrets in the stacks' backends; not a secret itself. */
export const PASSPHRASE = "bench-passphrase-not-secret";

/** Options of {@link startStack}. */
export interface StackOptions {
  count: number;
  /** The program; default bench/program. */
  programDir?: string;
  /** Emulator faults; default none. */
  faults?: FaultOptions;
  /** Stack config added to the program's own, e.g. `cognito-feedback:writesPerSecond`. */
  config?: Record<string, string>;
  /** Extra environment of every CLI command (the provider host inherits it), e.g. `AWS_RETRY_MODE`. */
  env?: Record<string, string | undefined>;
  /** Called with every emulator request log line, at the time it is logged. */
  log?: (line: string) => void;
  /**
   * The emulator seed; default bench/scenario.ts's one pool, {@link POOL}. It must hold every
   * override's user and event in the pool {@link StackOptions.pools} puts it in.
   */
  seed?: Seed;
  /**
   * The pools the overrides go to, override i to `pools[i % pools.length]` (the program's
   * `userPoolId` and, for a second pool, `secondUserPoolId`); default `[POOL]`.
   */
  pools?: readonly [string] | readonly [string, string];
}

/** A running stack: the emulator and the CLI stack of the program against it. */
export interface BenchStack {
  emulator: RunningEmulator;
  cli: PulumiStack;
  /** Descendants of the CLI commands run so far (provider hosts, language hosts). */
  processes: ProcessWatch;
  /** Every token of the scenario, for secrecy checks. */
  tokens(): string[];
  /** The stack's checkpoint file in the backend (what every step rewrites). */
  checkpointFile(): string | undefined;
  /** The program's feedback resources as `pulumi stack export` gives them. */
  resources(): Promise<ExportedResource[]>;
  /**
   * What differs between the declared verdicts, the state and Cognito: one line per override that
   * is not applied exactly as declared; empty when all are.
   */
  mismatches(flip?: boolean): Promise<string[]>;
  /** Kills whatever is left, stops the emulator and removes the stack's folder. */
  stop(): Promise<void>;
}

/** Starts the emulator for `count` overrides and creates the program's stack around it. */
export async function startStack(options: StackOptions): Promise<BenchStack> {
  const pools = options.pools ?? [POOL];
  const poolOf = (i: number) => pools[i % pools.length];
  const emulator = await startEmulator({
    seed: options.seed ?? scenarioSeed(options.count, POOL, TOKEN_PREFIX),
    faults: options.faults,
    log: options.log,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-bench-"));
  let cli: PulumiStack | undefined;
  const stop = async () => {
    // The CLI stops its plugins as it exits; give the last of them a moment, then kill the rest.
    const deadline = Date.now() + 5_000;
    while (cli !== undefined && cli.processes.alive().length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    cli?.killAll();
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    cli = await PulumiStack.create({
      programDir: options.programDir ?? PROGRAM_DIR,
      workDir: dir,
      passphrase: PASSPHRASE,
      stack: `bench-${process.pid}-${path.basename(dir).slice(-6)}`,
      env: isolatedAwsVars(emulator.url, {
        AWS_ACCESS_KEY_ID: BENCH_ADMIN.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BENCH_ADMIN.secretAccessKey,
        ...options.env,
      }),
    });
    await cli.setAllConfig({
      count: String(options.count),
      userPoolId: pools[0],
      ...(pools[1] === undefined ? {} : { secondUserPoolId: pools[1] }),
      ...options.config,
    });
    await cli.setConfig("tokenPrefix", TOKEN_PREFIX, { secret: true });
  } catch (err) {
    await stop();
    throw err;
  }
  const stack = cli;
  const resources = async () =>
    ((await stack.exportState()).deployment.resources ?? []).filter(
      (r) => r.custom === true && !r.type.startsWith("pulumi:"),
    );
  return {
    emulator,
    cli: stack,
    processes: stack.processes,
    tokens: () => Array.from({ length: options.count }, (_, i) => tokenAt(TOKEN_PREFIX, i)),
    checkpointFile() {
      const stacks = path.join(dir, "backend", ".pulumi", "stacks");
      if (!fs.existsSync(stacks)) return undefined;
      for (const project of fs.readdirSync(stacks)) {
        const file = path.join(stacks, project, `${stack.stack}.json`);
        if (fs.existsSync(file)) return file;
      }
      return undefined;
    },
    resources,
    async mismatches(flip = false) {
      const inState = new Map((await resources()).map((r) => [parseUrn(r.urn)?.name, r]));
      const problems: string[] = [];
      for (let i = 0; i < options.count; i++) {
        const o = overrideAt(i, flip);
        const value = inState.get(o.name)?.outputs?.feedbackValue;
        const state = typeof value === "string" ? value : "nothing";
        const cognito = emulator.store.feedbackOf(poolOf(i), o.eventId)?.value ?? "nothing";
        if (state !== o.feedbackValue || cognito !== o.feedbackValue) {
          problems.push(
            `${o.name}: declared ${o.feedbackValue}, state has ${state}, Cognito has ${cognito}`,
          );
        }
      }
      return problems;
    },
    stop,
  };
}
