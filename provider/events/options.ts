// Pure checking of the `cognito-feedback events` flags: raw command-line strings -> a checked
// listing request and filter, or every problem at once, each naming its flag and the valid values.
// No I/O: the clock is passed in, so relative `--since` values are testable.
import { EVENT_TYPES, RISK_DECISIONS, RISK_LEVELS, type EventFilter } from "./filter";
import { checkInputs } from "../resource/inputs";

/** The flags as commander collects them: strings, repeatable ones as lists. */
export interface RawEventsOptions {
  userPoolId: string;
  username: string;
  region?: string;
  since?: string;
  /** Each `--risk-level` value as given, commas not yet split. */
  riskLevel?: readonly string[];
  riskDecision?: readonly string[];
  eventType?: readonly string[];
  withoutFeedback?: boolean;
  maxEvents?: string;
  format?: string;
  omitPool?: boolean;
}

/** A checked `events` request: whose events to list, which to keep, and how many at most. */
export interface EventsRequest {
  userPoolId: string;
  username: string;
  /** The pool's region (its id's prefix; `--region` must agree with it). */
  region: string;
  filter: EventFilter;
  /** Stop once this many events matched. */
  maxEvents?: number;
}

/** Flag values that cannot be used; `problems` has one line per problem, each naming its flag. */
export class EventsUsageError extends Error {
  /** What is wrong, one entry per flag value, in flag order. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "EventsUsageError";
    this.problems = problems;
  }
}

const LIST_HINT = "any letter case; repeat the flag or separate values with commas";

function listOf(values: readonly string[]): string {
  return values.length <= 1
    ? values.join("")
    : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/**
 * Splits repeated, comma-separated flag values and maps each to its canonical spelling
 * (case-insensitive), without repeats. Unknown or empty values become problems.
 */
function parseChoiceList(
  flag: string,
  noun: string,
  raw: readonly string[],
  valid: readonly string[],
): { values: string[]; problems: string[] } {
  const values: string[] = [];
  const problems: string[] = [];
  for (const item of raw.flatMap((r) => r.split(","))) {
    const wanted = item.trim();
    const found = valid.find((v) => v.toLowerCase() === wanted.toLowerCase());
    if (found === undefined) {
      const what = wanted === "" ? "an empty value" : JSON.stringify(wanted);
      problems.push(`${flag}: ${what} is not ${noun}; use ${listOf(valid)} (${LIST_HINT}).`);
    } else if (!values.includes(found)) {
      values.push(found);
    }
  }
  return { values, problems };
}

const DURATION = /^(\d{1,9})([dhm])$/;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const SINCE_FORMS =
  "use an ISO date like 2026-11-01 (midnight UTC) or 2026-11-01T10:00:00Z, or a duration back from now like 7d, 12h or 30m";

/**
 * The instant `--since` names: an ISO date (midnight UTC), an ISO date-time with a zone, or a
 * duration (`7d`, `12h`, `30m`) back from `now`.
 * @throws EventsUsageError saying which forms are accepted
 */
export function parseSince(raw: string, now: Date): Date {
  const text = raw.trim();
  const fail = (why: string): never => {
    throw new EventsUsageError([`--since: ${JSON.stringify(raw)} ${why}; ${SINCE_FORMS}.`]);
  };
  const duration = DURATION.exec(text);
  if (duration !== null) {
    const since = new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]]);
    return Number.isNaN(since.getTime()) ? fail("reaches too far back") : since;
  }
  const date = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
  if (date === null) return fail("is neither a date nor a duration");
  if (date[4] === undefined && text.includes("T")) {
    // A time without a zone means different instants on different machines.
    return fail("has no time zone (add Z for UTC, or an offset like +01:00)");
  }
  const since = new Date(text);
  // Date accepts 2026-02-30 (as March 2); a real calendar date reads back the same.
  const [, y, m, d] = date;
  const calendar = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const real =
    calendar.getUTCFullYear() === Number(y) &&
    calendar.getUTCMonth() === Number(m) - 1 &&
    calendar.getUTCDate() === Number(d);
  if (!real || Number.isNaN(since.getTime())) return fail("is not a real date and time");
  return since;
}

/** `--max-events`: a whole number of at least 1. */
function parseMaxEvents(raw: string): number | string {
  const n = Number(raw.trim());
  return /^\d+$/.test(raw.trim()) && Number.isSafeInteger(n) && n >= 1
    ? n
    : `--max-events: ${JSON.stringify(raw)} is not a whole number of at least 1; for example --max-events 50.`;
}

/**
 * Checks every flag value and returns the request, or throws one {@link EventsUsageError} listing
 * every problem. The username is checked with Cognito's rules but never echoed (it is sensitive).
 * @param now the clock, for `--since` durations
 */
export function parseEventsOptions(raw: RawEventsOptions, now: Date): EventsRequest {
  const problems: string[] = [];
  const { inputs, failures } = checkInputs({
    userPoolId: raw.userPoolId,
    username: raw.username,
    region: raw.region,
  });
  const flags: Record<string, string> = {
    userPoolId: "--user-pool-id",
    username: "--username",
    region: "--region",
  };
  for (const f of failures) {
    if (flags[f.property] !== undefined) problems.push(`${flags[f.property]}: ${f.reason}`);
  }

  const filter: EventFilter = {};
  const lists = [
    ["--risk-level", "a risk level", raw.riskLevel, RISK_LEVELS, "riskLevels"],
    ["--risk-decision", "a risk decision", raw.riskDecision, RISK_DECISIONS, "riskDecisions"],
    ["--event-type", "an event type", raw.eventType, EVENT_TYPES, "eventTypes"],
  ] as const;
  for (const [flag, noun, given, valid, key] of lists) {
    if (given === undefined) continue;
    const parsed = parseChoiceList(flag, noun, given, valid);
    problems.push(...parsed.problems);
    filter[key] = parsed.values;
  }
  if (raw.since !== undefined) {
    try {
      filter.since = parseSince(raw.since, now);
    } catch (err) {
      problems.push(...(err as EventsUsageError).problems);
    }
  }
  if (raw.withoutFeedback === true) filter.withoutFeedback = true;

  const maxEvents = raw.maxEvents === undefined ? undefined : parseMaxEvents(raw.maxEvents);
  if (typeof maxEvents === "string") problems.push(maxEvents);
  if (raw.omitPool === true && raw.format !== "yaml") {
    problems.push(
      "--omit-pool: only --format yaml prints the pool; add --format yaml, or drop --omit-pool.",
    );
  }

  if (problems.length > 0) throw new EventsUsageError(problems);
  return {
    userPoolId: inputs.userPoolId as string,
    username: inputs.username as string,
    region: inputs.region as string,
    filter,
    ...(typeof maxEvents === "number" ? { maxEvents } : {}),
  };
}
