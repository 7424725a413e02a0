// The real engine's rules that a reader of the SDK would guess wrong
// (docs/engine-rules.md), each pinned with a provider that records every call and its host's pid.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiStack } from "../../scripts/pulumi-cli";
import { assertFailed, assertOk, engineFixture, errors, onCli, ROOT } from "./support";

const RECORDER = path.join(ROOT, "tests/fixtures/programs/recorder");
const SECRET = "fake-secret-recorder";

interface Call {
  method: string;
  pid: number;
  args: Record<string, unknown>[];
}

describe(onCli("the engine's rules, recorded"), function () {
  this.timeout(120_000);
  const fx = engineFixture();
  let record = "";
  let stack: PulumiStack;

  /** The calls recorded since the last `take()`. */
  function take(): Call[] {
    if (!fs.existsSync(record)) return [];
    const calls = fs
      .readFileSync(record, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Call);
    fs.rmSync(record);
    return calls;
  }
  /** Method names grouped by host process, in the order the hosts started. */
  const byHost = (calls: Call[]): string[][] => {
    const hosts = new Map<number, string[]>();
    for (const c of calls) hosts.set(c.pid, [...(hosts.get(c.pid) ?? []), c.method]);
    return [...hosts.values()];
  };

  beforeEach(async () => {
    record = path.join(fx.dir, "calls.jsonl");
    stack = await fx.stack({
      programDir: RECORDER,
      config: { key: "k1", value: "v1", knob: "1" },
      secrets: { secretInput: SECRET },
      env: { RECORD_FILE: record },
    });
  });

  it("up: the preview and the update each run in their own host, configured in each", async () => {
    assertOk(await stack.up());
    assert.deepEqual(byHost(take()), [
      ["configure", "check"],
      ["configure", "check", "create"],
    ]);
  });

  it("refresh: a refresh preview, then the refresh, each calling Read and Diff", async () => {
    assertOk(await stack.up());
    take();
    assertOk(await stack.refresh());
    assert.deepEqual(byHost(take()), [
      ["configure", "read", "diff"],
      ["configure", "read", "diff"],
    ]);
    assertOk(await stack.refresh(["--skip-preview"]));
    assert.deepEqual(byHost(take()), [["configure", "read", "diff"]], "one pass when skipped");
  });

  it("refresh and destroy: configured with the config stored at the last up", async () => {
    assertOk(await stack.up());
    await stack.setConfig("knob", "2");
    take();
    assertOk(await stack.refresh(["--skip-preview"]));
    const refreshed = take().filter((c) => c.method === "configure");
    assert.deepEqual(
      refreshed.map((c) => c.args[0].knob),
      ["1"],
    );
    assertOk(await stack.destroy(["--skip-preview"]));
    assert.deepEqual(
      take()
        .filter((c) => c.method === "configure")
        .map((c) => c.args[0].knob),
      ["1"],
    );
  });

  it("a failed check: the raw value printed; the first invalid resource stops it", async () => {
    await stack.setConfig("value", "invalid");
    await stack.setConfig("second", "true");
    const up = await stack.up(["--continue-on-error"]);
    assertFailed(up);
    // Both resources are invalid; whichever registers first stops the deployment.
    assert.equal(errors(up).length, 1, errors(up).join("\n"));
    assert.match(
      errors(up)[0],
      /^pulumi-nodejs:dynamic:Resource resource '(thing|second)': property value value \{invalid\} has a problem: value must not be invalid$/,
    );
    assert.deepEqual(
      take()
        .filter((c) => c.method !== "configure")
        .map((c) => c.method),
      ["check"],
      "the other resource is never checked",
    );
  });

  it("same: a value made secret later is re-marked secret, so stored encrypted", async () => {
    assertOk(await stack.up());
    await stack.setConfig("noteSecret", "true");
    assertOk(await stack.up());
    const thing = (await stack.exportState()).deployment.resources?.find((r) =>
      r.urn.endsWith("::thing"),
    );
    assert.ok(
      typeof thing?.outputs?.note === "object",
      `note is stored as ${JSON.stringify(thing?.outputs?.note)}`,
    );
    assert.ok(!stack.backendText().includes('"note": "n1"'));
  });
});
