// `cognito-feedback review <preview.json>`: a pull-request comment from `pulumi preview --json`.
import { InvalidArgumentError, Option, type Command } from "commander";
import { NotAPreviewError, summarizePreview } from "../review/summary";
import {
  DEFAULT_MAX_BYTES,
  renderReviewJson,
  renderReviewMarkdown,
  type RenderOptions,
} from "../review/render";
import type { CliIo, ExitCode } from "./io";

interface ReviewOptions {
  format: "markdown" | "json";
  maskUsernames: boolean;
  maxBytes: number;
  fullOutput?: string;
}

/** Smallest --max-bytes: the title, the counts and the "left out" line always fit. */
const MIN_MAX_BYTES = 1_000;

function maxBytes(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < MIN_MAX_BYTES) {
    throw new InvalidArgumentError(
      `it must be a whole number of bytes, at least ${MIN_MAX_BYTES.toLocaleString("en-US")}.`,
    );
  }
  return n;
}

function hintFor(file: string, fullOutput: string | undefined): string {
  const input = file === "-" ? "preview.json" : file;
  return fullOutput === undefined
    ? `run \`cognito-feedback review ${input} --format json\`, or add \`--full-output review-full.md\` to write the whole comment to a file`
    : `see ${fullOutput} (the whole comment; the example workflow uploads it as an artifact), or run \`cognito-feedback review ${input} --format json\``;
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
    .option(
      "--max-bytes <n>",
      "longest comment, in bytes: rows that do not fit are counted on a last line (GitHub refuses comments over 65,536 characters)",
      maxBytes,
      DEFAULT_MAX_BYTES,
    )
    .option(
      "--full-output <file>",
      "also write the whole Markdown review, every row, to <file> (e.g. for a workflow artifact)",
    )
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 reviewed; 1 the preview reported errors (the summary lists them);",
        "2 the input is unreadable or not `pulumi preview --json` output, or bad usage.",
        "",
        "Example:",
        "  pulumi preview --json > preview.json",
        "  cognito-feedback review preview.json --full-output review-full.md > comment.md",
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
        const render: RenderOptions = { maskUsernames: options.maskUsernames };
        if (options.fullOutput !== undefined) {
          const full = renderReviewMarkdown(summary, { ...render, maxBytes: Infinity });
          io.writeFile(options.fullOutput, full);
        }
        io.stdout(
          options.format === "json"
            ? renderReviewJson(summary, render)
            : renderReviewMarkdown(summary, {
                ...render,
                maxBytes: options.maxBytes,
                fullReviewHint: hintFor(file, options.fullOutput),
              }),
        );
        exit.code = summary.ok ? 0 : 1;
      } catch (err) {
        const source = file === "-" ? "stdin" : file;
        io.stderr(`cognito-feedback review: ${source}: ${(err as Error).message}\n`);
        exit.code = 2;
      }
    });
}
