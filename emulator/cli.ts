/**
 * Command line entry point: `npm run -s emulator -- [--port N] [--seed FILE]`.
 * Prints the endpoint URL as the first stdout line (scripts read it), then a short summary;
 * request log lines go to stderr. Exit codes: 0 after SIGINT/SIGTERM (and for --help), 1 when
 * the server cannot start, 2 on an invalid seed or command-line usage.
 */
import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { faultLines, parseFaultSeed, parseLatency, parseQuotas, parseRate } from "./fault-flags";
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
        "request quotas: real (25/s updates, 50/s event reads, 30/s user lists), off, or Category=N pairs like UserResourceUpdate=N,UserList=N",
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
        parseFaultSeed,
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
    ...faultLines(emulator.store.faultPlan),
    "Requests are logged on stderr. Stop with Ctrl+C.",
  ];
  return `${lines.join("\n")}\n`;
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
