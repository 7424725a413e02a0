// Pure reading of `pulumi preview --json` output into what a pull-request reviewer needs about
// AuthEventFeedback resources: counts per action, one row per changing verdict, and the errors
// that block the change. Accepted shape: docs/preview-json.md. Secret values are never read: a
// secret is shown as `[secret]` whatever form it comes in.
import { FEEDBACK_RESOURCE_TYPE, FEEDBACK_SET_TYPE } from "../type-tokens";
import { labelOf, propertiesOf, VERDICT, type Property } from "../resource/properties";
import { isSecretValue, isUnknown, parseUrn } from "../shared/pulumi-wire";
import { isRecord } from "../shared/records";

/** What a preview step does to a resource, as the review groups it. */
export type ReviewAction = "create" | "update" | "replace" | "delete" | "same";

/** The actions, in the order the review shows them. */
export const REVIEW_ACTIONS: readonly ReviewAction[] = [
  "create",
  "update",
  "replace",
  "delete",
  "same",
];

/** One AuthEventFeedback resource and what the preview does to it. Absent fields were not shown. */
export interface ReviewRow {
  action: ReviewAction;
  /** The resource's logical name (last part of its URN). */
  name: string;
  urn: string;
  userPoolId?: string;
  username?: string;
  eventId?: string;
  /** Verdict recorded before (update, replace, delete, same). */
  oldVerdict?: string;
  /** Verdict after (create, update, replace, same). */
  newVerdict?: string;
  /** The audit notes: new ones, or the old ones for a delete. */
  reason?: string;
  ticket?: string;
  /** Properties that force a replace (`replaceReasons`), or that an update changes. */
  changed: string[];
}

/** An error or warning the preview reported. */
export interface ReviewDiagnostic {
  /** Logical name of the resource it is about, when it is about one. */
  resource?: string;
  urn?: string;
  message: string;
}

/** Everything the review shows, in a stable form (also what `--format json` prints). */
export interface ReviewSummary {
  /** Format version of this structure. */
  version: 1;
  /** False when the preview reported an error: nothing can be applied. */
  ok: boolean;
  /** AuthEventFeedback resources per action. */
  counts: Record<ReviewAction, number>;
  /**
   * Resources of other types: how many, and how many of them change. The stack, providers and
   * AuthEventFeedbackSet components (groupings only) are not counted.
   */
  otherResources: { count: number; changing: number };
  /** Pulumi's own `changeSummary` (all resource types), as reported. */
  changeSummary: Record<string, number>;
  errors: ReviewDiagnostic[];
  warnings: ReviewDiagnostic[];
  /** AuthEventFeedback resources that change (every action but `same`), in review order. */
  changes: ReviewRow[];
}

/** The input is not `pulumi preview --json` output. */
export class NotAPreviewError extends Error {
  constructor(why: string) {
    super(
      `the input is not \`pulumi preview --json\` output: ${why}. Run \`pulumi preview --json > preview.json\` and pass that file (or - for stdin).`,
    );
    this.name = "NotAPreviewError";
  }
}

const STEP_ACTIONS: Record<string, ReviewAction> = {
  create: "create",
  update: "update",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  delete: "delete",
  same: "same",
};

type Props = Record<string, unknown>;

const SECRET_PLACEHOLDER = "[secret]";
const UNKNOWN_PLACEHOLDER = "(known after apply)";
const NOT_SHOWN_PLACEHOLDER = "(not shown)";

/** The texts {@link displayValue} shows in place of a value it does not print. */
export const DISPLAY_PLACEHOLDERS: ReadonlySet<string> = new Set([
  SECRET_PLACEHOLDER,
  UNKNOWN_PLACEHOLDER,
  NOT_SHOWN_PLACEHOLDER,
]);

/**
 * A property value as the review may print it: secrets as `[secret]` (the CLI's string, or the
 * signature object state files use; its contents are never looked at), unknowns as
 * `(known after apply)`, anything not a scalar as `(not shown)`.
 */
export function displayValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (isSecretValue(value)) return SECRET_PLACEHOLDER;
  if (isUnknown(value)) return UNKNOWN_PLACEHOLDER;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return NOT_SHOWN_PLACEHOLDER;
}

function typeOfUrn(urn: string): string {
  return parseUrn(urn)?.type ?? "";
}

function nameOfUrn(urn: string): string {
  return parseUrn(urn)?.name ?? urn;
}

interface Step {
  op: string;
  urn: string;
  oldState?: Props;
  newState?: Props;
  replaceReasons: string[];
  diffReasons: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function readSteps(preview: Props): Step[] {
  if (preview.steps === undefined) return [];
  if (!Array.isArray(preview.steps)) throw new NotAPreviewError("steps is not a list");
  return preview.steps.map((step: unknown, i): Step => {
    if (!isRecord(step) || typeof step.op !== "string" || typeof step.urn !== "string") {
      throw new NotAPreviewError(`steps[${i}] has no op and urn`);
    }
    return {
      op: step.op,
      urn: step.urn,
      oldState: isRecord(step.oldState) ? step.oldState : undefined,
      newState: isRecord(step.newState) ? step.newState : undefined,
      replaceReasons: strings(step.replaceReasons),
      diffReasons: strings(step.diffReasons),
    };
  });
}

function readDiagnostics(preview: Props, severity: string): ReviewDiagnostic[] {
  if (preview.diagnostics === undefined) return [];
  if (!Array.isArray(preview.diagnostics)) throw new NotAPreviewError("diagnostics is not a list");
  return preview.diagnostics
    .filter((d): d is Props => isRecord(d) && d.severity === severity)
    .map((d) => {
      const urn = typeof d.urn === "string" && d.urn !== "" ? d.urn : undefined;
      // The CLI prefixes each message with its severity, which the review shows on its own.
      const text = typeof d.message === "string" ? d.message : "";
      const message = text.trim().replace(/^(?:error|warning): /, "");
      return { ...(urn !== undefined ? { resource: nameOfUrn(urn), urn } : {}), message };
    });
}

function readChangeSummary(preview: Props): Record<string, number> {
  const summary = preview.changeSummary;
  if (summary === undefined) return {};
  if (!isRecord(summary)) throw new NotAPreviewError("changeSummary is not a mapping");
  return Object.fromEntries(
    Object.entries(summary).filter((e): e is [string, number] => typeof e[1] === "number"),
  );
}

// Old state: what the stack recorded (outputs, which refresh may have updated), else its inputs.
// New state: the checked inputs, which is what will be sent.
function field(state: Props | undefined, key: string, prefer: "inputs" | "outputs"): unknown {
  const order = prefer === "inputs" ? ["inputs", "outputs"] : ["outputs", "inputs"];
  for (const part of order) {
    const props = state?.[part];
    if (isRecord(props) && props[key] !== undefined) return props[key];
  }
  return undefined;
}

// What an update can change; the review names each as the overrides file does (`verdict`).
const UPDATE_FIELDS: readonly Property[] = [...propertiesOf("update"), ...propertiesOf("note")];

// How a property reads in the review: its normalized value (the verdict's spelling), else as shown.
function shownAs(p: Property, value: unknown): string | undefined {
  const normal = p.normalize?.(value);
  return typeof normal === "string" ? normal : displayValue(value);
}

function rowOf(action: ReviewAction, steps: Step[]): ReviewRow {
  // A replace comes as up to three steps; the `replace` one carries both states.
  const step = steps.find((s) => s.op === "replace") ?? steps[0];
  const oldState = steps.find((s) => s.oldState !== undefined)?.oldState;
  const newState = steps.find((s) => s.newState !== undefined)?.newState;
  const current = action === "delete" ? oldState : (newState ?? oldState);
  const prefer = action === "delete" ? "outputs" : "inputs";
  const show = (key: string) => displayValue(field(current, key, prefer));
  const oldVerdict =
    action === "create" ? undefined : shownAs(VERDICT, field(oldState, VERDICT.name, "outputs"));
  const newVerdict =
    action === "delete" ? undefined : shownAs(VERDICT, field(newState, VERDICT.name, "inputs"));

  let changed: string[] = [];
  if (action === "replace") {
    changed = [...new Set(steps.flatMap((s) => s.replaceReasons))];
  } else if (action === "update") {
    // Dynamic providers send no detailed diff, so diffReasons is usually empty: compare instead.
    changed =
      step.diffReasons.length > 0
        ? step.diffReasons
        : UPDATE_FIELDS.filter(
            (p) =>
              shownAs(p, field(oldState, p.name, "outputs")) !==
              shownAs(p, field(newState, p.name, "inputs")),
          ).map((p) => labelOf(p.name));
  }

  // Absent values stay absent (not null), in a fixed key order: the JSON output is documented.
  const optional = (key: string, value: string | undefined) =>
    value === undefined ? {} : { [key]: value };
  return {
    action,
    name: nameOfUrn(step.urn),
    urn: step.urn,
    ...optional("userPoolId", show("userPoolId")),
    ...optional("username", show("username")),
    ...optional("eventId", show("eventId")),
    ...optional("oldVerdict", oldVerdict),
    ...optional("newVerdict", newVerdict),
    ...optional("reason", show("reason")),
    ...optional("ticket", show("ticket")),
    changed,
  };
}

function typeOf(steps: Step[]): string {
  for (const s of steps) {
    const type = s.newState?.type ?? s.oldState?.type;
    if (typeof type === "string") return type;
  }
  return typeOfUrn(steps[0].urn);
}

// Structure, not infrastructure: the stack itself, providers, and this package's components.
function isGrouping(type: string): boolean {
  return (
    type === "pulumi:pulumi:Stack" ||
    type.startsWith("pulumi:providers:") ||
    type === FEEDBACK_SET_TYPE
  );
}

/**
 * Reads `pulumi preview --json` output (parsed JSON) into a {@link ReviewSummary}.
 * @throws NotAPreviewError when the input does not have the shape of such output.
 */
export function summarizePreview(preview: unknown): ReviewSummary {
  if (!isRecord(preview)) {
    throw new NotAPreviewError(
      `expected a JSON object, got ${Array.isArray(preview) ? "a list" : typeof preview}`,
    );
  }
  if (!["steps", "diagnostics", "changeSummary"].some((k) => k in preview)) {
    throw new NotAPreviewError("it has none of steps, diagnostics and changeSummary");
  }
  const steps = readSteps(preview);
  const errors = readDiagnostics(preview, "error");
  const warnings = readDiagnostics(preview, "warning");
  const changeSummary = readChangeSummary(preview);

  // One entry per resource: a replace's companion steps share its URN.
  const byUrn = new Map<string, Step[]>();
  for (const s of steps) byUrn.set(s.urn, [...(byUrn.get(s.urn) ?? []), s]);

  const counts = Object.fromEntries(REVIEW_ACTIONS.map((a) => [a, 0])) as Record<
    ReviewAction,
    number
  >;
  const otherResources = { count: 0, changing: 0 };
  const changes: ReviewRow[] = [];
  for (const group of byUrn.values()) {
    const actions = group.map((s) => STEP_ACTIONS[s.op]).filter((a) => a !== undefined);
    const action = actions.includes("replace") ? "replace" : actions[0];
    const type = typeOf(group);
    if (type !== FEEDBACK_RESOURCE_TYPE) {
      if (isGrouping(type)) continue;
      otherResources.count++;
      if (group.some((s) => s.op !== "same")) otherResources.changing++;
      continue;
    }
    // Steps such as refresh or read of a feedback resource change nothing the review shows.
    if (action === undefined) continue;
    counts[action]++;
    if (action !== "same") changes.push(rowOf(action, group));
  }
  const order = (r: ReviewRow) => REVIEW_ACTIONS.indexOf(r.action);
  changes.sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.userPoolId ?? "").localeCompare(b.userPoolId ?? "") ||
      (a.eventId ?? "").localeCompare(b.eventId ?? "") ||
      a.name.localeCompare(b.name),
  );
  return {
    version: 1,
    ok: errors.length === 0,
    counts,
    otherResources,
    changeSummary,
    errors,
    warnings,
    changes,
  };
}
