// `cognito-feedback sweep`: every event of an attack across a whole pool, as a table, JSON or a
// reviewed overrides file. The flags and help only; the action (./sweep-action.ts, loaded when the
// command runs) wires the pure modules of ../sweep/ to the files, the clock and Cognito.
import { Option, type Command } from "commander";
import { SWEEP_FORMATS, type RawSweepOptions } from "../sweep/options";
import { addFilterOptions } from "./filter-flags";
import type { CliIo, ExitCode } from "./io";

const EXAMPLES = [
  "",
  "Examples:",
  "  # every sign-in from an attacker's range since November 1st, as a file that passes check",
  "  cognito-feedback sweep --user-pool-id us-east-1_AbC123xyZ --ip 198.51.100.0/24 \\",
  "    --since 2026-11-01 --format yaml --verdict invalid \\",
  '    --reason "Credential stuffing from 198.51.100.0/24 (incident review)" --ticket SEC-1234 \\',
  "    --checkpoint sweep-sec-1234.json > overrides/sec-1234.yaml",
  "  # drafts for a reviewer, added to an existing file (entries already there are kept)",
  "  cognito-feedback sweep --user-pool-id us-east-1_AbC123xyZ --ip 2001:db8::/32 \\",
  "    --risk-level high --without-feedback --merge-into overrides.yaml",
  "  # only some users, as JSON",
  "  cognito-feedback sweep --user-pool-id us-east-1_AbC123xyZ --users-from suspects.txt \\",
  "    --country Nigeria --event-response fail --format json",
  "",
  "Needs AWS credentials (the SDK's default chain) allowed cognito-idp:ListUsers (unless",
  "--users-from) and cognito-idp:AdminListUserAuthEvents on the pool. Reads are paced at 96% of",
  "the account's UserResourceRead limit (48/s of the free 50/s; --reads-per-second), ListUsers",
  "at 96% of UserList (28.8/s).",
  "",
  "Output goes to stdout (or into --merge-into); progress and the summary go to stderr.",
  "Exit codes: 0 every user scanned (even when nothing matched); 1 Cognito failed for some users",
  "after retries, or refused the sweep (the partial result is written, and the summary says what",
  "is missing); 2 bad usage, an unusable --checkpoint, --users-from or --merge-into file.",
  "Reference: docs/sweep-cli.md.",
].join("\n");

type SweepFlags = RawSweepOptions;

/** Adds the `sweep` subcommand to `program`; its action sets `exit.code`. */
export function registerSweep(program: Command, io: CliIo, exit: ExitCode): void {
  const command = program
    .command("sweep")
    .summary("find every event of an attack across a pool, as an overrides file")
    .description(
      "List every user of a pool (ListUsers, every page) or of --users-from, then each user's " +
        "auth events (AdminListUserAuthEvents), paced under both quotas, and keep the events " +
        "that match every filter given. --format yaml prints a complete overrides file; with " +
        "--verdict and --reason it passes `cognito-feedback check` as it comes out.",
    )
    .requiredOption("--user-pool-id <id>", "the user pool, <region>_<id>, e.g. us-east-1_AbC123xyZ")
    .option(
      "--region <region>",
      "the pool's region, e.g. us-east-1 (default: the pool id's prefix, which it must match)",
    )
    .option(
      "--users-from <file>",
      "only these users: a file with one username per line (default: every user of the pool)",
    );
  addFilterOptions(command)
    .addOption(
      new Option(
        "-f, --format <format>",
        "table (people), json (tools) or yaml (a complete overrides file); default table, " +
          "yaml with --merge-into",
      ).choices(SWEEP_FORMATS),
    )
    .option(
      "--verdict <verdict>",
      "with yaml: the verdict of every entry, valid or invalid (default: left for a reviewer)",
    )
    .option("--reason <text>", "with yaml: the reason of every entry, e.g. the incident's summary")
    .option("--ticket <ref>", "with yaml: the ticket of every entry, e.g. SEC-1234")
    .option(
      "--merge-into <file>",
      "add the events not in this overrides file yet to its overrides: list, leaving every " +
        "byte already there as it is; reports how many it added and skipped",
    )
    .option(
      "--checkpoint <file>",
      "record progress here (atomically, every few seconds) and resume from it when it exists; " +
        "holds usernames, no token or secret",
    )
    .option(
      "--reads-per-second <n>",
      "AdminListUserAuthEvents calls per second (0 = no pacing); default 96% of the account's " +
        "UserResourceRead limit, 48 of the free 50",
    )
    .option("--no-progress", "print no progress lines on stderr (the summary still comes)")
    .option(
      "--progress-interval <seconds>",
      "seconds between progress lines when stderr is not a terminal (default 5)",
    )
    .addHelpText("after", EXAMPLES)
    .action(async (flags: SweepFlags) => {
      const { runSweepCommand } = await import("./sweep-action");
      exit.code = await runSweepCommand(flags, io);
    });
}
