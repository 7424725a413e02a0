// No secret in any excerpt: a YAML syntax error on a line holding a token never prints the token,
// not from `cognito-feedback check`, not in the component's error, not in the review comment.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AuthEventFeedbackSet } from "../../../provider";
import { runInProcess } from "../../support/cli";
import { recordingMocks } from "../../support/mocks";

/** Obviously fake: a JWT's shape with the payload "fake" and the signature "fake-sig". */
const FAKE_JWT = "eyJhbGciOiJIUzI1NiJ9.ZmFrZQ.ZmFrZS1zaWc";

// Line 6 is not valid YAML (a second ": " in a plain value), and it holds the token.
const BROKEN = [
  "userPoolId: us-east-1_AbC",
  "overrides:",
  "  - username: alice",
  "    eventId: evt-1",
  "    verdict: invalid",
  `    reason: pasted ${FAKE_JWT}: by mistake`,
  "",
].join("\n");

const SYNTAX_PROBLEM = (file: string) =>
  `${file}:6:13: (syntax): Nested mappings are not allowed in compact mappings; fix the YAML (or JSON) syntax of ${file}.\n` +
  "    | <line 6 withheld: it looks like a secret>";

describe("no secret in any excerpt", () => {
  it("GIVEN a syntax error on a line holding a JWT WHEN checked THEN it is withheld", async () => {
    const r = await runInProcess(["check", "overrides.yaml"], {
      files: { "overrides.yaml": BROKEN },
    });
    assert.deepEqual(r, { code: 2, stdout: "", stderr: `${SYNTAX_PROBLEM("overrides.yaml")}\n` });
  });

  describe("the component and the review", () => {
    let dir: string;
    let componentError = "";
    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "excerpts-"));
      writeFileSync(path.join(dir, "overrides.yaml"), BROKEN);
      await recordingMocks();
      try {
        new AuthEventFeedbackSet("security-overrides", { file: path.join(dir, "overrides.yaml") });
      } catch (err) {
        componentError = (err as Error).message;
      }
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("GIVEN the same file WHEN the component loads it THEN its error withholds it", () => {
      const file = path.relative(process.cwd(), path.join(dir, "overrides.yaml"));
      const shown = file.startsWith("..") ? path.join(dir, "overrides.yaml") : file;
      assert.equal(
        componentError,
        `${shown} has 1 problem:\n  ${SYNTAX_PROBLEM(shown).replace("\n", "\n  ")}`,
      );
    });

    it("GIVEN a preview failing with that error, or quoting the line THEN no token shows", async () => {
      const preview = {
        steps: [],
        diagnostics: [
          {
            urn: "urn:pulumi:dev::gitops::pulumi:pulumi:Stack::gitops-dev",
            message: `error: Running program failed with an unhandled exception:\n${componentError}\n`,
            severity: "error",
          },
          {
            urn: "urn:pulumi:dev::gitops::pulumi:pulumi:Stack::gitops-dev",
            message: `error: index.ts(3,7): const token = "${FAKE_JWT}";\n`,
            severity: "error",
          },
        ],
      };
      const r = await runInProcess(["review", "-"], { stdin: JSON.stringify(preview) });
      assert.equal(r.code, 1);
      assert.ok(!r.stdout.includes(FAKE_JWT), r.stdout);
      assert.ok(!r.stdout.includes("ZmFrZS1zaWc"), r.stdout);
      assert.match(r.stdout, /&lt;line 6 withheld: it looks like a secret&gt;/);
      assert.match(
        r.stdout,
        /- `gitops-dev`: index\.ts\(3,7\): const token = "&lt;withheld: it looks like a secret&gt;";/,
      );
    });
  });
});
