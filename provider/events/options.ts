// Pure checking of the `cognito-feedback events` and `sweep` flags: raw command-line strings -> a
// checked request and filter, or every problem at once, each naming its flag and the valid values.
// No I/O: the clock is passed in, so relative `--since` and `--until` values are testable.
import {
  EVENT_RESPONSES,
  EVENT_TYPES,
  RISK_DECISIONS,
  RISK_LEVELS,
  type EventFilter,
} from "./filter";
import { parseIpRange, type IpRange } from "./ip-range";
import { checkInputs } from "../resource/inputs";

/** The filter flags `events` and `sweep` share, as commander collects them. */
export interface RawFilterOptions {
  since?: string;
  until?: string;
  /** Each `--ip` value as given, commas not yet split. */
  ip?: readonly string[];
  /** Each `--risk-level` value as given, commas not yet split. */
  riskLevel?: readonly string[];
  riskDecision?: readonly string[];
  eventType?: readonly string[];
  eventResponse?: readonly string[];
  /** Each `--country` value as given (not split: a country's name may hold a comma). */
  country?: readonly string[];
  withoutFeedback?: boolean;
}

/** The flags as commander collects them: strings, repeatable ones as lists. */
export interface RawEventsOptions extends RawFilterOptions {
  userPoolId: string;
  username: string;
  region?: string;
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
const INSTANT_FORMS =
  "use an ISO date like 2026-11-01 (midnight UTC) or 2026-11-01T10:00:00Z, or a duration back from now like 7d, 12h or 30m";

/** An instant a flag names, and whether it was given relative to now (`7d`). */
interface Instant {
  at: Date;
  relative: boolean;
}

/**
 * The instant `flag` names: an ISO date (midnight UTC), an ISO date-time with a zone, or a
 * duration (`7d`, `12h`, `30m`) back from `now`.
 * @throws EventsUsageError naming the flag and saying which forms are accepted
 */
function parseInstant(flag: string, raw: string, now: Date): Instant {
  const text = raw.trim();
  const fail = (why: string): never => {
    throw new EventsUsageError([`${flag}: ${JSON.stringify(raw)} ${why}; ${INSTANT_FORMS}.`]);
  };
  const duration = DURATION.exec(text);
  if (duration !== null) {
    const at = new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]]);
    return Number.isNaN(at.getTime()) ? fail("reaches too far back") : { at, relative: true };
  }
  const date = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
  if (date === null) return fail("is neither a date nor a duration");
  if (date[4] === undefined && text.includes("T")) {
    // A time without a zone means different instants on different machines.
    return fail("has no time zone (add Z for UTC, or an offset like +01:00)");
  }
  const at = new Date(text);
  // Date accepts 2026-02-30 (as March 2); a real calendar date reads back the same.
  const [, y, m, d] = date;
  const calendar = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const real =
    calendar.getUTCFullYear() === Number(y) &&
    calendar.getUTCMonth() === Number(m) - 1 &&
    calendar.getUTCDate() === Number(d);
  if (!real || Number.isNaN(at.getTime())) return fail("is not a real date and time");
  return { at, relative: false };
}

/**
 * The instant `--since` names: an ISO date (midnight UTC), an ISO date-time with a zone, or a
 * duration (`7d`, `12h`, `30m`) back from `now`.
 * @throws EventsUsageError saying which forms are accepted
 */
export function parseSince(raw: string, now: Date): Date {
  return parseInstant("--since", raw, now).at;
}

/** `--max-events`: a whole number of at least 1. */
function parseMaxEvents(raw: string): number | string {
  const n = Number(raw.trim());
  return /^\d+$/.test(raw.trim()) && Number.isSafeInteger(n) && n >= 1
    ? n
    : `--max-events: ${JSON.stringify(raw)} is not a whole number of at least 1; for example --max-events 50.`;
}

/** The filter flags, checked: the filter, every problem, and the flags in canonical form. */
export interface CheckedFilter {
  filter: EventFilter;
  /** One line per bad value, naming its flag, in flag order. */
  problems: string[];
  /**
   * The filter as flags in canonical form (ranges and lists normalized, fixed order), relative
   * `--since`/`--until` values as typed: equal for two runs that ask for the same events.
   */
  flags: string[];
}

const NOUNS = {
  riskLevel: "a risk level",
  riskDecision: "a risk decision",
  eventType: "an event type",
  eventResponse: "an event response",
} as const;

/**
 * Checks the filter flags `events` and `sweep` share; never throws (problems are returned).
 * @param now the clock, for relative `--since` and `--until`
 */
export function parseFilterOptions(raw: RawFilterOptions, now: Date): CheckedFilter {
  const problems: string[] = [];
  const filter: EventFilter = {};
  const typed: { since?: string; until?: string } = {};
  if (raw.ip !== undefined) {
    const ranges: IpRange[] = [];
    for (const item of raw.ip.flatMap((r) => r.split(","))) {
      const range = parseIpRange(item.trim());
      if (range === undefined) {
        const what = item.trim() === "" ? "an empty value" : JSON.stringify(item.trim());
        problems.push(
          `--ip: ${what} is not an IP address or CIDR range; use e.g. 198.51.100.0/24, 2001:db8::/32 or 203.0.113.7 (repeat the flag or separate ranges with commas).`,
        );
      } else if (!ranges.some((r) => r.text === range.text)) {
        ranges.push(range);
      }
    }
    filter.ipRanges = ranges;
  }
  for (const key of ["since", "until"] as const) {
    const given = raw[key];
    if (given === undefined) continue;
    try {
      const { at, relative } = parseInstant(`--${key}`, given, now);
      filter[key] = at;
      if (relative) typed[key] = given.trim();
    } catch (err) {
      problems.push(...(err as EventsUsageError).problems);
    }
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.until <= filter.since) {
    problems.push(
      `--until: ${filter.until.toISOString()} is not after --since ${filter.since.toISOString()}, so no event can match; --until is the first instant left out.`,
    );
  }
  const lists = [
    ["riskLevel", "--risk-level", RISK_LEVELS, "riskLevels"],
    ["riskDecision", "--risk-decision", RISK_DECISIONS, "riskDecisions"],
    ["eventType", "--event-type", EVENT_TYPES, "eventTypes"],
    ["eventResponse", "--event-response", EVENT_RESPONSES, "eventResponses"],
  ] as const;
  for (const [name, flag, valid, key] of lists) {
    const given = raw[name];
    if (given === undefined) continue;
    const parsed = parseChoiceList(flag, NOUNS[name], given, valid);
    problems.push(...parsed.problems);
    filter[key] = parsed.values;
  }
  if (raw.country !== undefined) {
    const countries: string[] = [];
    for (const item of raw.country.map((c) => c.trim())) {
      if (item === "") {
        problems.push(
          "--country: an empty value is not a country; use the name Cognito reports, e.g. --country Nigeria (repeat the flag for several).",
        );
      } else if (!countries.some((c) => c.toLowerCase() === item.toLowerCase())) {
        countries.push(item);
      }
    }
    filter.countries = countries;
  }
  if (raw.withoutFeedback === true) filter.withoutFeedback = true;
  return { filter, problems, flags: filterFlags(filter, typed) };
}

// A flag value as a shell reads it back: plain when safe, else in single quotes.
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * The filter as command-line flags in canonical order, e.g. `["--ip 198.51.100.0/24", "--since
 * 2026-11-01T00:00:00Z"]`; `typed` gives relative values to show as typed instead.
 */
export function filterFlags(
  filter: EventFilter,
  typed: { since?: string; until?: string } = {},
): string[] {
  const flags: string[] = [];
  const ranges = (filter.ipRanges ?? []).map((r) => r.text).sort();
  for (const range of ranges) flags.push(`--ip ${range}`);
  for (const key of ["since", "until"] as const) {
    const at = filter[key];
    if (at === undefined) continue;
    // Whole seconds as `2026-11-01T00:00:00Z`; milliseconds only when given.
    flags.push(`--${key} ${typed[key] ?? at.toISOString().replace(/\.000Z$/, "Z")}`);
  }
  const lists = [
    ["--risk-level", filter.riskLevels, RISK_LEVELS],
    ["--risk-decision", filter.riskDecisions, RISK_DECISIONS],
    ["--event-type", filter.eventTypes, EVENT_TYPES],
    ["--event-response", filter.eventResponses, EVENT_RESPONSES],
  ] as const;
  for (const [flag, values, order] of lists) {
    if (values === undefined) continue;
    const rank = (v: string) => (order as readonly string[]).indexOf(v);
    flags.push(`${flag} ${shellWord([...values].sort((a, b) => rank(a) - rank(b)).join(","))}`);
  }
  const countries = [...(filter.countries ?? [])].sort((a, b) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : 1,
  );
  for (const country of countries) flags.push(`--country ${shellWord(country)}`);
  if (filter.withoutFeedback === true) flags.push("--without-feedback");
  return flags;
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

  const checked = parseFilterOptions(raw, now);
  problems.push(...checked.problems);
  const filter = checked.filter;

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
