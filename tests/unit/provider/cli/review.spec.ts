// `cognito-feedback review`: a `pulumi preview --json` file or stdin to the pull-request comment
// or its JSON, the usage errors, and the built bin run as a program.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { runInProcess } from "../../../support/cli";

const FIXTURES = path.join(__dirname, "../../../fixtures/preview");
const fixture = (name: string) => path.join(FIXTURES, name);

/** The parser's own words for `text` (they differ between Node versions). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  return "";
}

/** Runs the command line in process with captured output and the given stdin. */
const run = (argv: string[], stdin = "") => runInProcess(argv, { stdin });

describe("cognito-feedback review (command line)", () => {
  it("GIVEN a successful preview THEN it prints the Markdown comment and exits 0", async () => {
    const r = await run(["review", fixture("changes.json"), "--mask-usernames"]);
    assert.deepEqual(r, {
      code: 0,
      stdout: readFileSync(fixture("changes.review.md"), "utf8"),
      stderr: "",
    });
  });

  it("GIVEN a failed preview THEN it still prints the comment, and exits 1", async () => {
    const r = await run(["review", fixture("failed.json")]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, readFileSync(fixture("failed.review.md"), "utf8"));
  });

  it("GIVEN - and --format json THEN it reads stdin and prints the summary as JSON", async () => {
    const r = await run(
      ["review", "-", "--format", "json"],
      readFileSync(fixture("failed.json"), "utf8"),
    );
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as { ok: boolean }).ok, false);
  });

  const usage: [string, string[], string, string][] = [
    [
      "input that is not JSON",
      ["review", "-"],
      "not json",
      `cognito-feedback review: stdin: the input is not \`pulumi preview --json\` output: it is not JSON (${jsonError("not json")}). Run \`pulumi preview --json > preview.json\` and pass that file (or - for stdin).\n`,
    ],
    [
      "JSON that is not a preview",
      ["review", "-"],
      "{}",
      "cognito-feedback review: stdin: the input is not `pulumi preview --json` output: it has none of steps, diagnostics and changeSummary. Run `pulumi preview --json > preview.json` and pass that file (or - for stdin).\n",
    ],
    [
      "a file that does not exist",
      ["review", "/nonexistent/preview.json"],
      "",
      "cognito-feedback review: /nonexistent/preview.json: ENOENT: no such file or directory, open '/nonexistent/preview.json'\n",
    ],
  ];
  for (const [name, argv, stdin, stderr] of usage) {
    it(`GIVEN ${name} THEN it explains on stderr only, and exits 2`, async () => {
      assert.deepEqual(await run(argv, stdin), { code: 2, stdout: "", stderr });
    });
  }

  it("GIVEN an unknown format THEN commander names the choices and it exits 2", async () => {
    const r = await run(["review", fixture("changes.json"), "--format", "html"]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /error: option '-f, --format <format>' argument 'html' is invalid\. Allowed choices are markdown, json\./,
    );
  });

  it("GIVEN --help THEN it lists the review command and exits 0", async () => {
    const r = await run(["--help"]);
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /review \[options\] <preview\.json>\s+summarise `pulumi preview --json` output as a/,
    );
  });

  // Shebang and exit code included.
  it("GIVEN the built package's bin WHEN run as a program THEN it works end to end", () => {
    const pkg = JSON.parse(
      readFileSync(path.join(__dirname, "../../../../package.json"), "utf8"),
    ) as {
      bin: Record<string, string>;
    };
    const bin = path.join(__dirname, "../../../..", pkg.bin["cognito-feedback"]);
    assert.match(readFileSync(bin, "utf8"), /^#!\/usr\/bin\/env node\n/);
    const r = spawnSync(
      process.execPath,
      [bin, "review", fixture("failed.json"), "--format", "json"],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as { errors: unknown[] }).errors.length, 1);
  });
});
