// Pure rendering of a run: the text plan a Pulumi user recognizes, and the `pulumi preview --json`
// shape (steps, diagnostics, changeSummary) that other tools consume. Secrets always print as
// `[secret]`; values not known yet as `output<string>`, as the CLI shows them.
import type { Diagnostic, PlanStep, RunResult, StepOp } from "./engine";
import { blind, isSecret, UNKNOWN, type PropertyMap } from "./properties";
import type { ResourceState } from "./state";

const SYMBOL: Record<StepOp, string> = {
  create: "+ ",
  update: "~ ",
  replace: "+-",
  same: "  ",
  delete: "- ",
};

const HEADING: Record<RunResult["kind"], string> = {
  preview: "Previewing update",
  update: "Updating",
  refresh: "Refreshing",
  destroy: "Destroying",
};

// What the summary says for each op, in preview (future) and after the run (past).
const SUMMARY: Record<StepOp, [string, string]> = {
  create: ["to create", "created"],
  update: ["to update", "updated"],
  replace: ["to replace", "replaced"],
  delete: ["to delete", "deleted"],
  same: ["unchanged", "unchanged"],
};

/** A value as the CLI prints it: JSON for known values, `[secret]`, or `output<string>`. */
export function formatValue(value: unknown): string {
  if (isSecret(value)) return "[secret]";
  if (value === UNKNOWN) return "output<string>";
  return JSON.stringify(blind(value));
}

function visible(props: PropertyMap | undefined): string[] {
  return Object.keys(props ?? {})
    .filter((k) => !k.startsWith("__"))
    .sort();
}

function propertyLines(step: PlanStep): string[] {
  const pad = (keys: string[]) => Math.max(0, ...keys.map((k) => k.length));
  if (step.op === "create") {
    const inputs = step.new?.inputs;
    const keys = visible(inputs);
    return keys.map((k) => `      + ${k.padEnd(pad(keys))}: ${formatValue(inputs![k])}`);
  }
  if (step.op === "update" || step.op === "replace") {
    // Refresh compares outputs (what the provider reported); up compares inputs, like the CLI.
    const [before, after] =
      step.old && step.new && step.diffKeys.some((k) => !(k in step.new!.inputs))
        ? [step.old.outputs, step.new.outputs]
        : [step.old?.inputs, step.new?.inputs];
    const keys = step.diffKeys;
    return keys.map((k) => {
      const from = before?.[k];
      const to = after?.[k];
      if (from === undefined) return `      + ${k.padEnd(pad(keys))}: ${formatValue(to)}`;
      if (to === undefined) return `      - ${k.padEnd(pad(keys))}: ${formatValue(from)}`;
      return `      ~ ${k.padEnd(pad(keys))}: ${formatValue(from)} => ${formatValue(to)}`;
    });
  }
  return [];
}

function stepLine(step: PlanStep, kind: RunResult["kind"]): string {
  let label: string = step.op;
  if (kind === "refresh" && step.op === "update")
    label = "update (drift: the provider reports a different value)";
  if ((step.op === "update" || step.op === "replace") && step.diffKeys.length > 0) {
    label += ` [diff: ${step.diffKeys.map((k) => `~${k}`).join(",")}]`;
  }
  if (step.op === "replace" && step.replaceReasons.length > 0) {
    label += ` (replace forced by ${step.replaceReasons.join(", ")})`;
  }
  if (step.error !== undefined) label += " **failed**";
  return ` ${SYMBOL[step.op]} ${step.type}  ${step.name}  ${label}`;
}

function diagnosticLine(d: Diagnostic): string {
  return `    ${d.severity}: ${d.message}`;
}

/** Counts of steps per op (the stack and components included, as the CLI counts them). */
export function changeSummary(steps: readonly PlanStep[]): Partial<Record<StepOp, number>> {
  const counts: Partial<Record<StepOp, number>> = {};
  for (const step of steps) counts[step.op] = (counts[step.op] ?? 0) + 1;
  return counts;
}

/** The run as text lines, laid out like the Pulumi CLI's `--diff` output. */
export function renderPlan(result: RunResult): string[] {
  const preview = result.kind === "preview";
  const lines = [
    `${HEADING[result.kind]} (${result.stack}) with the harness test engine (not the Pulumi CLI)`,
    "",
  ];
  for (const step of result.steps) {
    lines.push(stepLine(step, result.kind));
    lines.push(...propertyLines(step));
  }
  const diagnostics = result.diagnostics;
  if (diagnostics.length > 0) {
    lines.push("", "Diagnostics:");
    const ordered = [
      ...diagnostics.filter((d) => d.severity === "error"),
      ...diagnostics.filter((d) => d.severity !== "error"),
    ];
    lines.push(...ordered.map(diagnosticLine));
  }
  const outputs = visible(result.outputs);
  if (outputs.length > 0) {
    lines.push("", "Outputs:");
    const width = Math.max(...outputs.map((k) => k.length));
    lines.push(...outputs.map((k) => `    ${k.padEnd(width)}: ${formatValue(result.outputs[k])}`));
  }
  lines.push("", "Resources:");
  const counts = changeSummary(result.steps);
  for (const op of ["create", "update", "replace", "delete"] as const) {
    const n = counts[op];
    if (n !== undefined)
      lines.push(`    ${SYMBOL[op].trimEnd().padEnd(2)}${n} ${SUMMARY[op][preview ? 0 : 1]}`);
  }
  if (counts.same !== undefined) lines.push(`    ${counts.same} unchanged`);
  lines.push(
    "",
    `Duration: ${(result.durationMs / 1000).toFixed(1)}s${result.ok ? "" : " (failed)"}`,
  );
  return lines;
}

/** One resource as `pulumi preview --json` shows it (apitype.ResourceV3, secrets blinded). */
function resourceJson(state: ResourceState | undefined): Record<string, unknown> | undefined {
  if (state === undefined) return undefined;
  return {
    urn: state.urn,
    custom: state.custom,
    ...(state.id !== undefined ? { id: state.id } : {}),
    type: state.type,
    inputs: blind(state.inputs),
    outputs: blind(state.outputs),
    ...(state.parent !== undefined ? { parent: state.parent } : {}),
    ...(state.dependencies !== undefined ? { dependencies: state.dependencies } : {}),
  };
}

/** Options of {@link previewJson}. */
export interface PreviewJsonOptions {
  /** Include `same` steps, as `pulumi preview --json --show-sames` does; default false. */
  showSames?: boolean;
  /** Config to echo, secrets blinded; default none. */
  config?: Record<string, string>;
}

/**
 * The run in the shape of `pulumi preview --json` (the CLI's PreviewDigest): `steps` with `op`,
 * `urn`, `oldState`, `newState`, `replaceReasons`; `diagnostics`; `duration` in nanoseconds;
 * `changeSummary`. Dynamic providers send no detailed diff, so `diffReasons` is absent and
 * `detailedDiff` null, as with the real engine.
 */
export function previewJson(
  result: RunResult,
  options: PreviewJsonOptions = {},
): Record<string, unknown> {
  const steps = result.steps
    .filter((s) => options.showSames || s.op !== "same")
    .map((s) => ({
      op: s.op,
      urn: s.urn,
      ...(s.old !== undefined && s.op !== "create" ? { oldState: resourceJson(s.old) } : {}),
      ...(s.new !== undefined ? { newState: resourceJson(s.new) } : {}),
      ...(s.replaceReasons.length > 0 ? { replaceReasons: s.replaceReasons } : {}),
      detailedDiff: null,
    }));
  return {
    ...(options.config !== undefined ? { config: options.config } : {}),
    steps,
    diagnostics: result.diagnostics.map((d) => ({
      ...(d.urn !== undefined ? { urn: d.urn } : {}),
      message: `${d.message}\n`,
      severity: d.severity,
    })),
    duration: result.durationMs * 1_000_000,
    changeSummary: changeSummary(result.steps),
  };
}
