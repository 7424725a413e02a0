// Pure format of a sweep's checkpoint file (`--checkpoint`): which users are done, with the events
// of theirs that matched, so an interrupted sweep resumes where it stopped. It holds no token and
// no secret: no credential, no pagination token (a resumed sweep lists the users afresh and skips
// the ones done), no feedback token (the listing has none). It does hold usernames and the
// matching events' IP addresses, which are sensitive: keep it where the overrides file is kept.
import type { AuthEventSummary } from "../cognito/operations";
import { normalizeFeedbackValue } from "../cognito/values";
import { toEventJson, type EventJson } from "../events/render";
import { isRecord } from "../shared/records";

/** The `format` field every checkpoint starts with. */
export const CHECKPOINT_FORMAT = "cognito-feedback sweep checkpoint";

/** What a checkpoint is for: a resumed sweep must ask for the same events. */
export interface SweepScope {
  userPoolId: string;
  /** `pool`: every user of the pool; `file`: the users of `--users-from`. */
  users: "pool" | "file";
  /** The filter as canonical flags (relative `--since`/`--until` as typed). */
  filterFlags: string[];
}

/** One user whose events were all listed. */
export interface DoneUser {
  username: string;
  /** How many events the user has (all listed). */
  events: number;
  /** The ones that matched, newest first. */
  matches: AuthEventSummary[];
}

/** A user the last run could not scan (retried on resume). */
export interface FailedUser {
  username: string;
  /** The error's code, e.g. `TooManyRequestsException`. */
  code: string;
}

/** Everything a checkpoint records. */
export interface Checkpoint {
  scope: SweepScope;
  /** The filter's instants as the first run resolved them (ISO), so `--since 7d` means the same. */
  since?: string;
  until?: string;
  /** True once every user was scanned. */
  complete: boolean;
  done: DoneUser[];
  /** Users listed, then not found: deleted during the sweep. */
  gone: string[];
  failed: FailedUser[];
}

/** A checkpoint that cannot be used; the message names the file and what to do. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

/** The checkpoint as the file's text (JSON, one done user per line, so it diffs and greps well). */
export function serializeCheckpoint(checkpoint: Checkpoint, updatedAt: Date): string {
  const { scope, since, until, complete, done, gone, failed } = checkpoint;
  const head = {
    format: CHECKPOINT_FORMAT,
    version: 1,
    note: "Holds usernames and the IP addresses of matching events: keep it as private as the overrides file. No token or secret.",
    updatedAt: updatedAt.toISOString(),
    scope,
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    complete,
    gone,
    failed,
  };
  const lines = done.map((d) =>
    JSON.stringify({ username: d.username, events: d.events, matches: d.matches.map(toEventJson) }),
  );
  const body = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  return `${body},\n  "done": [${lines.length === 0 ? "" : `\n    ${lines.join(",\n    ")}\n  `}]\n}\n`;
}

/**
 * The summary an {@link EventJson} was made from: `null` is absent, dates are dates, and a value
 * of the wrong type (the file may have been edited) is left out.
 */
export function fromEventJson(e: EventJson): AuthEventSummary {
  const { eventId, creationDate, feedback, ...rest } = e;
  const summary: Record<string, unknown> = { eventId };
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === "string" || typeof value === "boolean") summary[key] = value;
  }
  const at = (iso: unknown) => (typeof iso === "string" ? { value: new Date(iso) } : undefined);
  const created = at(creationDate);
  if (created !== undefined) summary.creationDate = created.value;
  const verdict = normalizeFeedbackValue(feedback?.value);
  if (verdict !== undefined) {
    summary.feedbackValue = verdict;
    if (typeof feedback?.provider === "string") summary.feedbackProvider = feedback.provider;
    const given = at(feedback?.date);
    if (given !== undefined) summary.feedbackDate = given.value;
  }
  return summary as unknown as AuthEventSummary;
}

const isString = (v: unknown): v is string => typeof v === "string";

function readDone(value: unknown): DoneUser | undefined {
  if (!isRecord(value) || !isString(value.username) || typeof value.events !== "number") {
    return undefined;
  }
  if (!Array.isArray(value.matches)) return undefined;
  const matches = value.matches as unknown[];
  if (!matches.every((m) => isRecord(m) && isString(m.eventId))) return undefined;
  return {
    username: value.username,
    events: value.events,
    matches: (matches as EventJson[]).map(fromEventJson),
  };
}

/**
 * Reads a checkpoint file's text.
 * @throws CheckpointError naming `fileName` when it is not a sweep checkpoint
 */
export function parseCheckpoint(source: string, fileName: string): Checkpoint {
  const fail = (why: string): never => {
    throw new CheckpointError(
      `--checkpoint: ${fileName} is not a sweep checkpoint (${why}); name another file, or delete it to start over.`,
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return fail("it is not JSON");
  }
  if (!isRecord(value) || value.format !== CHECKPOINT_FORMAT) return fail("no format field");
  if (value.version !== 1) return fail(`version ${JSON.stringify(value.version)}; this is 1`);
  const scope = value.scope;
  if (
    !isRecord(scope) ||
    !isString(scope.userPoolId) ||
    (scope.users !== "pool" && scope.users !== "file") ||
    !Array.isArray(scope.filterFlags) ||
    !(scope.filterFlags as unknown[]).every(isString)
  ) {
    return fail("no valid scope");
  }
  const done = Array.isArray(value.done) ? (value.done as unknown[]).map(readDone) : [undefined];
  const gone = Array.isArray(value.gone) ? (value.gone as unknown[]) : [0];
  const failed = Array.isArray(value.failed) ? (value.failed as unknown[]) : [0];
  if (done.some((d) => d === undefined)) return fail("a done user is unreadable");
  if (!gone.every(isString)) return fail("gone is not a list of usernames");
  if (!failed.every((f) => isRecord(f) && isString(f.username) && isString(f.code))) {
    return fail("failed is unreadable");
  }
  return {
    scope: {
      userPoolId: scope.userPoolId,
      users: scope.users,
      filterFlags: scope.filterFlags as string[],
    },
    ...(isString(value.since) ? { since: value.since } : {}),
    ...(isString(value.until) ? { until: value.until } : {}),
    complete: value.complete === true,
    done: done as DoneUser[],
    gone,
    failed: (failed as FailedUser[]).map(({ username, code }) => ({ username, code })),
  };
}

/** Why `checkpoint` cannot resume a sweep of `scope`, or undefined when it can. */
export function scopeMismatch(checkpoint: Checkpoint, scope: SweepScope, fileName: string) {
  const was = checkpoint.scope;
  const same =
    was.userPoolId === scope.userPoolId &&
    was.users === scope.users &&
    was.filterFlags.join("\u0000") === scope.filterFlags.join("\u0000");
  if (same) return undefined;
  const describe = (s: SweepScope) =>
    `pool ${s.userPoolId}, ${s.users === "pool" ? "every user" : "--users-from"}, filters: ${s.filterFlags.length === 0 ? "none" : s.filterFlags.join(" ")}`;
  return `--checkpoint: ${fileName} is the checkpoint of another sweep (${describe(was)}); this one is ${describe(scope)}. Run it with the same pool and filters to resume, or name another file.`;
}
