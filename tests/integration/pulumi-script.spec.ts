// scripts/pulumi: which Pulumi CLI it runs. A fake `pulumi` on PATH stands for a user's own CLI;
// the pinned one comes from the cache the demo or an earlier test built.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/pulumi");
const PINNED = fs.readFileSync(path.join(ROOT, "scripts/pulumi-build/VERSION"), "utf8").trim();

describe("scripts/pulumi: the CLI it runs", function () {
  // The first call may build the pinned CLI (minutes) on a machine without the cache.
  this.timeout(900_000);
  let bin = "";

  beforeEach(() => {
    bin = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-fake-pulumi-"));
  });
  afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

  function run(ambient: string, env: Record<string, string> = {}) {
    const fake = path.join(bin, "pulumi");
    fs.writeFileSync(fake, `#!/bin/sh\necho ${ambient}\n`, { mode: 0o755 });
    const result = spawnSync(SCRIPT, ["version"], {
      encoding: "utf8",
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, ...env },
    });
    return { fake, status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
  }

  it("GIVEN a pulumi on PATH at or above the pinned version THEN that one runs", () => {
    const { status, stdout } = run("v3.300.0");
    assert.equal(status, 0);
    assert.equal(stdout, "v3.300.0");
  });

  it("GIVEN an older pulumi on PATH THEN it is skipped, with a reason; the pinned runs", () => {
    const { fake, status, stdout, stderr } = run("v3.100.0");
    assert.equal(status, 0);
    assert.equal(stdout, `v${PINNED}`);
    assert.ok(
      stderr.includes(
        `scripts/pulumi: ignoring ${fake} (v3.100.0): this project needs ${PINNED} or later`,
      ),
      stderr,
    );
  });

  it("GIVEN PULUMI_COGNITO_FEEDBACK_BUILD=1 THEN the pinned one runs, PATH or not", () => {
    const { status, stdout } = run("v3.300.0", { PULUMI_COGNITO_FEEDBACK_BUILD: "1" });
    assert.equal(status, 0);
    assert.equal(stdout, `v${PINNED}`);
  });
});
