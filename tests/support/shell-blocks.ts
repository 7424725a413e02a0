// Runs the shell blocks of README.md and docs/*.md as their markers say (markdown-blocks.ts):
// each as written, by bash, in a user's project or a clean copy of the checkout, with a HOME of its
// own, in an environment isolated from real AWS (the emulator a block's marker asks for, otherwise
// a dead loopback endpoint) and from the registry (npx finds only what is installed), and with
// nothing it started left running afterwards.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadSeedFile, startEmulator, type RunningEmulator } from "../../emulator";
import { ProcessWatch } from "../../scripts/processes";
import { credentialEnv, isolatedAwsVars } from "./env";
import {
  fixedPorts,
  scriptOf,
  shellBlocks,
  type RunOptions,
  type ShellBlock,
} from "./markdown-blocks";
import { cleanCopy, REPO_ROOT } from "./pack";

/** The specs that run blocks (a marker's `run by` names one of these, or a script). */
export const RUNNER_SPECS: readonly string[] = [
  "tests/integration/readme-blocks.spec.ts",
  "tests/engine/readme-blocks.spec.ts",
];

/** The Markdown files whose shell blocks are covered: README.md and the docs that ship. */
export function documentedFiles(): string[] {
  const docs = fs.readdirSync(path.join(REPO_ROOT, "docs")).filter((f) => f.endsWith(".md"));
  return ["README.md", ...docs.sort().map((f) => `docs/${f}`)];
}

/** Every shell block of {@link documentedFiles}, classified by its marker. */
export function documentedShellBlocks(): ShellBlock[] {
  return documentedFiles().flatMap((f) =>
    shellBlocks(f, fs.readFileSync(path.join(REPO_ROOT, f), "utf8")),
  );
}

/** The blocks whose marker says `offline: run by <spec>` (a path from the repository root). */
export function blocksRunBy(spec: string): ShellBlock[] {
  return documentedShellBlocks().filter(
    (b) => b.coverage?.kind === "run" && b.coverage.by === spec,
  );
}

/** The options of a block whose marker says `offline: run by ...`. */
export function runOptionsOf(block: ShellBlock): RunOptions {
  if (block.coverage?.kind !== "run")
    throw new Error(`${block.file}:${block.line} is not run by a spec`);
  return block.coverage.options;
}

/** The demo seed, which the blocks' pool, users, events and tokens come from. */
const DEMO_SEED = path.join(REPO_ROOT, "emulator/seeds/demo.yaml");

/** The demo seed's made-up admin keys (README: "admin mode works with the seed's made-up keys"). */
export function demoAdminCredential(): { accessKeyId: string; secretAccessKey: string } {
  const admin = loadSeedFile(DEMO_SEED).credentials?.find((c) => c.name === "admin");
  if (admin === undefined) throw new Error("the demo seed has no admin credential");
  return { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey };
}

/** Where AWS calls of a block without an emulator go: a loopback port nothing listens on. */
const NOWHERE = "http://127.0.0.1:9";
/** The `stack` option's stack name, and the passphrase of its secrets (not a secret itself). */
export const STACK = "readme";
const PASSPHRASE = "readme-blocks-passphrase";

/** What a block's run gave. */
export interface BlockRun {
  /** Exit code of the block's shell; null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Whether an `until` block was interrupted after printing its text. */
  interrupted: boolean;
  /** Whether it ran out of time and was killed. */
  timedOut: boolean;
  /** Processes it started that were still alive after the stop (then killed), described. */
  leftovers: string[];
}

/** Where a block ran, for checks made after it and before everything is stopped. */
export interface BlockContext {
  /** The folder it ran in: the user's project, or the clean copy of the checkout. */
  dir: string;
  /** Its HOME. */
  home: string;
  /** Its environment. */
  env: NodeJS.ProcessEnv;
}

export interface RunBlockOptions {
  /** A folder holding the `pulumi` CLI, put first on PATH (see `scripts/pulumi --print-bin-dir`). */
  pulumiBinDir?: string;
  /** How long the block may take, waiting for a port's lock included. */
  timeoutMs: number;
  /** Runs after the block's shell exits, while what it left in the background still runs. */
  inspect?: (run: BlockRun, context: BlockContext) => Promise<void> | void;
}

/**
 * A user's project of its own with the package installed, as `npm link` installs it: linked to
 * the repository (whose dist/ the tier's build made), with its bin in node_modules/.bin, where
 * `npx` finds it, and `@pulumi/pulumi` beside it. With `program`, it is the examples/gitops program.
 */
function userProject(program: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-block-project-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, ".bin"), { recursive: true });
  fs.mkdirSync(path.join(modules, "@pulumi"));
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    name: string;
    bin: Record<string, string>;
  };
  fs.symlinkSync(REPO_ROOT, path.join(modules, manifest.name), "dir");
  const pulumi = path.join(REPO_ROOT, "node_modules/@pulumi/pulumi");
  fs.symlinkSync(pulumi, path.join(modules, "@pulumi/pulumi"), "dir");
  for (const [bin, target] of Object.entries(manifest.bin)) {
    fs.symlinkSync(path.join("..", manifest.name, target), path.join(modules, ".bin", bin));
  }
  const own = { name: "scratch-project", private: true };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(own, null, 2)}\n`);
  for (const file of program ? ["Pulumi.yaml", "index.ts", "overrides.yaml"] : []) {
    fs.copyFileSync(path.join(REPO_ROOT, "examples/gitops", file), path.join(dir, file));
  }
  return dir;
}

/** This process's environment as a fresh login shell would have it: no npm or Pulumi leftovers. */
function freshEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|PULUMI_|INIT_CWD$)/.test(key)) env[key] = value;
  }
  // `npm run` puts node_modules/.bin folders on PATH; a reader's shell has none.
  env.PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((p) => !p.endsWith(path.join("node_modules", ".bin")))
    .join(path.delimiter);
  return {
    ...env,
    HOME: home,
    // npx runs an installed bin or fails: it never fetches a package of that name.
    npm_config_offline: "true",
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

function withoutUndefined(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined));
}

/** Sends `signal` to every process of the group `pgid`; false when none is left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  if (!(pgid > 1)) return false; // -1 would be every process, 1 init's group
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

async function settle(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Runs `block` as its marker says (it must be `offline: run by ...`), then stops whatever it left
 * running: SIGTERM to its process group, then SIGKILL to anything still alive, which is reported in
 * {@link BlockRun.leftovers}. A block naming a fixed loopback port holds a lock on that port for
 * its whole run (flock), so two such blocks never run at once, in any worker or tier.
 */
export async function runShellBlock(
  block: ShellBlock,
  options: RunBlockOptions,
): Promise<BlockRun> {
  const { checkout, emulator: wantsEmulator, stack, until, fill } = runOptionsOf(block);
  const script = scriptOf(block, fill);
  const dir = checkout ? await cleanCopy() : userProject(stack);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-block-home-"));
  let emulator: RunningEmulator | undefined;
  try {
    if (wantsEmulator) emulator = await startEmulator({ seed: loadSeedFile(DEMO_SEED) });
    const env: NodeJS.ProcessEnv = {
      ...freshEnv(home),
      ...withoutUndefined(
        isolatedAwsVars(emulator?.url ?? NOWHERE, {
          AWS_ENDPOINT_URL: NOWHERE,
          ...(emulator === undefined ? {} : credentialEnv(demoAdminCredential())),
        }),
      ),
    };
    if (options.pulumiBinDir !== undefined) {
      env.PATH = `${options.pulumiBinDir}${path.delimiter}${env.PATH ?? ""}`;
    }
    if (stack) {
      if (options.pulumiBinDir === undefined) throw new Error("a stack needs the Pulumi CLI");
      fs.mkdirSync(path.join(home, "backend"));
      env.PULUMI_BACKEND_URL = `file://${path.join(home, "backend")}`;
      env.PULUMI_CONFIG_PASSPHRASE = PASSPHRASE;
      const init = spawnSync("pulumi", ["stack", "init", STACK, "--non-interactive"], {
        cwd: dir,
        env,
        encoding: "utf8",
      });
      if (init.status !== 0) throw new Error(`pulumi stack init failed:\n${init.stderr}`);
    }
    const run = await runScript(script, { dir, env, until, timeoutMs: options.timeoutMs });
    try {
      await options.inspect?.(run.result, { dir, home, env });
    } finally {
      run.result.leftovers = await run.stop();
    }
    return run.result;
  } finally {
    await emulator?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function runScript(
  script: string,
  {
    dir,
    env,
    until,
    timeoutMs,
  }: { dir: string; env: NodeJS.ProcessEnv; until?: string; timeoutMs: number },
): Promise<{ result: BlockRun; stop: () => Promise<string[]> }> {
  const locks = fixedPorts(script).flatMap((port) => [
    "flock",
    "-w",
    String(Math.floor(timeoutMs / 1000)),
    path.join(os.tmpdir(), `cognito-feedback-port-${port}.lock`),
  ]);
  const argv = [...locks, "bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script];
  const child = spawn(argv[0], argv.slice(1), {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("exit", (c, s) => resolve([c, s])),
  );
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  // Detached: it leads a process group of its own, which holds everything it starts.
  const pgid = child.pid ?? 0;
  const watch = new ProcessWatch();
  const stopWatching = watch.sample(pgid, "", 100);
  const result: BlockRun = {
    code: null,
    signal: null,
    stdout: "",
    stderr: "",
    interrupted: false,
    timedOut: false,
    leftovers: [],
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    result.stdout += chunk;
    if (until !== undefined && !result.interrupted && result.stdout.includes(until)) {
      result.interrupted = true;
      signalGroup(pgid, "SIGINT");
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (result.stderr += chunk));
  const timer = setTimeout(() => {
    result.timedOut = true;
    signalGroup(pgid, "SIGKILL");
  }, timeoutMs);
  // "exit", not "close": a process the block put in the background keeps its pipes open.
  [result.code, result.signal] = await exited;
  clearTimeout(timer);
  const stop = async (): Promise<string[]> => {
    stopWatching();
    signalGroup(pgid, "SIGTERM");
    await settle(() => watch.alive().length === 0 && !signalGroup(pgid, 0), 5_000);
    const leftovers = watch.alive().map((pid) => `pid ${pid}`);
    if (signalGroup(pgid, 0)) leftovers.push(`a process of group ${pgid}`);
    signalGroup(pgid, "SIGKILL");
    watch.killLeftovers();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
    return leftovers;
  };
  return { result, stop };
}
