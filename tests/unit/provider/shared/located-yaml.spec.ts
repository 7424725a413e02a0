// The fast parser (js-yaml events) and the `yaml` Document agree: same value, same position for
// every path, so a problem is reported at the same line and column whichever parser read the file.
import assert from "node:assert/strict";
import fc from "fast-check";
import { CORE_SCHEMA, load } from "js-yaml";
import { LineCounter, parseDocument } from "yaml";
import {
  documentLocator,
  fastParse,
  parseLocated,
  readFlatBlocks,
  type FastParse,
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

// The line reader takes the usual shape of the file without a YAML parser; whatever it accepts,
// js-yaml must read to the same value (and it must leave everything else to js-yaml).
describe("overrides parsing: the line reader agrees with js-yaml", () => {
  const jsYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA, maxAliases: 0 });

  const accepted: [string, string][] = [
    ["block style with comments", TEXTS[0][1]],
    [
      "CRLF line breaks",
      "version: 1\r\noverrides:\r\n  - username: a\r\n    reason: 'it''s ok'\r\n",
    ],
    [
      "a list at the key's own indentation",
      "overrides:\n- username: a\n  eventId: e # id\nversion: 1\n",
    ],
    [
      "scalars the core schema resolves",
      'a: ~\nb: null\nc: TRUE\nd: 0x1F\ne: -.inf\nf: 1e3\ng: "1"\nh: 012\ni: 1_000\nj: a#b\n',
    ],
    [
      "a comment line deeper than the entry",
      "overrides:\n  - reason: a\n        # note\n    ticket: T-1\n",
    ],
  ];
  // Whatever the line reader reads, js-yaml reads to the same value, and every path (and a few
  // that do not exist) starts where yaml's Document says.
  const agrees = (text: string, flat: FastParse) => {
    assert.deepStrictEqual(flat.value, jsYaml(text), JSON.stringify(text));
    const counter = new LineCounter();
    const slow = documentLocator(parseDocument(text, { lineCounter: counter }), counter);
    const missing: Segment[][] = [["nope"], ["overrides", 99], ["overrides", 0, "nope", 1]];
    for (const at of [...pathsOf(flat.value), ...missing]) {
      assert.deepEqual(
        flat.locate(at),
        slow(at),
        `${JSON.stringify(at)} in ${JSON.stringify(text)}`,
      );
    }
  };
  for (const [name, text] of accepted) {
    it(`GIVEN ${name} THEN it agrees with js-yaml and yaml`, () => {
      const flat = readFlatBlocks(text);
      assert.ok(flat !== undefined);
      agrees(text, flat);
    });
  }

  const declined: [string, string][] = [
    ["a plain scalar continued on the next line", "reason: two\n  lines\n"],
    ["a continuation after a blank line", "overrides:\n  - reason: a\n\n      b\n"],
    ["an escape in double quotes", 'a: "x\\ty"\n'],
    ["a block scalar", "a: |\n  x\n"],
    ["a flow collection", "a: [1]\n"],
    ["a key the core schema reads as a boolean", "True: 1\n"],
    ["a __proto__ key", "__proto__: 1\n"],
    ["a duplicate key in an entry", "overrides:\n  - a: 1\n    a: 2\n"],
    ["a tab", "a:\tb\n"],
    ["a document marker", "---\na: 1\n"],
    ["': ' inside a plain value", "a: b: c\n"],
    ["a key without a value and no list", "a:\nb: 1\n"],
    ["an entry that is not a mapping", "overrides:\n  - a\n"],
    ["a lone carriage return", "a: b\rc: d\n"],
    ["only comments", "# nothing\n"],
  ];
  for (const [name, text] of declined) {
    it(`GIVEN ${name} THEN js-yaml reads it`, () => assert.equal(readFlatBlocks(text), undefined));
  }

  // Files of the usual shape, then a line replaced or added: odd keys, odd scalars, wrong
  // indentation, markers, blank and comment lines; CRLF or LF.
  const usualKey = fc.constantFrom(
    ..."userPoolId version $schema username eventId verdict reason ticket".split(" "),
  );
  const oddKey = fc.constantFrom(..."a-b _x k1 null True false __proto__ a:b".split(" "));
  // Mostly the usual, so that many texts are read: one odd key or scalar makes most refused.
  const key = fc.oneof({ arbitrary: usualKey, weight: 20 }, { arbitrary: oddKey, weight: 1 });
  const char = fc.constantFrom(
    ..."aZ09 -_.:#'\"\\?,[]{}&*!|>%@`~+",
    ..."\t \r é 😀 \u0085 \u2028 \ufeff \u0000".split(" "),
  );
  const chars = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(""));
  const word = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9@.+_ -]{0,16}$/);
  const scalar = fc.oneof(
    { arbitrary: word, weight: 40 },
    { arbitrary: word.map((s) => `"${s}"`), weight: 4 },
    { arbitrary: word.map((s) => `'${s}'`), weight: 4 },
    { arbitrary: chars, weight: 1 },
    { arbitrary: chars.map((s) => `"${s}"`), weight: 1 },
    { arbitrary: chars.map((s) => `'${s}'`), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        ..."~ null Null TRUE False 1 -1 +1 0x1F 0o17 1.5 1e3 .inf -.Inf .NaN 1_000 012 0. ..".split(
          " ",
        ),
        ..."- x|? x|: x|:x|-x|a: b|a #c|a#c|'it''s'|'a'x|\"a\" #c|\"a\"#c|'a'#c|'a' #c|\"#\"|&a x|*a|!!str x|[a]|{a: 1}|x:".split(
          "|",
        ),
      ),
      weight: 3,
    },
  );
  const lines = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}: ${v}`);
  const entry = fc
    .uniqueArray(fc.tuple(key, scalar), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map(lines);
  const file = fc
    .record({
      top: fc.uniqueArray(fc.tuple(key, scalar), { maxLength: 3, selector: ([k]) => k }),
      dash: fc.constantFrom(0, 2, 4),
      gap: fc.constantFrom(1, 2, 3),
      entries: fc.array(entry, { minLength: 1, maxLength: 4 }),
    })
    .map(({ top, dash, gap, entries }) => [
      ...lines(top),
      "overrides:",
      ...entries.flatMap((pairs) =>
        pairs.map((l, i) => " ".repeat(dash) + (i === 0 ? "-" : " ") + " ".repeat(gap) + l),
      ),
    ]);
  const pair = fc
    .tuple(
      key,
      fc.constantFrom(": ", ":  ", ":", " : "),
      scalar,
      fc.constantFrom("", " # c", "#c", "  "),
    )
    .map(([k, sep, v, tail]) => `${k}${sep}${v}${tail}`);
  const nearMiss = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 7 }), pair).map(([n, p]) => `${" ".repeat(n)}${p}`),
    fc.tuple(fc.integer({ min: 0, max: 4 }), pair).map(([n, p]) => `${" ".repeat(n)}- ${p}`),
    fc.constantFrom(
      "",
      "   ",
      "# note",
      "      # deep",
      "---",
      "...",
      "%YAML 1.2",
      "  -",
      "- x",
      "x:",
    ),
  );
  const text = fc
    .record({
      lines: file,
      miss: fc.option(fc.tuple(fc.nat(), fc.boolean(), nearMiss)),
      eol: fc.constantFrom("\n", "\r\n"),
      final: fc.boolean(),
    })
    .map(({ lines, miss, eol, final }) => {
      const out = [...lines];
      if (miss !== null) out.splice(miss[0] % (out.length + 1), miss[1] ? 1 : 0, miss[2]);
      return out.join(eol) + (final ? eol : "");
    });

  it("PROPERTY: GIVEN usual files and near misses THEN it agrees with js-yaml and yaml", () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(text, (t) => {
        runs++;
        const flat = readFlatBlocks(t);
        if (flat === undefined) return;
        read++;
        assert.doesNotThrow(() => jsYaml(t), JSON.stringify(t));
        agrees(t, flat);
      }),
      { numRuns: 2_000 },
    );
    // The property says something only if the reader takes a fair share of the texts.
    assert.ok(read > runs / 10, `${read} of ${runs} read`);
  });
});
