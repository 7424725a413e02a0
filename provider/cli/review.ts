// `cognito-feedback review <preview.json>`: a pull-request comment from `pulumi preview --json`.
import { Option, type Command } from "commander";
import { NotAPreviewError, summarizePreview } from "../preview-summary";
import { renderReviewJson, renderReviewMarkdown } from "../review-render";
import type { CliIo, ExitCode } from "./program";

interface ReviewOptions {
  format: "markdown" | "json";
  maskUsernames: boolean;
}

async function readInput(file: string, io: CliIo): Promise<string> {
  return file === "-" ? io.readStdin() : io.readFile(file);
}

/** Adds the `review` subcommand to `program`; its action sets `exit.code`. */
export function registerReview(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command("review")
    .summary("summarise `pulumi preview --json` output as a pull-request comment")
    .description(
      "Summarise `pulumi preview --json` output for a pull-request comment: errors first, counts " +
        "per action, and a table of AuthEventFeedback changes (pool, user, event, old and new " +
        "verdict, reason, ticket, what forced a replace). Secret values are never printed.",
    )
    .argument("<preview.json>", "the preview's JSON output, or - to read it from stdin")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["markdown", "json"])
        .default("markdown"),
    )
    .option("--mask-usernames", "show usernames masked, like a***e", false)
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 reviewed; 1 the preview reported errors (the summary lists them);",
        "2 the input is unreadable or not `pulumi preview --json` output, or bad usage.",
        "",
        "Example:",
        "  pulumi preview --json > preview.json",
        "  cognito-feedback review preview.json > comment.md",
      ].join("\n"),
    )
    .action(async (file: string, options: ReviewOptions) => {
      let preview: unknown;
      try {
        const text = await readInput(file, io);
        try {
          preview = JSON.parse(text);
        } catch (err) {
          throw new NotAPreviewError(`it is not JSON (${(err as Error).message})`);
        }
        const summary = summarizePreview(preview);
        const render = options.format === "json" ? renderReviewJson : renderReviewMarkdown;
        io.stdout(render(summary, { maskUsernames: options.maskUsernames }));
        exit.code = summary.ok ? 0 : 1;
      } catch (err) {
        const source = file === "-" ? "stdin" : file;
        io.stderr(`cognito-feedback review: ${source}: ${(err as Error).message}\n`);
        exit.code = 2;
      }
    });
}
