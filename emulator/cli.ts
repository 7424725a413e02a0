/**
 * Command line entry point: `npm run -s emulator -- [--port N] [--seed FILE]`.
 * Prints the endpoint URL as the first stdout line (scripts read it), then a short summary;
 * request log lines go to stderr. Exit codes: 0 after SIGINT/SIGTERM (and for --help), 1 when
 * the server cannot start, 2 on an invalid seed or command-line usage.
 */
import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { FaultOptionsError, type FaultOptions, type Latency, type Quotas } from "./faults";
import { startEmulator, type RunningEmulator } from "./index";
import { SeedError, loadSeedFile, type Seed } from "./seed";

/** Seed used when `--seed` is not given. */
export const DEFAULT_SEED = path.join(__dirname, "seeds", "demo.yaml");

interface CliOptions {
  port: number;
  host: string;
  allowRemote: boolean;
  /** `false` after `--no-seed`. */
  seed: string | false;
  quiet: boolean;
  quotas?: "real" | "off" | Quotas;
  internalErrorRate?: number;
  dropRate?: number;
  latency?: Latency;
  faultSeed?: number;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    throw new InvalidArgumentError("expected an integer from 0 to 65535 (0 = any free port).");
  }
  return n;
}

function parseQuotas(value: string): "real" | "off" | Quotas {
  if (value === "real" || value === "off") return value;
  const quotas: Record<string, number> = {};
  for (const part of value.split(",")) {
    const m = /^(\w+)=(\d+)$/.exec(part.trim());
    if (m === null) {
      throw new InvalidArgumentError(
        "expected real, off, or Category=N pairs like UserResourceUpdate=25,UserResourceRead=50.",
      );
    }
    quotas[m[1]] = Number(m[2]);
  }
  return quotas;
}

function parseRate(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !(n >= 0 && n <= 1)) {
    throw new InvalidArgumentError("expected a number from 0 to 1, e.g. 0.05.");
  }
  return n;
}

function parseLatency(value: string): Latency {
  const m = /^(\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?$/.exec(value);
  if (m === null || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) {
    throw new InvalidArgumentError("expected milliseconds (e.g. 20) or min..max (e.g. 5..50).");
  }
  return m[2] === undefined ? Number(m[1]) : { min: Number(m[1]), max: Number(m[2]) };
}

function parseSeed(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number.");
  return Number(value);
}

/** Whether `host` only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function buildProgram(): Command {
  return (
    new Command()
      .name("npm run -s emulator --")
      .description(
        "Local Cognito user-pool endpoint (AWS JSON 1.1) for UpdateAuthEventFeedback,\n" +
          "AdminUpdateAuthEventFeedback and AdminListUserAuthEvents. Prints its URL as the first line.",
      )
      .option("-p, --port <number>", "TCP port; 0 picks a free one", parsePort, 0)
      .option("--host <address>", "interface to listen on", "127.0.0.1")
      .option(
        "--allow-remote",
        "allow a --host that is not loopback (traffic is plain http)",
        false,
      )
      .option("-s, --seed <file>", "seed file, YAML or JSON (see emulator/README.md)", DEFAULT_SEED)
      .option("--no-seed", "start with no pools and no credentials")
      .option("-q, --quiet", "do not log requests on stderr", false)
      .option(
        "--quotas <spec>",
        "request quotas: real (25/s updates, 50/s reads), off, or UserResourceUpdate=N,UserResourceRead=N",
        parseQuotas,
      )
      .option(
        "--internal-error-rate <rate>",
        "share of requests (0..1) answered InternalErrorException",
        parseRate,
      )
      .option(
        "--drop-rate <rate>",
        "share of requests (0..1) whose connection is dropped",
        parseRate,
      )
      .option("--latency <ms>", "added latency: milliseconds, or min..max", parseLatency)
      .option(
        "--fault-seed <n>",
        "seed of the fault PRNG, for repeatable runs (default 1)",
        parseSeed,
      )
      .addHelpText(
        "after",
        [
          "",
          "Examples:",
          "  npm run -s emulator -- --port 4566",
          "  npm run -s emulator -- --seed my-seed.yaml",
          "  npm run -s emulator -- --quotas real --internal-error-rate 0.05 --latency 5..50",
          "  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=$(first line) aws cognito-idp ...",
        ].join("\n"),
      )
      .showHelpAfterError()
      // Usage errors exit 2 like seed errors; help and version still exit 0.
      .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  );
}

function summary(
  emulator: RunningEmulator,
  seedFile: string | false,
  seed: Seed | undefined,
): string {
  const { pools, users, events } = emulator.store.summary();
  const keys = emulator.store.credentials.map((c) => c.accessKeyId);
  const source = seedFile === false ? "no seed" : path.relative(process.cwd(), seedFile);
  const lines = [
    `Cognito emulator ready: ${pools} user pools, ${users} users, ${events} auth events (${source}).`,
    ...(seed?.userPools ?? []).map(
      (p) =>
        `  ${p.id}  threat protection ${p.threatProtection ?? "OFF"}` +
        (p.operationNotEnabled === true ? ", operations not enabled" : ""),
    ),
    "Point the AWS SDK or CLI at it:",
    `  export AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=${emulator.url}`,
    keys.length === 0
      ? "Admin operations accept any SigV4 credentials (the scope must name cognito-idp and the pool's region)."
      : `Admin operations need one of these access keys (secrets are in the seed file): ${keys.join(", ")}`,
    ...faultLines(emulator),
    "Requests are logged on stderr. Stop with Ctrl+C.",
  ];
  return `${lines.join("\n")}\n`;
}

function faultLines(emulator: RunningEmulator): string[] {
  const plan = emulator.store.faultPlan;
  const { internalErrorRate = 0, dropRate = 0, latencyMs = 0, seed = 1 } = plan.options;
  const quotas = Object.entries(plan.quotas).map(([c, n]) => `${c} ${n}/s`);
  const parts = [
    ...(quotas.length > 0 ? [`quotas ${quotas.join(", ")}`] : []),
    ...(internalErrorRate > 0 ? [`internal errors ${internalErrorRate}`] : []),
    ...(dropRate > 0 ? [`dropped connections ${dropRate}`] : []),
    ...(latencyMs !== 0
      ? [
          `latency ${typeof latencyMs === "number" ? latencyMs : `${latencyMs.min}..${latencyMs.max}`} ms`,
        ]
      : []),
  ];
  return parts.length === 0 ? [] : [`Simulated faults (seed ${seed}): ${parts.join("; ")}.`];
}

/** Runs the CLI with `argv` (as `process.argv`). */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  program.parse(argv);
  const opts = program.opts<CliOptions>();
  if (!opts.allowRemote && !isLoopback(opts.host)) {
    program.error(
      `--host ${opts.host} is not a loopback address; add --allow-remote to listen on it anyway.`,
      { exitCode: 2 },
    );
  }

  let seed: Seed | undefined;
  if (opts.seed !== false) {
    try {
      seed = loadSeedFile(path.resolve(opts.seed));
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      if (err instanceof SeedError) {
        process.stderr.write("The seed format is described in emulator/README.md.\n");
      }
      process.exit(2);
    }
  }

  const faults: FaultOptions = {
    ...(opts.quotas === undefined ? {} : { quotas: opts.quotas }),
    ...(opts.internalErrorRate === undefined ? {} : { internalErrorRate: opts.internalErrorRate }),
    ...(opts.dropRate === undefined ? {} : { dropRate: opts.dropRate }),
    ...(opts.latency === undefined ? {} : { latencyMs: opts.latency }),
    ...(opts.faultSeed === undefined ? {} : { seed: opts.faultSeed }),
  };
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: opts.port,
      host: opts.host,
      seed,
      faults,
      log: opts.quiet
        ? undefined
        : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (err) {
    if (err instanceof FaultOptionsError) program.error(err.message, { exitCode: 2 });
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === "EADDRINUSE"
        ? `Port ${opts.port} is already in use on ${opts.host}; choose another --port or use --port 0.\n`
        : `Cannot start the emulator: ${(err as Error).message}\n`,
    );
    process.exit(1);
  }

  process.stdout.write(`${emulator.url}\n`);
  process.stdout.write(summary(emulator, opts.seed, seed));

  const shutdown = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${signal} received, stopping the emulator.\n`);
    // Once the server and its sockets are closed nothing is left on the event loop: exit 0.
    void emulator.stop();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (require.main === module) {
  main(process.argv).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
