// The harness's plan as a Pulumi user reads it, and its `pulumi preview --json` shape.
import assert from "node:assert/strict";
import type { PlanStep, RunResult } from "../../harness/engine";
import { previewJson, renderPlan } from "../../harness/plan";
import { secret, UNKNOWN } from "../../harness/properties";

const TYPE = "pulumi-nodejs:dynamic/cognito:AuthEventFeedback";
const urn = (name: string) => `urn:pulumi:dev::p::${TYPE}::${name}`;

function step(op: PlanStep["op"], name: string, extra: Partial<PlanStep> = {}): PlanStep {
  return {
    op,
    urn: urn(name),
    type: TYPE,
    name,
    custom: true,
    diffKeys: [],
    replaceReasons: [],
    ...extra,
  };
}

const state = (name: string, inputs: Record<string, unknown>) => ({
  urn: urn(name),
  type: TYPE,
  custom: true,
  id: `pool/${name}`,
  inputs,
  outputs: inputs,
});

const RESULT: RunResult = {
  kind: "preview",
  ok: false,
  stack: "dev",
  project: "p",
  durationMs: 1234,
  outputs: { mode: UNKNOWN, __hidden: 1 },
  steps: [
    step("create", "a", {
      new: state("a", {
        __provider: "code",
        eventId: "e1",
        feedbackToken: secret("fake-token-plan"),
        userPoolId: UNKNOWN,
      }),
    }),
    step("update", "b", {
      old: state("b", { feedbackValue: "Invalid" }),
      new: state("b", { feedbackValue: "Valid" }),
      diffKeys: ["feedbackValue"],
    }),
    step("replace", "c", {
      old: state("c", { eventId: "e1" }),
      new: state("c", { eventId: "e2" }),
      diffKeys: ["eventId"],
      replaceReasons: ["eventId"],
    }),
    step("same", "d"),
    step("delete", "e", { old: state("e", {}) }),
  ],
  diagnostics: [
    { severity: "info", message: "host said hello" },
    { severity: "error", urn: urn("f"), message: "property x has a problem: y" },
  ],
};

describe("harness plan", () => {
  it("GIVEN every kind of step WHEN rendered THEN it reads like the CLI's --diff output, errors first, secrets hidden", () => {
    assert.deepEqual(renderPlan(RESULT), [
      "Previewing update (dev) with the harness test engine (not the Pulumi CLI)",
      "",
      ` +  ${TYPE}  a  create`,
      '      + eventId      : "e1"',
      "      + feedbackToken: [secret]",
      "      + userPoolId   : output<string>",
      ` ~  ${TYPE}  b  update [diff: ~feedbackValue]`,
      '      ~ feedbackValue: "Invalid" => "Valid"',
      ` +- ${TYPE}  c  replace [diff: ~eventId] (replace forced by eventId)`,
      '      ~ eventId: "e1" => "e2"',
      `    ${TYPE}  d  same`,
      ` -  ${TYPE}  e  delete`,
      "",
      "Diagnostics:",
      "    error: property x has a problem: y",
      "    info: host said hello",
      "",
      "Outputs:",
      "    mode: output<string>",
      "",
      "Resources:",
      "    + 1 to create",
      "    ~ 1 to update",
      "    +-1 to replace",
      "    - 1 to delete",
      "    1 unchanged",
      "",
      "Duration: 1.2s (failed)",
    ]);
  });

  it("GIVEN the same run WHEN written as preview JSON THEN it has the CLI's digest shape, secrets blinded and sames left out", () => {
    const json = previewJson(RESULT) as {
      steps: Record<string, unknown>[];
      diagnostics: unknown[];
      changeSummary: unknown;
      duration: number;
    };
    assert.deepEqual(
      json.steps.map((s) => s.op),
      ["create", "update", "replace", "delete"],
    );
    assert.equal(json.steps[0].oldState, undefined);
    assert.deepEqual((json.steps[0].newState as { inputs: unknown }).inputs, {
      __provider: "code",
      eventId: "e1",
      feedbackToken: "[secret]",
      userPoolId: UNKNOWN,
    });
    assert.deepEqual(json.steps[2].replaceReasons, ["eventId"]);
    assert.equal(json.steps[1].detailedDiff, null);
    assert.deepEqual(json.changeSummary, { create: 1, update: 1, replace: 1, same: 1, delete: 1 });
    assert.deepEqual(json.diagnostics[1], {
      urn: urn("f"),
      message: "property x has a problem: y\n",
      severity: "error",
    });
    assert.equal(json.duration, 1_234_000_000);
    assert.ok(!JSON.stringify(json).includes("fake-token-plan"));
  });
});
