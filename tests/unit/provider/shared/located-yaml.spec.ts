// The fast parser (js-yaml events) and the `yaml` Document agree: same value, same position for
// every path, so a problem is reported at the same line and column whichever parser read the file.
import assert from "node:assert/strict";
import { LineCounter, parseDocument } from "yaml";
import { documentLocator, fastParse, type Segment } from "../../../../provider/shared/located-yaml";

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
    it(`GIVEN ${name} THEN both give the same values and positions`, () => {
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
    ["an alias (yaml bounds expansion)", "a: &x 1\nb: *x\n"],
    ["a syntax error", 'a: "unclosed\n'],
    ["an empty document", ""],
    ["a list at the top", "- a\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
  ];
  for (const [name, text] of refused) {
    it(`GIVEN ${name} THEN the fast parser leaves it to yaml`, () =>
      assert.equal(fastParse(text), undefined));
  }
});
