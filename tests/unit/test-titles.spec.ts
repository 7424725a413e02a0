// The test titles' rule (tests/support/titles.ts): every spec's written titles, read from the
// source, and the check mocha-setup.ts runs before each test on the titles as mocha built them.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import ts from "typescript";
import { mochaHooks } from "../support/mocha-setup";
import { clipTitle, MAX_TITLE_LENGTH, overlongTitles } from "../support/titles";

const TESTS = path.resolve(__dirname, "..");
const TITLED = new Set(["describe", "context", "it", "specify"]);

/** Every `*.spec.ts` under tests/. */
function specFiles(dir = TESTS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : specFiles(full);
    return entry.name.endsWith(".spec.ts") ? [full] : [];
  });
}

/** A title written in a spec: its place, its fixed text, and whether it is a template. */
interface WrittenTitle {
  where: string;
  text: string;
  template: boolean;
  nestedTernary: boolean;
}

/** The first argument of every describe/it call (`.only`, `.skip` included) in `file`. */
function writtenTitles(file: string): WrittenTitle[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: WrittenTitle[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = ts.isPropertyAccessExpression(node.expression)
        ? node.expression.expression
        : node.expression;
      const title = node.arguments[0];
      const fixed = ts.isStringLiteralLike(title)
        ? title.text
        : ts.isTemplateExpression(title)
          ? title.head.text + title.templateSpans.map((span) => span.literal.text).join("")
          : undefined;
      if (ts.isIdentifier(callee) && TITLED.has(callee.text) && fixed !== undefined) {
        const { line } = source.getLineAndCharacterOfPosition(title.getStart(source));
        found.push({
          where: `${path.relative(TESTS, file)}:${line + 1}`,
          text: fixed,
          template: ts.isTemplateExpression(title),
          nestedTernary: hasNestedTernary(title),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function hasNestedTernary(node: ts.Node, inTernary = false): boolean {
  const here = ts.isConditionalExpression(node);
  if (here && inTernary) return true;
  return ts.forEachChild(node, (child) => hasNestedTernary(child, inTernary || here)) ?? false;
}

describe("test titles: at most 80 characters, the shared GIVEN in a describe", () => {
  const titles = specFiles().flatMap(writtenTitles);

  it("GIVEN every spec under tests/ THEN its titles are found", () => {
    assert.ok(titles.length > 500, `${titles.length} titles`);
    assert.ok(titles.some((t) => t.where.startsWith("engine")));
  });

  it("GIVEN a title written as a literal THEN it is at most 80 characters", () => {
    const long = titles.filter((t) => !t.template && t.text.length > MAX_TITLE_LENGTH);
    assert.deepEqual(
      long.map((t) => `${t.where} (${t.text.length}): ${t.text}`),
      [],
    );
  });

  it("GIVEN a title built from a template THEN its own text is at most 80 characters", () => {
    // The values are known only when mocha builds the title: mocha-setup.ts checks those.
    const long = titles.filter((t) => t.template && t.text.length > MAX_TITLE_LENGTH);
    assert.deepEqual(
      long.map((t) => `${t.where} (${t.text.length}+): ${t.text}`),
      [],
    );
  });

  it("GIVEN a title built from a template THEN it has no nested ternary", () => {
    assert.deepEqual(
      titles.filter((t) => t.nestedTernary).map((t) => t.where),
      [],
    );
  });

  describe("the check before each test (mocha-setup.ts)", () => {
    const suiteOf = (...titles: string[]): Mocha.Suite => {
      let suite = new Mocha.Suite("");
      suite.root = true;
      for (const title of titles) suite = Mocha.Suite.create(suite, title);
      return suite;
    };
    const testIn = (suite: Mocha.Suite, title: string): Mocha.Test => {
      const test = new Mocha.Test(title, () => {});
      suite.addTest(test);
      return test;
    };
    const long = `GIVEN ${"x".repeat(MAX_TITLE_LENGTH)}`;

    it("GIVEN titles of 80 characters or fewer THEN none is reported", () => {
      const exact = "y".repeat(MAX_TITLE_LENGTH);
      assert.deepEqual(overlongTitles(testIn(suiteOf("GIVEN a suite", exact), exact)), []);
    });

    it("GIVEN an overlong test or suite title THEN each is reported, the test first", () => {
      const test = testIn(suiteOf(`${long} (outer)`, "GIVEN a suite"), long);
      assert.deepEqual(overlongTitles(test), [long, `${long} (outer)`]);
    });

    it("GIVEN an overlong title WHEN the root hook runs THEN the test fails with it", () => {
      const test = testIn(suiteOf("GIVEN a suite"), long);
      mochaHooks.beforeEach.call({ currentTest: test } as Mocha.Context);
      assert.throws(() => (test.fn as () => void)(), {
        message: `test titles are at most 80 characters (tests/support/titles.ts): "${long}" has ${long.length}`,
      });
      const fine = testIn(suiteOf("GIVEN a suite"), "THEN it runs");
      const body = fine.fn;
      mochaHooks.beforeEach.call({ currentTest: fine } as Mocha.Context);
      assert.equal(fine.fn, body);
    });

    it("GIVEN clipTitle THEN a long text is cut at a word, to fit with an ellipsis", () => {
      const clipped = clipTitle(`act-1-preview.json: ${"word ".repeat(30)}`);
      assert.ok(clipped.length <= MAX_TITLE_LENGTH, clipped);
      assert.match(clipped, /^act-1-preview\.json: (word )*word…$/);
      assert.equal(clipTitle("short"), "short");
    });
  });
});
