// The `cognito-feedback` command line: commander wiring only. Each subcommand lives in its own
// module and registers itself on the program; the work is done by the package's pure modules.
import { Command, CommanderError } from "commander";
import { registerCheck } from "./check";
import { registerEvents } from "./events";
import { registerReview } from "./review";
import { registerSweep } from "./sweep";
import { usageHint, type CliIo, type ExitCode } from "./io";

export { processIo, type CliIo } from "./io";

// package.json sits two levels up from both provider/cli/ and dist/cli/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require("../../package.json") as { version: string };

/**
 * Runs `cognito-feedback <argv...>` and resolves to its exit code: 0 done, 1 the reviewed preview
 * failed or a Cognito call failed, 2 bad usage or input. Help and version exit 0.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const exit: ExitCode = { code: 0 };
  const program = new Command()
    .name("cognito-feedback")
    .description(
      "Cognito auth-event feedback as code: find the events to judge, and review verdicts in pull requests.",
    )
    .version(version)
    .configureOutput({ writeOut: (t) => io.stdout(t), writeErr: (t) => io.stderr(t) })
    .showHelpAfterError(usageHint("cognito-feedback"))
    .exitOverride();
  registerReview(program, io, exit);
  registerEvents(program, io, exit);
  registerSweep(program, io, exit);
  registerCheck(program, io, exit);
  // A usage error is the error and one line pointing to the command's help, not the help itself
  // (which scrolled the error out of sight).
  for (const command of program.commands) {
    command.showHelpAfterError(usageHint(`cognito-feedback ${command.name()}`));
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return exit.code;
}
