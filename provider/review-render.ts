// Pure rendering of a review summary: Markdown for a pull-request comment, or JSON for tools.
import {
  DISPLAY_PLACEHOLDERS,
  REVIEW_ACTIONS,
  type ReviewAction,
  type ReviewRow,
  type ReviewSummary,
} from "./preview-summary";

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

function table(action: ReviewAction, rows: ReviewRow[]): string[] {
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
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => {
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
    }),
  ];
  const note = NOTES[action];
  return [`### ${TITLES[action]} (${rows.length})`, "", ...(note ? [note, ""] : []), ...lines, ""];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function diagnosticLine(d: { resource?: string; message: string }): string {
  const message = cell(d.message.replace(/\s+/g, " "));
  return d.resource === undefined
    ? `- ${message}`
    : `- \`${d.resource.replace(/`/g, "'")}\`: ${message}`;
}

/**
 * The summary as a Markdown pull-request comment: errors first, then counts per action, then one
 * table per action that changes something. Unchanged resources are only counted.
 */
export function renderReviewMarkdown(summary: ReviewSummary, options: RenderOptions = {}): string {
  const s = prepared(summary, options);
  const out: string[] = ["## Cognito auth-event feedback: preview review", ""];
  if (!s.ok) {
    out.push(
      `**The preview failed with ${plural(s.errors.length, "error")}**: nothing can be applied until ${s.errors.length === 1 ? "it is" : "they are"} fixed.`,
      "",
      ...s.errors.map(diagnosticLine),
      "",
    );
  }
  const counted = REVIEW_ACTIONS;
  out.push(
    `| ${counted.map((a) => (a === "same" ? "unchanged" : a)).join(" | ")} |`,
    `| ${counted.map(() => "---:").join(" | ")} |`,
    `| ${counted.map((a) => String(s.counts[a])).join(" | ")} |`,
    "",
  );
  const total = counted.reduce((n, a) => n + s.counts[a], 0);
  if (total === 0) out.push("No AuthEventFeedback resources in this preview.", "");
  if (s.otherResources.count > 0) {
    out.push(
      `Not summarized here: ${plural(s.otherResources.count, "other resource")} (${s.otherResources.changing} changing).`,
      "",
    );
  }
  if (s.warnings.length > 0) {
    out.push(
      "<details>",
      `<summary>${plural(s.warnings.length, "warning")}</summary>`,
      "",
      ...s.warnings.map(diagnosticLine),
      "",
      "</details>",
      "",
    );
  }
  for (const action of counted) {
    const rows = s.changes.filter((r) => r.action === action);
    if (rows.length > 0) out.push(...table(action, rows));
  }
  return `${out.join("\n").trimEnd()}\n`;
}
