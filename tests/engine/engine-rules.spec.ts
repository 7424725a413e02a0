// The harness checked against the engine's rules (DESIGN.md; reference/pulumi-dynamic-providers.md
// sections 1.2-1.6): a provider that records every call it gets shows what each phase sends.
import assert from "node:assert/strict";
import * as path from "node:path";
import type { RunResult } from "../../harness/engine";
import { isSecret } from "../../harness/properties";
import { StateFile } from "../../harness/state";
import { assertOk, engineFixture, ROOT } from "./support";

const RECORDER = path.join(ROOT, "tests/fixtures/programs/recorder");
const SECRET = "fake-secret-recorder";

interface Call {
  method: string;
  args: Record<string, unknown>[];
}

function calls(result: RunResult): Call[] {
  return result.diagnostics
    .filter((d) => d.message.startsWith("RECORD "))
    .map((d) => JSON.parse(d.message.slice("RECORD ".length)) as Call);
}

function methods(result: RunResult): string[] {
  return calls(result).map((c) => c.method);
}

// Drops __provider, which every call carries, so assertions read as the program's values.
function plain(props: unknown): Record<string, unknown> {
  const { __provider: _ignored, ...rest } = props as Record<string, unknown>;
  return rest;
}

describe("engine: the harness follows the engine's rules (recording provider)", function () {
  this.timeout(60_000);
  const fx = engineFixture();
  const engine = (config: Record<string, string>) =>
    fx.engine({
      programDir: RECORDER,
      config: { key: "k1", value: "v1", ...config },
      secrets: { secretInput: SECRET },
    });

  it("GIVEN a new resource WHEN previewed THEN only Check runs, with olds {} and secrets unwrapped, and preview outputs are the checked inputs", async () => {
    const preview = await engine({}).preview();
    assertOk(preview);
    assert.deepEqual(methods(preview), ["check"]);
    const [olds, news] = calls(preview)[0].args;
    assert.deepEqual(olds, {});
    assert.deepEqual(plain(news), {
      key: "k1",
      value: "v1",
      secretInput: SECRET,
      deleteFirst: false,
    });
    const step = preview.steps.find((s) => s.custom)!;
    assert.deepEqual(plain(step.new!.outputs), plain(step.new!.inputs));
    assert.equal(step.new!.outputs.checked, true, "outputs carry what check added");
    assert.equal(
      preview.outputs.derived,
      "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      "an output-only value is unknown in preview",
    );
  });

  it("GIVEN a create WHEN applied THEN same-named outputs of secret inputs are secret and differently named ones are not", async () => {
    const up = await engine({}).up();
    assertOk(up);
    assert.deepEqual(methods(up), ["check", "check", "create"]);
    const state = up.steps.find((s) => s.custom)!.new!;
    assert.ok(isSecret(state.inputs.secretInput));
    assert.ok(isSecret(state.outputs.secretInput), "secretInput is re-marked secret");
    assert.equal(
      state.outputs.derived,
      `from:${SECRET}`,
      "derived is not (engine: annotateSecrets by key)",
    );
    assert.deepEqual(up.outputs.derived, `from:${SECRET}`);
    assert.deepEqual(
      state.outputs.__provider,
      state.inputs.__provider,
      "the host copies __provider into outputs",
    );
  });

  it("GIVEN an applied resource WHEN a value changes THEN Check gets old inputs, Diff and Update get old outputs", async () => {
    assertOk(await engine({}).up());
    const up = await engine({ value: "v2" }).up();
    assertOk(up);
    assert.deepEqual(methods(up), ["check", "diff", "check", "diff", "update"]);
    const [check, diff, , , update] = calls(up);
    assert.equal(check.args[0].checked, true, "Check's olds are the old checked inputs");
    assert.equal(check.args[0].derived, undefined);
    assert.equal(diff.args[0], "id-k1");
    assert.equal(diff.args[1].derived, `from:${SECRET}`, "Diff's olds are the old outputs");
    assert.equal(diff.args[1].checked, undefined);
    assert.equal(update.args[1].derived, `from:${SECRET}`, "Update's olds are the old outputs");
    assert.equal(update.args[2].value, "v2");
  });

  it("GIVEN a replace-triggering change WHEN applied THEN Check runs again with olds {}, then Create the new, then Delete the old with its outputs", async () => {
    assertOk(await engine({}).up());
    const up = await engine({ key: "k2" }).up({ skipPreview: true });
    assertOk(up);
    assert.deepEqual(methods(up), ["check", "diff", "check", "create", "delete"]);
    const [, , recheck, create, del] = calls(up);
    assert.deepEqual(recheck.args[0], {});
    assert.equal(create.args[0].key, "k2");
    assert.equal(del.args[0], "id-k1");
    assert.equal(del.args[1].derived, `from:${SECRET}`, "Delete gets the old outputs");
    assert.deepEqual(up.steps.find((s) => s.custom)?.replaceReasons, ["key"]);
  });

  it("GIVEN the old half of a replacement left in state by an interrupted run WHEN up runs THEN it is deleted once, and the live resource is unchanged", async () => {
    assertOk(await engine({}).up());
    // What a crash between the replacement's Create and the old resource's Delete leaves behind.
    const file = StateFile.open(
      path.join(fx.dir, "state.json"),
      "recorder",
      "dev",
      "engine-test-passphrase",
    );
    const live = file.state.resources.find((r) => r.custom)!;
    file.state.resources = [...file.state.resources, { ...live, id: "id-old", delete: true }];
    file.save();

    const up = await engine({}).up({ skipPreview: true });
    assertOk(up);
    assert.deepEqual(methods(up), ["check", "diff", "delete"]);
    assert.equal(calls(up)[2].args[0], "id-old");
    assert.deepEqual(
      up.steps.filter((s) => s.custom).map((s) => s.op),
      ["same"],
    );
    const after = StateFile.open(
      path.join(fx.dir, "state.json"),
      "recorder",
      "dev",
      "engine-test-passphrase",
    );
    assert.deepEqual(
      after.state.resources.filter((r) => r.custom).map((r) => [r.id, r.delete]),
      [["id-k1", undefined]],
    );
  });

  it("GIVEN deleteBeforeReplace WHEN a replace is applied THEN Delete runs before Create", async () => {
    assertOk(await engine({ deleteFirst: "true" }).up());
    const up = await engine({ key: "k2", deleteFirst: "true" }).up({ skipPreview: true });
    assertOk(up);
    assert.deepEqual(methods(up), ["check", "diff", "check", "delete", "create"]);
  });

  it("GIVEN an applied resource WHEN refreshed THEN Read gets the outputs, and what it returns replaces outputs and inputs", async () => {
    assertOk(await engine({}).up());
    const refresh = await engine({}).refresh();
    assertOk(refresh);
    assert.deepEqual(methods(refresh), ["read"]);
    assert.equal(calls(refresh)[0].args[1].derived, `from:${SECRET}`);
    const step = refresh.steps.find((s) => s.custom)!;
    assert.equal(step.op, "update");
    assert.deepEqual(step.diffKeys, ["value"]);
    assert.equal(step.new!.outputs.value, "changed-outside");
    assert.equal(step.new!.inputs.value, "changed-outside");
    assert.ok(isSecret(step.new!.outputs.secretInput), "secrets stay marked after a read");
  });

  it("GIVEN a failing check WHEN up runs THEN nothing is created and the failure names the property", async () => {
    const up = await engine({ value: "invalid" }).up();
    assert.equal(up.ok, false);
    assert.deepEqual(methods(up), ["check"]);
    assert.ok(
      up.diagnostics.some((d) =>
        d.message.endsWith("property value has a problem: value must not be invalid"),
      ),
    );
  });

  it("GIVEN an applied stack WHEN destroyed THEN Delete gets each resource's stored outputs", async () => {
    assertOk(await engine({}).up());
    const destroy = await engine({}).destroy();
    assertOk(destroy);
    assert.deepEqual(methods(destroy), ["delete"]);
    assert.equal(calls(destroy)[0].args[1].key, "k1");
  });
});
