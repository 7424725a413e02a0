// The package as a user gets it: packed from a clean copy of the repository (git-tracked files
// only, so nothing built or left over locally can hide a packaging gap), and installed into a
// project of its own outside the repository.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The repository root (this file is tests/support/pack.ts). */
export const REPO_ROOT = path.resolve(__dirname, "../..");

/** The compilerOptions of Pulumi's TypeScript template (`pulumi new typescript`). */
export const PULUMI_TEMPLATE_COMPILER_OPTIONS = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: false,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};

/** Where packed tarballs are cached, one folder per content of the tracked files. */
const CACHE_ROOT = path.join(os.tmpdir(), "pulumi-cognito-auth-event-feedback-pack");

const MAX_BUFFER = 64 * 1024 * 1024;

function installedVersion(name: string): string {
  const file = path.join(REPO_ROOT, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * The exact versions the repository builds and tests with: `@pulumi/pulumi` as pinned in
 * package.json, and the TypeScript and `@types/node` that `npm ci` installed (so an install from
 * the npm cache needs no network).
 */
export function pinnedVersions(): { pulumi: string; typescript: string; typesNode: string } {
  return {
    pulumi: installedVersion("@pulumi/pulumi"),
    typescript: installedVersion("typescript"),
    typesNode: installedVersion("@types/node"),
  };
}

async function trackedFiles(): Promise<string[]> {
  const { stdout } = await run("git", ["ls-files", "-z"], {
    cwd: REPO_ROOT,
    maxBuffer: MAX_BUFFER,
  });
  // A tracked file deleted in the working tree is not part of the copy.
  return stdout
    .split("\0")
    .filter((f) => f !== "" && existsSync(path.join(REPO_ROOT, f)))
    .sort();
}

function contentHash(files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const f of files)
    hash
      .update(f)
      .update("\0")
      .update(readFileSync(path.join(REPO_ROOT, f)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * A copy of the repository as a fresh clone has it: the git-tracked files as they are in the
 * working tree (`files`, default all of them), and the repository's installed node_modules linked
 * in (so the copy's tools, and the package itself through its workspace link, are the
 * repository's; never run `npm ci` or `npm install` in it). Resolves to the copy's folder, which
 * the caller removes.
 */
export async function cleanCopy(files?: readonly string[]): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), "cognito-feedback-clean-copy-"));
  for (const f of files ?? (await trackedFiles())) {
    await mkdir(path.dirname(path.join(copy, f)), { recursive: true });
    await cp(path.join(REPO_ROOT, f), path.join(copy, f));
  }
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
  return copy;
}

async function pack(files: readonly string[], into: string): Promise<string> {
  // The build tools (`prepare` runs tsc) come from the repository's installed devDependencies.
  const copy = await cleanCopy(files);
  try {
    const { stdout } = await run(
      "npm",
      ["pack", "--json", "--pack-destination", into, "--no-audit", "--no-fund"],
      { cwd: copy, maxBuffer: MAX_BUFFER },
    ).catch((err: Error & { stdout?: string; stderr?: string }) => {
      // tsc reports on stdout: without it, a failed build says only "exit code 2".
      throw new Error(`npm pack of a clean copy failed:\n${err.stdout ?? ""}${err.stderr ?? ""}`, {
        cause: err,
      });
    });
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    return path.join(into, filename);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

let packing: Promise<string> | undefined;

/**
 * Packs the repository as `npm pack` would from a fresh clone, and resolves to the tarball's path.
 *
 * The copy holds the git-tracked files only (working-tree contents, untracked files left out);
 * `npm pack` in it runs the package's own `prepare` script, so the tarball proves that packing
 * builds. The tarball is cached under the OS temp dir by the tracked files' content: the spec files
 * of one test run (and later runs with no change) share one pack. Older tarballs and the copy are
 * removed.
 */
export function packedTarball(): Promise<string> {
  packing ??= (async () => {
    const files = await trackedFiles();
    const dir = path.join(CACHE_ROOT, contentHash(files));
    const done = path.join(dir, "tarball.json");
    if (existsSync(done)) return (JSON.parse(readFileSync(done, "utf8")) as { path: string }).path;
    await mkdir(CACHE_ROOT, { recursive: true });
    for (const old of await readdir(CACHE_ROOT)) {
      if (path.join(CACHE_ROOT, old) !== dir && !old.startsWith(".")) {
        await rm(path.join(CACHE_ROOT, old), { recursive: true, force: true });
      }
    }
    // Packed beside the cache, then moved in at once: a concurrent worker sees all or nothing.
    const staging = await mkdtemp(path.join(CACHE_ROOT, ".staging-"));
    try {
      const tarball = await pack(files, staging);
      const final = path.join(dir, path.basename(tarball));
      await writeFile(path.join(staging, "tarball.json"), JSON.stringify({ path: final }));
      await rename(staging, dir).catch((err: NodeJS.ErrnoException) => {
        // Another worker finished first: its tarball is the same content.
        if (!existsSync(done)) throw err;
      });
      return final;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  })();
  return packing;
}

/**
 * Installs `tarball` into `projectDir` as a user would: `npm install <tarball>` together with
 * `@pulumi/pulumi` at the version the repository pins, and, as Pulumi's TypeScript template has
 * them, `typescript` and `@types/node` at the repository's versions (see {@link pinnedVersions}).
 * Creates package.json when there is none and adds the two devDependencies to it. Offline-friendly: `--prefer-offline`
 * takes packages from the npm cache `npm ci` filled; `--no-audit --no-fund` skip network extras.
 * @throws Error with npm's output when the install fails.
 */
export async function installInto(projectDir: string, tarball: string): Promise<void> {
  const file = path.join(projectDir, "package.json");
  const v = pinnedVersions();
  const manifest = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
    : { name: "scratch", private: true };
  manifest.devDependencies = {
    typescript: v.typescript,
    "@types/node": v.typesNode,
    ...(manifest.devDependencies as Record<string, string> | undefined),
  };
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const args = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
  try {
    await run("npm", [...args, tarball, `@pulumi/pulumi@${v.pulumi}`], {
      cwd: projectDir,
      maxBuffer: MAX_BUFFER,
    });
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`npm install in ${projectDir} failed: ${e.message}\n${e.stderr ?? ""}`, {
      cause: err,
    });
  }
}
