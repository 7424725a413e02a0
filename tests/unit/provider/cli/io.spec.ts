import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { processIo } from "../../../../provider/cli/io";

describe("GIVEN the real process's file I/O", () => {
  let dir = "";
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), "cli-io-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("WHEN a file is replaced THEN it holds the new text and no temporary file is left", () => {
    const file = path.join(dir, "sweep.json");
    writeFileSync(file, "old");
    const io = processIo();
    io.replaceFile?.(file, "new");
    assert.equal(readFileSync(file, "utf8"), "new");
    assert.deepEqual(readdirSync(dir), ["sweep.json"]);
  });
});
