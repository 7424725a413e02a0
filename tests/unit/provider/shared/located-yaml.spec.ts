// The fast parser (js-yaml events) and the `yaml` Document agree: same value, same position for
// every path, so a problem is reported at the same line and column whichever parser read the file.
import assert from "node:assert/strict";
import { LineCounter, parseDocument } from "yaml";
import {
  documentLocator,
  fastParse,
  parseLocated,
  type Segment,
} from "../../../../provider/shared/located-yaml";

function pathsOf(value: unknown, at: Segment[] = []): Segment[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  }
  return here;
}

const TEXTS: [string, string][] = [
  [
    "block style with comments",
    "# top\nuserPoolId: us-east-1_A # pool\noverrides:\n  - username: alice\n    eventId: evt-1\n\n    verdict: invalid\n  -   username: bob\n      eventId: 'evt-2'\n",
  ],
  [
    "JSON (quoted keys)",
    '{\n  "userPoolId": "us-east-1_A",\n  "overrides": [\n    { "username": "a", "eventId": "e", "verdict": "valid" },\n    "x"\n  ]\n}\n',
  ],
  [
    "flow sequences and scalars",
    'overrides: [ {username: a}, [1, 2], plain, "quoted" ]\nversion: 1\n',
  ],
  ["nested lists", "overrides:\n- - a\n  - b\n- reason: |\n    two\n    lines\n  ticket: T-1\n"],
];

describe("overrides parsing: the fast parser agrees with yaml's Document", () => {
  for (const [name, text] of TEXTS) {
    it(`GIVEN ${name} THEN the values are equal and every path starts at the same line and column`, () => {
      const fast = fastParse(text);
      assert.ok(fast !== undefined, "the fast parser accepts it");
      const counter = new LineCounter();
      const doc = parseDocument(text, { lineCounter: counter });
      assert.deepEqual(fast.value, doc.toJS());
      const slow = documentLocator(doc, counter);
      for (const at of pathsOf(fast.value)) {
        assert.deepEqual(fast.locate(at), slow(at), JSON.stringify(at));
      }
      assert.deepEqual(fast.locate(["overrides", 99, "nope"]), slow(["overrides", 99, "nope"]));
    });
  }

  const refused: [string, string][] = [
    ["an alias (yaml bounds alias expansion)", "a: &x 1\nb: *x\n"],
    ["a syntax error", 'a: "unclosed\n'],
    ["an empty document", ""],
    ["a list at the top", "- a\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
  ];
  for (const [name, text] of refused) {
    it(`GIVEN ${name} THEN the fast parser leaves it to yaml`, () =>
      assert.equal(fastParse(text), undefined));
  }

  describe("parseLocated: one entry point for both parsers", () => {
    const cases: [string, string, Partial<{ line: number; column: number; syntax: boolean }>][] = [
      ["a syntax error", "a: b: c\n", { line: 1, syntax: true }],
      ["an alias to no anchor", "a: 1\nb: *none\n", { line: 2, column: 4, syntax: false }],
    ];
    for (const [name, text, where] of cases) {
      it(`GIVEN ${name} THEN an error at its place, never a throw`, () => {
        const r = parseLocated(text);
        assert.equal(r.ok, false);
        const [e] = r.ok ? [] : r.errors;
        for (const [k, v] of Object.entries(where)) assert.equal(e[k as keyof typeof e], v, k);
        assert.equal(e.source, text.split("\n")[e.line - 1] + "\n");
      });
    }

    it("GIVEN an alias THEN yaml reads it, with positions", () => {
      const r = parseLocated("a: &x 1\nb: *x\n");
      assert.ok(r.ok);
      assert.deepEqual(r.value, { a: 1, b: 1 });
      assert.deepEqual(r.locate(["b"]), { line: 2, column: 1 });
    });

    it("GIVEN an empty document THEN an empty mapping", () => {
      const r = parseLocated("");
      assert.ok(r.ok);
      assert.deepEqual(r.value, {});
    });
  });
});
