// `cognito-feedback events`: lists a user's auth events, filtered, so a security engineer can
// write overrides. Commander wiring only: flags are checked by ../events/options.ts, events
// selected by ../events/filter.ts and printed by ../events/render.ts; the listing is ../cognito/operations.ts.
import { Option, type Command } from "commander";
import type { AuthEventSummary } from "../cognito/operations";
import { filterEvents, isFiltering } from "../events/filter";
import { EventsUsageError, parseEventsOptions, type RawEventsOptions } from "../events/options";
import {
  EVENTS_FORMATS,
  progressLine,
  renderEventsJson,
  renderEventsTable,
  renderOverrideEntries,
  type EventsFormat,
} from "../events/render";
import { addFilterOptions } from "./filter-flags";
import { usageHint, type CliIo, type ExitCode } from "./io";

interface EventsFlags extends RawEventsOptions {
  format: EventsFormat;
  progress?: boolean;
}

const EXAMPLES = [
  "",
  "Examples:",
  "  # every event of alice, as a table",
  "  cognito-feedback events --user-pool-id us-east-1_AbC123xyZ --username alice",
  "  # last week's medium and high risk events nobody judged yet, as overrides entries",
  "  cognito-feedback events --user-pool-id us-east-1_AbC123xyZ --username alice \\",
  "    --since 7d --risk-level medium,high --without-feedback --format yaml --omit-pool > to-judge.yaml",
  "  # blocked or taken-over sign-ins since November 1st (UTC), for a script",
  "  cognito-feedback events --user-pool-id us-east-1_AbC123xyZ --username alice@example.com \\",
  "    --event-type SignIn --risk-decision AccountTakeover,Block --since 2026-11-01 --format json",
  "  # the 20 newest events of a busy user, with progress in a CI log",
  "  cognito-feedback events --user-pool-id us-east-1_AbC123xyZ --username alice --max-events 20 --progress",
  "",
  "Needs AWS credentials (the SDK's default chain: AWS_PROFILE, aws sso login, AWS_ACCESS_KEY_ID...)",
  "allowed cognito-idp:AdminListUserAuthEvents on the pool. The endpoint follows",
  "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (e.g. the local emulator).",
  "",
  "Output goes to stdout; progress (on a terminal, or with --progress) and errors to stderr.",
  "Exit codes: 0 listed (even when nothing matched); 1 Cognito refused or failed the listing;",
  "2 bad usage (each bad flag value is named, with the valid values).",
].join("\n");

/** Adds the `events` subcommand to `program`; its action sets `exit.code`. */
export function registerEvents(program: Command, io: CliIo, exit: ExitCode): void {
  const command = program
    .command("events")
    .summary("list a user's auth events, to write overrides from")
    .description(
      "List a user's Cognito auth events (AdminListUserAuthEvents, every page, newest first) with " +
        "their risk, where they came from and any feedback already given, filtered to the ones " +
        "worth judging. --format yaml prints overrides-file entries to paste and complete.",
    )
    .requiredOption("--user-pool-id <id>", "the user pool, <region>_<id>, e.g. us-east-1_AbC123xyZ")
    .requiredOption(
      "--username <name>",
      "the user: username, alias (email, phone) or sub, e.g. alice or alice@example.com",
    )
    .option(
      "--region <region>",
      "the pool's region, e.g. us-east-1 (default: the pool id's prefix, which it must match)",
    );
  addFilterOptions(command)
    .option(
      "--max-events <n>",
      "stop listing once n events matched, and print those (newest first), e.g. --max-events 50",
    )
    .addOption(
      new Option(
        "-f, --format <format>",
        "table (people), json (tools; docs/events-json.md) or yaml (overrides entries), " +
          "e.g. --format yaml",
      )
        .choices(EVENTS_FORMATS)
        .default("table"),
    )
    .option(
      "--omit-pool",
      "with --format yaml: leave userPoolId out of the entries (the file sets it once at the top)",
    )
    .option("--progress", "report each fetched page on stderr even when it is not a terminal")
    .addHelpText("after", EXAMPLES)
    .action(async (flags: EventsFlags) => {
      const fail = (code: number, message: string) => {
        io.stderr(`cognito-feedback events: ${message}\n`);
        exit.code = code;
      };
      let request;
      try {
        request = parseEventsOptions(flags, (io.now ?? (() => new Date()))());
      } catch (err) {
        if (!(err instanceof EventsUsageError)) throw err;
        fail(
          2,
          `${err.problems.join("\ncognito-feedback events: ")}\n${usageHint("cognito-feedback events")}`,
        );
        return;
      }
      const { userPoolId, username, region, filter, maxEvents } = request;
      const filtering = isFiltering(filter);
      const showProgress = flags.progress === true || io.stderrIsTTY === true;
      const matched: AuthEventSummary[] = [];
      let listed = 0;
      try {
        // Loaded here, so the other subcommands start without the AWS SDK.
        const { listUserAuthEvents } = await import("../cognito/operations");
        await listUserAuthEvents({
          userPoolId,
          username,
          region,
          onPage: ({ page, events, total }) => {
            matched.push(...filterEvents(events, filter));
            listed = total;
            if (showProgress) {
              io.stderr(
                progressLine({ page, total, ...(filtering ? { matched: matched.length } : {}) }),
              );
            }
          },
          shouldStop: () => maxEvents !== undefined && matched.length >= maxEvents,
        });
      } catch (err) {
        // CognitoCallError messages are built to be shown: actionable, no token, no username.
        // Anything else (a bad COGNITO_FEEDBACK_* setting) says what to fix in its message too.
        fail(1, err instanceof Error ? err.message : String(err));
        return;
      }
      const shown = maxEvents === undefined ? matched : matched.slice(0, maxEvents);
      if (flags.format === "json") io.stdout(renderEventsJson(shown));
      else if (flags.format === "yaml") {
        io.stdout(
          renderOverrideEntries(shown, { userPoolId, username, omitPool: flags.omitPool, listed }),
        );
      } else io.stdout(renderEventsTable(shown, { listed }));
    });
}
