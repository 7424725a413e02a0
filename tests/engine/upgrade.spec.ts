// The serialized provider in state is a thin loader: state written with one build of the
// implementation is refreshed and deleted by whatever build is installed later.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { BUDGETS } from "../../bench/report";
import { assertOk, basicConfig, BASIC, engineFixture, ROOT, TOKENS } from "./support";

const PACKAGE = "pulumi-cognito-auth-event-feedback";

// A program directory with its own installed copy of the package (inside the repository, so that
// @pulumi/pulumi resolves from the repository's node_modules, as in a user's project).
function installedProgram(): { dir: string; implementation: string } {
  const dir = fs.mkdtempSync(path.join(ROOT, ".pulumi-harness", "upgrade-"));
  for (const file of ["Pulumi.yaml", "index.ts"])
    fs.copyFileSync(path.join(BASIC, file), path.join(dir, file));
  const pkg = path.join(dir, "node_modules", PACKAGE);
  fs.mkdirSync(pkg, { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(pkg, "package.json"));
  fs.cpSync(path.join(ROOT, "dist"), path.join(pkg, "dist"), { recursive: true });
  return { dir, implementation: path.join(pkg, "dist", "implementation.js") };
}

describe("engine: provider code in state is a thin loader of the installed package", function () {
  this.timeout(60_000);
  const fx = engineFixture();
  let program: { dir: string; implementation: string };

  beforeEach(() => {
    fs.mkdirSync(path.join(ROOT, ".pulumi-harness"), { recursive: true });
    program = installedProgram();
  });
  afterEach(() => fs.rmSync(program.dir, { recursive: true, force: true }));

  it("GIVEN state written by build 1 WHEN build 2 is installed THEN refresh and destroy run build 2's code with the stored provider text", async () => {
    const engine = () =>
      fx.engine({
        programDir: program.dir,
        config: basicConfig(),
        secrets: { feedbackToken: TOKENS.first },
      });
    assertOk(await engine().up());
    const written = JSON.parse(fx.stateText()) as {
      resources: { outputs: { __provider?: string } }[];
    };
    const storedText = written.resources[1].outputs.__provider!;
    assert.ok(
      !storedText.includes(program.dir) && !storedText.includes(ROOT),
      "no machine path in state",
    );

    // Build 2: the same implementation, announcing itself from read and delete.
    fs.appendFileSync(
      program.implementation,
      `\nfor (const m of ["read", "delete"]) { const f = exports[m]; exports[m] = (...a) => { console.log("implementation build 2: " + m); return f(...a); }; }\n`,
    );

    const refresh = await engine().refresh();
    assertOk(refresh);
    assert.ok(refresh.diagnostics.some((d) => d.message === "implementation build 2: read"));
    const destroy = await engine().destroy();
    assertOk(destroy);
    assert.ok(destroy.diagnostics.some((d) => d.message === "implementation build 2: delete"));

    const refreshed = JSON.parse(fx.stateText()) as { resources: unknown[] };
    assert.deepEqual(refreshed.resources, []);
    assert.equal(
      storedText.length <= BUDGETS.providerBytes,
      true,
      `serialized provider is ${storedText.length} bytes`,
    );
  });

  it("GIVEN an applied stack THEN its state costs at most 6 KB per resource", async () => {
    assertOk(
      await fx
        .engine({
          programDir: BASIC,
          config: basicConfig(),
          secrets: { feedbackToken: TOKENS.first },
        })
        .up(),
    );
    const state = JSON.parse(fx.stateText()) as { resources: { custom: boolean }[] };
    const custom = state.resources.filter((r) => r.custom).length;
    const bytes = Buffer.byteLength(fx.stateText());
    assert.ok(
      bytes / custom <= BUDGETS.stateBytesPerResource,
      `state is ${bytes} bytes for ${custom} resource(s)`,
    );
  });
});
