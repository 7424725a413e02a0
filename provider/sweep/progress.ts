// Pure progress of a sweep for stderr: one line with users listed and scanned, events scanned,
// matches, the read rate and the time left, and when to print the next one. On a terminal the
// line is redrawn in place; in a CI log it is a plain line at most every few seconds. No clock of
// its own: the caller passes the time.
import { plural } from "../shared/records";

/** Where a sweep stands. */
export interface ProgressSnapshot {
  /** Since this run started. */
  elapsedMs: number;
  /** Distinct users listed so far (or named by `--users-from`). */
  usersListed: number;
  /** True once every user is listed. */
  listingDone: boolean;
  /** Listed users that are done: scanned, or gone (deleted since), this run or before. */
  usersDone: number;
  /** Of {@link usersDone}, the ones a checkpoint had done before this run. */
  usersResumed: number;
  /** Events of the done users. */
  eventsScanned: number;
  matches: number;
  /** AdminListUserAuthEvents calls this run (pages of events). */
  reads: number;
  /** Users whose listing failed and will be tried again. */
  toRetry: number;
}

/** `12 s`, `4 min 5 s`, `2 h 5 min`: a duration, rounded up to the second. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The time the users not done yet need at this run's pace (users done per second), or why not known. */
function timeLeft(p: ProgressSnapshot): string {
  const doneNow = p.usersDone - p.usersResumed;
  if (!p.listingDone) return "time left known once every user is listed";
  const rest = p.usersListed - p.usersDone;
  if (rest <= 0) return "finishing";
  if (doneNow <= 0 || p.elapsedMs <= 0) return "time left not known yet";
  return `about ${formatDuration((rest * p.elapsedMs) / doneNow)} left`;
}

/**
 * `sweep: 600 of 2,000 users scanned, 24,000 events, 12 match; 47.9 reads/s; about 30 s left`
 * (no username: progress may end up in a CI log).
 */
export function progressText(p: ProgressSnapshot): string {
  const total = p.listingDone
    ? p.usersListed.toLocaleString("en-US")
    : `${p.usersListed.toLocaleString("en-US")}+`;
  const resumed =
    p.usersResumed > 0 ? ` (${p.usersResumed.toLocaleString("en-US")} from the checkpoint)` : "";
  const listing = p.listingDone ? "" : ", still listing users";
  const rate = p.elapsedMs > 0 ? (p.reads * 1000) / p.elapsedMs : 0;
  const retry = p.toRetry > 0 ? `; ${p.toRetry.toLocaleString("en-US")} to retry` : "";
  return (
    `sweep: ${p.usersDone.toLocaleString("en-US")} of ${total} users scanned${resumed}${listing}, ` +
    `${plural(p.eventsScanned, "event")}, ${p.matches.toLocaleString("en-US")} ${p.matches === 1 ? "matches" : "match"}; ` +
    `${rate.toFixed(1)} reads/s; ${timeLeft(p)}${retry}`
  );
}

/** Decides when the next line (or checkpoint write) is due: at most one per `intervalMs`. */
export class ProgressThrottle {
  private lastMs: number;
  /** @param startMs when the first interval starts (default: due at once) */
  constructor(
    private readonly intervalMs: number,
    startMs = -Infinity,
  ) {
    this.lastMs = startMs;
  }

  /** True (and the clock is reset) when a line is due at `nowMs`. */
  due(nowMs: number): boolean {
    if (nowMs - this.lastMs < this.intervalMs) return false;
    this.lastMs = nowMs;
    return true;
  }
}

/** How often a terminal's progress line is redrawn. */
export const TERMINAL_INTERVAL_MS = 250;

/**
 * The text to write for a progress line: on a terminal, a carriage return, the line and an
 * erase-to-end (no newline, so the next one replaces it); otherwise the line and a newline.
 */
export function progressOutput(line: string, terminal: boolean): string {
  return terminal ? `\r${line}\u001b[K` : `${line}\n`;
}
