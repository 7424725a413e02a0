// The sweep's orchestration, with its I/O injected: users come page by page from a source (ListUsers,
// or a `--users-from` list), each user's events are listed by several workers at once (the pacers
// behind the source keep them under the quotas), filtered, and recorded. A user whose listing
// failed on a transient error (throttled, internal error, network) after the SDK's own retries is
// tried again in later rounds, and reported if it still fails; a user deleted since it was listed
// is reported as gone; any other failure (access denied, no such pool) stops the sweep, which
// returns what it has. Nothing is skipped silently. Unit-tested with fake sources and clock.
import type { AuthEventSummary } from "../cognito/operations";
import { matchesFilter, type EventFilter } from "../events/filter";
import type { Checkpoint, DoneUser, FailedUser } from "./checkpoint";
import type { ProgressSnapshot } from "./progress";
import type { SweepMatch } from "./render";

/** Where a sweep's users and events come from. */
export interface SweepSource {
  /** The users to sweep, page by page (one page for a `--users-from` list). */
  users(): AsyncIterable<readonly string[]> | Iterable<readonly string[]>;
  /**
   * Every event of `username` (every page); `onPage` is called once per page (one read).
   * @throws an error with `code` (e.g. `UserNotFoundException`) and `transient` (retry may help)
   */
  events(username: string, onPage: () => void): Promise<AuthEventSummary[]>;
}

/** The clock a sweep waits by (fake in tests). */
export interface SweepClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Options of {@link runSweep}. */
export interface SweepOptions {
  source: SweepSource;
  filter: EventFilter;
  clock: SweepClock;
  /** Users done before this run (a checkpoint's): not listed again. */
  resume?: Pick<Checkpoint, "done" | "gone">;
  /** Users listed at once. @default 16 */
  concurrency?: number;
  /** Delays before each extra round for the users whose listing failed. @default [1000, 5000] */
  retryDelaysMs?: readonly number[];
  /**
   * Called whenever something changed (a page of users, a user done or failed) with where the
   * sweep stands; `state()` builds the whole state (costly: call it only when it is needed).
   */
  onChange?: (progress: ProgressSnapshot, state: () => SweepState) => void;
}

/** What a sweep got: done users, gone and failed ones, and why it stopped early, if it did. */
export interface SweepState {
  done: DoneUser[];
  gone: string[];
  failed: FailedUser[];
  /** The message of the failure that stopped the sweep early (e.g. access denied). */
  stopped?: string;
  /** True once every user was listed and each is done or gone (none failed, no stop). */
  finished: boolean;
  progress: ProgressSnapshot;
}

/** How a failed listing of one user is handled. */
export type FailureKind = "gone" | "retry" | "stop";

/**
 * `gone` for a user that no longer exists (deleted after it was listed), `retry` for a transient
 * failure (throttled, internal error, network: `transient` true), `stop` for the rest (access
 * denied, no such pool, threat protection off), which would fail for every user alike.
 */
export function failureKind(err: unknown): FailureKind {
  const { code, transient } = (err ?? {}) as { code?: unknown; transient?: unknown };
  if (code === "UserNotFoundException") return "gone";
  return transient === true ? "retry" : "stop";
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : "Error";
}

/** Matches of done users, by username (code-point order), each user's newest first. */
export function sortedMatches(done: readonly DoneUser[]): SweepMatch[] {
  return [...done]
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
    .flatMap((d) => d.matches.map((event) => ({ username: d.username, event })));
}

/** Runs a sweep to its end (or its stop) and returns the final state; never throws a failed call. */
export async function runSweep(options: SweepOptions): Promise<SweepState> {
  const { source, filter, clock } = options;
  const concurrency = options.concurrency ?? 16;
  const started = clock.now();
  const done = new Map<string, DoneUser>();
  const gone = new Set<string>();
  for (const d of options.resume?.done ?? []) done.set(d.username, d);
  for (const g of options.resume?.gone ?? []) gone.add(g);
  const failed = new Map<string, FailedUser>();
  const listed = new Set<string>();
  const queue: string[] = [];
  let head = 0;
  let listingDone = false;
  let stopped: string | undefined;
  let reads = 0;
  let wake: (() => void)[] = [];
  const notify = () => {
    const waiting = wake;
    wake = [];
    for (const w of waiting) w();
  };

  // Counted as they change, so a progress line costs the same at 100 or 100,000 users.
  const count = { usersDone: 0, usersResumed: 0, events: 0, matches: 0 };
  for (const d of done.values()) {
    count.events += d.events;
    count.matches += d.matches.length;
  }
  const progress = (): ProgressSnapshot => ({
    elapsedMs: clock.now() - started,
    usersListed: listed.size,
    listingDone,
    usersDone: count.usersDone,
    usersResumed: count.usersResumed,
    eventsScanned: count.events,
    matches: count.matches,
    reads,
    toRetry: failed.size,
  });
  const state = (): SweepState => ({
    done: [...done.values()],
    gone: [...gone],
    failed: [...failed.values()],
    ...(stopped === undefined ? {} : { stopped }),
    finished: listingDone && stopped === undefined && failed.size === 0 && head >= queue.length,
    progress: progress(),
  });
  const changed = () => options.onChange?.(progress(), state);

  async function scan(username: string): Promise<void> {
    try {
      const events = await source.events(username, () => void reads++);
      const matches = events.filter((e) => matchesFilter(e, filter));
      done.set(username, { username, events: events.length, matches });
      failed.delete(username);
      count.usersDone++;
      count.events += events.length;
      count.matches += matches.length;
    } catch (err) {
      const kind = failureKind(err);
      if (kind === "gone") {
        gone.add(username);
        failed.delete(username);
        count.usersDone++;
      } else {
        failed.set(username, { username, code: codeOf(err) });
        if (kind === "stop" && stopped === undefined) {
          stopped = err instanceof Error ? err.message : String(err);
          notify();
        }
      }
    }
    changed();
  }

  async function worker(): Promise<void> {
    for (;;) {
      while (head >= queue.length && !listingDone && stopped === undefined) {
        await new Promise<void>((resolve) => wake.push(resolve));
      }
      if (stopped !== undefined || head >= queue.length) return;
      await scan(queue[head++]);
    }
  }

  async function list(): Promise<void> {
    try {
      for await (const page of source.users()) {
        for (const username of page) {
          if (listed.has(username)) continue;
          listed.add(username);
          if (done.has(username) || gone.has(username)) {
            count.usersDone++;
            count.usersResumed++;
          } else {
            queue.push(username);
          }
        }
        notify();
        changed();
        if (stopped !== undefined) return;
      }
    } catch (err) {
      // The users listed so far are still scanned; the sweep is partial and says why.
      stopped ??= err instanceof Error ? err.message : String(err);
    } finally {
      listingDone = true;
      notify();
    }
  }

  await Promise.all([list(), ...Array.from({ length: concurrency }, worker)]);
  // A second for the quota's window to pass, then five: a throttling episode, a brief outage.
  for (const delay of options.retryDelaysMs ?? [1000, 5000]) {
    if (failed.size === 0 || stopped !== undefined) break;
    await clock.sleep(delay);
    queue.push(...failed.keys());
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  return state();
}

/** What a checkpoint should record for `state` of a sweep. */
export function checkpointOf(
  state: SweepState,
  base: Pick<Checkpoint, "scope" | "since" | "until">,
): Checkpoint {
  return {
    ...base,
    complete: state.finished,
    done: [...state.done].sort((a, b) => (a.username < b.username ? -1 : 1)),
    gone: [...state.gone].sort(),
    failed: [...state.failed].sort((a, b) => (a.username < b.username ? -1 : 1)),
  };
}
