// `npm run bench`: N feedback overrides through the real Pulumi CLI (scripts/pulumi) against the
// in-process emulator with Cognito's real quotas, side by side with a no-op dynamic provider in
// the same CLI; writes bench/results.json (machine facts, every run's raw numbers, medians,
// ratios) and bench/RESULTS.md generated from it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_SETTINGS } from "../provider/cognito/settings";
import { pulumiVersion } from "../scripts/pulumi-cli";
import {
  measureProvider,
  measureScaling,
  measureTrivial,
  measureUp,
  type ScalingSample,
  type UpSample,
} from "./measure";
import { provisionedSeed, twoRegionScenario, TWO_REGION_POOLS } from "./regions";
import { DEFAULT_SWEEP_SCENARIO, sweepBound, type IncidentSweepResults } from "./sweep";
import { measureSweep } from "./sweep-measure";
import {
  renderMarkdown,
  summarize,
  type BenchOptions,
  type BenchResults,
  type MachineFacts,
  type RegionSamples,
  type RunSamples,
  type ScalingResults,
} from "./report";
import { POOL, TOKEN_PREFIX } from "./stack";

/**
 * Resources per run. N = 1000 is not practical on the file backend: the CLI rewrites the whole
 * checkpoint at every step, so the update grows with N squared (see RESULTS.md, `--scaling`).
 */
const DEFAULT_COUNT = 200;

/** The CLI's default `--parallel`: GOMAXPROCS (the CPUs Go sees) x 4. */
const DEFAULT_PARALLEL = os.availableParallelism() * 4;

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

function counts(value: string): number[] {
  const list = value.split(",").map(Number);
  if (list.length < 2 || list.some((c) => !Number.isInteger(c) || c < 1)) {
    throw new InvalidArgumentError("must be two or more positive integers, e.g. 1,100,300,1000");
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
    pulumiCli: pulumiVersion(),
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

/**
 * The two-region and provisioned-limit scenarios of N overrides (bench/regions.ts), default
 * settings, each `up --skip-preview` with checkpoints and then with `PULUMI_SKIP_CHECKPOINTS=true`.
 */
async function regionRun(n: number): Promise<RegionSamples> {
  const skip = { skipPreview: true };
  const noCheckpoints = { env: { PULUMI_SKIP_CHECKPOINTS: "true" } };
  const twoRegions = { seed: twoRegionScenario(n, TOKEN_PREFIX).seed, pools: TWO_REGION_POOLS };
  const provisioned = { seed: provisionedSeed(n, POOL, TOKEN_PREFIX) };
  return {
    twoRegionWithCheckpoints: await step("up, two regions", () =>
      measureUp(n, { ...skip, ...twoRegions }),
    ),
    twoRegionSkipCheckpoints: await step("up, two regions, PULUMI_SKIP_CHECKPOINTS=true", () =>
      measureUp(n, { ...skip, ...twoRegions, ...noCheckpoints }),
    ),
    provisionedWithCheckpoints: await step("up, provisioned 50 writes/s", () =>
      measureUp(n, { ...skip, ...provisioned }),
    ),
    provisionedSkipCheckpoints: await step(
      "up, provisioned 50 writes/s, PULUMI_SKIP_CHECKPOINTS=true",
      () => measureUp(n, { ...skip, ...provisioned, ...noCheckpoints }),
    ),
  };
}

async function oneRun(options: BenchOptions, run: number): Promise<RunSamples> {
  const n = options.count;
  const skip = { skipPreview: true };
  const fixedRun = await step("no-op provider, 1 resource: preview, up", () =>
    measureTrivial(1, { refresh: false, unchanged: false }),
  );
  const trivial = await step("no-op provider: preview, up, preview, refresh x 2", () =>
    measureTrivial(n),
  );
  const provider = await step("provider: preview, up, preview, refresh x 2", () =>
    measureProvider(n),
  );
  const up64 = await step("up, parallel 64", () => measureUp(n, { ...skip, parallel: 64 }));
  const naive = await step("up, naive provider", () => measureUp(n, { ...skip, ...NAIVE }));
  const faults = await step("up, all faults on", () =>
    measureUp(n, { ...skip, faults: allFaults(run + 1) }),
  );
  const skipCheckpoints = await step("up, PULUMI_SKIP_CHECKPOINTS=true", () =>
    measureUp(n, { ...skip, env: { PULUMI_SKIP_CHECKPOINTS: "true" } }),
  );
  const sweep: Record<string, UpSample> = {};
  for (const rate of options.sweepRates) {
    sweep[String(rate)] = await step(`up of ${options.sweepCount} at ${rate} writes/s`, () =>
      measureUp(options.sweepCount, {
        ...skip,
        config: { "cognito-feedback:writesPerSecond": String(rate) },
      }),
    );
  }
  const regions = await regionRun(n);
  return {
    fixed: { previewNewMs: fixedRun.previewNewMs, upMs: fixedRun.up.wholeUpMs },
    trivial,
    provider,
    up64,
    naive,
    faults,
    skipCheckpoints,
    sweep,
    regions,
  };
}

async function main(): Promise<void> {
  const cli = new Command("bench")
    .description(
      "Benchmark N AuthEventFeedback resources through the real Pulumi CLI against the emulator with Cognito's real quotas, side by side with a no-op dynamic provider.",
    )
    .option("-n, --count <n>", "feedback resources", positiveInt, DEFAULT_COUNT)
    .option("-r, --runs <n>", "runs; medians are reported", positiveInt, 3)
    .option(
      "--sweep-count <n>",
      "resources per write-pacing sweep run (default: min(count, 100))",
      positiveInt,
    )
    .option("--sweep-rates <list>", "write pacings to sweep", rates, [20, 23, 24, 25])
    .option("-o, --out <dir>", "where results.json and RESULTS.md go", __dirname)
    .option(
      "--from <results.json>",
      "measure nothing: summarize the raw runs of an earlier results.json again and write both files",
    )
    .option(
      "--scaling <counts>",
      "measure only how the update's time per resource grows with N (once per N, e.g. 1,100,300,1000; the first is the fixed cost) and store it in the results.json in --out",
      counts,
    )
    .addOption(
      new Option(
        "--only <scenarios>",
        "measure only these scenarios, --runs times at --count, and merge them into the runs of the results.json in --out (run i's samples replace run i's), keeping everything else",
      ).choices(["regions", "sweep"]),
    )
    .option(
      "--incident-users <n>",
      "--only sweep: users in the swept pool",
      positiveInt,
      DEFAULT_SWEEP_SCENARIO.users,
    )
    .option(
      "--incident-events <n>",
      "--only sweep: auth events per user",
      positiveInt,
      DEFAULT_SWEEP_SCENARIO.eventsPerUser,
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
    scaling?: number[];
    only?: "regions" | "sweep";
    incidentUsers: number;
    incidentEvents: number;
  }>();
  const earlierFile = path.join(flags.out, "results.json");
  const earlier = fs.existsSync(earlierFile)
    ? (JSON.parse(fs.readFileSync(earlierFile, "utf8")) as BenchResults)
    : undefined;
  if (flags.from !== undefined) {
    const raw = JSON.parse(fs.readFileSync(flags.from, "utf8")) as BenchResults;
    write(
      flags.out,
      summarize(raw.machine, raw.options, raw.runs, raw.scaling, raw.regionsMachine),
    );
    return;
  }
  const started = Date.now();
  const machine = machineFacts();
  if (flags.scaling !== undefined) {
    if (earlier === undefined) throw new Error(`${earlierFile} is missing: run the bench first`);
    const samples: ScalingSample[] = [];
    for (const count of flags.scaling) {
      samples.push(
        await step(`update alone of ${count}: with checkpoints, without`, () =>
          measureScaling(count),
        ),
      );
    }
    const scaling: ScalingResults = { machine: finish(machine, started), samples };
    write(
      flags.out,
      summarize(earlier.machine, earlier.options, earlier.runs, scaling, earlier.regionsMachine),
    );
    return;
  }
  if (flags.only === "sweep") {
    if (earlier === undefined) throw new Error(`${earlierFile} is missing: run the bench first`);
    write(flags.out, { ...earlier, incidentSweep: await sweepRuns(flags, machine, started) });
    return;
  }
  if (flags.only === "regions") {
    if (earlier === undefined) throw new Error(`${earlierFile} is missing: run the bench first`);
    if (flags.count !== earlier.options.count || flags.runs !== earlier.runs.length) {
      throw new Error(
        `${earlierFile} has ${earlier.runs.length} runs of ${earlier.options.count} resources: --only regions merges into them run by run, so give --count ${earlier.options.count} --runs ${earlier.runs.length}`,
      );
    }
    process.stderr.write("warm-up:\n");
    await step("provider, 1 resource: up", () => measureUp(1, { skipPreview: true }));
    const runs: RunSamples[] = [];
    for (const [i, earlierRun] of earlier.runs.entries()) {
      process.stderr.write(`run ${i + 1} of ${flags.runs}, ${flags.count} resources:\n`);
      runs.push({ ...earlierRun, regions: await regionRun(flags.count) });
    }
    const results = summarize(
      earlier.machine,
      earlier.options,
      runs,
      earlier.scaling,
      finish(machine, started),
    );
    write(flags.out, results);
    return;
  }
  const options: BenchOptions = {
    count: flags.count,
    runs: flags.runs,
    sweepCount: flags.sweepCount ?? Math.min(flags.count, 100),
    sweepRates: flags.sweepRates,
    defaultParallel: DEFAULT_PARALLEL,
    defaultWritesPerSecond: DEFAULT_SETTINGS.writesPerSecond,
    defaultReadsPerSecond: DEFAULT_SETTINGS.readsPerSecond,
    faults: { ...allFaults(1), seed: "the run's number: 1, 2, ..." },
  };
  // Every command is a new process, so there is little to warm; one small up brings the CLI, the
  // SDK and both programs' files into the page cache before the first measurement.
  process.stderr.write("warm-up:\n");
  await step("provider, 1 resource: up", () => measureUp(1, { skipPreview: true }));
  const runs: RunSamples[] = [];
  for (let run = 0; run < options.runs; run++) {
    process.stderr.write(`run ${run + 1} of ${options.runs}, ${options.count} resources:\n`);
    runs.push(await oneRun(options, run));
  }
  write(flags.out, summarize(finish(machine, started), options, runs, earlier?.scaling));
}

/** The incident sweep (bench/sweep.ts), `--runs` times: the built CLI against the emulator. */
async function sweepRuns(
  flags: { runs: number; incidentUsers: number; incidentEvents: number },
  machine: MachineFacts,
  started: number,
): Promise<IncidentSweepResults> {
  const scenario = { users: flags.incidentUsers, eventsPerUser: flags.incidentEvents };
  const samples = [];
  for (let run = 1; run <= flags.runs; run++) {
    samples.push(
      await step(
        `sweep ${run} of ${flags.runs}, ${scenario.users} users x ${scenario.eventsPerUser} events`,
        () => measureSweep(scenario),
      ),
    );
  }
  const sized =
    scenario.users === DEFAULT_SWEEP_SCENARIO.users &&
    scenario.eventsPerUser === DEFAULT_SWEEP_SCENARIO.eventsPerUser
      ? ""
      : ` --incident-users ${scenario.users} --incident-events ${scenario.eventsPerUser}`;
  return {
    command: `npm run bench -- --only sweep --runs ${flags.runs}${sized}`,
    scenario,
    bound: sweepBound(scenario),
    samples,
    machine: { ...finish(machine, started) },
  };
}

function finish(machine: MachineFacts, started: number): MachineFacts {
  return { ...machine, loadAverageAtEnd: os.loadavg(), wallMs: Date.now() - started };
}

function write(dir: string, fresh: BenchResults): void {
  fs.mkdirSync(dir, { recursive: true });
  // Every path keeps the incident sweep measured apart, until `--only sweep` measures it again.
  const file = path.join(dir, "results.json");
  const kept = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults).incidentSweep
    : undefined;
  const results =
    fresh.incidentSweep === undefined && kept !== undefined
      ? { ...fresh, incidentSweep: kept }
      : fresh;
  fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  fs.writeFileSync(path.join(dir, "RESULTS.md"), markdown);
  process.stdout.write(markdown);
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
