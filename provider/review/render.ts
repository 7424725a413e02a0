// Pure rendering of a review summary: Markdown for a pull-request comment, or JSON for tools.
import {
  DISPLAY_PLACEHOLDERS,
  REVIEW_ACTIONS,
  type ReviewAction,
  type ReviewRow,
  type ReviewSummary,
} from "./summary";
import { plural } from "../shared/records";
import { withholdSecrets } from "../shared/secret-like";

/**
 * Masks a username for a comment others can read: first and last character kept (`alice` ->
 * `a***e`); an email keeps its domain (`a***e@example.com`). Only the placeholders `displayValue`
 * prints instead of a value (`[secret]`, `(known after apply)`, `(not shown)`) stay as they are: a
 * name that merely starts with a bracket, like `[alice]`, is masked too.
 */
export function maskUsername(username: string): string {
  if (DISPLAY_PLACEHOLDERS.has(username)) return username;
  const at = username.lastIndexOf("@");
  if (at > 0) return `${maskUsername(username.slice(0, at))}${username.slice(at)}`;
  const chars = [...username];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}***${chars[chars.length - 1]}`;
}

/** Options of the renderers. */
export interface RenderOptions {
  /** Mask usernames with {@link maskUsername}. @default false */
  maskUsernames?: boolean;
}

function prepared(summary: ReviewSummary, options: RenderOptions): ReviewSummary {
  if (options.maskUsernames !== true) return summary;
  return {
    ...summary,
    changes: summary.changes.map((r) =>
      r.username === undefined ? r : { ...r, username: maskUsername(r.username) },
    ),
  };
}

/** The summary as JSON (the {@link ReviewSummary} structure, 2-space indented, newline-terminated). */
export function renderReviewJson(summary: ReviewSummary, options: RenderOptions = {}): string {
  return `${JSON.stringify(prepared(summary, options), null, 2)}\n`;
}

// Table cells hold text users wrote (reasons): keep it on one line and inert as Markdown/HTML.
function cell(text: string | undefined): string {
  if (text === undefined || text === "") return "";
  return text
    .replace(/\r?\n/g, " ")
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

// Identifiers (pool, event) read best as code; validated ids never hold a backtick or a pipe.
function code(text: string | undefined): string {
  if (text === undefined || text === "") return "";
  return /^[^`|\r\n]+$/.test(text) ? `\`${text}\`` : cell(text);
}

function verdictCell(r: ReviewRow): string {
  const after = r.newVerdict === undefined ? undefined : `**${cell(r.newVerdict)}**`;
  if (r.action === "delete") return cell(r.oldVerdict);
  if (r.action === "create" || r.oldVerdict === r.newVerdict) return after ?? "";
  return `${cell(r.oldVerdict)} → ${after ?? ""}`;
}

const TITLES: Record<ReviewAction, string> = {
  create: "Create",
  update: "Update in place",
  replace: "Replace",
  delete: "Delete",
  same: "Unchanged",
};

const NOTES: Partial<Record<ReviewAction, string>> = {
  update:
    "An update of the verdict sends it to Cognito again; an update of reason or ticket alone is recorded in the stack only.",
  replace:
    "A replace sends the verdict for the new pool, user or event; the old resource is only removed from the stack (Cognito keeps its verdict).",
  delete:
    "Deleting only removes the verdict from the stack: Cognito keeps it (no API withdraws feedback). To reverse a verdict, declare the opposite one instead.",
};

function tableHeader(action: ReviewAction): string[] {
  const changedLabel = action === "replace" ? "replaced because" : "changed";
  const withChanged = action === "update" || action === "replace";
  const header = [
    "pool",
    "user",
    "event",
    "verdict",
    ...(withChanged ? [changedLabel] : []),
    "reason",
    "ticket",
  ];
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
}

function tableRow(r: ReviewRow): string {
  const withChanged = r.action === "update" || r.action === "replace";
  const cells = [
    code(r.userPoolId),
    cell(r.username),
    code(r.eventId),
    verdictCell(r),
    ...(withChanged ? [cell(r.changed.join(", "))] : []),
    cell(r.reason),
    cell(r.ticket),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** One action's collapsible block: its title and note, then the rows shown of `total`. */
function actionBlock(action: ReviewAction, rows: readonly string[], total: number, open: boolean) {
  const note = NOTES[action];
  const count = rows.length === total ? `${total}` : `${rows.length} of ${total} shown`;
  return [
    open ? "<details open>" : "<details>",
    `<summary><strong>${TITLES[action]} (${count})</strong></summary>`,
    "",
    ...(note ? [note, ""] : []),
    ...tableHeader(action),
    ...rows,
    "",
    "</details>",
    "",
  ];
}

// A diagnostic may quote source text (a program's failing line): nothing secret-looking is shown.
function diagnosticLine(d: { resource?: string; message: string }): string {
  const message = cell(withholdSecrets(d.message).replace(/\s+/g, " "));
  return d.resource === undefined
    ? `- ${message}`
    : `- \`${d.resource.replace(/`/g, "'")}\`: ${message}`;
}

/**
 * GitHub refuses comment bodies over 65,536 characters; the default budget leaves room below it.
 * Counted in UTF-8 bytes, never fewer than characters.
 */
export const DEFAULT_MAX_BYTES = 65_000;

/** Options of {@link renderReviewMarkdown}. */
export interface MarkdownOptions extends RenderOptions {
  /**
   * Most bytes (UTF-8) of the comment: rows that do not fit are left out and counted on a last
   * line. Infinity renders every row (the full review, e.g. for a workflow artifact).
   * @default DEFAULT_MAX_BYTES
   */
  maxBytes?: number;
  /** How the reader gets every row, named on the "left out" line. */
  fullReviewHint?: string;
}

/** The default hint: the JSON summary, or the full comment as a file. */
export const FULL_REVIEW_HINT =
  "run `cognito-feedback review preview.json --format json`, or `--full-output review-full.md` for the whole comment as a file (the example workflow uploads it as an artifact)";

// Rows are given room in this order, so a reviewer sees what removes or replaces verdicts first;
// the blocks are still printed in the usual order.
const FILL_ORDER: readonly ReviewAction[] = ["delete", "replace", "update", "create", "same"];

/** Blocks of at most this many rows in all start open; larger reviews start collapsed. */
const OPEN_UP_TO_ROWS = 25;

const bytes = (lines: readonly string[]) =>
  lines.reduce((n, l) => n + Buffer.byteLength(l, "utf8") + 1, 0);

/**
 * The summary as a Markdown pull-request comment: errors first, then counts per action, then one
 * collapsible block per action that changes something, with a table row per resource. Unchanged
 * resources are only REVIEW_ACTIONS. Within `maxBytes` (default {@link DEFAULT_MAX_BYTES}): the counts
 * always, then as many rows as fit, then one line saying how many rows were left out and how to
 * see them all.
 */
export function renderReviewMarkdown(
  summary: ReviewSummary,
  options: MarkdownOptions = {},
): string {
  const s = prepared(summary, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const head: string[] = ["## Cognito auth-event feedback: preview review", ""];
  const counts = [
    `| ${REVIEW_ACTIONS.map((a) => (a === "same" ? "unchanged" : a)).join(" | ")} |`,
    `| ${REVIEW_ACTIONS.map(() => "---:").join(" | ")} |`,
    `| ${REVIEW_ACTIONS.map((a) => String(s.counts[a])).join(" | ")} |`,
    "",
  ];
  const total = REVIEW_ACTIONS.reduce((n, a) => n + s.counts[a], 0);
  if (total === 0) counts.push("No AuthEventFeedback resources in this preview.", "");
  if (s.otherResources.count > 0) {
    counts.push(
      `Not summarized here: ${plural(s.otherResources.count, "other resource")} (${s.otherResources.changing} changing).`,
      "",
    );
  }
  const rowsOf = new Map(
    REVIEW_ACTIONS.map((a) => [a, s.changes.filter((r) => r.action === a).map(tableRow)]),
  );
  const allRows = [...rowsOf.values()].reduce((n, rows) => n + rows.length, 0);
  // What is always kept: the title, the counts, and room for the "left out" line.
  const leftOutLine = (rows: number, errors: number) => {
    const what = [
      ...(rows > 0 ? [plural(rows, "row")] : []),
      ...(errors > 0 ? [plural(errors, "error")] : []),
    ].join(" and ");
    return `**${what} left out** to keep this comment within GitHub's limit; to see them all, ${options.fullReviewHint ?? FULL_REVIEW_HINT}.`;
  };
  let budget = maxBytes - bytes([...head, ...counts, leftOutLine(allRows, s.errors.length)]);

  // Errors and warnings are lines too: as many as fit, in order.
  const fit = (lines: readonly string[]): string[] => {
    const kept: string[] = [];
    for (const l of lines) {
      const cost = bytes([l]);
      if (cost > budget) break;
      kept.push(l);
      budget -= cost;
    }
    return kept;
  };
  const errorLines = s.errors.map(diagnosticLine);
  const errors: string[] = [];
  if (!s.ok) {
    const intro = `**The preview failed with ${plural(s.errors.length, "error")}**: nothing can be applied until ${s.errors.length === 1 ? "it is" : "they are"} fixed.`;
    budget -= bytes([intro, "", ""]);
    errors.push(intro, "", ...fit(errorLines), "");
  }
  const errorsLeft = s.errors.length - Math.max(0, errors.length - 3);
  const warnings: string[] = [];
  if (s.warnings.length > 0) {
    const frame = ["<details>", `<summary>${plural(s.warnings.length, "warning")}</summary>`, ""];
    const end = ["", "</details>", ""];
    if (bytes([...frame, ...end]) < budget) {
      budget -= bytes([...frame, ...end]);
      const kept = fit(s.warnings.map(diagnosticLine));
      if (kept.length > 0) warnings.push(...frame, ...kept, ...end);
      else budget += bytes([...frame, ...end]);
    }
  }

  const shown = new Map<ReviewAction, string[]>(REVIEW_ACTIONS.map((a) => [a, []]));
  const open = allRows <= OPEN_UP_TO_ROWS;
  for (const action of FILL_ORDER) {
    const rows = rowsOf.get(action) ?? [];
    if (rows.length === 0) continue;
    const frame = bytes(actionBlock(action, [], rows.length, open)) + 16; // "N of M shown"
    if (frame >= budget) continue;
    budget -= frame;
    const kept = fit(rows);
    if (kept.length === 0) budget += frame;
    shown.set(action, kept);
  }
  const blocks = REVIEW_ACTIONS.flatMap((a) => {
    const rows = shown.get(a) ?? [];
    return rows.length === 0 ? [] : actionBlock(a, rows, rowsOf.get(a)?.length ?? 0, open);
  });
  const shownRows = [...shown.values()].reduce((n, rows) => n + rows.length, 0);
  const out = [...head, ...errors, ...counts, ...warnings, ...blocks];
  if (allRows > shownRows || errorsLeft > 0) out.push(leftOutLine(allRows - shownRows, errorsLeft));
  return `${out.join("\n").trimEnd()}\n`;
}
