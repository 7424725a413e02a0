// Pure rendering of a user's auth events for `cognito-feedback events`: an aligned table for people,
// a stable JSON array for tools, and overrides-file entries (YAML) to paste and complete.
// Event fields come from Cognito and may be attacker-influenced (device names), so every text is
// kept on one line with control characters escaped: nothing printed can move the cursor or break
// a YAML comment. No I/O; never throws, whatever the event holds.
import type * as Yaml from "yaml";
import type { AuthEventSummary } from "../cognito/operations";
import { plural } from "../shared/records";

/** The output formats of `cognito-feedback events`. */
export const EVENTS_FORMATS = ["table", "json", "yaml"] as const;
/** One of {@link EVENTS_FORMATS}. */
export type EventsFormat = (typeof EVENTS_FORMATS)[number];

/**
 * One event in `--format json` (documented in docs/events-json.md). Every key is always present;
 * what Cognito did not report is `null`. Dates are ISO 8601 UTC with milliseconds.
 */
export interface EventJson {
  eventId: string;
  creationDate: string | null;
  eventType: string | null;
  eventResponse: string | null;
  riskLevel: string | null;
  riskDecision: string | null;
  compromisedCredentialsDetected: boolean | null;
  ipAddress: string | null;
  city: string | null;
  country: string | null;
  deviceName: string | null;
  /** The verdict already recorded, or `null` when nobody gave feedback. */
  feedback: { value: string; provider: string | null; date: string | null } | null;
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` on one line, control characters shown as `\u001b` escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function isoOrNull(date: Date | undefined): string | null {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** `2026-11-01T10:00:00Z` (UTC, whole seconds), or undefined for a missing or invalid date. */
function utcSeconds(date: Date | undefined): string | undefined {
  return isoOrNull(date)?.replace(/\.\d{3}Z$/, "Z");
}

/** The event in the stable JSON shape ({@link EventJson}). */
export function toEventJson(e: AuthEventSummary): EventJson {
  const text = (v: string | undefined) => (typeof v === "string" ? v : null);
  return {
    eventId: String(e.eventId),
    creationDate: isoOrNull(e.creationDate),
    eventType: text(e.eventType),
    eventResponse: text(e.eventResponse),
    riskLevel: text(e.riskLevel),
    riskDecision: text(e.riskDecision),
    compromisedCredentialsDetected:
      typeof e.compromisedCredentialsDetected === "boolean"
        ? e.compromisedCredentialsDetected
        : null,
    ipAddress: text(e.ipAddress),
    city: text(e.city),
    country: text(e.country),
    deviceName: text(e.deviceName),
    feedback:
      e.feedbackValue === undefined
        ? null
        : {
            value: e.feedbackValue,
            provider: text(e.feedbackProvider),
            date: isoOrNull(e.feedbackDate),
          },
  };
}

/** The events as a JSON array of {@link EventJson}, 2-space indented, newline-terminated. */
export function renderEventsJson(events: readonly AuthEventSummary[]): string {
  return `${JSON.stringify(events.map(toEventJson), null, 2)}\n`;
}

// Cognito reports an unknown city as the string "null" (see the API reference's example).
function known(value: string | undefined): string | undefined {
  return value === undefined || value === "" || value === "null" ? undefined : value;
}

/** `203.0.113.7 Berlin, Germany`: IP address, city and country as far as Cognito knows them. */
function whereFrom(e: AuthEventSummary): string | undefined {
  const place = [known(e.city), known(e.country)].filter((p) => p !== undefined).join(", ");
  const parts = [known(e.ipAddress), place].filter((p) => p !== undefined && p !== "");
  return parts.length === 0 ? undefined : printable(parts.join(" "));
}

/** `High, compromised credentials`, `Low`, or undefined when Cognito reported no risk. */
function riskOf(e: AuthEventSummary): string | undefined {
  const parts = [
    known(e.riskLevel),
    e.compromisedCredentialsDetected === true ? "compromised credentials" : undefined,
  ];
  const text = parts.filter((p) => p !== undefined).join(", ");
  return text === "" ? undefined : printable(text);
}

/** `Invalid by Admin`, or undefined when nobody gave feedback. */
export function feedbackOf(e: AuthEventSummary): string | undefined {
  if (e.feedbackValue === undefined) return undefined;
  const by = known(e.feedbackProvider);
  return printable(by === undefined ? e.feedbackValue : `${e.feedbackValue} by ${by}`);
}

/** A table column: its title and the cell of an item (undefined shows as `-`). */
export type Column<T> = readonly [string, (item: T) => string | undefined];

/** The columns of an events table, left to right. */
export const EVENT_COLUMNS: readonly Column<AuthEventSummary>[] = [
  ["EVENT ID", (e) => printable(String(e.eventId))],
  ["DATE (UTC)", (e) => utcSeconds(e.creationDate)],
  ["TYPE", (e) => known(e.eventType)],
  ["RESPONSE", (e) => known(e.eventResponse)],
  ["RISK", riskOf],
  ["DECISION", (e) => known(e.riskDecision)],
  ["FROM", whereFrom],
  ["FEEDBACK", feedbackOf],
];

/** What the table says instead of rows when no event is left to show. */
export interface EmptyContext {
  /** How many events Cognito listed before filtering. */
  listed: number;
}

/**
 * The events as an aligned text table, one row per event, `-` for what Cognito did not report.
 * With no events, one sentence saying whether the user has none or the filters left none.
 */
export function renderEventsTable(
  events: readonly AuthEventSummary[],
  empty: EmptyContext,
): string {
  if (events.length === 0) {
    return empty.listed === 0
      ? "No auth events found for this user.\n"
      : `No auth events match the filters (${empty.listed} listed).\n`;
  }
  return alignedTable(events, EVENT_COLUMNS);
}

/** Items as an aligned text table: a title row, then one row per item, cells kept printable. */
export function alignedTable<T>(items: readonly T[], columns: readonly Column<T>[]): string {
  const rows = [
    columns.map(([title]) => title),
    ...items.map((item) => columns.map(([, cell]) => printable(cell(item) ?? "-"))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c + " ".repeat(widths[i] - [...c].length))
      .join("  ")
      .trimEnd();
  return `${rows.map(line).join("\n")}\n`;
}

/** Options of {@link renderOverrideEntries}. */
export interface OverrideEntriesOptions {
  userPoolId: string;
  username: string;
  /** Leave `userPoolId` out of each entry (the file sets it once at the top). @default false */
  omitPool?: boolean;
  /** How many events Cognito listed before filtering (said when no entry is left). */
  listed: number;
}

// Plain-safe: starts with a letter or `_` (no indicator, no number or date), printable ASCII with
// single spaces inside, no `: ` or ` #`, no trailing `:` or space.
const PLAIN = /^[A-Za-z_](?:[!$%&()*+,./;<=>?@[\]^_`{|}~\w-]|:(?! |$)| (?![ #]|$)|#)*$/;
// Words YAML (1.1 or 1.2) reads as booleans or null.
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A scalar as YAML writes it: plain when that reads back the same, quoted otherwise; one line. */
export function yamlScalar(value: string): string {
  // Most values (ids, usernames, a reason in words) read back the same unquoted: decided here,
  // without the YAML library, which takes a millisecond or so a call (a sweep writes thousands).
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  // Loaded on first use: `check` and `review` start without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse, stringify } = require("yaml") as typeof Yaml;
  const yaml = stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
  // A value with line breaks would become a block scalar, and a few odd ones do not read back
  // (a trailing space after a backslash): JSON's quoted form, non-printables escaped, is YAML too.
  if (!yaml.includes("\n") && (parse(`v: ${yaml} #`) as { v?: unknown } | null)?.v === value) {
    return yaml;
  }
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The comment above an entry: when, what, how risky, from where, and any verdict already given. */
export function describeEvent(e: AuthEventSummary): string {
  const what = [known(e.eventType), known(e.eventResponse)].filter((p) => p !== undefined);
  const risk = [
    known(e.riskLevel),
    known(e.riskDecision),
    e.compromisedCredentialsDetected === true ? "compromised credentials" : undefined,
  ].filter((p) => p !== undefined);
  const device = known(e.deviceName);
  const from = whereFrom(e);
  const feedback = feedbackOf(e);
  const parts = [
    [utcSeconds(e.creationDate) ?? "date unknown", ...what].join(" "),
    risk.length === 0 ? "risk not reported" : `risk ${risk.join(", ")}`,
    ...(from === undefined ? [] : [`from ${from}${device === undefined ? "" : ` (${device})`}`]),
    feedback === undefined ? "no feedback yet" : `feedback already given: ${feedback}`,
  ];
  return printable(parts.join("; "));
}

const INDENT = "  ";

/** What an overrides entry says besides its event: whose it is, and the verdict when known. */
export interface EntryFields {
  /** Written when given; left out when the file sets the pool once at the top. */
  userPoolId?: string;
  username: string;
  /** Left empty (`""`, with a hint) for a reviewer when not given. */
  verdict?: string;
  reason?: string;
  /** Written only when given. */
  ticket?: string;
}

/**
 * One overrides entry for `e`, unindented: the comment describing the event, then the fields, the
 * first one starting `- `. An empty verdict or reason fails the file's checks, so nothing
 * unjudged slips through.
 */
export function overrideEntry(e: AuthEventSummary, fields: EntryFields): string[] {
  const pairs: [string, string][] = [
    ...(fields.userPoolId === undefined
      ? []
      : [["userPoolId", yamlScalar(fields.userPoolId)] as [string, string]]),
    ["username", yamlScalar(fields.username)],
    ["eventId", yamlScalar(String(e.eventId))],
    [
      "verdict",
      fields.verdict === undefined
        ? '"" # valid (it was the user) or invalid (it was not)'
        : yamlScalar(fields.verdict),
    ],
    [
      "reason",
      fields.reason === undefined
        ? '"" # why, in a sentence: who confirmed it, and how'
        : yamlScalar(fields.reason),
    ],
    ...(fields.ticket === undefined
      ? []
      : [["ticket", yamlScalar(fields.ticket)] as [string, string]]),
  ];
  return [
    `# ${describeEvent(e)}`,
    ...pairs.map(([key, value], i) => `${i === 0 ? "- " : "  "}${key}: ${value}`),
  ];
}

/**
 * The events as overrides-file entries, indented to paste under `overrides:`, each with a comment
 * describing the event and `verdict` and `reason` left empty for a person to fill in. Once filled,
 * the entries pass `parseOverrides`; unfilled, they fail it (an empty verdict is no verdict).
 */
export function renderOverrideEntries(
  events: readonly AuthEventSummary[],
  options: OverrideEntriesOptions,
): string {
  if (events.length === 0) {
    const why =
      options.listed === 0
        ? "no auth events found for this user"
        : `no auth events match the filters (${options.listed} listed)`;
    return `${INDENT}# ${why}\n`;
  }
  const lines = [
    `${INDENT}# Paste under "overrides:". Judge each event: set verdict and reason, or delete the entry.`,
  ];
  const pool = options.omitPool === true ? {} : { userPoolId: options.userPoolId };
  for (const e of events) {
    lines.push(...overrideEntry(e, { ...pool, username: options.username }).map((l) => INDENT + l));
  }
  return `${lines.join("\n")}\n`;
}

/** One progress line for stderr: `fetched 120 events (2 pages), 7 match…` (no username). */
export function progressLine(progress: { page: number; total: number; matched?: number }): string {
  const match = progress.matched === undefined ? "" : `, ${progress.matched} match`;
  return `fetched ${plural(progress.total, "event")} (${plural(progress.page, "page")})${match}…\n`;
}
