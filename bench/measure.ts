// The benchmark's measurements: one `up` (or preview) of N overrides through the harness and the
// real provider host against the in-process emulator, reduced to numbers.
import * as fs from "node:fs";
import type { FaultOptions } from "../emulator";
import type { RunResult } from "../harness/engine";
import { startStack, TRIVIAL_DIR, type StackOptions } from "./stack";

/** A variant of `up`: what differs from the default provider and engine. */
export interface UpVariant {
  /** Stack config added to the program's, e.g. pacing. */
  config?: Record<string, string>;
  /** Extra provider-host environment. */
  env?: Record<string, string | undefined>;
  parallel?: number;
  faults?: FaultOptions;
  /** Keep going after a failed step (`pulumi up --continue-on-error`), to count every failure. */
  continueOnError?: boolean;
}

/** What one `up` of N overrides measured. */
export interface UpSample {
  /** The whole `up`: host start, its preview and the update, as a user waits for it. */
  wholeUpMs: number;
  /** The update phase alone (after the preview). */
  updateMs: number;
  /** First to last feedback call Cognito accepted: the provider's own share of the update. */
  callSpanMs: number;
  /** Steps the provider failed. */
  failedSteps: number;
  /**
   * Overrides not applied exactly as declared (state and Cognito compared with the program): the
   * failed steps, and the steps never started after one.
   */
  notApplied: number;
  throttled: number;
  internalErrors: number;
  dropped: number;
  /** Peak resident memory of the provider host. */
  hostPeakRssBytes: number | null;
  /** State file size / N. */
  stateBytesPerResource: number;
  /** Size of one resource's serialized provider (`__provider`). */
  providerBytes: number;
}

/** What a preview of N overrides measured: on a new stack (Check) and on an applied one (Check, Diff). */
export interface PreviewSample {
  newStackMs: number;
  unchangedMs: number;
  /** The floor of the update phase: an `up` whose creates do nothing. */
  updateMs: number;
}

function failedSteps(result: RunResult): number {
  return result.steps.filter((s) => s.error !== undefined && !s.error.startsWith("not applied"))
    .length;
}

const FEEDBACK_ACCEPTED = / (Admin)?UpdateAuthEventFeedback 200 /;

/** Runs one `up` of `count` overrides (quotas real unless the variant says otherwise). */
export async function measureUp(count: number, variant: UpVariant = {}): Promise<UpSample> {
  const accepted: number[] = [];
  const options: StackOptions = {
    count,
    faults: variant.faults ?? { quotas: "real" },
    config: variant.config,
    env: variant.env,
    parallel: variant.parallel,
    log: (line) => {
      if (FEEDBACK_ACCEPTED.test(line)) accepted.push(Date.now());
    },
  };
  const stack = await startStack(options);
  try {
    const started = Date.now();
    const result = await stack.engine().up({ continueOnError: variant.continueOnError });
    const wholeUpMs = Date.now() - started;
    const { throttled, internalErrors, dropped } = stack.emulator.store.counterTotals();
    const stateText = fs.existsSync(stack.stateFile)
      ? fs.readFileSync(stack.stateFile, "utf8")
      : "";
    const provider = result.steps.find((s) => s.custom && s.new !== undefined)?.new?.inputs
      .__provider;
    return {
      wholeUpMs,
      updateMs: result.kind === "update" ? result.durationMs : 0,
      callSpanMs: accepted.length > 1 ? accepted[accepted.length - 1] - accepted[0] : 0,
      failedSteps: failedSteps(result),
      notApplied: stack.mismatches().length,
      throttled,
      internalErrors,
      dropped,
      hostPeakRssBytes: result.hostPeakRssBytes ?? null,
      stateBytesPerResource: Buffer.byteLength(stateText) / count,
      providerBytes: typeof provider === "string" ? Buffer.byteLength(provider) : 0,
    };
  } finally {
    await stack.stop();
  }
}

/**
 * Previews `count` overrides on a new stack, applies them with no quota and no pacing (so the
 * update's time is the floor without Cognito's quota; the trivial provider's creates do nothing
 * at all), and previews again.
 */
export async function measurePreview(count: number, programDir?: string): Promise<PreviewSample> {
  const stack = await startStack({ count, config: { "cognito-feedback:writesPerSecond": "0" } });
  try {
    const engine = stack.engine(false, programDir === undefined ? {} : { programDir });
    const fresh = await engine.preview();
    const applied = await engine.up({ skipPreview: true });
    if (!applied.ok) throw new Error(`the up before the second preview failed (${programDir})`);
    const unchanged = await engine.preview();
    return {
      newStackMs: fresh.durationMs,
      unchangedMs: unchanged.durationMs,
      updateMs: applied.durationMs,
    };
  } finally {
    await stack.stop();
  }
}

/** {@link measurePreview} of the no-op provider: the host's and SDK's own floor. */
export function measureTrivial(count: number): Promise<PreviewSample> {
  return measurePreview(count, TRIVIAL_DIR);
}
