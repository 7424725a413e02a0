// The package as a user installs it: packed from a clean copy, installed from the tarball into a
// project outside the repository, compiled with Pulumi's template tsconfig under every module
// resolution, run, and its command line started.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { installInto, packedTarball, PULUMI_TEMPLATE_COMPILER_OPTIONS } from "../support/pack";

const run = promisify(execFile);
const PACKAGE = "pulumi-cognito-auth-event-feedback";

// Every entry point the README imports, used as the README uses it (type-checked, not run).
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import {
  AuthEventFeedback,
  AuthEventFeedbackSet,
  loadOverridesFile,
  parseOverrides,
  renderReviewMarkdown,
  summarizePreview,
} from "${PACKAGE}";
import { listUserAuthEvents } from "${PACKAGE}/cognito";
import * as implementation from "${PACKAGE}/implementation";

export function declare(): unknown {
  const config = new pulumi.Config();
  new AuthEventFeedback("alice-berlin-sign-in", {
    userPoolId: "us-east-1_AbC123xyZ",
    username: "alice",
    eventId: "7875548a-bd00-490a-93b8-fa36fe42a3e0",
    feedbackValue: "Invalid",
    feedbackToken: config.getSecret("aliceBerlinToken"),
  });
  const overrides = new AuthEventFeedbackSet("security-overrides", { file: "overrides.yaml" });
  return overrides.count;
}

export async function script(): Promise<string[]> {
  const events = await listUserAuthEvents({ userPoolId: "us-east-1_AbC123xyZ", username: "alice" });
  return events.map((e) => e.eventId);
}

const loaded = {
  main: [AuthEventFeedback, AuthEventFeedbackSet, loadOverridesFile, parseOverrides, renderReviewMarkdown, summarizePreview],
  cognito: [listUserAuthEvents],
  implementation: [implementation.check, implementation.diff, implementation.read],
};
console.log(JSON.stringify({
  entryPoints: Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, v.map((f) => typeof f)])),
  schema: require.resolve("${PACKAGE}/schema/overrides.schema.json").endsWith("overrides.schema.json"),
}));
`;

// Pulumi's TypeScript template, with only the resolution varied.
const TEMPLATE = PULUMI_TEMPLATE_COMPILER_OPTIONS;

// node10 is the template itself, type-checking every declaration file as `pulumi up` does. The
// other resolutions skip the libraries' own .d.ts bodies (resolution of our entry points is what
// differs there) to keep the test within a minute on two cores.
const RESOLUTIONS = [
  { name: "node", options: {}, emit: true },
  { name: "node16", options: { module: "node16", moduleResolution: "node16", skipLibCheck: true } },
  {
    name: "bundler",
    options: { module: "preserve", moduleResolution: "bundler", skipLibCheck: true },
  },
] as const;

describe("the package, packed and installed as a user gets it", function () {
  this.timeout(180_000);
  let project: string;
  let tarball: string;

  before(async () => {
    tarball = await packedTarball();
    project = await mkdtemp(path.join(os.tmpdir(), "cognito-feedback-scratch-"));
    await installInto(project, tarball);
    await writeFile(path.join(project, "index.ts"), PROGRAM);
    for (const r of RESOLUTIONS) {
      const compilerOptions = { ...TEMPLATE, ...r.options };
      const tsconfig = { compilerOptions, files: ["index.ts"] };
      await writeFile(path.join(project, `tsconfig.${r.name}.json`), JSON.stringify(tsconfig));
    }
  });

  after(async () => {
    if (project !== undefined) await rm(project, { recursive: true, force: true });
  });

  // The compiled code, its types, LICENSE, schema (and its compiled validators) and docs.
  it("GIVEN a clean copy WHEN packed THEN the tarball holds the built package, no more", async () => {
    const { stdout } = await run("tar", ["tzf", tarball]);
    const files = stdout.split("\n").filter((f) => f !== "");
    for (const f of [
      "package/LICENSE",
      "package/README.md",
      "package/dist/index.js",
      "package/dist/index.d.ts",
      "package/dist/cognito/index.d.ts",
      "package/dist/resource/implementation.d.ts",
      "package/dist/cli/index.js",
      "package/schema/overrides.schema.json",
      "package/schema/overrides.validate.js",
      "package/docs/preview-json.md",
      "package/docs/sweep-cli.md",
    ]) {
      assert.ok(files.includes(f), `${f} is missing from the tarball`);
    }
    assert.deepEqual(
      files.filter((f) => /^package\/(tests|bench|scripts|emulator|demo|provider)\//.test(f)),
      [],
      "only the built package ships",
    );
  });

  for (const r of RESOLUTIONS) {
    // Pulumi's template tsconfig; the program imports every entry point.
    it(`GIVEN moduleResolution ${r.name} WHEN the entry points compile THEN tsc is silent`, async () => {
      const tsc = path.join(project, "node_modules", ".bin", "tsc");
      const args = ["-p", `tsconfig.${r.name}.json`, ...("emit" in r ? [] : ["--noEmit"])];
      const result = await run(tsc, args, { cwd: project }).catch(
        (err: { stdout: string; stderr: string }) => err,
      );
      assert.equal(`${result.stdout}${result.stderr}`, "");
    });
  }

  // The schema loads too.
  it("GIVEN the compiled program WHEN node runs it THEN every entry point loads", async () => {
    assert.ok((await readdir(path.join(project, "bin"))).includes("index.js"));
    const { stdout } = await run(process.execPath, ["bin/index.js"], { cwd: project });
    assert.deepEqual(JSON.parse(stdout), {
      entryPoints: {
        main: Array(6).fill("function"),
        cognito: ["function"],
        implementation: ["function", "function", "function"],
      },
      schema: true,
    });
  });

  it("GIVEN the installed package WHEN its bin runs --help THEN the usage, and exit 0", async () => {
    const bin = path.join(project, "node_modules", ".bin", "cognito-feedback");
    const { stdout } = await run(bin, ["--help"], { cwd: project });
    assert.match(stdout, /^Usage: cognito-feedback \[options\] \[command\]/);
    assert.match(stdout, /\breview\b[\s\S]*\bevents\b[\s\S]*\bcheck\b/);
  });
});
