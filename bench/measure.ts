// The benchmark's measurements: CLI commands of N overrides through the real Pulumi CLI
// (scripts/pulumi) against the in-process emulator, reduced to numbers. Wall times are the CLI's,
// as a user waits for it; how fast Cognito got the calls comes from the emulator's own record.
import * as fs from "node:fs";
import type { FaultOptions, Seed } from "../emulator";
import { describe as describeRun, type PulumiRun } from "../scripts/pulumi-cli";
import { EVENTS_PER_USER } from "./scenario";
import { PROGRAM_DIR, startStack, TRIVIAL_DIR, type BenchStack } from "./stack";

/** A variant of `up`: what differs from the default provider and CLI. */
export interface UpVariant {
  /** Stack config added to the program's, e.g. pacing. */
  config?: Record<string, string>;
  /** Extra environment of the CLI and the provider host it starts. */
  env?: Record<string, string | undefined>;
  /** `--parallel`; default the CLI's own (GOMAXPROCS x 4). */
  parallel?: number;
  /** Emulator faults; default Cognito's real quotas and nothing else. */
  faults?: FaultOptions;
  /** `--continue-on-error`: keep going after a failed step, to count every failure. */
  continueOnError?: boolean;
  /** `--skip-preview`: the update alone, in one host process (the variants that only count calls). */
  skipPreview?: boolean;
  /** The emulator seed; default the one-pool scenario (bench/scenario.ts). */
  seed?: Seed;
  /** The pools the overrides alternate between (see `StackOptions.pools`); default the one pool. */
  pools?: readonly [string] | readonly [string, string];
}

/** What one `pulumi up` of N overrides measured. */
export interface UpSample {
  /** The CLI command's wall time (with `skipPreview`, the update alone). */
  wholeUpMs: number;
  /** First to last feedback call Cognito accepted: the provider's own share of the update. */
  callSpanMs: number;
  /** Steps that failed, from the engine's event log. */
  failedSteps: number;
  /**
   * Overrides not applied exactly as declared (state and Cognito compared with the program): the
   * failed steps, and the steps never started after one.
   */
  notApplied: number;
  throttled: number;
  internalErrors: number;
  dropped: number;
  /** Highest peak resident memory of a provider host process (Linux; null elsewhere). */
  hostPeakRssBytes: number | null;
  /** The stack's checkpoint file in the backend (what every step rewrites) / N. */
  stateBytesPerResource: number;
  /** `pulumi stack export` / N. */
  exportBytesPerResource: number;
  /** Size of one resource's serialized provider (`__provider`). */
  providerBytes: number;
}

/** What one `pulumi refresh` measured. */
export interface RefreshSample {
  wallMs: number;
  /** AdminListUserAuthEvents calls Cognito got / users in the stack. */
  listingsPerUser: number;
  /** Steps that failed. */
  failedSteps: number;
}

/** One program's commands on one new stack of N resources, as a user runs them. */
export interface ProgramSample {
  /** `pulumi preview` of the new stack (Check of every resource). */
  previewNewMs: number;
  /** `pulumi up --yes` (a preview in one host process, then the update in another). */
  up: UpSample;
  /** `pulumi preview` of the applied, unchanged stack (Check and Diff). */
  previewUnchangedMs: number;
  /** `pulumi refresh --yes` (a refresh preview, then the refresh: two host processes). */
  refresh: RefreshSample | null;
  /** `pulumi refresh --yes --skip-preview` (one host process). */
  refreshSkipPreview: RefreshSample | null;
}

/** One N of the checkpoint scaling measurement: `up --skip-preview` of a new stack. */
export interface ScalingSample {
  count: number;
  /** This provider, no quota and no pacing: the engine and the provider, no Cognito limit. */
  providerMs: number;
  /** The same with `PULUMI_SKIP_CHECKPOINTS=true`: the checkpoint writes' share. */
  providerSkipCheckpointsMs: number;
  /** The checkpoint file / N at the end. */
  stateBytesPerResource: number;
}

const FEEDBACK_ACCEPTED = / (Admin)?UpdateAuthEventFeedback 200 /;
const ENGINE_TYPES = /^pulumi:(pulumi:Stack|providers:)/;

/** Steps of the program's own resources that failed, from the engine's event log. */
export function failedSteps(run: PulumiRun): number {
  return run.events.filter((e) => {
    const failed = e.resOpFailedEvent?.metadata;
    return failed !== undefined && !ENGINE_TYPES.test(failed.type);
  }).length;
}

function ok(run: PulumiRun): PulumiRun {
  if (run.code !== 0) throw new Error(describeRun(run));
  return run;
}

async function timed(fn: () => Promise<PulumiRun>): Promise<{ run: PulumiRun; ms: number }> {
  const started = Date.now();
  const run = await fn();
  return { run, ms: Date.now() - started };
}

/** Runs `pulumi up` on `stack`, watching the provider host; reads state and Cognito afterwards. */
async function upOn(
  stack: BenchStack,
  count: number,
  accepted: number[],
  variant: UpVariant,
): Promise<UpSample> {
  const flags = [
    ...(variant.parallel === undefined ? [] : ["--parallel", String(variant.parallel)]),
    ...(variant.continueOnError === true ? ["--continue-on-error"] : []),
    ...(variant.skipPreview === true ? ["--skip-preview"] : []),
  ];
  const started = Date.now();
  const command = stack.cli.startOperation(["up", "--yes", ...flags]);
  const stopSampling = stack.processes.sample(command.child.pid ?? -1, "dynamic-provider");
  let run: PulumiRun;
  let hostPeakRssBytes: number | null;
  try {
    run = await command.done;
  } finally {
    hostPeakRssBytes = stopSampling();
  }
  const wholeUpMs = Date.now() - started;
  // A failed step is expected only where a variant keeps going after failures.
  if (run.code !== 0 && variant.continueOnError !== true && variant.faults === undefined)
    throw new Error(describeRun(run));
  const { throttled, internalErrors, dropped } = stack.emulator.store.counterTotals();
  const checkpoint = stack.checkpointFile();
  const exported = await stack.cli.exportState();
  const provider = exported.deployment.resources?.find(
    (r) => r.custom === true && typeof r.inputs?.__provider === "string",
  )?.inputs?.__provider;
  return {
    wholeUpMs,
    callSpanMs: accepted.length > 1 ? accepted[accepted.length - 1] - accepted[0] : 0,
    failedSteps: failedSteps(run),
    notApplied: (await stack.mismatches()).length,
    throttled,
    internalErrors,
    dropped,
    hostPeakRssBytes,
    stateBytesPerResource:
      checkpoint === undefined ? 0 : fs.statSync(checkpoint).size / Math.max(count, 1),
    exportBytesPerResource: Buffer.byteLength(JSON.stringify(exported)) / Math.max(count, 1),
    providerBytes: typeof provider === "string" ? Buffer.byteLength(provider) : 0,
  };
}

function acceptedLog(accepted: number[]): (line: string) => void {
  return (line) => {
    if (FEEDBACK_ACCEPTED.test(line)) accepted.push(Date.now());
  };
}

/** Runs one `up` of `count` overrides on a new stack (quotas real unless the variant says otherwise). */
export async function measureUp(count: number, variant: UpVariant = {}): Promise<UpSample> {
  const accepted: number[] = [];
  const stack = await startStack({
    count,
    faults: variant.faults ?? { quotas: "real" },
    config: variant.config,
    env: variant.env,
    log: acceptedLog(accepted),
    seed: variant.seed,
    pools: variant.pools,
  });
  try {
    return await upOn(stack, count, accepted, variant);
  } finally {
    await stack.stop();
  }
}

async function refreshOn(
  stack: BenchStack,
  count: number,
  extra: string[],
): Promise<RefreshSample> {
  stack.emulator.store.resetCounters();
  const { run, ms } = await timed(() => stack.cli.refresh(extra));
  ok(run);
  const listings = stack.emulator.store.counters().operations.AdminListUserAuthEvents;
  const calls =
    listings.succeeded + listings.throttled + listings.internalErrors + listings.dropped;
  return {
    wallMs: ms,
    listingsPerUser: calls / Math.ceil(count / EVENTS_PER_USER),
    failedSteps: failedSteps(run),
  };
}

/** What {@link measureProgram} runs besides preview and up (all by default). */
export interface ProgramOptions {
  /** Both refreshes. */
  refresh?: boolean;
  /** The preview of the unchanged stack. */
  unchanged?: boolean;
}

/**
 * One program on a new stack of `count` resources with Cognito's real quotas and the default
 * settings, as a user runs it: preview, up, preview again, and refresh with and without its
 * preview (NaN and null for what `options` leaves out).
 */
export async function measureProgram(
  programDir: string,
  count: number,
  { refresh = true, unchanged = true }: ProgramOptions = {},
): Promise<ProgramSample> {
  const accepted: number[] = [];
  const stack = await startStack({
    count,
    programDir,
    faults: { quotas: "real" },
    log: acceptedLog(accepted),
  });
  try {
    const previewNew = await timed(() => stack.cli.preview());
    ok(previewNew.run);
    const up = await upOn(stack, count, accepted, {});
    const previewUnchanged = unchanged ? await timed(() => stack.cli.preview()) : undefined;
    if (previewUnchanged !== undefined) ok(previewUnchanged.run);
    return {
      previewNewMs: previewNew.ms,
      up,
      previewUnchangedMs: previewUnchanged?.ms ?? NaN,
      refresh: refresh ? await refreshOn(stack, count, []) : null,
      refreshSkipPreview: refresh ? await refreshOn(stack, count, ["--skip-preview"]) : null,
    };
  } finally {
    await stack.stop();
  }
}

/** {@link measureProgram} of this provider (bench/program). */
export function measureProvider(count: number, options?: ProgramOptions) {
  return measureProgram(PROGRAM_DIR, count, options);
}

/** {@link measureProgram} of the no-op provider (bench/trivial): the engine's and SDK's floor. */
export function measureTrivial(count: number, options?: ProgramOptions) {
  return measureProgram(TRIVIAL_DIR, count, options);
}

async function updateOnly(
  count: number,
  env: Record<string, string> = {},
): Promise<{ ms: number; stateBytesPerResource: number }> {
  const stack = await startStack({
    count,
    config: { "cognito-feedback:writesPerSecond": "0" },
    env,
  });
  try {
    const { run, ms } = await timed(() => stack.cli.up(["--skip-preview"]));
    ok(run);
    const checkpoint = stack.checkpointFile();
    const size = checkpoint === undefined ? 0 : fs.statSync(checkpoint).size;
    return { ms, stateBytesPerResource: size / count };
  } finally {
    await stack.stop();
  }
}

/**
 * The checkpoint scaling measurement at `count`: the update alone (`up --skip-preview`) of a new
 * stack of this provider with no quota and no pacing, with checkpoints and with
 * `PULUMI_SKIP_CHECKPOINTS=true` (the no-op floor is measured in every run, at the bench's N).
 */
export async function measureScaling(count: number): Promise<ScalingSample> {
  const provider = await updateOnly(count);
  const skipped = await updateOnly(count, { PULUMI_SKIP_CHECKPOINTS: "true" });
  return {
    count,
    providerMs: provider.ms,
    providerSkipCheckpointsMs: skipped.ms,
    stateBytesPerResource: provider.stateBytesPerResource,
  };
}
