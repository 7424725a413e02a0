import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parseOverrides } from "../../../../provider/gitops/overrides";
import {
  MergeError,
  mergeIntoOverrides,
  type MergeOptions,
} from "../../../../provider/sweep/merge";
import type { SweepMatch } from "../../../../provider/sweep/render";

const SAMPLE = readFileSync(
  path.join(__dirname, "../../../fixtures/overrides/sample.yaml"),
  "utf8",
);
const POOL = "us-east-1_DemoPool1";
const OPTIONS: MergeOptions = {
  fileName: "overrides.yaml",
  userPoolId: POOL,
  judgement: { verdict: "invalid", reason: "Credential stuffing (SEC-9)", ticket: "SEC-9" },
  filterFlags: ["--ip 198.51.100.0/24"],
  now: new Date("2026-11-05T12:00:00Z"),
};
const ALICE: SweepMatch = {
  username: "alice",
  event: { eventId: "7875548a-bd00-490a-93b8-fa36fe42a3e0" },
};
const DAVE: SweepMatch = {
  username: "dave",
  event: {
    eventId: "d-1",
    creationDate: new Date("2026-11-03T10:00:00Z"),
    ipAddress: "198.51.100.4",
  },
};

/** The text `merged` has beyond `original`, when the original's bytes are all kept in order. */
function inserted(original: string, merged: string): string {
  let i = 0;
  while (i < original.length && original[i] === merged[i]) i++;
  const tail = original.slice(i);
  assert.ok(merged.endsWith(tail), "the original's end is kept byte for byte");
  return merged.slice(i, merged.length - tail.length);
}

describe("--merge-into: new entries inserted as text, the file's bytes kept", () => {
  it("GIVEN the sample file THEN only the new event is added, after its last entry", () => {
    const merged = mergeIntoOverrides(SAMPLE, [ALICE, DAVE], OPTIONS);
    assert.equal(merged.added, 1);
    assert.equal(merged.skipped, 1);
    assert.equal(
      inserted(SAMPLE, merged.text),
      [
        "  # Added by cognito-feedback sweep (2026-11-05T12:00:00Z; --ip 198.51.100.0/24): 1 event, 1 event already here.",
        "  # 2026-11-03T10:00:00Z; risk not reported; from 198.51.100.4; no feedback yet",
        "  - username: dave",
        "    eventId: d-1",
        "    verdict: invalid",
        "    reason: Credential stuffing (SEC-9)",
        "    ticket: SEC-9",
        "",
      ].join("\n"),
    );
    assert.ok(merged.text.startsWith(SAMPLE), "appended at the end: the list is last");
    const result = parseOverrides(merged.text, "overrides.yaml");
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.overrides.length, 4);
  });

  it("GIVEN every match is in the file THEN the text is unchanged", () => {
    assert.deepEqual(mergeIntoOverrides(SAMPLE, [ALICE], OPTIONS), {
      text: SAMPLE,
      added: 0,
      skipped: 1,
    });
  });

  describe("GIVEN other shapes of file THEN the whole merged text", () => {
    const entry = (indent: string, pool: boolean) =>
      [
        `${indent}# Added by cognito-feedback sweep (2026-11-05T12:00:00Z; --ip 198.51.100.0/24): 1 event.`,
        `${indent}# 2026-11-03T10:00:00Z; risk not reported; from 198.51.100.4; no feedback yet`,
        ...(pool
          ? [`${indent}- userPoolId: ${POOL}`, `${indent}  username: dave`]
          : [`${indent}- username: dave`]),
        `${indent}  eventId: d-1`,
        `${indent}  verdict: invalid`,
        `${indent}  reason: Credential stuffing (SEC-9)`,
        `${indent}  ticket: SEC-9`,
      ].join("\n");
    const table: [string, string, string][] = [
      ["an empty file", "", `version: 1\nuserPoolId: ${POOL}\noverrides:\n${entry("  ", false)}\n`],
      [
        "overrides: [] with a comment",
        "overrides: [] # none yet\n",
        `overrides: # none yet\n${entry("  ", true)}\n`,
      ],
      ["overrides: and nothing", "overrides:\n", `overrides:\n${entry("  ", true)}\n`],
      [
        "no overrides key, no final newline",
        `userPoolId: ${POOL}`,
        `userPoolId: ${POOL}\noverrides:\n${entry("  ", false)}\n`,
      ],
      [
        "a list at column 0, another key after, CRLF",
        `overrides:\r\n- username: x\r\n  eventId: y # seen\r\nuserPoolId: ${POOL}\r\n`,
        `overrides:\r\n- username: x\r\n  eventId: y # seen\r\n${entry("", false).replace(/\n/g, "\r\n")}\r\nuserPoolId: ${POOL}\r\n`,
      ],
      [
        "another default pool",
        "userPoolId: eu-west-1_Other1\noverrides:\n    - username: x\n      eventId: y\n",
        `userPoolId: eu-west-1_Other1\noverrides:\n    - username: x\n      eventId: y\n${entry("    ", true)}\n`,
      ],
    ];
    for (const [name, text, expected] of table) {
      it(`WHEN ${name} THEN the entry goes there`, () => {
        const merged = mergeIntoOverrides(text, [DAVE], OPTIONS);
        assert.equal(merged.text, expected);
        assert.equal(merged.added, 1);
      });
    }
  });

  describe("GIVEN a file that cannot take entries THEN it is refused, naming it", () => {
    const table: [string, string, string][] = [
      [
        "broken YAML",
        "overrides:\n  - username: [x\n",
        "overrides.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML first (nothing was written).",
      ],
      [
        "a list at the top",
        "- a\n",
        "overrides.yaml is not an overrides file: its top level is not a mapping with overrides: (nothing was written).",
      ],
      [
        "overrides a string",
        "overrides: none\n",
        "overrides.yaml: overrides is not a list, so no entry can be added; make it a list of entries (nothing was written).",
      ],
      [
        "a flow list with entries",
        "overrides: [{username: x, eventId: y}]\n",
        'overrides.yaml: overrides is a flow list ([...]); write it as a block list, one "- " entry per line, to add entries (nothing was written).',
      ],
    ];
    for (const [name, text, message] of table) {
      it(`WHEN ${name} THEN a MergeError says what to fix`, () => {
        assert.throws(
          () => mergeIntoOverrides(text, [DAVE], OPTIONS),
          (err: unknown) => {
            assert.ok(err instanceof MergeError);
            assert.equal(err.message, message);
            return true;
          },
        );
      });
    }
  });

  it("GIVEN any file of entries THEN its bytes are kept; a second merge adds nothing", () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/);
    const comment = fc.constantFrom("", " # checked", "\n  # a note\n", "\n\n");
    const existing = fc.uniqueArray(fc.tuple(id, comment), { maxLength: 6, selector: (e) => e[0] });
    const found = fc.uniqueArray(id, { maxLength: 6 });
    fc.assert(
      fc.property(existing, found, fc.boolean(), (entries, ids, pooled) => {
        const body = entries
          .map(
            ([e, c]) =>
              `  - username: u\n    eventId: ${e}${c}\n    verdict: valid\n    reason: r\n`,
          )
          .join("");
        const text = `# head\n${pooled ? `userPoolId: ${POOL}\n` : ""}overrides:\n${body}# tail\n`;
        const matches = ids.map((e) => ({ username: "v", event: { eventId: e } }));
        const merged = mergeIntoOverrides(text, matches, OPTIONS);
        const known = new Set(pooled ? entries.map(([e]) => e) : []);
        assert.equal(merged.added, ids.filter((e) => !known.has(e)).length);
        assert.equal(merged.added + merged.skipped, ids.length);
        inserted(text, merged.text);
        const again = mergeIntoOverrides(merged.text, matches, OPTIONS);
        assert.deepEqual([again.text, again.added], [merged.text, 0]);
      }),
      { numRuns: 50 },
    );
  });
});
