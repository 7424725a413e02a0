// `npm run bench`: N feedback overrides through the harness and the real provider host against
// the in-process emulator with Cognito's real quotas; writes bench/results.json (machine facts,
// every run's raw numbers, medians, ratios) and bench/RESULTS.md generated from it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { DEFAULT_SETTINGS } from "../provider/settings";
import { DEFAULT_PARALLEL } from "../harness/engine";
import { measurePreview, measureTrivial, measureUp, type UpSample } from "./measure";
import {
  renderMarkdown,
  summarize,
  type BenchOptions,
  type BenchResults,
  type MachineFacts,
  type RunSamples,
} from "./report";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

function rates(value: string): number[] {
  const list = value.split(",").map(Number);
  if (list.some((r) => !(r > 0))) {
    throw new InvalidArgumentError("must be positive numbers separated by commas, e.g. 20,23,25");
  }
  return list;
}

function versionOf(pkg: string): string {
  return (
    JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as {
      version: string;
    }
  ).version;
}

function machineFacts(): MachineFacts {
  return {
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg(),
    node: process.version,
    pulumi: versionOf("@pulumi/pulumi"),
    awsSdk: versionOf("@aws-sdk/client-cognito-identity-provider"),
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

/** Every fault at once, for the fault run: the 5% internal errors, plus drops and latency. */
function allFaults(seed: number) {
  return {
    quotas: "real" as const,
    internalErrorRate: 0.05,
    dropRate: 0.02,
    latencyMs: { min: 5, max: 50 },
    seed,
  };
}

/** The naive provider: no pacing, the SDK's default 3 attempts with standard (non-adaptive) retries. */
const NAIVE = {
  config: { "cognito-feedback:writesPerSecond": "0", "cognito-feedback:maxAttempts": "3" },
  env: { AWS_RETRY_MODE: "standard" },
  continueOnError: true,
};

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stderr.write(`  ${label} ... `);
  const value = await fn();
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return value;
}

async function oneRun(options: BenchOptions, run: number): Promise<RunSamples> {
  const n = options.count;
  const trivial = await step("no-op provider: preview, up, preview", () => measureTrivial(n));
  const provider = await step("provider: preview, unpaced up, preview", () => measurePreview(n));
  const up = await step("up, default settings", () => measureUp(n));
  const up64 = await step("up, parallel 64", () => measureUp(n, { parallel: 64 }));
  const naive = await step("up, naive provider", () => measureUp(n, NAIVE));
  const faults = await step("up, all faults on", () =>
    measureUp(n, { faults: allFaults(run + 1) }),
  );
  const sweep: Record<string, UpSample> = {};
  for (const rate of options.sweepRates) {
    sweep[String(rate)] = await step(`up of ${options.sweepCount} at ${rate} writes/s`, () =>
      measureUp(options.sweepCount, {
        config: { "cognito-feedback:writesPerSecond": String(rate) },
      }),
    );
  }
  return { trivial, provider, up, up64, naive, faults, sweep };
}

async function main(): Promise<void> {
  const cli = new Command("bench")
    .description(
      "Benchmark N AuthEventFeedback resources through the harness and the real provider host against the emulator with Cognito's real quotas.",
    )
    .option("-n, --count <n>", "feedback resources", positiveInt, 1000)
    .option("-r, --runs <n>", "runs; medians are reported", positiveInt, 3)
    .option(
      "--sweep-count <n>",
      "resources per write-pacing sweep run (default: min(count, 300))",
      positiveInt,
    )
    .option("--sweep-rates <list>", "write pacings to sweep", rates, [20, 22, 23, 24, 25])
    .option("-o, --out <dir>", "where results.json and RESULTS.md go", __dirname)
    .option(
      "--from <results.json>",
      "measure nothing: summarize the raw runs of an earlier results.json again and write both files",
    )
    .showHelpAfterError()
    .parse();
  const flags = cli.opts<{
    count: number;
    runs: number;
    sweepCount?: number;
    sweepRates: number[];
    out: string;
    from?: string;
  }>();
  if (flags.from !== undefined) {
    const raw = JSON.parse(fs.readFileSync(flags.from, "utf8")) as BenchResults;
    write(flags.out, summarize(raw.machine, raw.options, raw.runs));
    return;
  }
  const machine = machineFacts();
  const options: BenchOptions = {
    count: flags.count,
    runs: flags.runs,
    sweepCount: flags.sweepCount ?? Math.min(flags.count, 300),
    sweepRates: flags.sweepRates,
    defaultParallel: DEFAULT_PARALLEL,
    defaultWritesPerSecond: DEFAULT_SETTINGS.writesPerSecond,
    faults: { ...allFaults(1), seed: "the run's number: 1, 2, ..." },
  };
  // Loads the SDK, ts-node and both programs' modules once, so the first measurement is no slower.
  process.stderr.write("warm-up:\n");
  await step("both programs, 10 resources", async () => {
    await measureTrivial(10);
    await measurePreview(10);
  });
  const runs: RunSamples[] = [];
  for (let run = 0; run < options.runs; run++) {
    process.stderr.write(`run ${run + 1} of ${options.runs}, ${options.count} resources:\n`);
    runs.push(await oneRun(options, run));
  }
  write(flags.out, summarize(machine, options, runs));
}

function write(dir: string, results: BenchResults): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  fs.writeFileSync(path.join(dir, "RESULTS.md"), markdown);
  process.stdout.write(markdown);
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
