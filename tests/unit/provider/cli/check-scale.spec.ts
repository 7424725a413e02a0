// `cognito-feedback check` at scale: a 50,000-entry file is checked, and a broken one prints a
// capped report (the first problems, then how many there are in all). How long each takes is
// measured by `npm run bench:check` (bench/check-results.json), not here: a timed test on a
// shared machine fails for the machine's load, not for the code.
import assert from "node:assert/strict";
import { OverridesError, parseOverrides } from "../../../../provider/gitops/overrides";
import { bigOverridesFile } from "../../../../bench/big-overrides";
import { runInProcess } from "../../../support/cli";

const ENTRIES = 50_000;
const PROBLEMS = 87_500; // 3 per even entry, 1 duplicate per fourth (see bigOverridesFile)

const check = (text: string, ...flags: string[]) =>
  runInProcess(["check", "o.yaml", ...flags], { files: { "o.yaml": text } });

describe("cognito-feedback check at 50,000 entries", function () {
  this.timeout(120_000);
  const valid = bigOverridesFile(ENTRIES);
  const broken = bigOverridesFile(ENTRIES, "broken");

  it("GIVEN a valid 50,000-entry file THEN it is OK", async () => {
    const r = await check(valid);
    assert.deepEqual(r, { code: 0, stdout: "o.yaml: 50000 overrides, OK\n", stderr: "" });
  });

  it("GIVEN a broken one THEN it prints the first 100 problems and the total", async () => {
    const r = await check(broken);
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(r.code, 2);
    assert.equal(lines.length, 101);
    assert.equal(
      lines[0],
      `o.yaml:5:5: overrides[0].verdict: verdict "maybe" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.`,
    );
    assert.equal(
      lines[100],
      `... and 87,400 more (87,500 problems in all); list them all with: cognito-feedback check o.yaml --max-problems ${PROBLEMS}`,
    );
  });

  // A 1,000-entry broken file has 1,750 problems.
  const caps: [string, string[], number, string | undefined][] = [
    ["--max-problems 3", ["--max-problems", "3"], 3, "... and 1,747 more (1,750 problems in all)"],
    ["--max-problems 1750", ["--max-problems", "1750"], 1_750, undefined],
  ];
  for (const [name, flags, shown, last] of caps) {
    it(`GIVEN 1,750 problems and ${name} THEN ${shown} are printed${last === undefined ? ", nothing more" : ", then the count"}`, async () => {
      const small = bigOverridesFile(1_000, "broken");
      const lines = (await check(small, ...flags)).stderr.trimEnd().split("\n");
      assert.equal(lines.length, shown + (last === undefined ? 0 : 1));
      if (last !== undefined) assert.ok(lines[lines.length - 1].startsWith(last));
    });
  }

  it("GIVEN --max-problems 0 THEN it is a usage error naming the flag and its range", async () => {
    const r = await check(valid.slice(0, 200), "--max-problems", "0");
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^error: option '--max-problems <n>' argument '0' is invalid\. it must be a whole number, 1 or more\.\n/,
    );
  });

  it("WHEN the component loads the broken file THEN it lists 100 and counts the rest", () => {
    const result = parseOverrides(broken, "overrides.yaml");
    assert.ok(!result.ok);
    assert.equal(result.problems.length, PROBLEMS);
    const lines = new OverridesError("overrides.yaml", result.problems).message.split("\n");
    assert.equal(lines[0], "overrides.yaml has 87500 problems:");
    assert.equal(lines.length, 1 + 100 + 1);
    assert.equal(
      lines[101],
      "  ... and 87,400 more (87,500 problems in all); list them all with: cognito-feedback check overrides.yaml --max-problems 87500",
    );
  });
});
