// Pure rendering of a sweep's matches: an aligned table (a USER column first), a JSON array, and
// a complete overrides file whose entries each carry a comment saying when, from where and how
// risky the event was. With a verdict and a reason the file passes `cognito-feedback check` as it
// comes out; without them its entries are drafts that `check` refuses, naming what is missing.
import type { AuthEventSummary } from "../cognito/operations";
import {
  alignedTable,
  EVENT_COLUMNS,
  overrideEntry,
  toEventJson,
  yamlScalar,
  type Column,
  type EntryFields,
  type EventJson,
} from "../events/render";
import { plural } from "../shared/records";

/** One matching event and whose it is. */
export interface SweepMatch {
  username: string;
  event: AuthEventSummary;
}

/** What a sweep found, for the outputs. */
export interface SweepReport {
  userPoolId: string;
  /** The filter as canonical flags (empty: every event). */
  filterFlags: readonly string[];
  /** Sorted by username, then newest first. */
  matches: readonly SweepMatch[];
  usersScanned: number;
  eventsScanned: number;
  /** Why the result is partial (users not scanned, a failed listing); absent when complete. */
  incomplete?: string;
  /** When the sweep ran (said in the file's header). */
  generatedAt: Date;
}

/** What every entry gets: the verdict, reason and ticket given on the command line. */
export type Judgement = Pick<EntryFields, "verdict" | "reason" | "ticket">;

/** `2,000 users and 80,000 events scanned`. */
function scanned(report: SweepReport): string {
  return `${plural(report.usersScanned, "user")} and ${plural(report.eventsScanned, "event")} scanned`;
}

/** `3 events of 2 users match`, or `No event matches`. */
function matched(matches: readonly SweepMatch[]): string {
  if (matches.length === 0) return "No event matches";
  const users = new Set(matches.map((m) => m.username)).size;
  return `${plural(matches.length, "event")} of ${plural(users, "user")} ${matches.length === 1 ? "matches" : "match"}`;
}

const SWEEP_COLUMNS: readonly Column<SweepMatch>[] = [
  ["USER", (m) => m.username],
  ...EVENT_COLUMNS.map(([title, cell]): Column<SweepMatch> => [title, (m) => cell(m.event)]),
];

/** The matches as an aligned table, or one sentence when none matched. */
export function renderSweepTable(report: SweepReport): string {
  if (report.matches.length === 0) {
    return report.filterFlags.length === 0
      ? `No auth events found (${scanned(report)}).\n`
      : `No auth events match the filters (${scanned(report)}).\n`;
  }
  return alignedTable(report.matches, SWEEP_COLUMNS);
}

/** One match in `--format json`: the event's {@link EventJson} with `username` first. */
export type SweepMatchJson = { username: string } & EventJson;

/** The matches as a JSON array of {@link SweepMatchJson}, 2-space indented, newline-terminated. */
export function renderSweepJson(report: SweepReport): string {
  const rows: SweepMatchJson[] = report.matches.map((m) => ({
    username: m.username,
    ...toEventJson(m.event),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** True when every entry will be complete: a verdict and a reason were given. */
export function isJudged(judgement: Judgement): boolean {
  return judgement.verdict !== undefined && judgement.reason !== undefined;
}

/**
 * The entries of `matches`, one per event, unindented (see overrideEntry), each with `userPoolId`
 * only when `userPoolId` is given (the file does not set it once at the top).
 */
export function sweepEntries(
  matches: readonly SweepMatch[],
  judgement: Judgement,
  userPoolId?: string,
): string[] {
  return matches.flatMap((m) =>
    overrideEntry(m.event, {
      ...(userPoolId === undefined ? {} : { userPoolId }),
      username: m.username,
      ...judgement,
    }),
  );
}

/** `2026-11-05T12:00:00Z`: an instant in UTC, whole seconds. */
export function utcInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The comment lines that say what a sweep found and what a reviewer has to do. */
export function headerComments(report: SweepReport, judgement: Judgement): string[] {
  const filters =
    report.filterFlags.length === 0 ? "none (every event)" : report.filterFlags.join(" ");
  const todo = isJudged(judgement)
    ? "Every entry has the verdict and reason given on the command line: review each one, and delete the events that are not part of the incident."
    : "Drafts: set verdict and reason on each entry, or delete it; `cognito-feedback check` says what is missing.";
  return [
    `# Incident sweep of user pool ${report.userPoolId} (cognito-feedback sweep, ${utcInstant(report.generatedAt)}).`,
    `# Filters: ${filters}`,
    `# ${matched(report.matches)}; ${scanned(report)}.`,
    ...(report.matches.length === 0 ? [] : [`# ${todo}`]),
    ...(report.incomplete === undefined ? [] : [`# INCOMPLETE: ${report.incomplete}`]),
  ];
}

/**
 * A complete overrides file (`version`, `userPoolId`, `overrides:`) with one entry per match,
 * under a header saying what was swept and what is left to do.
 */
export function renderSweepYaml(report: SweepReport, judgement: Judgement): string {
  const lines = [
    ...headerComments(report, judgement),
    "version: 1",
    `userPoolId: ${yamlScalar(report.userPoolId)}`,
  ];
  if (report.matches.length === 0) {
    lines.push("overrides: [] # no event matched");
  } else {
    lines.push("overrides:", ...sweepEntries(report.matches, judgement).map((l) => `  ${l}`));
  }
  return `${lines.join("\n")}\n`;
}
