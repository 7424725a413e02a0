import assert from "node:assert/strict";
import {
  commandsNotRunBy,
  commandsOf,
  extractBlocks,
  fixedPorts,
  parseMarker,
  scriptOf,
  shellBlocks,
  type Coverage,
  type RunOptions,
} from "../../support/markdown-blocks";

const md = (...lines: string[]) => `${lines.join("\n")}\n`;
const RUN = "offline: run by tests/x.spec.ts";
const NO_OPTIONS: RunOptions = {
  checkout: false,
  emulator: false,
  stack: false,
  outputBelow: false,
  fill: {},
};

describe("GIVEN Markdown with fenced code blocks", () => {
  it("WHEN extracted THEN each has its language, opening line and text", () => {
    const blocks = extractBlocks("a.md", md("# T", "", "```sh", "echo hi", "```", "", "```", "x"));
    assert.deepEqual(
      blocks.map((b) => [b.file, b.line, b.lang, b.text]),
      [
        ["a.md", 3, "sh", "echo hi\n"],
        ["a.md", 7, "", "x\n\n"],
      ],
    );
  });

  it("WHEN a block is indented in a list item THEN its text loses that indent", () => {
    const [block] = extractBlocks(
      "a.md",
      md("1. Run:", "", "   ```bash", "   ls \\", "     -l", "   ```"),
    );
    assert.equal(block.lang, "bash");
    assert.equal(block.text, "ls \\\n  -l\n");
  });

  it("WHEN a longer fence or tildes hold a ``` line THEN it stays in the text", () => {
    const blocks = extractBlocks(
      "a.md",
      md("````md", "```sh", "````", "~~~ Console title", "```", "~~~"),
    );
    assert.deepEqual(
      blocks.map((b) => [b.lang, b.text]),
      [
        ["md", "```sh\n"],
        ["console", "```\n"],
      ],
    );
  });

  it("WHEN comments come right before the fence THEN they are its comments, in order", () => {
    const text = md(
      "<!-- far -->",
      "text",
      "<!-- a -->",
      "",
      "  <!--b-->",
      "",
      "```sh",
      "x",
      "```",
    );
    assert.deepEqual(extractBlocks("a.md", text)[0].comments, ["a", "b"]);
  });
});

describe("GIVEN marker comments", () => {
  const table: [string, Coverage][] = [
    [RUN, { kind: "run", by: "tests/x.spec.ts", options: NO_OPTIONS }],
    [
      `${RUN}; checkout; emulator; output below; <token> is fake-1; until http://h:1`,
      {
        kind: "run",
        by: "tests/x.spec.ts",
        options: {
          ...NO_OPTIONS,
          checkout: true,
          emulator: true,
          outputBelow: true,
          until: "http://h:1",
          fill: { "<token>": "fake-1" },
        },
      },
    ],
    ["offline: run by .ci/run", { kind: "run", by: ".ci/run", options: NO_OPTIONS }],
    [
      "offline: covered by tests/p.spec.ts (installs it)",
      { kind: "covered", by: "tests/p.spec.ts", why: "installs it" },
    ],
    ["needs: aws (a real pool)", { kind: "needs", what: "aws", why: "a real pool" }],
    ["needs: network (GitHub)", { kind: "needs", what: "network", why: "GitHub" }],
    ["manual: takes hours", { kind: "manual", why: "takes hours" }],
  ];
  for (const [text, coverage] of table) {
    it(`WHEN parsed: ${text.slice(0, 40)} THEN it is ${coverage.kind}`, () => {
      assert.deepEqual(parseMarker(text), coverage);
    });
  }

  const wrong = [
    `${RUN}; bogus`,
    `${RUN}; checkout; stack`,
    "offline: covered by tests/p.spec.ts",
    "needs: aws",
    "needs: gpu (fast)",
    "offline",
  ];
  for (const text of wrong) {
    it(`WHEN parsed: ${text} THEN it is refused`, () => {
      assert.throws(() => parseMarker(text), /option|exclude|not a marker/);
    });
  }
});

describe("GIVEN shell blocks with and without markers", () => {
  const text = md(
    "```sh", // 1: no marker
    "a",
    "```",
    "<!-- prettier-ignore -->",
    `<!-- ${RUN}; output below -->`,
    "```console", // 6: marked, output below
    "$ b",
    "```",
    "```text",
    "out",
    "```",
    "<!-- offline: run by x; nonsense -->",
    "```bash", // 13: bad marker
    "c",
    "```",
    "<!-- manual: one -->",
    "<!-- manual: two -->",
    "```sh", // 18: two markers
    "d",
    "```",
    "```ts",
    "not shell",
    "```",
    `<!-- ${RUN}; output below -->`,
    "```sh", // 25: nothing below
    "e",
    "```",
  );
  const blocks = shellBlocks("f.md", text);

  it("WHEN classified THEN only shell blocks are listed, each with its line", () => {
    assert.deepEqual(
      blocks.map((b) => b.line),
      [1, 6, 13, 18, 25],
    );
  });

  it("WHEN a marker is missing, wrong or doubled THEN the problem names the line", () => {
    assert.deepEqual(
      blocks.map((b) => /^f\.md:\d+: (\S+ \S+ \S+)/.exec(b.problem ?? "")?.[1]),
      [
        "a sh block",
        undefined,
        'unknown option "nonsense"',
        "2 markers; keep",
        '"output below", but',
      ],
    );
  });

  it("WHEN marked with output below THEN the next block is the expected output", () => {
    assert.equal(blocks[1].coverage?.kind, "run");
    assert.equal(blocks[1].next?.text, "out\n");
  });
});

describe("GIVEN a block's script", () => {
  it("WHEN the block is console THEN only prompted lines and continuations run", () => {
    const [block] = extractBlocks(
      "a.md",
      md("```console", "$ a \\", "  b", "output", "$ c", "```"),
    );
    assert.equal(scriptOf(block), "a \\\n  b\nc\n");
  });

  it("WHEN placeholders are filled THEN every occurrence is replaced", () => {
    const [block] = extractBlocks("a.md", md("```sh", "set <t> && echo <t>", "```"));
    assert.equal(scriptOf(block, { "<t>": "fake" }), "set fake && echo fake\n");
  });

  it("WHEN split into commands THEN continuations join and comments drop", () => {
    const script = "# intro\nnpm ci   # install\n\nnpx x \\\n  --y 1\necho a#b\n";
    assert.deepEqual(commandsOf(script), ["npm ci", "npx x --y 1", "echo a#b"]);
  });

  it("WHEN checked against a script THEN commands it runs, in order, pass", () => {
    const [block] = extractBlocks("a.md", md("```sh", "npm ci", "npm run demo", "npm test", "```"));
    const ci = "set -e\nnpm ci --no-audit\nnpm run demo\nnpm test\n";
    assert.deepEqual(commandsNotRunBy(block, ci), []);
    assert.deepEqual(commandsNotRunBy(block, "npm test\nnpm run demo\nnpm ci\n"), [
      "npm run demo",
      "npm test",
    ]);
    assert.deepEqual(commandsNotRunBy(block, "npm cit\nnpm run demo\nnpm test\n"), ["npm ci"]);
  });

  it("WHEN it names loopback ports THEN the fixed ones are found, 0 left out", () => {
    const script = "x --port 4566 &\ncurl http://127.0.0.1:4566/ localhost:8080\ny --port 0\n";
    assert.deepEqual(fixedPorts(script), [4566, 8080]);
  });
});
