// Drives the real Pulumi CLI (through scripts/pulumi) for the engine tests, the demo and the bench:
// one throwaway stack per use, with a `file://` backend, its own PULUMI_HOME and its stack config
// file outside the program's folder, so that a run leaves nothing in the repository or in ~/.pulumi.
// Every command runs in its own process group; the CLI starts each plugin (language host, provider
// host) in a group of its own, so the driver also watches every descendant of a command in /proc
// and can stop what a killed CLI leaves behind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ProcessWatch } from "./processes";
import { parseUrn } from "../provider/shared/pulumi-wire";

/** The repository's scripts/pulumi. */
export const PULUMI_SCRIPT = path.join(__dirname, "pulumi");

/** What one CLI command did: its arguments, exit code and everything it printed. */
export interface PulumiRun {
  args: string[];
  /** The exit code; null when it was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The engine's events (`--event-log`), for preview, up, refresh and destroy. */
  events: EngineEvent[];
}

/** One line of the engine's event log; only the parts the callers read are typed. */
export interface EngineEvent {
  sequence: number;
  /** A step about to run (or, in a preview, planned). */
  resourcePreEvent?: { metadata: StepMetadata; planning?: boolean };
  /** A step that ran (or, in a preview, was planned). */
  resOutputsEvent?: { metadata: StepMetadata; planning?: boolean };
  /** A step that failed. */
  resOpFailedEvent?: { metadata: StepMetadata; status: number; steps: number };
  diagnosticEvent?: { urn?: string; message: string; severity: string; color?: string };
  summaryEvent?: { resourceChanges?: Record<string, number> };
}

/** What the engine says about one step. */
export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  provider?: string;
  old?: StepState | null;
  new?: StepState | null;
  keys?: string[];
  diffs?: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff: boolean }> | null;
}

/** A resource's state before or after a step. */
export interface StepState {
  custom?: boolean;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** A running CLI command (see {@link PulumiStack.start}). */
export interface RunningCommand {
  child: ChildProcess;
  /** Settles when the command has exited. */
  done: Promise<PulumiRun>;
  /** Sends `signal` to the command and every process it started. */
  kill(signal?: NodeJS.Signals): void;
}

/** How to set up a {@link PulumiStack}. */
export interface PulumiStackOptions {
  /** The folder holding the program's Pulumi.yaml. */
  programDir: string;
  /** A throwaway folder for the backend, PULUMI_HOME and the stack config file; created if absent. */
  workDir: string;
  /** The passphrase of the stack's secrets provider. */
  passphrase: string;
  /** Stack name; default a unique one (stacks of one program may run side by side). */
  stack?: string;
  /** Extra environment for every command (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /**
   * Type-check the program as `pulumi up` does by default; default false (ts-node's transpile-only
   * mode, several seconds faster per program run).
   */
  typeCheck?: boolean;
}

let stackCount = 0;

/** The CLI's version (`pulumi version`), e.g. `v3.248.0`, building the CLI first if needed. */
export function pulumiVersion(): string {
  const result = spawnSync(PULUMI_SCRIPT, ["version"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`scripts/pulumi version failed:\n${result.stderr}`);
  return result.stdout.trim();
}

/** One Pulumi stack of a program, on a throwaway local backend. */
export class PulumiStack {
  readonly programDir: string;
  readonly workDir: string;
  readonly stack: string;
  /** The stack config file (`--config-file`), kept out of the program's folder. */
  readonly configFile: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly live = new Set<RunningCommand>();
  /** Every process the commands started, plugins included (Linux /proc). */
  readonly processes = new ProcessWatch();
  private operations = 0;

  private constructor(options: PulumiStackOptions) {
    this.programDir = options.programDir;
    this.workDir = options.workDir;
    this.stack = options.stack ?? `test-${process.pid}-${++stackCount}`;
    this.configFile = path.join(this.workDir, `Pulumi.${this.stack}.yaml`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${path.join(this.workDir, "backend")}`,
      PULUMI_HOME: path.join(this.workDir, "home"),
      PULUMI_CONFIG_PASSPHRASE: options.passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // Makes `--event-log` available: the engine's own record of every step, for assertions.
      PULUMI_DEBUG_COMMANDS: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: options.typeCheck === true ? undefined : "true",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };
    for (const [key, value] of Object.entries(options.env ?? {})) env[key] = value;
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    this.env = env;
  }

  /** Creates the stack (`pulumi stack init`) on a new backend in `workDir`. */
  static async create(options: PulumiStackOptions): Promise<PulumiStack> {
    fs.mkdirSync(path.join(options.workDir, "backend"), { recursive: true });
    fs.mkdirSync(path.join(options.workDir, "home"), { recursive: true });
    const stack = new PulumiStack(options);
    await stack.ok(["stack", "init", stack.stack]);
    // `stack init` has no --config-file: it writes the stack's encryption salt beside Pulumi.yaml.
    // The name is unique, so moving that file out races with no other stack of the same program.
    fs.renameSync(path.join(stack.programDir, `Pulumi.${stack.stack}.yaml`), stack.configFile);
    return stack;
  }

  /** Starts `pulumi <args>` in the program's folder, for a caller that may interrupt it. */
  start(
    args: string[],
    env: Record<string, string | undefined> = {},
    input?: string,
  ): RunningCommand {
    const full = ["--non-interactive", "--color=never", ...args];
    const childEnv = { ...this.env };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[key];
      else childEnv[key] = value;
    }
    const child = spawn(PULUMI_SCRIPT, full, {
      cwd: this.programDir,
      env: childEnv,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stopWatching = this.processes.sample(child.pid ?? -1, "", 200);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin.end(input ?? "");
    const command: RunningCommand = {
      child,
      done: new Promise((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code, signal) => {
          stopWatching();
          this.live.delete(command);
          resolve({ args: full, code, signal, stdout, stderr, events: [] });
        });
      }),
      kill: (signal = "SIGKILL") => killGroup(child.pid, signal),
    };
    this.live.add(command);
    return command;
  }

  /** Runs `pulumi <args>` to the end. */
  run(
    args: string[],
    env: Record<string, string | undefined> = {},
    input?: string,
  ): Promise<PulumiRun> {
    return this.start(args, env, input).done;
  }

  /** Runs `pulumi <args>` and fails with everything it printed unless it exits 0. */
  async ok(
    args: string[],
    env: Record<string, string | undefined> = {},
    input?: string,
  ): Promise<PulumiRun> {
    const result = await this.run(args, env, input);
    if (result.code !== 0) throw new Error(`${describe(result)}`);
    return result;
  }

  /** Sets stack config; a secret's value goes through stdin, never on a command line. */
  async setConfig(key: string, value: string, { secret = false } = {}): Promise<void> {
    const args = ["config", "set", "--config-file", this.configFile, key];
    if (secret) await this.ok([...args, "--secret"], {}, value);
    else await this.ok([...args, "--", value]);
  }

  /** Sets every key of `config` as plain stack config. */
  async setAllConfig(config: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(config)) await this.setConfig(key, value);
  }

  /** Removes a stack config key. */
  async removeConfig(key: string): Promise<void> {
    await this.ok(["config", "rm", "--config-file", this.configFile, key]);
  }

  /** `pulumi preview`, with `extra` flags (e.g. `--json`). */
  preview(extra: string[] = [], env: Record<string, string | undefined> = {}): Promise<PulumiRun> {
    return this.operation(["preview", ...extra], env);
  }

  /** `pulumi up --yes`. */
  up(extra: string[] = [], env: Record<string, string | undefined> = {}): Promise<PulumiRun> {
    return this.operation(["up", "--yes", ...extra], env);
  }

  /** `pulumi refresh --yes`. */
  refresh(extra: string[] = [], env: Record<string, string | undefined> = {}): Promise<PulumiRun> {
    return this.operation(["refresh", "--yes", ...extra], env);
  }

  /** `pulumi destroy --yes`. */
  destroy(extra: string[] = [], env: Record<string, string | undefined> = {}): Promise<PulumiRun> {
    return this.operation(["destroy", "--yes", ...extra], env);
  }

  /** Starts an operation with its event log, for a caller that may interrupt it. */
  startOperation(
    args: string[],
    env: Record<string, string | undefined> = {},
  ): RunningCommand & { events(): EngineEvent[] } {
    const log = path.join(this.workDir, `events-${++this.operations}.jsonl`);
    const command = this.start([...args, ...this.stackFlags(), "--event-log", log], env);
    const events = () => readEvents(log);
    return {
      ...command,
      events,
      done: command.done.then((run) => ({ ...run, events: events() })),
    };
  }

  private operation(args: string[], env: Record<string, string | undefined>): Promise<PulumiRun> {
    return this.startOperation(args, env).done;
  }

  /** The stack's state as `pulumi stack export` gives it (secrets stay encrypted). */
  async exportState(): Promise<StackExport> {
    const result = await this.ok(["stack", "export", "--stack", this.stack]);
    return JSON.parse(result.stdout) as StackExport;
  }

  /** Every file of the backend, as text (to search state, history and backups for a secret). */
  backendText(): string {
    return readTree(path.join(this.workDir, "backend"));
  }

  /**
   * Puts the backend's previous checkpoint (`<stack>.json.bak`) in place of the current one: the
   * recovery the README gives for `failed to load checkpoint` after a killed run. Returns false
   * when there is no backup.
   */
  restoreCheckpointBackup(): boolean {
    const stacks = path.join(this.workDir, "backend", ".pulumi", "stacks");
    for (const project of fs.existsSync(stacks) ? fs.readdirSync(stacks) : []) {
      const current = path.join(stacks, project, `${this.stack}.json`);
      if (fs.existsSync(`${current}.bak`)) {
        fs.copyFileSync(`${current}.bak`, current);
        return true;
      }
    }
    return false;
  }

  /** True while any command of this stack is running. */
  running(): boolean {
    return this.live.size > 0;
  }

  /** Kills every command still running, and every process a killed command left (cleanup). */
  killAll(): void {
    for (const command of this.live) command.kill("SIGKILL");
    this.processes.killLeftovers();
  }

  private stackFlags(): string[] {
    return ["--stack", this.stack, "--config-file", this.configFile];
  }
}

/** The part of `pulumi stack export`'s JSON the tests read. */
export interface StackExport {
  version: number;
  deployment: {
    resources?: ExportedResource[];
    pending_operations?: unknown[];
  };
}

/** One resource of a {@link StackExport}. */
export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  custom?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  delete?: boolean;
}

/** One step of a feedback (or other custom) resource, as the engine's event log reports it. */
export interface Step {
  op: string;
  /** The resource's name (the URN's last part). */
  name: string;
  type: string;
  failed: boolean;
  metadata: StepMetadata;
}

const ENGINE_TYPES = /^pulumi:(pulumi:Stack|providers:)/;

/** The steps a run took (or, for a preview, planned) for the program's custom resources. */
export function customSteps(run: PulumiRun): Step[] {
  const found: Step[] = [];
  for (const event of run.events) {
    const outputs = event.resOutputsEvent?.metadata;
    const failed = event.resOpFailedEvent?.metadata;
    const metadata = outputs ?? failed;
    if (metadata === undefined || ENGINE_TYPES.test(metadata.type)) continue;
    if ((metadata.new ?? metadata.old)?.custom !== true) continue;
    found.push({
      op: metadata.op,
      name: parseUrn(metadata.urn)?.name ?? metadata.urn,
      type: metadata.type,
      failed: failed !== undefined,
      metadata,
    });
  }
  return found;
}

/**
 * The steps of a run as sorted `op name` strings, the halves of a replace left out (the engine
 * reports a replace as three steps; `create-replacement` and `delete-replaced` add nothing to it).
 * `nameOf` shortens a resource's name; a failed step reads `failed <op> <name>`.
 */
export function opsOf(run: PulumiRun, nameOf: (step: Step) => string = (s) => s.name): string[] {
  return customSteps(run)
    .filter((s) => s.op !== "create-replacement" && s.op !== "delete-replaced")
    .map((s) => `${s.failed ? "failed " : ""}${s.op} ${nameOf(s)}`)
    .sort();
}

/** A command and everything it printed, for an error message. */
export function describe(result: PulumiRun): string {
  const how = result.code === null ? `was killed by ${result.signal}` : `exited ${result.code}`;
  return `pulumi ${result.args.join(" ")} ${how}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function readEvents(file: string): EngineEvent[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as EngineEvent);
}

function readTree(dir: string): string {
  if (!fs.existsSync(dir)) return "";
  const parts: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) parts.push(readTree(file));
    else parts.push(fs.readFileSync(file, "utf8"));
  }
  return parts.join("\n");
}
