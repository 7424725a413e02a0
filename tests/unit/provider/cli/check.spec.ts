// `cognito-feedback check`: an overrides file's problems as file:line:col, and the exit codes.
import assert from "node:assert/strict";
import * as path from "node:path";
import { runInProcess } from "../../../support/cli";

const SAMPLE = path.join(__dirname, "../../../fixtures/overrides/sample.yaml");

/** Runs the command line in process with captured output; files come from `files`, else disk. */
const run = (argv: string[], files: Record<string, string> = {}) => runInProcess(argv, { files });

describe("cognito-feedback check (command line)", () => {
  it("GIVEN a valid overrides file THEN it prints the count and OK and exits 0", async () => {
    const r = await run(["check", "overrides.yaml"], {
      "overrides.yaml":
        "userPoolId: us-east-1_AbC\noverrides:\n  - username: alice\n    eventId: evt-1\n    verdict: invalid\n    reason: Alice was in Lisbon.\n  - username: bob\n    eventId: evt-2\n    verdict: valid\n    reason: Bob confirmed by phone.\n",
    });
    assert.deepEqual(r, { code: 0, stdout: "overrides.yaml: 2 overrides, OK\n", stderr: "" });
  });

  it("GIVEN the sample file THEN it is valid", async () => {
    const r = await run(["check", SAMPLE]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: \d+ overrides?, OK\n$/);
  });

  it("GIVEN a file with problems THEN each goes to stderr as file:line:col; it exits 2", async () => {
    const r = await run(["check", "overrides.yaml"], {
      "overrides.yaml":
        "userPoolId: us-east-1_AbC\noverrides:\n  - username: a\n    eventId: e\n    verdict: none\n    reason: ok\n  - username: b\n    eventId: f\n    verdict: valid\n",
    });
    assert.deepEqual(r, {
      code: 2,
      stdout: "",
      stderr:
        `overrides.yaml:5:5: overrides[0].verdict: verdict "none" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.\n` +
        "overrides.yaml:7:5: overrides[1].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).\n",
    });
  });

  it("GIVEN --tokens-config-key THEN a token in the file is answered with that key", async () => {
    const r = await run(["check", "o.yaml", "--tokens-config-key", "myTokens"], {
      "o.yaml":
        "userPoolId: us-east-1_AbC\noverrides:\n  - username: a\n    eventId: evt-1\n    verdict: valid\n    reason: ok\n    token: x\n",
    });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      `o.yaml:7:5: overrides[0].token: feedback tokens must not be in this file: it is committed to Git, and a token lets anyone give feedback on the event. Remove "token" and store the token as a stack secret instead: pulumi config set --secret --path 'myTokens["evt-1"]' <token>\n`,
    );
  });

  it("GIVEN a file that cannot be read THEN it says so and exits 2", async () => {
    const r = await run(["check", path.join(__dirname, "no-such-file.yaml")]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^cognito-feedback check: cannot read .*no-such-file\.yaml: ENOENT/);
  });
});
