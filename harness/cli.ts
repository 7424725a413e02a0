// Command line of the harness test engine: `harness preview|up|refresh|destroy` for a Pulumi
// program, printing the plan and optionally writing it as `pulumi preview --json` would.
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { TestEngine, type RunResult } from "./engine";
import { previewJson, renderPlan } from "./plan";

function keyValue(flag: string) {
  return (value: string, previous: Record<string, string> = {}): Record<string, string> => {
    const at = value.indexOf("=");
    if (at <= 0) throw new InvalidArgumentError(`${flag} takes KEY=VALUE, got "${value}"`);
    return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
  };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

interface Options {
  cwd: string;
  stack: string;
  config?: Record<string, string>;
  secretEnv?: Record<string, string>;
  state?: string;
  parallel?: number;
  json?: string;
  skipPreview?: boolean;
  continueOnError?: boolean;
  showSames?: boolean;
}

function engineFor(options: Options): TestEngine {
  // Secrets are named by environment variable, so that no secret is ever on a command line.
  const secrets: Record<string, string> = {};
  for (const [key, variable] of Object.entries(options.secretEnv ?? {})) {
    const value = process.env[variable];
    if (value === undefined) {
      throw new Error(
        `--secret-env ${key}=${variable}: the environment variable ${variable} is not set`,
      );
    }
    secrets[key] = value;
  }
  return new TestEngine({
    programDir: path.resolve(options.cwd),
    stack: options.stack,
    config: options.config,
    secrets,
    stateFile: options.state,
    parallel: options.parallel,
  });
}

async function report(run: Promise<RunResult>, options: Options): Promise<void> {
  const result = await run;
  console.log(renderPlan(result).join("\n"));
  if (options.json !== undefined) {
    const text = `${JSON.stringify(previewJson(result, { showSames: options.showSames }), null, 2)}\n`;
    if (options.json === "-") process.stdout.write(text);
    else fs.writeFileSync(options.json, text);
  }
  if (!result.ok) process.exitCode = 1;
}

/** Builds the `harness` command line. */
export function harnessCommand(): Command {
  const program = new Command("harness")
    .description(
      "Test engine for Pulumi programs with dynamic resources: drives the real @pulumi/pulumi provider host like `pulumi preview/up/refresh/destroy` would. Not a replacement for the Pulumi CLI.",
    )
    .showHelpAfterError()
    // Usage errors throw (and so can be tested) instead of exiting; subcommands inherit this.
    .exitOverride();
  const common = (cmd: Command) =>
    cmd
      .option("-C, --cwd <dir>", "the Pulumi program's directory", ".")
      .option("-s, --stack <name>", "stack name", "dev")
      .option("-c, --config <key=value>", "stack config (repeatable)", keyValue("--config"))
      .option(
        "--secret-env <key=ENV_VAR>",
        "secret stack config, read from an environment variable (repeatable)",
        keyValue("--secret-env"),
      )
      .option("--state <file>", "state file (default <cwd>/.pulumi-harness/<project>-<stack>.json)")
      .option(
        "-p, --parallel <n>",
        "concurrent provider operations (default CPUs x 4)",
        positiveInt,
      );
  common(program.command("preview").description("show the plan: Check and Diff only"))
    .option(
      "-j, --json <file>",
      "also write the plan as `pulumi preview --json` does (- for stdout)",
    )
    .option("--show-sames", "include unchanged resources in the JSON")
    .action((options: Options) => report(engineFor(options).preview(), options));
  common(program.command("up").description("preview, then apply and save state"))
    .option("--skip-preview", "apply without the preview first")
    .option("--continue-on-error", "keep starting steps after one fails")
    .option("-j, --json <file>", "also write the result in the `pulumi preview --json` shape")
    .action(async (options: Options) => {
      // Ctrl-C as in `pulumi up`: the first cancels (steps in flight finish and are saved), the
      // second stops at once (the exit handler and the host's watchdog still stop the host).
      const controller = new AbortController();
      const onInterrupt = () => {
        if (controller.signal.aborted) process.exit(130);
        console.error(
          "cancelling: steps in flight finish and are saved, no new step starts (Ctrl-C again to stop at once)",
        );
        controller.abort();
      };
      process.on("SIGINT", onInterrupt);
      try {
        await report(
          engineFor(options).up({
            skipPreview: options.skipPreview,
            continueOnError: options.continueOnError,
            signal: controller.signal,
          }),
          options,
        );
      } finally {
        process.off("SIGINT", onInterrupt);
      }
    });
  common(
    program.command("refresh").description("read every resource back and record drift"),
  ).action((options: Options) => report(engineFor(options).refresh(), options));
  common(program.command("destroy").description("delete every resource of the stack")).action(
    (options: Options) => report(engineFor(options).destroy(), options),
  );
  return program;
}

if (require.main === module) {
  harnessCommand()
    .parseAsync()
    .catch((err: unknown) => {
      // Commander has already printed its own usage errors (and help, which exits 0).
      if (err instanceof CommanderError) {
        process.exitCode = err.exitCode;
        return;
      }
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    });
}
