// The shell blocks of README.md and docs/*.md: every one carries a marker that says how it is
// covered (tests/support/markdown-blocks.ts), and this spec runs, as written, those that need no
// Pulumi CLI; tests/engine/readme-blocks.spec.ts runs the others.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { commandsNotRunBy } from "../support/markdown-blocks";
import { REPO_ROOT } from "../support/pack";
import { describeBlockRuns } from "../support/readme-block-specs";
import { documentedShellBlocks, RUNNER_SPECS } from "../support/shell-blocks";

describe("GIVEN the shell blocks of README.md and docs/*.md", () => {
  const blocks = documentedShellBlocks();
  const exists = (p: string) => fs.existsSync(path.join(REPO_ROOT, p));

  it("WHEN listed THEN each has one marker saying how it is covered", () => {
    assert.ok(blocks.length > 0, "no shell block found");
    assert.deepEqual(
      blocks.flatMap((b) => b.problem ?? []),
      [],
    );
  });

  it("WHEN a marker names a spec or a test THEN that file exists", () => {
    const named = blocks.flatMap((b) =>
      b.coverage?.kind === "run" || b.coverage?.kind === "covered"
        ? [{ at: `${b.file}:${b.line}`, kind: b.coverage.kind, by: b.coverage.by }]
        : [],
    );
    assert.deepEqual(
      named.filter(({ by }) => !exists(by)),
      [],
    );
    assert.deepEqual(
      named.filter(
        (n) => n.kind === "run" && n.by.endsWith(".spec.ts") && !RUNNER_SPECS.includes(n.by),
      ),
      [],
      "`run by` names a spec that runs no block; `covered by` is for other tests",
    );
  });

  it("WHEN run by a script such as .ci/run THEN the script runs its commands in order", () => {
    const missing = blocks.flatMap((b) => {
      const by = b.coverage?.kind === "run" ? b.coverage.by : "";
      if (by === "" || by.endsWith(".spec.ts")) return [];
      const script = fs.readFileSync(path.join(REPO_ROOT, by), "utf8");
      return commandsNotRunBy(b, script).map((c) => `${b.file}:${b.line}: ${by} does not run ${c}`);
    });
    assert.deepEqual(missing, []);
  });
});

// Started together: the blocks are mostly waiting (npm, a server starting), and the tier is timed.
describeBlockRuns(path.relative(REPO_ROOT, __filename), { timeoutMs: 120_000, concurrent: true });
