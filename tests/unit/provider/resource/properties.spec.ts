// The property table is the one place a property's behaviour is declared: each consumer (diff,
// drift, the review, the overrides file, check) must follow it, with no name-based exception.
import assert from "node:assert/strict";
import { decideDiff } from "../../../../provider/resource/diff";
import { decideRead } from "../../../../provider/resource/drift";
import { checkInputs } from "../../../../provider/resource/inputs";
import {
  labelOf,
  PROPERTIES,
  STORED_INPUTS,
  VERDICT,
} from "../../../../provider/resource/properties";
import { parseOverrides } from "../../../../provider/gitops/overrides";

// Distinct valid values, a second one each, and what the diff reports for a change.
const STATE: Record<string, string> = {
  userPoolId: "us-east-1_AbC123xyZ",
  username: "alice",
  eventId: "evt-1",
  feedbackValue: "Invalid",
  feedbackToken: "fake-token-1",
  region: "us-east-1",
  reason: "Alice confirmed it was not her.",
  ticket: "SEC-1",
};
const OTHER: Record<string, string> = {
  userPoolId: "us-east-1_Other",
  username: "bob",
  eventId: "evt-2",
  feedbackValue: "Valid",
  feedbackToken: "fake-token-2",
  region: "eu-west-1",
  reason: "Reworded.",
  ticket: "SEC-2",
};
const EXPECTED = {
  replace: (name: string) => ({ changes: true, replaces: [name] }),
  update: () => ({ changes: true, replaces: [] }),
  note: () => ({ changes: true, replaces: [] }),
  credential: () => ({ changes: false, replaces: [] }),
};

describe("GIVEN the property table", () => {
  it("THEN it names every input once, each with a value in the fixtures", () => {
    const names = PROPERTIES.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(Object.keys(STATE).sort(), [...names].sort());
  });

  for (const p of PROPERTIES) {
    it(`WHEN only ${p.name} changes THEN diff follows its lifecycle, ${p.lifecycle}`, () => {
      const { deleteBeforeReplace, ...decision } = decideDiff(STATE, {
        ...STATE,
        [p.name]: OTHER[p.name],
      });
      assert.equal(deleteBeforeReplace, false);
      assert.deepEqual(decision, EXPECTED[p.lifecycle](p.name));
    });
  }

  it("WHEN refresh finds drift THEN it returns exactly the stored inputs", () => {
    const { feedbackToken: _token, ...outputs } = STATE;
    const found = decideRead(outputs, {
      kind: "listed",
      events: [{ eventId: STATE.eventId, feedbackValue: "Valid" }],
    });
    assert.deepEqual(
      Object.keys(found.inputs ?? {}),
      STORED_INPUTS.map((p) => p.name),
    );
    assert.equal(found.inputs?.[VERDICT.name], "Valid");
  });

  it("WHEN a required property is missing THEN check says so, and only those", () => {
    const { failures } = checkInputs({});
    const required = PROPERTIES.filter((p) => p.required).map((p) => p.name);
    assert.deepEqual(
      failures.map((f) => f.property),
      required,
    );
    for (const f of failures)
      assert.equal(f.reason, PROPERTIES.find((p) => p.name === f.property)?.missing);
  });

  it("WHEN the file misses its verdict THEN the problem names the file's field", () => {
    const text = `version: 1\noverrides:\n  - userPoolId: us-east-1_AbC123xyZ\n    username: alice\n    eventId: evt-1\n    reason: r\n`;
    const result = parseOverrides(text, "o.yaml");
    assert.equal(result.ok, false);
    const problem = result.ok
      ? undefined
      : result.problems.find((q) => q.path.endsWith(labelOf(VERDICT.name)));
    assert.equal(problem?.path, "overrides[0].verdict");
  });
});
