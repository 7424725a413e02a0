// Pure checking of the `cognito-feedback sweep` flags: raw command-line strings -> a checked sweep
// request, or every problem at once, each naming its flag. The filter flags are the `events`
// command's (../events/options.ts parseFilterOptions); the verdict, reason and ticket follow the
// resource's own rules, so the file a sweep writes passes `cognito-feedback check`. No I/O.
import type { FeedbackValue } from "../cognito/values";
import type { EventFilter } from "../events/filter";
import { EventsUsageError, parseFilterOptions, type RawFilterOptions } from "../events/options";
import { checkInputs } from "../resource/inputs";
import { labelOf } from "../resource/properties";

/** The output formats of `cognito-feedback sweep`. */
export const SWEEP_FORMATS = ["table", "json", "yaml"] as const;
/** One of {@link SWEEP_FORMATS}. */
export type SweepFormat = (typeof SWEEP_FORMATS)[number];

/** The flags as commander collects them: strings, repeatable ones as lists. */
export interface RawSweepOptions extends RawFilterOptions {
  userPoolId: string;
  region?: string;
  usersFrom?: string;
  format?: string;
  verdict?: string;
  reason?: string;
  ticket?: string;
  mergeInto?: string;
  checkpoint?: string;
  readsPerSecond?: string;
  /** False with `--no-progress`. @default true */
  progress?: boolean;
  progressInterval?: string;
}

/** A checked `sweep` request. */
export interface SweepRequest {
  userPoolId: string;
  /** The pool's region (its id's prefix; `--region` must agree with it). */
  region: string;
  filter: EventFilter;
  /** The filter as canonical flags (see parseFilterOptions): what a checkpoint is for. */
  filterFlags: string[];
  format: SweepFormat;
  /** What every entry of the overrides file gets; absent: left for a reviewer. */
  verdict?: FeedbackValue;
  reason?: string;
  ticket?: string;
  /** Only these users (`--users-from`), else every user of the pool. */
  usersFrom?: string;
  mergeInto?: string;
  checkpoint?: string;
  /** `--reads-per-second` (Infinity for 0: no pacing); absent: the sweep's default. */
  readsPerSecond?: number;
  /** Whether progress goes to stderr. */
  progress: boolean;
  /** At most one progress line per this many ms when stderr is not a terminal. */
  progressIntervalMs: number;
}

/** Flag values that cannot be used; `problems` has one line per problem, each naming its flag. */
export class SweepUsageError extends EventsUsageError {
  constructor(problems: readonly string[]) {
    super(problems);
    this.name = "SweepUsageError";
  }
}

/** Default seconds between two progress lines when stderr is not a terminal (a CI log). */
export const DEFAULT_PROGRESS_INTERVAL_SECONDS = 5;

const FLAG_OF: Record<string, string> = {
  userPoolId: "--user-pool-id",
  region: "--region",
  feedbackValue: "--verdict",
  reason: "--reason",
  ticket: "--ticket",
};

/** A number from `min` to `max`, or the problem naming `flag`. */
function parseNumber(flag: string, raw: string, min: number, max: number, example: string) {
  const text = raw.trim();
  const n = Number(text);
  return text !== "" && Number.isFinite(n) && n >= min && n <= max
    ? n
    : `${flag}: ${JSON.stringify(raw)} is not a number from ${min} to ${max}; for example ${flag} ${example}.`;
}

/**
 * The pool, region, verdict, reason and ticket by the resource's rules, each problem naming its
 * flag; returns the normalized inputs (the region derived from the pool id, the verdict capitalised).
 */
function checkResourceFlags(raw: RawSweepOptions, problems: string[]): Record<string, unknown> {
  const { inputs, failures } = checkInputs({
    userPoolId: raw.userPoolId,
    region: raw.region,
    feedbackValue: raw.verdict,
    reason: raw.reason,
    ticket: raw.ticket,
  });
  for (const f of failures) {
    const flag = FLAG_OF[f.property];
    // No verdict is fine here (the entries are drafts); username and eventId come from Cognito.
    if (flag === undefined || (f.property === "feedbackValue" && raw.verdict === undefined)) {
      continue;
    }
    // The resource's reasons start with its property name; in the file it is the field's.
    const reason = f.reason.startsWith(f.property)
      ? `${labelOf(f.property)}${f.reason.slice(f.property.length)}`
      : f.reason;
    problems.push(`${flag}: ${reason}`);
  }
  return inputs;
}

/**
 * Checks every flag value and returns the request, or throws one {@link SweepUsageError} listing
 * every problem.
 * @param now the clock, for relative `--since` and `--until`
 */
export function parseSweepOptions(raw: RawSweepOptions, now: Date): SweepRequest {
  const problems: string[] = [];
  const inputs = checkResourceFlags(raw, problems);
  const checked = parseFilterOptions(raw, now);
  problems.push(...checked.problems);

  const format = raw.format ?? (raw.mergeInto !== undefined ? "yaml" : "table");
  if (!(SWEEP_FORMATS as readonly string[]).includes(format)) {
    problems.push(`--format: ${JSON.stringify(format)} is not a format; use table, json or yaml.`);
  }
  if (raw.mergeInto !== undefined && format !== "yaml") {
    problems.push(
      `--merge-into: it adds overrides entries, so it takes --format yaml only; drop --format ${format}.`,
    );
  }
  if (format !== "yaml") {
    for (const flag of ["verdict", "reason", "ticket"] as const) {
      if (raw[flag] !== undefined) {
        problems.push(
          `--${flag}: only --format yaml (or --merge-into) writes overrides entries; add --format yaml, or drop --${flag}.`,
        );
      }
    }
  }
  const reads =
    raw.readsPerSecond === undefined
      ? undefined
      : parseNumber("--reads-per-second", raw.readsPerSecond, 0, 10_000, "45");
  if (typeof reads === "string") problems.push(reads);
  const interval =
    raw.progressInterval === undefined
      ? DEFAULT_PROGRESS_INTERVAL_SECONDS
      : parseNumber("--progress-interval", raw.progressInterval, 1, 3600, "10");
  if (typeof interval === "string") problems.push(interval);

  if (problems.length > 0) throw new SweepUsageError(problems);
  const given = <K extends "usersFrom" | "mergeInto" | "checkpoint">(key: K) =>
    raw[key] === undefined ? {} : { [key]: raw[key] };
  return {
    userPoolId: inputs.userPoolId as string,
    region: inputs.region as string,
    filter: checked.filter,
    filterFlags: checked.flags,
    format: format as SweepFormat,
    ...(raw.verdict === undefined ? {} : { verdict: inputs.feedbackValue as FeedbackValue }),
    ...(raw.reason === undefined ? {} : { reason: raw.reason }),
    ...(raw.ticket === undefined ? {} : { ticket: raw.ticket }),
    ...given("usersFrom"),
    ...given("mergeInto"),
    ...given("checkpoint"),
    ...(typeof reads === "number" ? { readsPerSecond: reads === 0 ? Infinity : reads } : {}),
    progress: raw.progress !== false,
    progressIntervalMs: (interval as number) * 1000,
  };
}

/**
 * The usernames of a `--users-from` file: one per line, surrounding whitespace and blank lines
 * ignored, repeats dropped. A line Cognito would refuse is a problem naming its line, never
 * echoing it (usernames are sensitive).
 */
export function parseUsersFile(text: string, fileName: string): string[] {
  const usernames: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const username = line.trim();
    if (username === "") return;
    const failure = checkInputs({ username }).failures.find((f) => f.property === "username");
    if (failure !== undefined) {
      problems.push(`--users-from: ${fileName}:${i + 1}: ${failure.reason}`);
    } else if (!seen.has(username)) {
      seen.add(username);
      usernames.push(username);
    }
  });
  if (problems.length === 0 && usernames.length === 0) {
    problems.push(`--users-from: ${fileName} names no user; put one username per line.`);
  }
  if (problems.length > 0) throw new SweepUsageError(problems);
  return usernames;
}
