// The action of `cognito-feedback sweep` (./sweep.ts registers it): reads the --users-from,
// --merge-into and --checkpoint files, runs ../sweep/run.ts with the Cognito listings behind it,
// and writes the output, the checkpoint, progress and the summary. The logic is in ../sweep/.
import type { EventFilter } from "../events/filter";
import { filterFlags } from "../events/options";
import {
  CheckpointError,
  parseCheckpoint,
  scopeMismatch,
  serializeCheckpoint,
  type Checkpoint,
  type SweepScope,
} from "../sweep/checkpoint";
import { MergeError, mergeIntoOverrides, type MergeOptions } from "../sweep/merge";
import {
  parseSweepOptions,
  parseUsersFile,
  SweepUsageError,
  type RawSweepOptions,
  type SweepRequest,
} from "../sweep/options";
import {
  ProgressThrottle,
  progressOutput,
  progressText,
  TERMINAL_INTERVAL_MS,
} from "../sweep/progress";
import {
  renderSweepJson,
  renderSweepTable,
  renderSweepYaml,
  type Judgement,
  type SweepReport,
} from "../sweep/render";
import { checkpointOf, runSweep, sortedMatches, type SweepSource } from "../sweep/run";
import { incompleteReason, summaryLines, type SummaryContext } from "../sweep/summary";
import { plural } from "../shared/records";
import { usageHint, type CliIo } from "./io";

const NAME = "cognito-feedback sweep";

/** How often the checkpoint is rewritten while the sweep runs (and once at its end). */
const CHECKPOINT_INTERVAL_MS = 2000;

class Usage extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

function readOrUsage(io: CliIo, flag: string, file: string): string {
  try {
    return io.readFile(file);
  } catch (err) {
    throw new Usage([`${flag}: cannot read ${file}: ${(err as Error).message}`]);
  }
}

/** The checkpoint to resume from, or undefined when the file does not exist yet. */
function readCheckpoint(io: CliIo, file: string, scope: SweepScope): Checkpoint | undefined {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    if ((err as { code?: unknown }).code === "ENOENT") return undefined;
    throw new Usage([`--checkpoint: cannot read ${file}: ${(err as Error).message}`]);
  }
  try {
    const checkpoint = parseCheckpoint(text, file);
    const mismatch = scopeMismatch(checkpoint, scope, file);
    if (mismatch !== undefined) throw new Usage([mismatch]);
    return checkpoint;
  } catch (err) {
    if (err instanceof CheckpointError) throw new Usage([err.message]);
    throw err;
  }
}

/** The flags checked and every file read: what a sweep needs before the first call. */
interface Prepared {
  request: SweepRequest;
  usernames?: string[];
  resume?: Checkpoint;
  /** The filter in force: a resumed sweep keeps the instants its first run resolved. */
  filter: EventFilter;
  scope: SweepScope;
}

function prepare(flags: RawSweepOptions, io: CliIo, now: Date): Prepared {
  let request: SweepRequest;
  try {
    request = parseSweepOptions(flags, now);
  } catch (err) {
    if (err instanceof SweepUsageError) throw new Usage(err.problems);
    throw err;
  }
  let usernames: string[] | undefined;
  if (request.usersFrom !== undefined) {
    const text = readOrUsage(io, "--users-from", request.usersFrom);
    try {
      usernames = parseUsersFile(text, request.usersFrom);
    } catch (err) {
      if (err instanceof SweepUsageError) throw new Usage(err.problems);
      throw err;
    }
  }
  if (request.mergeInto !== undefined) {
    // Refused now, not after a long sweep: the file must take entries.
    const text = readOrUsage(io, "--merge-into", request.mergeInto);
    try {
      mergeIntoOverrides(text, [], mergeOptions(request, now));
    } catch (err) {
      if (err instanceof MergeError) throw new Usage([`--merge-into: ${err.message}`]);
      throw err;
    }
  }
  const scope: SweepScope = {
    userPoolId: request.userPoolId,
    users: usernames === undefined ? "pool" : "file",
    filterFlags: request.filterFlags,
  };
  const resume =
    request.checkpoint === undefined ? undefined : readCheckpoint(io, request.checkpoint, scope);
  const filter: EventFilter = { ...request.filter };
  if (resume?.since !== undefined) filter.since = new Date(resume.since);
  if (resume?.until !== undefined) filter.until = new Date(resume.until);
  return {
    request,
    ...(usernames === undefined ? {} : { usernames }),
    ...(resume === undefined ? {} : { resume }),
    filter,
    scope,
  };
}

function judgementOf(request: SweepRequest): Judgement {
  return {
    ...(request.verdict === undefined ? {} : { verdict: request.verdict.toLowerCase() }),
    ...(request.reason === undefined ? {} : { reason: request.reason }),
    ...(request.ticket === undefined ? {} : { ticket: request.ticket }),
  };
}

function mergeOptions(request: SweepRequest, now: Date, filter?: EventFilter): MergeOptions {
  return {
    fileName: request.mergeInto ?? "",
    userPoolId: request.userPoolId,
    judgement: judgementOf(request),
    filterFlags: filter === undefined ? request.filterFlags : filterFlags(filter),
    now,
  };
}

/**
 * Runs `cognito-feedback sweep` with the given flags and resolves to its exit code: 0 every user
 * scanned, 1 a Cognito failure left the result partial (which is still written), 2 bad usage.
 */
export async function runSweepCommand(flags: RawSweepOptions, io: CliIo): Promise<number> {
  const clock = io.now ?? (() => new Date());
  const started = clock();
  let prepared: Prepared;
  try {
    prepared = prepare(flags, io, started);
  } catch (err) {
    if (!(err instanceof Usage)) throw err;
    io.stderr(`${err.problems.map((p) => `${NAME}: ${p}`).join("\n")}\n${usageHint(NAME)}\n`);
    return 2;
  }
  const { request, usernames, resume, filter, scope } = prepared;
  const { userPoolId, region } = request;
  const replace = (file: string, text: string) =>
    (io.replaceFile ?? io.writeFile).call(io, file, text);
  const context: SummaryContext = {
    usersFrom: usernames !== undefined,
    ...(request.checkpoint === undefined ? {} : { checkpoint: request.checkpoint }),
  };

  // Loaded here, so the other subcommands start without the AWS SDK.
  const { listUsernames, sweepRatesFor } = await import("../cognito/users");
  const { listUserAuthEvents } = await import("../cognito/operations");
  const { Pacer } = await import("../cognito/pacing");
  let rates;
  try {
    rates = await sweepRatesFor(region, request.readsPerSecond);
  } catch (err) {
    // A bad COGNITO_FEEDBACK_* setting: its message says what to fix.
    io.stderr(`${NAME}: ${(err as Error).message}\n`);
    return 1;
  }
  const readPacer = new Pacer({ ratePerSecond: rates.readsPerSecond, inLine: true });
  const listPacer = new Pacer({ ratePerSecond: rates.usersPerSecond });
  const source: SweepSource = {
    users:
      usernames === undefined
        ? () => listUsernames({ userPoolId, region, pacer: listPacer })
        : () => [usernames],
    events: (username, onPage) =>
      listUserAuthEvents({ userPoolId, username, region, readPacer, onPage: () => onPage() }),
  };

  const terminal = io.stderrIsTTY === true;
  const rate = (r: number) => (r === Infinity ? "unpaced" : `${+r.toFixed(1)}/s`);
  if (request.progress) {
    const who =
      usernames === undefined
        ? `the users of ${userPoolId} (ListUsers at ${rate(rates.usersPerSecond)})`
        : `${plural(usernames.length, "user")} of ${request.usersFrom}`;
    const resumed =
      resume === undefined
        ? ""
        : `, resuming ${request.checkpoint} (${plural(resume.done.length, "user")} done)`;
    io.stderr(
      `sweep: listing ${who} and their events (AdminListUserAuthEvents at ${rate(rates.readsPerSecond)})${resumed}.\n`,
    );
  }
  // The first line after one interval: a CI log gets no line for a sweep shorter than that.
  const progress = new ProgressThrottle(
    terminal ? TERMINAL_INTERVAL_MS : request.progressIntervalMs,
    started.getTime(),
  );
  const saving = new ProgressThrottle(CHECKPOINT_INTERVAL_MS, started.getTime());
  const base = {
    scope,
    ...(filter.since === undefined ? {} : { since: filter.since.toISOString() }),
    ...(filter.until === undefined ? {} : { until: filter.until.toISOString() }),
  };
  const save = (checkpoint: Checkpoint) => {
    if (request.checkpoint !== undefined) {
      replace(request.checkpoint, serializeCheckpoint(checkpoint, clock()));
    }
  };
  let drawn = false;
  const state = await runSweep({
    source,
    filter,
    clock: {
      now: () => clock().getTime(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    ...(resume === undefined ? {} : { resume }),
    onChange: (snapshot, full) => {
      const nowMs = clock().getTime();
      if (request.progress && progress.due(nowMs)) {
        io.stderr(progressOutput(progressText(snapshot), terminal));
        drawn = terminal;
      }
      if (request.checkpoint !== undefined && saving.due(nowMs)) save(checkpointOf(full(), base));
    },
  });
  save(checkpointOf(state, base));
  if (drawn) io.stderr("\n");

  const incomplete = incompleteReason(state, context);
  const report: SweepReport = {
    userPoolId,
    filterFlags: filterFlags(filter),
    matches: sortedMatches(state.done),
    usersScanned: state.progress.usersDone,
    eventsScanned: state.progress.eventsScanned,
    ...(incomplete === undefined ? {} : { incomplete }),
    generatedAt: started,
  };
  const lines = summaryLines(state, context);
  if (request.mergeInto !== undefined) {
    const file = request.mergeInto;
    try {
      // Read again: the file may have been edited while the sweep ran.
      const merged = mergeIntoOverrides(
        io.readFile(file),
        report.matches,
        mergeOptions(request, started, filter),
      );
      if (merged.added > 0) replace(file, merged.text);
      lines.push(
        `sweep: ${file}: ${plural(merged.added, "entry", "entries")} added, ${plural(merged.skipped, "event")} skipped (already in the file).`,
      );
    } catch (err) {
      io.stderr(`${lines.join("\n")}\n${NAME}: --merge-into: ${(err as Error).message}\n`);
      io.stdout(renderSweepYaml(report, judgementOf(request)));
      return 2;
    }
  } else if (request.format === "json") io.stdout(renderSweepJson(report));
  else if (request.format === "yaml") io.stdout(renderSweepYaml(report, judgementOf(request)));
  else io.stdout(renderSweepTable(report));
  io.stderr(`${lines.join("\n")}\n`);
  return state.finished ? 0 : 1;
}
