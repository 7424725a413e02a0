// The documented shell blocks that need the Pulumi CLI, run as written with the real CLI
// (scripts/pulumi's) first on PATH; tests/integration/readme-blocks.spec.ts checks every block's
// marker and runs the others.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  AdminListUserAuthEventsCommand,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { REPO_ROOT } from "../support/pack";
import { describeBlockRuns, type BlockCheck } from "../support/readme-block-specs";
import { demoAdminCredential, STACK } from "../support/shell-blocks";
import { onCli } from "./support";
import { PULUMI_SCRIPT } from "../../scripts/pulumi-cli";

/** The demo seed's event of alice that the README's blocks judge, and its made-up token. */
const EVENT = "7875548a-bd00-490a-93b8-fa36fe42a3e0";
const TOKEN = "fake-token-alice-1";

const CHECKS: BlockCheck[] = [
  {
    // "the emulator now holds Invalid": ask the emulator the block started (still running).
    first: "npm run -s emulator -- --port 4566",
    async check(run) {
      assert.match(run.stdout, /\+ 2 created/); // the stack and the verdict
      assert.match(run.stdout, /- 2 deleted/);
      const client = new CognitoIdentityProviderClient({
        endpoint: "http://127.0.0.1:4566",
        region: "us-east-1",
        credentials: demoAdminCredential(),
      });
      const listed = await client
        .send(
          new AdminListUserAuthEventsCommand({
            UserPoolId: "us-east-1_DemoPool1",
            Username: "alice",
          }),
        )
        .finally(() => client.destroy());
      const event = listed.AuthEvents?.find((e) => e.EventId === EVENT);
      assert.equal(event?.EventFeedback?.FeedbackValue, "Invalid");
    },
  },
  {
    // The token is stored encrypted in the stack's config file, never in clear.
    first: "pulumi config set --secret --path",
    check(_run, { dir }) {
      const config = fs.readFileSync(path.join(dir, `Pulumi.${STACK}.yaml`), "utf8");
      assert.match(config, new RegExp(`${EVENT}"?:\\s+secure: `));
      assert.ok(!config.includes(TOKEN), config);
    },
  },
  {
    // The comment and the full review are written; the preview planned the file's three creates.
    first: "pulumi preview --json > preview.json",
    check(_run, { dir }) {
      const comment = fs.readFileSync(path.join(dir, "comment.md"), "utf8");
      assert.match(comment, /^## Cognito auth-event feedback: preview review\n/);
      assert.match(comment, /<strong>Create \(3\)<\/strong>/);
      assert.ok(fs.existsSync(path.join(dir, "review-full.md")));
    },
  },
];

describe(onCli("the documented shell blocks"), () => {
  let binDir: string | undefined;
  describeBlockRuns(path.relative(REPO_ROOT, __filename), {
    timeoutMs: 300_000,
    checks: CHECKS,
    pulumiBinDir: () => {
      if (binDir !== undefined) return binDir;
      const found = spawnSync(PULUMI_SCRIPT, ["--print-bin-dir"], { encoding: "utf8" });
      if (found.status !== 0) throw new Error(`scripts/pulumi --print-bin-dir: ${found.stderr}`);
      binDir = found.stdout.trim();
      return binDir;
    },
  });
});
