// Pure parsing of the emulator CLI's fault flags (--quotas, --internal-error-rate, --drop-rate,
// --latency, --fault-seed) and the summary line describing the faults in force. The ranges are
// checked by the fault module's own validators, so the CLI and FaultPlan accept the same values.
import { InvalidArgumentError } from "commander";
import {
  checkLatency,
  checkQuotas,
  checkRate,
  FaultOptionsError,
  type FaultPlan,
  type Latency,
  type Quotas,
} from "./faults";

/** Runs a fault-module validator; a refusal becomes a usage error with `hint` (or its own message). */
function validated<T>(value: T, check: (value: T) => unknown, hint?: string): T {
  try {
    check(value);
    return value;
  } catch (err) {
    if (!(err instanceof FaultOptionsError)) throw err;
    throw new InvalidArgumentError(hint ?? err.message);
  }
}

/** `--quotas`: `real`, `off`, or `Category=N` pairs separated by commas. */
export function parseQuotas(value: string): "real" | "off" | Quotas {
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
  return validated(quotas as Quotas, checkQuotas);
}

/** `--internal-error-rate` and `--drop-rate`: a share from 0 to 1. */
export function parseRate(value: string): number {
  const n = value.trim() === "" ? NaN : Number(value);
  return validated(
    n,
    (rate) => checkRate("rate", rate),
    "expected a number from 0 to 1, e.g. 0.05.",
  );
}

/** `--latency`: milliseconds (`20`) or a uniform range `min..max` (`5..50`). */
export function parseLatency(value: string): Latency {
  const hint = "expected milliseconds (e.g. 20) or min..max (e.g. 5..50).";
  const m = /^(\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?$/.exec(value);
  if (m === null) throw new InvalidArgumentError(hint);
  const latency = m[2] === undefined ? Number(m[1]) : { min: Number(m[1]), max: Number(m[2]) };
  return validated<Latency>(latency, checkLatency, hint);
}

/** `--fault-seed`: the fault PRNG's seed, a whole number (not to be confused with a seed file). */
export function parseFaultSeed(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number.");
  return Number(value);
}

/** The CLI summary's line naming the simulated faults of `plan`; none when every fault is off. */
export function faultLines(plan: FaultPlan): string[] {
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
