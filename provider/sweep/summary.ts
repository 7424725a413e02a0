// Pure: the lines a sweep ends with on stderr: what was scanned and matched, and every user it
// could not scan or found gone, counted by reason (usernames are sensitive: the checkpoint names
// them), with what to do next. Nothing left out is left unsaid.
import { plural } from "../shared/records";
import { formatDuration } from "./progress";
import type { SweepState } from "./run";

/** Context of {@link summaryLines}. */
export interface SummaryContext {
  /** The users came from `--users-from` (a gone user is then a name not in the pool). */
  usersFrom: boolean;
  /** The `--checkpoint` file, if any. */
  checkpoint?: string;
}

/** `TooManyRequestsException x3, InternalErrorException`. */
function codes(failed: SweepState["failed"]): string {
  const byCode = new Map<string, number>();
  for (const f of failed) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  return [...byCode].map(([code, n]) => (n === 1 ? code : `${code} x${n}`)).join(", ");
}

/** The summary, one line per fact, each starting `sweep: `. */
export function summaryLines(state: SweepState, context: SummaryContext): string[] {
  const p = state.progress;
  const matchedUsers = state.done.filter((d) => d.matches.length > 0).length;
  const rate = p.elapsedMs > 0 ? ((p.reads * 1000) / p.elapsedMs).toFixed(1) : "0.0";
  const resumed =
    p.usersResumed > 0 ? ` (${plural(p.usersResumed, "user")} from the checkpoint)` : "";
  const verb = state.finished ? "done" : "stopped";
  const lines = [
    `sweep: ${verb} after ${formatDuration(p.elapsedMs)}: ${plural(p.usersDone, "user")} and ${plural(p.eventsScanned, "event")} scanned${resumed}; ${plural(p.matches, "event")} of ${plural(matchedUsers, "user")} ${p.matches === 1 ? "matches" : "match"}; ${plural(p.reads, "event listing call")} at ${rate}/s.`,
  ];
  if (state.gone.length > 0) {
    lines.push(
      context.usersFrom
        ? `sweep: ${plural(state.gone.length, "username")} of --users-from ${state.gone.length === 1 ? "is" : "are"} not in the pool (UserNotFoundException): check the file${context.checkpoint === undefined ? "" : ` (the checkpoint lists them under "gone")`}.`
        : `sweep: ${plural(state.gone.length, "user")} ${state.gone.length === 1 ? "was" : "were"} deleted while the sweep ran (listed, then not found): nothing of theirs is left to judge.`,
    );
  }
  const again =
    context.checkpoint === undefined
      ? "Add --checkpoint <file> to keep what is done, and run again to scan only the rest."
      : `Run the same command again (same --checkpoint ${context.checkpoint}) to scan only the rest.`;
  if (state.failed.length > 0) {
    const throttled = state.failed.some((f) => f.code === "TooManyRequestsException")
      ? " Throttled: other clients share the quota, so lower --reads-per-second."
      : "";
    lines.push(
      `sweep: ${plural(state.failed.length, "user")} could not be scanned (${codes(state.failed)}); the output lacks their events. ${again}${throttled}`,
    );
  }
  if (state.stopped !== undefined) {
    lines.push(`sweep: stopped early: ${state.stopped}`);
    if (state.failed.length === 0) lines.push(`sweep: the output is partial. ${again}`);
  }
  return lines;
}

/**
 * What an unfinished sweep's output lacks, for the overrides file's header (no username), or
 * undefined when it is complete.
 */
export function incompleteReason(state: SweepState, context: SummaryContext): string | undefined {
  if (state.finished) return undefined;
  const again =
    context.checkpoint === undefined
      ? "run the sweep again with --checkpoint to finish"
      : `run the sweep again with --checkpoint ${context.checkpoint} to finish`;
  const what =
    state.stopped !== undefined
      ? "the sweep stopped early (its summary on stderr says why)"
      : `${plural(state.failed.length, "user")} could not be scanned (${codes(state.failed)})`;
  return `${what}, so some users' events are missing here; ${again}.`;
}
