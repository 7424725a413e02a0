// The harness's state file: secrets encrypted on disk, readable only with the passphrase.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { secret } from "../../harness/properties";
import { StateFile } from "../../harness/state";
import { withEnv } from "../support/env";

const TOKEN = "fake-token-state-test";

describe("harness state file", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-state-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(passphrase: string | undefined): string {
    const file = path.join(dir, "s.json");
    const state = StateFile.open(file, "p", "dev", passphrase);
    state.state.resources.push({
      urn: "urn:x",
      type: "t",
      custom: true,
      id: "i",
      inputs: { token: secret(TOKEN), list: [secret(1)] },
      outputs: { v: "plain" },
    });
    state.save();
    return file;
  }

  it("GIVEN a secret WHEN saved THEN the file holds ciphertext only, and reopening restores the value", () => {
    const file = write("pass-1");
    const text = fs.readFileSync(file, "utf8");
    assert.ok(!text.includes(TOKEN));
    assert.equal((fs.statSync(file).mode & 0o777).toString(8), "600");
    const reopened = StateFile.open(file, "p", "dev", "pass-1");
    assert.deepEqual(reopened.state.resources[0].inputs, {
      token: secret(TOKEN),
      list: [secret(1)],
    });
    assert.deepEqual(reopened.state.resources[0].outputs, { v: "plain" });
  });

  it("GIVEN a saved state WHEN one entry is replaced and it is saved again THEN only that entry is written anew, and the text is JSON.stringify's, indented by 2", () => {
    const file = write("pass-1");
    const state = StateFile.open(file, "p", "dev", "pass-1");
    const first = state.state.resources[0];
    state.state.resources.push({ ...first, urn: "urn:y", inputs: { token: secret(TOKEN) } });
    const before = state.serialize();
    state.state.resources[1] = { ...first, urn: "urn:y", outputs: { v: "changed" } };
    const after = state.serialize();
    const ciphertexts = (text: string) => text.match(/"v1:[^"]+"/g) ?? [];
    // The unchanged entry keeps its ciphertexts (no new encryption); the replaced one is new.
    assert.deepEqual(ciphertexts(after).slice(0, 2), ciphertexts(before).slice(0, 2));
    assert.notEqual(ciphertexts(after)[2], ciphertexts(before)[2]);
    const parsed = JSON.parse(after) as { resources: { urn: string; outputs: unknown }[] };
    assert.equal(after, `${JSON.stringify(parsed, null, 2)}\n`);
    assert.deepEqual(
      parsed.resources.map((r) => [r.urn, r.outputs]),
      [
        ["urn:x", { v: "plain" }],
        ["urn:y", { v: "changed" }],
      ],
    );
  });

  it("GIVEN the wrong passphrase WHEN opened THEN it says the passphrase is not the one used", () => {
    const file = write("pass-1");
    assert.throws(() => StateFile.open(file, "p", "dev", "pass-2"), {
      message:
        "cannot decrypt the state file's secrets: the passphrase (PULUMI_CONFIG_PASSPHRASE) is not the one it was written with",
    });
  });

  it("GIVEN no passphrase anywhere WHEN a secret is saved THEN it refuses and says what to set", async () => {
    await withEnv(
      { PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined },
      () => {
        assert.throws(() => write(undefined), {
          message:
            "the state holds secrets, which the harness encrypts with a passphrase like Pulumi's passphrase secrets provider: set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE",
        });
        return Promise.resolve();
      },
    );
  });

  it("GIVEN a file that is not a harness state WHEN opened THEN it says so", () => {
    const file = path.join(dir, "other.json");
    fs.writeFileSync(file, JSON.stringify({ version: 3, checkpoint: {} }));
    assert.throws(() => StateFile.open(file, "p", "dev", "x"), {
      message: `${file} is not a harness state file (version 1)`,
    });
  });
});
