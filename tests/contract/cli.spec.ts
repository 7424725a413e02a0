// The emulator's command line (`npm run -s emulator`) as a child process: the URL it prints, the
// SDK it serves, its log on stderr, seed files with problems, fault flags, and SIGTERM.
import * as assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";
import {
  AdminListUserAuthEventsCommand,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { alive } from "../support/process";
import { demoSeed } from "../support/seeds";

const REPO_ROOT = path.resolve(__dirname, "../..");

/** Starts the CLI exactly as `npm run -s emulator -- <args>` does, from the repository root. */
function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
    { cwd: REPO_ROOT, stdio: "pipe" },
  );
}

function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

function collect(stream: NodeJS.ReadableStream): () => string {
  let text = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => (text += chunk));
  return () => text;
}

describe("CLI (npm run -s emulator)", function () {
  // Each spawn compiles TypeScript on the fly; allow for a slow machine.
  this.timeout(20000);
  let child: ChildProcessWithoutNullStreams | undefined;

  afterEach(async () => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited(child);
    }
    child = undefined;
  });

  // The first stdout line is the URL; it serves the SDK, logs to stderr without secrets, and
  // SIGTERM stops it with exit 0.
  it("GIVEN --port 0 and the demo seed THEN it serves on the URL it prints, to SIGTERM", async () => {
    const proc = spawnCli(["--port", "0", "--seed", "emulator/seeds/demo.yaml"]);
    child = proc;
    const stderr = collect(proc.stderr);
    const lines = createInterface({ input: proc.stdout });
    const firstLine = await new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      proc.once("exit", (code) => reject(new Error(`CLI exited with ${code}: ${stderr()}`)));
    });
    assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+$/);

    const client = new CognitoIdentityProviderClient({
      endpoint: firstLine,
      region: "us-east-1",
      maxAttempts: 1,
      credentials: demoSeed().admin,
    });
    try {
      const out = await client.send(
        new AdminListUserAuthEventsCommand({
          UserPoolId: "us-east-1_DemoPool1",
          Username: "alice",
          MaxResults: 1,
        }),
      );
      assert.equal(out.AuthEvents?.length, 1);
    } finally {
      client.destroy();
    }

    assert.ok(proc.kill("SIGTERM"));
    const { code, signal } = await exited(proc);
    lines.close();
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
    assert.ok(proc.pid !== undefined && !alive(proc.pid), "the emulator process is still running");
    assert.match(stderr(), /POST AdminListUserAuthEvents 200 [\d.]+ms/);
    assert.ok(!stderr().includes("alice"), "the log must not contain the username");
    assert.match(stderr(), /SIGTERM received/);
  });

  describe("GIVEN a seed file with problems", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), "emulator-seed-"));
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it("THEN it prints every problem on stderr, nothing on stdout, and exits 2", async () => {
      const file = path.join(dir, "bad.yaml");
      writeFileSync(
        file,
        [
          "userPools:",
          "  - id: us-east-1_Bad1",
          "    threatProtection: ENFORCED",
          "    featurePlan: LITE",
          "    users:",
          "      - username: alice",
          "        events:",
          "          - eventId: e1",
        ].join("\n"),
      );
      const proc = spawnCli(["--seed", file]);
      child = proc;
      const stdout = collect(proc.stdout);
      const stderr = collect(proc.stderr);
      const { code } = await exited(proc);
      assert.equal(code, 2, stderr());
      assert.equal(stdout(), "");
      assert.match(stderr(), /has 2 problems/);
      assert.match(
        stderr(),
        /bad\.yaml:8:\d+ userPools\[0\]\.users\[0\]\.events\[0\]: missing required field "creationDate"/,
      );
      assert.match(
        stderr(),
        /bad\.yaml:4:\d+ userPools\[0\]\.featurePlan: threat protection ENFORCED needs the PLUS feature plan/,
      );
    });
  });

  describe("GIVEN fault flags", () => {
    it("THEN the summary names the faults and the quota answers like Cognito", async () => {
      const proc = spawnCli([
        "--port",
        "0",
        "--quiet",
        "--quotas",
        "UserResourceRead=1",
        "--latency",
        "1..3",
        "--fault-seed",
        "9",
      ]);
      child = proc;
      const stdout = collect(proc.stdout);
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: proc.stdout }).once("line", resolve);
        proc.once("exit", (code) => reject(new Error(`CLI exited with ${code}`)));
      });
      const client = new CognitoIdentityProviderClient({
        endpoint: url,
        region: "us-east-1",
        maxAttempts: 1,
        credentials: demoSeed().admin,
      });
      const list = () =>
        client.send(
          new AdminListUserAuthEventsCommand({
            UserPoolId: "us-east-1_DemoPool1",
            Username: "alice",
          }),
        );
      try {
        await list();
        await assert.rejects(list(), {
          name: "TooManyRequestsException",
          message: "Rate exceeded",
        });
      } finally {
        client.destroy();
      }
      assert.match(
        stdout(),
        /^Simulated faults \(seed 9\): quotas UserResourceRead 1\/s; latency 1\.\.3 ms\.$/m,
      );
    });

    it("THEN a bad value exits 2 naming the flag", async () => {
      const proc = spawnCli(["--drop-rate", "2"]);
      child = proc;
      const stderr = collect(proc.stderr);
      const { code } = await exited(proc);
      assert.equal(code, 2);
      assert.match(
        stderr(),
        /option '--drop-rate <rate>' argument '2' is invalid\. expected a number from 0 to 1, e\.g\. 0\.05\./,
      );
    });
  });
});
