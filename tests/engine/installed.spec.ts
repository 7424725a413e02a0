// A user's stack: a program in its own folder outside this repository, with the package installed
// from `npm pack` and Pulumi's TypeScript template settings, type-checked as `pulumi up` does by
// default. It also shows that the provider code stored in state is a thin loader: after the
// installed package changes (an upgrade), refresh and destroy run the new code; with the package
// gone, they say to reinstall it.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { BUDGETS } from "../../bench/report";
import { installInto, packedTarball, PULUMI_TEMPLATE_COMPILER_OPTIONS } from "../support/pack";
import {
  assertOk,
  basicConfig,
  BASIC,
  engineFixture,
  errors,
  EVENTS,
  onCli,
  ops,
  POOL,
  ROOT,
  TOKENS,
} from "./support";

const PACKAGE = "pulumi-cognito-auth-event-feedback";

/** The last release with the flat layout (see tests/fixtures/releases/README.md). */
const FLAT_RELEASE = path.join(ROOT, "tests/fixtures/releases/flat-layout-0.1.0.tgz");

/**
 * Installs `tarball` (default: this repository, packed) into a new program folder; returns the
 * folder.
 */
async function userProject(parent: string, tarball?: string): Promise<string> {
  const dir = path.join(parent, "my-stack");
  fs.mkdirSync(dir, { recursive: true });
  // Pulumi runs a TypeScript program with the project's own ts-node (its vendored one is too old).
  const tsNode = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/ts-node/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "my-stack",
      private: true,
      main: "index.ts",
      devDependencies: { "ts-node": tsNode },
    }),
  );
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: PULUMI_TEMPLATE_COMPILER_OPTIONS, files: ["index.ts"] }),
  );
  fs.copyFileSync(path.join(BASIC, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.copyFileSync(path.join(BASIC, "index.ts"), path.join(dir, "index.ts"));
  await installInto(dir, tarball ?? (await packedTarball()));
  return dir;
}

/**
 * Makes the installed implementation (where the stored loader's require resolves) log each read
 * and delete to `marker`, as "build 2".
 */
function markReadsAndDeletes(dir: string): void {
  fs.appendFileSync(
    createRequire(path.join(dir, "index.ts")).resolve(`${PACKAGE}/implementation`),
    `\nfor (const m of ["read", "delete"]) { const f = exports[m]; exports[m] = (...a) => { require("fs").appendFileSync(process.env.BUILD_MARKER, "build 2: " + m + "\\n"); return f(...a); }; }\n`,
  );
}

describe(onCli("a user's stack outside the repo, from npm pack"), function () {
  this.timeout(300_000);
  const fx = engineFixture();

  /** The basic example's stack in `dir`, its builds logging to the returned marker file. */
  async function markedStack(dir: string) {
    const marker = path.join(parent, "build-2.log");
    const stack = await fx.stack({
      programDir: dir,
      typeCheck: true,
      config: basicConfig(),
      secrets: { feedbackToken: TOKENS.first },
      env: { BUILD_MARKER: marker },
    });
    return { stack, marker };
  }

  /** Build 2 served the refresh's read and the destroy's delete, and nothing is left in state. */
  async function assertBuild2ServedAndGone(
    stack: Awaited<ReturnType<typeof fx.stack>>,
    marker: string,
  ): Promise<void> {
    assert.deepEqual(fs.readFileSync(marker, "utf8").trim().split("\n"), [
      "build 2: read",
      "build 2: delete",
    ]);
    assert.deepEqual((await stack.exportState()).deployment.resources ?? [], []);
  }
  let parent = "";

  beforeEach(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-user-"));
  });
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

  // The program type-checks, the verdict lands, and the new build serves refresh and destroy.
  it("GIVEN the packed package WHEN up, upgrade, refresh and destroy run THEN all work", async () => {
    const dir = await userProject(parent);
    const { stack, marker } = await markedStack(dir);
    const up = await stack.up();
    assertOk(up);
    assert.deepEqual(ops(up), ["create suspicious-sign-in"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Invalid");

    const stored = (await stack.exportState()).deployment.resources!.find((r) =>
      r.type.includes("AuthEventFeedback"),
    )!.outputs!.__provider as string;
    assert.ok(!stored.includes(dir) && !stored.includes(ROOT) && !stored.includes(os.homedir()));
    assert.ok(
      stored.length <= BUDGETS.providerBytes,
      `serialized provider is ${stored.length} bytes`,
    );

    // "Build 2": the installed implementation announces its read and delete.
    markReadsAndDeletes(dir);
    assertOk(await stack.refresh(["--skip-preview"]));

    // The package removed while the stack still holds its resources: destroy says what to do.
    const installed = path.join(dir, "node_modules", PACKAGE);
    fs.renameSync(installed, `${installed}.away`);
    const orphaned = await stack.destroy(["--skip-preview"]);
    assert.notEqual(orphaned.code, 0);
    assert.ok(
      errors(orphaned).some(
        (m) =>
          m.includes(`Error: Cannot find module '${PACKAGE}/implementation'`) &&
          m.includes(
            `: reinstall ${PACKAGE} in the program's folder, and keep it while the stack has resources`,
          ),
      ),
      errors(orphaned).join("\n"),
    );
    fs.renameSync(`${installed}.away`, installed);
    assertOk(await stack.destroy(["--skip-preview"]));
    await assertBuild2ServedAndGone(stack, marker);
  });
  it("GIVEN the flat-layout release's state WHEN upgraded THEN refresh, destroy work", async () => {
    const dir = await userProject(parent, FLAT_RELEASE);
    const { stack, marker } = await markedStack(dir);
    assertOk(await stack.up());
    const providerOf = async () =>
      (await stack.exportState()).deployment.resources!.find((r) =>
        r.type.includes("AuthEventFeedback"),
      )?.outputs?.__provider;
    const written = await providerOf();
    assert.ok(
      !fs.existsSync(path.join(dir, "node_modules", PACKAGE, "dist", "resource")),
      "the old release has the flat layout",
    );

    // The upgrade: this repository's package, with its files in feature folders.
    await installInto(dir, await packedTarball());
    markReadsAndDeletes(dir);
    assertOk(await stack.refresh(["--skip-preview"]));
    assert.equal(await providerOf(), written, "refresh keeps the stored provider as written");
    assertOk(await stack.destroy(["--skip-preview"]));
    await assertBuild2ServedAndGone(stack, marker);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.value, "Invalid");
  });
});
