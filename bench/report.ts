// Pure: the benchmark's raw samples -> medians, side-by-side ratios, targets, and RESULTS.md.
import { REAL_QUOTAS } from "../emulator/faults";
import type { ProgramSample, RefreshSample, ScalingSample, UpSample } from "./measure";
import {
  PROVISIONED_WRITES_PER_SECOND,
  TWO_REGION_POOLS,
  provisionedCallSpanVsBound,
  twoRegionCallSpanVsBound,
} from "./regions";
import { sweepSection, sweepTargets, type IncidentSweepResults } from "./sweep";

/** Cognito's UserResourceUpdate quota: both feedback APIs share it (requests per second). */
export const WRITE_QUOTA = REAL_QUOTAS.UserResourceUpdate;

/** The size budgets the tests and the benchmark hold the provider to. */
export const BUDGETS = {
  /**
   * The serialized provider (`__provider`), stored twice per resource in state: 2,033 bytes as a
   * bare loader, 2,260 since it says to reinstall a missing package instead of "Cannot find module".
   */
  providerBytes: 2304,
  /** The state file, per resource. */
  stateBytesPerResource: 6 * 1024,
} as const;

/** Answers that made the SDK retry: throttled, internal errors and dropped connections. */
export function retriesOf(c: {
  throttled: number;
  internalErrors: number;
  dropped: number;
}): number {
  return c.throttled + c.internalErrors + c.dropped;
}

/** The no-op provider with one resource: the CLI's fixed cost of a command, whatever N. */
export interface FixedSample {
  previewNewMs: number;
  upMs: number;
}

/** Everything one run of the benchmark measured, side by side in the same CLI. */
export interface RunSamples {
  /** The no-op provider, one resource: the fixed cost to take off before dividing by N. */
  fixed: FixedSample;
  /** The no-op provider's preview, up, preview and refreshes of N: the engine's and SDK's floor. */
  trivial: ProgramSample;
  /** The same commands of this provider, default settings, Cognito's real quotas. */
  provider: ProgramSample;
  /** `up --skip-preview --parallel 64`. */
  up64: UpSample;
  /** `up --skip-preview --continue-on-error` of a naive provider: no pacing, 3 attempts, standard retries. */
  naive: UpSample;
  /** `up --skip-preview` with throttling, internal errors, dropped connections and latency all on. */
  faults: UpSample;
  /** `up --skip-preview` with `PULUMI_SKIP_CHECKPOINTS=true`: extra, never the default. */
  skipCheckpoints: UpSample;
  /** `up --skip-preview` of the sweep's size at each write pacing (requests per second). */
  sweep: Record<string, UpSample>;
  /** The two-region and provisioned-limit scenarios (absent in results measured before them). */
  regions?: RegionSamples;
}

/**
 * The scenarios of bench/regions.ts, default settings, Cognito's real quotas per region, each as
 * `up --skip-preview` with checkpoints (what users get) and with `PULUMI_SKIP_CHECKPOINTS=true`
 * (the provider's pacing alone, without the engine's checkpoint writes holding steps back).
 */
export interface RegionSamples {
  /** N overrides alternating between a us-east-1 and an eu-west-1 pool, with checkpoints. */
  twoRegionWithCheckpoints: UpSample;
  /** The same with `PULUMI_SKIP_CHECKPOINTS=true`. */
  twoRegionSkipCheckpoints: UpSample;
  /** N overrides in one region whose seeded provisioned write limit is 50/s, with checkpoints. */
  provisionedWithCheckpoints: UpSample;
  /** The same with `PULUMI_SKIP_CHECKPOINTS=true`. */
  provisionedSkipCheckpoints: UpSample;
}

/** Facts about the machine and versions a result was measured with. */
export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  node: string;
  /** The Pulumi CLI (`pulumi version`). */
  pulumiCli: string;
  /** The @pulumi/pulumi SDK. */
  pulumi: string;
  awsSdk: string;
  platform: string;
  date: string;
  /** Wall time of the whole benchmark, in ms. */
  wallMs?: number;
}

/** Options the benchmark ran with. */
export interface BenchOptions {
  count: number;
  runs: number;
  sweepCount: number;
  sweepRates: number[];
  /** The CLI's default `--parallel` on this machine (GOMAXPROCS x 4). */
  defaultParallel: number;
  defaultWritesPerSecond: number;
  defaultReadsPerSecond: number;
  faults: Record<string, unknown>;
}

/** The checkpoint scaling measurement (`--scaling`), once per N; the first N is the fixed cost. */
export interface ScalingResults {
  machine: MachineFacts;
  samples: ScalingSample[];
}

/** The ratios computed within each run (side by side), then their medians. */
export interface Ratios {
  /** Whole default `up` (both host processes) / (N / 25 s). */
  wholeUpVsBound: number;
  /** First to last accepted feedback call / (N / 25 s): the provider's own share. */
  callSpanVsBound: number;
  /** The same with `PULUMI_SKIP_CHECKPOINTS=true`. */
  skipCheckpointsCallSpanVsBound: number;
  /** This provider's `up` / the no-op provider's. */
  upVsTrivial: number;
  /** (No-op `up` of N - no-op `up` of 1) / (N - 1): the engine's and SDK's cost per resource. */
  engineUpMsPerResource: number;
  /** The same for a preview of a new stack. */
  enginePreviewMsPerResource: number;
  /** (This provider's `up` - the no-op provider's) / N: what this provider adds per resource. */
  providerUpMsPerResource: number;
  /** Feedback call span at parallel 64 / at the default parallelism. */
  parallel64VsDefault: number;
  /** Feedback call span with every fault on / without faults. */
  faultsVsDefault: number;
  /** Preview of a new stack / the no-op provider's. */
  previewNewVsTrivial: number;
  /** Preview of an unchanged stack / the no-op provider's. */
  previewUnchangedVsTrivial: number;
  /** `refresh --yes` / the no-op provider's. */
  refreshVsTrivial: number;
  /** `refresh --yes --skip-preview` / `refresh --yes`. */
  refreshSkipPreviewVsRefresh: number;
  /**
   * Two regions, `PULUMI_SKIP_CHECKPOINTS=true`: feedback call span / (N / (25 + 25) s), the
   * provider's per-region pacing. Absent when the runs have no {@link RegionSamples}.
   */
  twoRegionCallSpanVsBound?: number;
  /** The same with checkpoints, as users run it: the engine's checkpoint writes count too. */
  twoRegionWithCheckpointsCallSpanVsBound?: number;
  /**
   * Provisioned 50 writes/s, `PULUMI_SKIP_CHECKPOINTS=true`: feedback call span / (N / 50 s), the
   * provider's pacing at the discovered limit. Absent when the runs have no {@link RegionSamples}.
   */
  provisionedCallSpanVsBound?: number;
  /** The same with checkpoints, as users run it. */
  provisionedWithCheckpointsCallSpanVsBound?: number;
}

/** One target and how the medians meet it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** The whole results file. */
export interface BenchResults {
  machine: MachineFacts;
  options: BenchOptions;
  runs: RunSamples[];
  medians: RunSamples;
  ratios: Ratios;
  ratiosPerRun: Ratios[];
  targets: TargetCheck[];
  /** Measured once by `--scaling`, kept from the earlier results.json until measured again. */
  scaling?: ScalingResults;
  /**
   * When the runs' {@link RegionSamples} were measured apart (`--only regions`, merged into the
   * earlier runs): that measurement's machine facts. Absent when measured with the rest.
   */
  regionsMachine?: MachineFacts;
  /** The incident sweep (`--only sweep`), measured apart and kept until measured again. */
  incidentSweep?: IncidentSweepResults;
}

/** The median of numbers (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The field-by-field median of objects of the same shape: numbers get their median, nested
 * objects are walked, and null stays null when every sample has null.
 */
export function medianOf<T>(samples: T[]): T {
  const first = samples[0] as unknown;
  if (typeof first === "number" || first === null) {
    const numbers = (samples as unknown[]).filter((v): v is number => typeof v === "number");
    return (numbers.length === 0 ? null : median(numbers)) as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first as object)) {
    out[key] = medianOf(samples.map((s) => (s as Record<string, unknown>)[key]));
  }
  return out as T;
}

/** The lower bound of an update of `count` overrides under the write quota, in ms. */
export function boundMs(count: number): number {
  return (count / WRITE_QUOTA) * 1000;
}

/** The ratios of one run. */
export function ratiosOf(run: RunSamples, count: number): Ratios {
  const bound = boundMs(count);
  const { fixed, trivial, provider } = run;
  const refreshMs = (s: ProgramSample) => s.refresh?.wallMs ?? NaN;
  return {
    wholeUpVsBound: provider.up.wholeUpMs / bound,
    callSpanVsBound: provider.up.callSpanMs / bound,
    skipCheckpointsCallSpanVsBound: run.skipCheckpoints.callSpanMs / bound,
    upVsTrivial: provider.up.wholeUpMs / trivial.up.wholeUpMs,
    engineUpMsPerResource: (trivial.up.wholeUpMs - fixed.upMs) / Math.max(count - 1, 1),
    enginePreviewMsPerResource:
      (trivial.previewNewMs - fixed.previewNewMs) / Math.max(count - 1, 1),
    providerUpMsPerResource: (provider.up.wholeUpMs - trivial.up.wholeUpMs) / count,
    parallel64VsDefault: run.up64.callSpanMs / provider.up.callSpanMs,
    faultsVsDefault: run.faults.callSpanMs / provider.up.callSpanMs,
    previewNewVsTrivial: provider.previewNewMs / trivial.previewNewMs,
    previewUnchangedVsTrivial: provider.previewUnchangedMs / trivial.previewUnchangedMs,
    refreshVsTrivial: refreshMs(provider) / refreshMs(trivial),
    refreshSkipPreviewVsRefresh: (provider.refreshSkipPreview?.wallMs ?? NaN) / refreshMs(provider),
    ...(run.regions === undefined ? {} : regionRatiosOf(run.regions, count)),
  };
}

/** The ratios of one run's {@link RegionSamples}: call spans against their bounds. */
export function regionRatiosOf(regions: RegionSamples, count: number) {
  const span = (s: UpSample) => s.callSpanMs / 1000;
  return {
    twoRegionCallSpanVsBound: twoRegionCallSpanVsBound(
      span(regions.twoRegionSkipCheckpoints),
      count,
    ),
    twoRegionWithCheckpointsCallSpanVsBound: twoRegionCallSpanVsBound(
      span(regions.twoRegionWithCheckpoints),
      count,
    ),
    provisionedCallSpanVsBound: provisionedCallSpanVsBound(
      span(regions.provisionedSkipCheckpoints),
      count,
    ),
    provisionedWithCheckpointsCallSpanVsBound: provisionedCallSpanVsBound(
      span(regions.provisionedWithCheckpoints),
      count,
    ),
  };
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const mb = (bytes: number | null) =>
  bytes === null ? "n/a" : `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

// Resources an up did not apply: a failed step is not applied either, so it is counted once.
const failures = (s: UpSample) => s.notApplied;

/** The targets of the issue, checked against the medians. */
export function checkTargets(medians: RunSamples, ratios: Ratios): TargetCheck[] {
  const { provider } = medians;
  const listings = [
    provider.refresh?.listingsPerUser,
    provider.refreshSkipPreview?.listingsPerUser,
  ];
  return [
    {
      target: "zero failures (default, parallel 64, all faults on)",
      measured: `${failures(provider.up)}, ${failures(medians.up64)}, ${failures(medians.faults)}`,
      met: failures(provider.up) + failures(medians.up64) + failures(medians.faults) === 0,
    },
    {
      target: "feedback calls (first to last) within 1.15 x N / 25 s",
      measured: `${fixed(ratios.callSpanVsBound)} x`,
      met: ratios.callSpanVsBound <= 1.15,
    },
    {
      target: "preview within 1.2 x the no-op provider (new stack; unchanged stack)",
      measured: `${fixed(ratios.previewNewVsTrivial)} x; ${fixed(ratios.previewUnchangedVsTrivial)} x`,
      met: ratios.previewNewVsTrivial <= 1.2 && ratios.previewUnchangedVsTrivial <= 1.2,
    },
    {
      target:
        "refresh lists each user once per host process (2 with its preview, 1 with --skip-preview)",
      measured: `${listings.map((l) => (l === undefined ? "n/a" : fixed(l))).join(", ")} per user`,
      met:
        listings[0] !== undefined &&
        listings[0] <= 2 &&
        listings[1] !== undefined &&
        listings[1] <= 1,
    },
    {
      target: `serialized provider at most ${BUDGETS.providerBytes.toLocaleString("en-US")} bytes`,
      measured: `${provider.up.providerBytes} bytes`,
      met: provider.up.providerBytes <= BUDGETS.providerBytes,
    },
    {
      target: "checkpoint file at most 6 KB per resource",
      measured: kb(provider.up.stateBytesPerResource),
      met: provider.up.stateBytesPerResource <= BUDGETS.stateBytesPerResource,
    },
    ...regionTargets(medians.regions, ratios),
  ];
}

/** The targets of the two-region and provisioned scenarios; none when they were not measured. */
function regionTargets(regions: RegionSamples | undefined, ratios: Ratios): TargetCheck[] {
  if (regions === undefined) return [];
  const all = [
    regions.twoRegionWithCheckpoints,
    regions.twoRegionSkipCheckpoints,
    regions.provisionedWithCheckpoints,
    regions.provisionedSkipCheckpoints,
  ].map(failures);
  const within = (target: string, skip?: number, withCheckpoints?: number): TargetCheck => ({
    target,
    measured: `${fixed(skip ?? NaN)} x (with checkpoints: ${fixed(withCheckpoints ?? NaN)} x)`,
    met: skip !== undefined && skip <= 1.15,
  });
  return [
    {
      target:
        "zero failures (two regions, provisioned 50/s; each with checkpoints, then PULUMI_SKIP_CHECKPOINTS=true)",
      measured: all.join(", "),
      met: all.every((f) => f === 0),
    },
    within(
      "two regions: feedback calls within 1.15 x N / (25 + 25) s (PULUMI_SKIP_CHECKPOINTS=true)",
      ratios.twoRegionCallSpanVsBound,
      ratios.twoRegionWithCheckpointsCallSpanVsBound,
    ),
    within(
      `provisioned ${PROVISIONED_WRITES_PER_SECOND}/s: feedback calls within 1.15 x N / ${PROVISIONED_WRITES_PER_SECOND} s (PULUMI_SKIP_CHECKPOINTS=true)`,
      ratios.provisionedCallSpanVsBound,
      ratios.provisionedWithCheckpointsCallSpanVsBound,
    ),
  ];
}

/** Medians, ratios and targets of raw runs. */
export function summarize(
  machine: MachineFacts,
  options: BenchOptions,
  runs: RunSamples[],
  scaling?: ScalingResults,
  regionsMachine?: MachineFacts,
): BenchResults {
  const withRegions = runs.filter((r) => r.regions !== undefined).length;
  if (withRegions !== 0 && withRegions !== runs.length) {
    throw new Error(
      `${withRegions} of ${runs.length} runs have the two-region and provisioned samples: all or none must`,
    );
  }
  const ratiosPerRun = runs.map((r) => ratiosOf(r, options.count));
  const medians = medianOf(runs);
  const ratios = medianOf(ratiosPerRun);
  return {
    machine,
    options,
    runs,
    medians,
    ratios,
    ratiosPerRun,
    targets: checkTargets(medians, ratios),
    ...(scaling === undefined ? {} : { scaling }),
    ...(regionsMachine === undefined ? {} : { regionsMachine }),
  };
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function upRow(name: string, s: UpSample, count: number): string[] {
  return [
    name,
    seconds(s.wholeUpMs),
    seconds(s.callSpanMs),
    fixed(s.callSpanMs / boundMs(count)),
    String(s.failedSteps),
    String(s.notApplied),
    `${retriesOf(s)} (${s.throttled} / ${s.internalErrors} / ${s.dropped})`,
    mb(s.hostPeakRssBytes),
  ];
}

function machineLine(m: MachineFacts): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  return `${m.cpuModel}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, load average ${load(m.loadAverageAtStart)} at start${m.loadAverageAtEnd === undefined ? "" : `, ${load(m.loadAverageAtEnd)} at the end`} (a shared machine: other engineers' tests ran meanwhile, so expect noise). Pulumi CLI ${m.pulumiCli}, Node ${m.node}, @pulumi/pulumi ${m.pulumi}, AWS SDK ${m.awsSdk}, ${m.platform}, ${m.date}${m.wallMs === undefined ? "" : `, ${seconds(m.wallMs)} in all`}.`;
}

/** Per-resource times of the scaling measurement, the first N's times taken off. */
export function scalingPerResource(samples: ScalingSample[]) {
  const [base, ...rest] = samples;
  const per = (a: number, b: number, s: ScalingSample) => (a - b) / (s.count - base.count);
  return rest.map((s) => ({
    count: s.count,
    providerMs: per(s.providerMs, base.providerMs, s),
    providerSkipCheckpointsMs: per(s.providerSkipCheckpointsMs, base.providerSkipCheckpointsMs, s),
    stateBytesPerResource: s.stateBytesPerResource,
  }));
}

function scalingSection(scaling: ScalingResults | undefined): string[] {
  if (scaling === undefined || scaling.samples.length < 2) {
    return [
      "## Checkpoints and N",
      "",
      "Not measured yet: `npm run bench -- --scaling 1,100,300,1000` measures it once and keeps it in results.json.",
      "",
    ];
  }
  const per = scalingPerResource(scaling.samples);
  const base = scaling.samples[0];
  const lastSample = scaling.samples[scaling.samples.length - 1];
  const list = (pick: (p: (typeof per)[number]) => number) =>
    per.map((p) => `${ms(pick(p))} at N = ${p.count}`).join(", ");
  return [
    "## Checkpoints and N",
    "",
    `Measured once (\`npm run bench -- --scaling ${scaling.samples.map((s) => s.count).join(",")}\`), not per run: ${machineLine(scaling.machine)}`,
    "",
    `The update alone (\`pulumi up --yes --skip-preview\`) of a new stack of N resources; this provider with no quota and no pacing, so only the engine, the SDK and the provider count. Per resource = (time at N - time at ${base.count}) / (N - ${base.count}); at ${base.count}: ${seconds(base.providerMs)}, the CLI's fixed cost.`,
    "",
    ...table(
      [
        "N",
        "this provider",
        "per resource",
        "this provider, PULUMI_SKIP_CHECKPOINTS=true",
        "per resource",
        "checkpoint file per resource",
      ],
      scaling.samples
        .slice(1)
        .map((s, i) => [
          String(s.count),
          seconds(s.providerMs),
          ms(per[i].providerMs),
          seconds(s.providerSkipCheckpointsMs),
          ms(per[i].providerSkipCheckpointsMs),
          kb(s.stateBytesPerResource),
        ]),
    ),
    "",
    `On the file backend the CLI rewrites the whole checkpoint (every resource's inputs and outputs, the serialized provider twice) when a step starts and when it ends, one write at a time, so a step's cost grows with N and the update's with N squared: per resource, this provider's update takes ${list((p) => p.providerMs)}. With \`PULUMI_SKIP_CHECKPOINTS=true\` it takes ${list((p) => p.providerSkipCheckpointsMs)}, with no growth: the growth is the checkpoint writes (single points move with the machine's load). Cognito allows 25 writes/s, i.e. 40 ms per resource; wherever the per-resource time is above that, the engine and not Cognito's quota sets the pace. At N = ${lastSample.count} the update alone takes ${seconds(lastSample.providerMs)} against N / 25 s = ${seconds(boundMs(lastSample.count))}, and the bench's runs (about ten such updates each) would take about ${((lastSample.providerMs * 10 * 3) / 3_600_000).toFixed(1)} hours for 3 runs, so its N is smaller.`,
    "",
  ];
}

/** RESULTS.md: the medians, ratios and targets, readable; every number from `results`. */
export function renderMarkdown(results: BenchResults): string {
  const { machine: m, options: o, medians: med, ratios: r } = results;
  const n = o.count;
  const { trivial, provider } = med;
  const sweep = Object.entries(med.sweep).map(([rate, s]) => ({
    rate: Number(rate),
    s,
    worst: Math.max(...results.runs.map((run) => run.sweep[rate].callSpanMs)),
    throttledPerRun: results.runs.map((run) => run.sweep[rate].throttled),
  }));
  // Clean: no throttle in any run, not just the median one (a throttle slows the adaptive limiter).
  const clean = sweep.filter((x) => x.throttledPerRun.every((t) => t === 0) && failures(x.s) === 0);
  const fastestClean = clean.length === 0 ? undefined : Math.max(...clean.map((x) => x.rate));
  const perRun = (key: keyof Ratios) =>
    results.ratiosPerRun.map((ratios) => fixed(ratios[key] ?? NaN)).join(", ");
  const users = Math.ceil(n / 10);
  const refreshRow = (name: string, pick: (s: ProgramSample) => RefreshSample | null) => {
    const ours = pick(provider);
    const floor = pick(trivial);
    return [
      name,
      ours === null
        ? "n/a"
        : `${seconds(ours.wallMs)}, ${fixed(ours.listingsPerUser)} listings/user`,
      floor === null ? "n/a" : seconds(floor.wallMs),
      ours === null || floor === null ? "n/a" : fixed(ours.wallMs / floor.wallMs),
    ];
  };
  return [
    "# Benchmark results",
    "",
    `Generated by \`npm run bench -- --count ${n} --runs ${o.runs}\` from \`bench/results.json\`; do not edit by hand.`,
    "",
    `Machine: ${machineLine(m)}`,
    "",
    `Every command is the real Pulumi CLI (scripts/pulumi, ${m.pulumiCli}) on a new stack with a throwaway \`file://\` backend, running bench/program (${n} \`AuthEventFeedback\` resources, half in token mode, half in admin mode, 10 events per user, so ${users} users) or bench/trivial (the same inputs, a dynamic provider that does nothing) against the in-process emulator with Cognito's real quotas (25 feedback calls/s shared by both feedback APIs, 50 reads/s). Times are the CLI's wall time, as a user waits for it; how fast Cognito got the calls comes from the emulator's own record of each request. Medians of ${o.runs} runs; ratios are computed within each run, side by side, then their median is taken. Lower bound of the feedback calls: N / 25 s = ${seconds(boundMs(n))}.`,
    "",
    "## Targets",
    "",
    ...table(
      ["target", "median", "met"],
      [
        ...results.targets,
        ...(results.incidentSweep === undefined ? [] : sweepTargets(results.incidentSweep)),
      ].map((t) => [t.target, t.measured, t.met ? "yes" : "**no**"]),
    ),
    "",
    "## The engine's floor and this provider, side by side",
    "",
    ...table(
      ["command", "this provider", "no-op provider (floor)", "ratio (each run's, then the median)"],
      [
        [
          "`pulumi preview`, new stack (Check)",
          seconds(provider.previewNewMs),
          seconds(trivial.previewNewMs),
          fixed(r.previewNewVsTrivial),
        ],
        [
          "`pulumi up --yes` (preview, then update)",
          seconds(provider.up.wholeUpMs),
          seconds(trivial.up.wholeUpMs),
          fixed(r.upVsTrivial),
        ],
        [
          "`pulumi preview`, unchanged stack (Check, Diff)",
          seconds(provider.previewUnchangedMs),
          seconds(trivial.previewUnchangedMs),
          fixed(r.previewUnchangedVsTrivial),
        ],
        refreshRow("`pulumi refresh --yes` (refresh preview, then refresh)", (s) => s.refresh),
        refreshRow("`pulumi refresh --yes --skip-preview`", (s) => s.refreshSkipPreview),
        [
          "checkpoint file per resource",
          kb(provider.up.stateBytesPerResource),
          kb(trivial.up.stateBytesPerResource),
          fixed(provider.up.stateBytesPerResource / trivial.up.stateBytesPerResource),
        ],
        [
          "`pulumi stack export` per resource",
          kb(provider.up.exportBytesPerResource),
          kb(trivial.up.exportBytesPerResource),
          fixed(provider.up.exportBytesPerResource / trivial.up.exportBytesPerResource),
        ],
        [
          "serialized provider (`__provider`)",
          `${provider.up.providerBytes} bytes`,
          `${trivial.up.providerBytes} bytes`,
          fixed(provider.up.providerBytes / trivial.up.providerBytes),
        ],
        [
          "provider host peak RSS (`up`)",
          mb(provider.up.hostPeakRssBytes),
          mb(trivial.up.hostPeakRssBytes),
          "",
        ],
      ],
    ),
    "",
    `- **The CLI's fixed cost.** One resource of the no-op provider: preview ${seconds(med.fixed.previewNewMs)}, \`up\` ${seconds(med.fixed.upMs)} (the CLI, the language host and ts-node starting the program, the provider host starting, once per host process; \`up\` has two). No provider can go below it, whatever N.`,
    `- **The engine's cost per resource** is the no-op provider's time above that fixed cost, divided by N - 1: ${ms(r.enginePreviewMsPerResource)} in a preview of a new stack and ${ms(r.engineUpMsPerResource)} in \`up\` (preview and update), paid by every provider; at N = ${n} the no-op \`up\` alone takes ${fixed(trivial.up.wholeUpMs / boundMs(n))} x N / 25 s.`,
    `- **This provider's cost per resource** is its \`up\` minus the no-op provider's, divided by N: ${ms(r.providerUpMsPerResource)} (${fixed(r.upVsTrivial)} x the floor's time): Cognito's quota, paced at ${o.defaultWritesPerSecond}/s (${ms(1000 / o.defaultWritesPerSecond)} per resource at best), and a checkpoint ${fixed(provider.up.stateBytesPerResource / trivial.up.stateBytesPerResource)} x larger to rewrite at every step (the serialized provider, twice per resource). The whole \`up\` is ${fixed(r.wholeUpVsBound)} x N / 25 s; the feedback calls themselves, first to last, ${fixed(r.callSpanVsBound)} x (each run: ${perRun("callSpanVsBound")}), and ${fixed(r.skipCheckpointsCallSpanVsBound)} x with the checkpoints off (below): ${r.callSpanVsBound > 1.15 && r.skipCheckpointsCallSpanVsBound <= 1.15 ? "the 1.15 target is missed because the engine's checkpoint writes hold the steps back, not because of the pacing" : "the pacing's own share"}.`,
    `- **Preview.** Both programs get the same Check and Diff calls; per-run ratios (new stack: ${perRun("previewNewVsTrivial")}; unchanged: ${perRun("previewUnchangedVsTrivial")}) show how noisy this shared machine is around the 1.2 target.`,
    `- **Refresh** of ${users} users: \`pulumi refresh\` runs a refresh preview and then the refresh in two host processes, and the provider lists each user once per process (AdminListUserAuthEvents, paced at ${o.defaultReadsPerSecond}/s), so ${provider.refresh === null ? "n/a" : fixed(provider.refresh.listingsPerUser)} listings per user; with \`--skip-preview\` one process and ${provider.refreshSkipPreview === null ? "n/a" : fixed(provider.refreshSkipPreview.listingsPerUser)} per user, in ${fixed(r.refreshSkipPreviewVsRefresh)} x the time. Against the no-op provider (which lists nothing): ${fixed(r.refreshVsTrivial)} x.`,
    "",
    "## `up` variants of N resources",
    "",
    ...table(
      [
        "variant",
        "CLI wall time",
        "feedback calls, first to last",
        "calls / (N/25)",
        "failed steps",
        "not applied",
        "retries (throttled / internal / dropped)",
        "provider host peak RSS",
      ],
      [
        upRow(
          `default: \`up --yes\` (${o.defaultWritesPerSecond}/s, parallel ${o.defaultParallel})`,
          provider.up,
          n,
        ),
        upRow("`--skip-preview --parallel 64`", med.up64, n),
        upRow(
          "naive: no pacing, 3 attempts, standard retries; `--skip-preview --continue-on-error`",
          med.naive,
          n,
        ),
        upRow("all faults on; `--skip-preview`", med.faults, n),
        upRow(
          "extra, not a default: `PULUMI_SKIP_CHECKPOINTS=true`, `--skip-preview`",
          med.skipCheckpoints,
          n,
        ),
      ],
    ),
    "",
    `All faults on: ${JSON.stringify(o.faults)}; a run passes only when every resource's \`feedbackValue\` in state equals Cognito's and the program's. The variants skip the preview (it sends no feedback call, so the call span is the same) to save a host process each. The naive provider runs with \`--continue-on-error\`, which on the real CLI stops only at check failures, not at failed steps, so every failure is counted.`,
    "",
    `- **Parallelism.** Call span at parallel 64 / at the default ${o.defaultParallel}: ${fixed(r.parallel64VsDefault)} (each run: ${perRun("parallel64VsDefault")}). ${r.parallel64VsDefault < 0.95 ? "Where the engine, not the pacer, sets the pace, more steps in flight hide part of its per-step cost, so the calls come closer to the pacing; they still cannot pass it." : "A paced update is not faster with more steps in flight: they only queue in the pacer."}`,
    `- **Naive provider.** With no pacing, the SDK's 3 attempts and standard retries, ${med.naive.failedSteps} of ${n} resources fail (median; each run: ${results.runs.map((run) => run.naive.failedSteps).join(", ")}) after ${med.naive.throttled} throttled answers (${results.runs.map((run) => run.naive.throttled).join(", ")}); the paced provider fails ${failures(provider.up)} by default and ${failures(med.faults)} with every fault on. The fewer steps the engine's checkpoint writes let through per second, the fewer calls exceed the quota: on the real CLI at this N the naive provider is saved mostly by the engine's own pace, and fails once the engine runs faster than 25 steps/s.`,
    `- **Faults** (throttling, internal errors, drops, latency): the call span is ${fixed(r.faultsVsDefault)} x the fault-free one (each run: ${perRun("faultsVsDefault")}; the engine's pace hides the retries' cost), with ${failures(med.faults) === 0 ? "every resource applied as declared" : `${failures(med.faults)} resources not applied`} after ${retriesOf(med.faults)} retried answers.`,
    `- **Without checkpoints** (\`PULUMI_SKIP_CHECKPOINTS=true\`, which users do not set: a crash then loses the record of what was applied) the calls span ${fixed(r.skipCheckpointsCallSpanVsBound)} x N / 25 s against ${fixed(r.callSpanVsBound)} x with them: the difference is the engine's checkpoint writes holding steps back, not the provider.`,
    "",
    "## Write pacing",
    "",
    `\`up --yes --skip-preview\` of ${o.sweepCount} resources at each \`cognito-feedback:writesPerSecond\`, quotas real:`,
    "",
    ...table(
      [
        "writes/s",
        "feedback calls, first to last",
        "calls / (N/25)",
        "worst run",
        "throttled (each run)",
        "failed",
        "CLI wall time",
      ],
      sweep.map(({ rate, s, worst, throttledPerRun }) => [
        String(rate),
        seconds(s.callSpanMs),
        fixed(s.callSpanMs / boundMs(o.sweepCount)),
        fixed(worst / boundMs(o.sweepCount)),
        `${s.throttled} (${throttledPerRun.join(", ")})`,
        String(failures(s)),
        seconds(s.wholeUpMs),
      ]),
    ),
    "",
    `The quota window is strict: 25 calls in any 1000 ms. Paced evenly at r/s, 26 calls span 25 x 1000 / r ms, so the slack against the window is ${sweep.map(({ rate }) => `${Math.max(0, (25 * 1000) / rate - 1000).toFixed(0)} ms at ${rate}/s`).join(", ")}. Timers, the event loop and network jitter eat that slack (see the throttled column), and every throttle costs more than its retry: the adaptive retry mode's client-side rate limiter backs off after it and recovers slowly. The fastest pacing with no throttle in any run is ${fastestClean === undefined ? "none of those swept" : `${fastestClean}/s`}; the default is ${o.defaultWritesPerSecond}/s. The spans against N / r (${sweep.map(({ rate, s }) => `${fixed(s.callSpanMs / ((o.sweepCount / rate) * 1000))} x at ${rate}/s`).join(", ")}): what is above 1 is calls held back by the engine's checkpoint writes and by timer jitter, not by the pacer; the worst runs show how much the machine's load moves that.`,
    "",
    ...regionsSection(results),
    ...sweepSection(results.incidentSweep, (facts) =>
      machineLine(facts as unknown as MachineFacts),
    ),
    ...scalingSection(results.scaling),
  ].join("\n");
}

function regionsSection(results: BenchResults): string[] {
  const regions = results.medians.regions;
  const { options: o, ratios: r } = results;
  if (regions === undefined) {
    return [
      "## Two regions and a provisioned limit",
      "",
      "Not measured yet: `npm run bench -- --only regions` measures it and merges it into the runs of results.json.",
      "",
    ];
  }
  const n = o.count;
  const twoRegionBoundMs = (n / (2 * WRITE_QUOTA)) * 1000;
  const provisionedBoundMs = (n / PROVISIONED_WRITES_PER_SECOND) * 1000;
  const perRun = (key: keyof Ratios) =>
    results.ratiosPerRun.map((ratios) => fixed(ratios[key] ?? NaN)).join(", ");
  const row = (name: string, s: UpSample, bound: number, key: keyof Ratios) => [
    name,
    seconds(s.wholeUpMs),
    seconds(s.callSpanMs),
    `${fixed(r[key] ?? NaN)} (${perRun(key)})`,
    String(s.failedSteps),
    String(s.notApplied),
    `${retriesOf(s)} (${s.throttled} / ${s.internalErrors} / ${s.dropped})`,
    `${seconds(bound)}`,
  ];
  const twoSkip = r.twoRegionCallSpanVsBound ?? NaN;
  const twoWith = r.twoRegionWithCheckpointsCallSpanVsBound ?? NaN;
  const provSkip = r.provisionedCallSpanVsBound ?? NaN;
  const provWith = r.provisionedWithCheckpointsCallSpanVsBound ?? NaN;
  const perSecond = (s: UpSample) => fixed(n / (s.callSpanMs / 1000), 1);
  const oneRegion = results.medians.provider.up;
  const engineSays = (withCheckpoints: number, skip: number, s: UpSample) =>
    withCheckpoints > 1.15 && skip <= 1.15
      ? `misses 1.15 because of the engine, not the pacing: with the checkpoint writes the calls came at about ${perSecond(s)}/s in all, the engine's own pace on the file backend at this N (the one-region default \`up\` above: ${perSecond(oneRegion)}/s), against ${fixed(skip)} x without them`
      : withCheckpoints <= 1.15
        ? "meets 1.15 with checkpoints too"
        : `misses 1.15 with and without checkpoints (${fixed(withCheckpoints)} x, ${fixed(skip)} x)`;
  const measuredApart =
    results.regionsMachine === undefined
      ? "Measured in each run with the rest."
      : `Measured apart (\`npm run bench -- --only regions --count ${n} --runs ${o.runs}\`, merged into the runs above by index): ${machineLine(results.regionsMachine)}`;
  return [
    "## Two regions and a provisioned limit",
    "",
    measuredApart,
    "",
    `\`up --yes --skip-preview\` of ${n} resources, default settings, the emulator's real quotas per region; each with checkpoints (what users get) and with \`PULUMI_SKIP_CHECKPOINTS=true\` (the provider's pacing without the engine's checkpoint writes). Two regions: override i in \`${TWO_REGION_POOLS[0]}\` for even i, \`${TWO_REGION_POOLS[1]}\` for odd i, each region with the free 25 writes/s, so the bound is N / (25 + 25) s. Provisioned: one region whose seeded provisioned \`UserResourceUpdate\` limit is ${PROVISIONED_WRITES_PER_SECOND}/s, which the provider reads with GetProvisionedLimit, so the bound is N / ${PROVISIONED_WRITES_PER_SECOND} s.`,
    "",
    ...table(
      [
        "scenario",
        "CLI wall time",
        "feedback calls, first to last",
        "calls / bound (each run)",
        "failed steps",
        "not applied",
        "retries (throttled / internal / dropped)",
        "bound",
      ],
      [
        row(
          "two regions, with checkpoints",
          regions.twoRegionWithCheckpoints,
          twoRegionBoundMs,
          "twoRegionWithCheckpointsCallSpanVsBound",
        ),
        row(
          "two regions, `PULUMI_SKIP_CHECKPOINTS=true`",
          regions.twoRegionSkipCheckpoints,
          twoRegionBoundMs,
          "twoRegionCallSpanVsBound",
        ),
        row(
          `provisioned ${PROVISIONED_WRITES_PER_SECOND}/s, with checkpoints`,
          regions.provisionedWithCheckpoints,
          provisionedBoundMs,
          "provisionedWithCheckpointsCallSpanVsBound",
        ),
        row(
          `provisioned ${PROVISIONED_WRITES_PER_SECOND}/s, \`PULUMI_SKIP_CHECKPOINTS=true\``,
          regions.provisionedSkipCheckpoints,
          provisionedBoundMs,
          "provisionedCallSpanVsBound",
        ),
      ],
    ),
    "",
    `- **\`ratios.twoRegionCallSpanVsBound\` = ${fixed(twoSkip)}**: with the checkpoints off, the feedback calls of both regions span ${fixed(twoSkip)} x N / (25 + 25) s, so each region is paced on its own at about ${fixed(n / 2 / (regions.twoRegionSkipCheckpoints.callSpanMs / 1000), 1)} calls/s (the pacing alone, 23 of 25 per region, gives 1.09 x); \`ratios.twoRegionWithCheckpointsCallSpanVsBound\` = ${fixed(twoWith)} is the same run as users get it, which ${engineSays(twoWith, twoSkip, regions.twoRegionWithCheckpoints)}.`,
    `- **\`ratios.provisionedCallSpanVsBound\` = ${fixed(provSkip)}**: with the checkpoints off, the calls span ${fixed(provSkip)} x N / ${PROVISIONED_WRITES_PER_SECOND} s, about ${fixed(n / (regions.provisionedSkipCheckpoints.callSpanMs / 1000), 1)} calls/s, so the provider paces at the discovered limit (46 of 50; at the free limit's 23/s it would be 2.17 x); \`ratios.provisionedWithCheckpointsCallSpanVsBound\` = ${fixed(provWith)} with checkpoints, which ${engineSays(provWith, provSkip, regions.provisionedWithCheckpoints)}.`,
    (() => {
      const throttled = [
        regions.twoRegionWithCheckpoints,
        regions.twoRegionSkipCheckpoints,
        regions.provisionedWithCheckpoints,
        regions.provisionedSkipCheckpoints,
      ].map((s) => s.throttled);
      return `- **Throttled answers** (medians, in the table's order): ${throttled.join(", ")}${throttled.every((t) => t === 0) ? ": neither region's quota was exceeded, and the provisioned region was paced above the free 25/s without a throttle." : "."}`;
    })(),
    "",
  ];
}
