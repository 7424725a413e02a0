// The event filter flags `events` and `sweep` share (checked by ../events/options.ts
// parseFilterOptions): one definition, so both commands take the same values with the same help.
import type { Command } from "commander";

/** Keeps every value of a repeatable flag; commas are split when the values are checked. */
export const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

const INSTANT =
  "an ISO date (2026-11-01, midnight UTC), a date-time with a zone (2026-11-01T10:00:00Z) or a " +
  "duration back from now (7d, 12h, 30m)";

/** Adds `--ip`, `--since`, `--until`, the list filters, `--country` and `--without-feedback`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option(
      "--ip <ranges>",
      "only events from these IP ranges: CIDR (198.51.100.0/24, 2001:db8::/32) or an address " +
        "(a /32 or /128); repeatable or comma-separated",
      collect,
    )
    .option("--since <when>", `only events at or after this: ${INSTANT}`)
    .option(
      "--until <when>",
      "only events before this (the same forms; --since 2026-11-01 --until 2026-11-02 is " +
        "November 1st, UTC)",
    )
    .option(
      "--risk-level <levels>",
      "only these risk levels: Low, Medium, High; any case, repeatable or comma-separated, " +
        "e.g. --risk-level medium,high",
      collect,
    )
    .option(
      "--risk-decision <decisions>",
      "only these risk decisions: NoRisk, AccountTakeover, Block; likewise, " +
        "e.g. --risk-decision AccountTakeover",
      collect,
    )
    .option(
      "--event-type <types>",
      "only these event types: SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode; " +
        "likewise, e.g. --event-type SignIn",
      collect,
    )
    .option(
      "--event-response <responses>",
      "only these responses: Pass, Fail, InProgress; likewise, e.g. --event-response fail",
      collect,
    )
    .option(
      "--country <name>",
      "only events from this country, as Cognito names it (any case), e.g. --country Nigeria; " +
        "repeat the flag for several (not comma-separated)",
      collect,
    )
    .option("--without-feedback", "only events nobody has given feedback on yet");
}
