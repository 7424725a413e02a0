// The harness's command line, run in process: the plan it prints, the preview JSON it writes, and
// the usage errors a user reads.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { harnessCommand } from "../../harness/cli";
import { withEnv } from "../support/env";
import { BASIC, basicConfig, engineFixture, TOKENS } from "./support";

// Runs `harness <argv>` and returns what it printed on stdout and stderr.
async function run(argv: string[]): Promise<{ out: string; err: string; rejected?: Error }> {
  let out = "";
  let err = "";
  const log = console.log;
  console.log = (...a: unknown[]) => (out += `${a.map(String).join(" ")}\n`);
  const program = harnessCommand();
  for (const cmd of [program, ...program.commands]) {
    cmd.configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return { out, err };
  } catch (e) {
    return { out, err, rejected: e as Error };
  } finally {
    console.log = log;
  }
}

const configFlags = Object.entries(basicConfig()).flatMap(([k, v]) => ["-c", `${k}=${v}`]);

describe("engine: the harness command line", function () {
  this.timeout(60_000);
  const fx = engineFixture();

  it("GIVEN preview with --json WHEN run THEN it prints the plan and writes the preview JSON, the secret read from the environment and never shown", async () => {
    const json = path.join(fx.dir, "preview.json");
    const { out, rejected } = await withEnv({ HARNESS_TEST_TOKEN: TOKENS.first }, () =>
      run([
        "preview",
        "-C",
        BASIC,
        ...configFlags,
        "--secret-env",
        "feedbackToken=HARNESS_TEST_TOKEN",
        "--state",
        path.join(fx.dir, "state.json"),
        "--json",
        json,
      ]),
    );
    assert.equal(rejected, undefined);
    assert.match(
      out,
      /^Previewing update \(dev\) with the harness test engine \(not the Pulumi CLI\)$/m,
    );
    assert.match(out, /^ {6}\+ feedbackToken: \[secret\]$/m);
    const digest = JSON.parse(fs.readFileSync(json, "utf8")) as {
      steps: { op: string; urn: string }[];
      changeSummary: unknown;
    };
    assert.deepEqual(
      digest.steps.map((s) => s.op),
      ["create", "create"],
    );
    assert.deepEqual(digest.changeSummary, { create: 2 });
    assert.ok(!out.includes(TOKENS.first) && !fs.readFileSync(json, "utf8").includes(TOKENS.first));
  });

  it("GIVEN --secret-env naming an unset variable WHEN run THEN it stops before starting anything, naming the variable", async () => {
    const { rejected } = await withEnv({ HARNESS_TEST_UNSET: undefined }, () =>
      run(["preview", "-C", BASIC, "--secret-env", "feedbackToken=HARNESS_TEST_UNSET"]),
    );
    assert.equal(
      rejected?.message,
      "--secret-env feedbackToken=HARNESS_TEST_UNSET: the environment variable HARNESS_TEST_UNSET is not set",
    );
  });

  it("GIVEN --config without '=' WHEN run THEN it is a usage error that shows the expected form", async () => {
    const { err, rejected } = await run(["preview", "-C", BASIC, "-c", "userPoolId"]);
    assert.equal((rejected as { exitCode?: number } | undefined)?.exitCode, 1);
    assert.match(err, /--config takes KEY=VALUE, got "userPoolId"/);
  });
});
