// `cognito-feedback check <file>`: the overrides file's problems before it is pushed.
import { InvalidArgumentError, type Command } from "commander";
import {
  DEFAULT_MAX_PROBLEMS,
  formatOverridesProblem,
  moreProblemsLine,
  parseOverrides,
} from "../gitops/overrides";
import { DEFAULT_TOKENS_CONFIG_KEY } from "../gitops/token-config";
import type { CliIo, ExitCode } from "./io";

interface CheckOptions {
  tokensConfigKey: string;
  maxProblems: number;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("it must be a whole number, 1 or more.");
  }
  return n;
}

/** Adds the `check` subcommand to `program`; its action sets `exit.code`. */
export function registerCheck(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command("check")
    .summary("check an overrides file: every problem with its line and column")
    .description(
      "Check an overrides file with the rules `pulumi preview` applies (schema, the resource's " +
        "input rules, secrets, one entry per event), without Pulumi or AWS. Every problem is " +
        "printed as file:line:col on stderr (the first 100; --max-problems sets how many).",
    )
    .argument("<file>", "the overrides file (YAML or JSON), e.g. overrides.yaml")
    .option(
      "--tokens-config-key <key>",
      "the stack-config key the tokens are stored under (named in messages)",
      DEFAULT_TOKENS_CONFIG_KEY,
    )
    .option(
      "--max-problems <n>",
      "print at most the first n problems, then how many more there are",
      positiveInteger,
      DEFAULT_MAX_PROBLEMS,
    )
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 the file is valid; 2 it has problems, cannot be read, or bad usage.",
        "",
        "Example:",
        "  cognito-feedback check overrides.yaml",
      ].join("\n"),
    )
    .action((file: string, options: CheckOptions) => {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (err) {
        io.stderr(`cognito-feedback check: cannot read ${file}: ${(err as Error).message}\n`);
        exit.code = 2;
        return;
      }
      const result = parseOverrides(text, file, { tokensConfigKey: options.tokensConfigKey });
      if (!result.ok) {
        const shown = result.problems.slice(0, options.maxProblems);
        const lines = shown.map((p) => formatOverridesProblem(file, p));
        if (shown.length < result.problems.length) {
          lines.push(moreProblemsLine(result.problems.length, shown.length, file));
        }
        io.stderr(`${lines.join("\n")}\n`);
        exit.code = 2;
        return;
      }
      const n = result.overrides.length;
      io.stdout(`${file}: ${n} ${n === 1 ? "override" : "overrides"}, OK\n`);
      exit.code = 0;
    });
}
