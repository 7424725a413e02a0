// A test engine: plays the Pulumi engine's part for a program's dynamic resources against the real
// provider host. It is not a replacement for the Pulumi CLI: no plugins, no backends, no import;
// it exists so that tests, the demo and the benchmark can prove the resource works under
// `pulumi preview`, `up`, `refresh` and `destroy` on a machine without the CLI.
//
// The engine's rules it follows (see DESIGN.md and the reference on dynamic providers):
//
// | phase    | calls                                   | notes                                             |
// |----------|-----------------------------------------|---------------------------------------------------|
// | preview  | Check, Diff                             | unknowns sent as the sentinel; outputs = checked  |
// |          |                                         | inputs; never Create/Update (supportsPreview off) |
// | up       | preview first, then Check, Diff, then   | Check/Diff one at a time; Create/Update/Delete on |
// |          | Create / Update / replace / Delete      | up to `parallel` workers                          |
// | replace  | Check(olds = {}) again, Create new,     | Delete first when deleteBeforeReplace is asked    |
// |          | Delete old                              |                                                   |
// | refresh  | Read(id, outputs, inputs)               | empty id = gone; returned inputs replace stored   |
// | destroy  | Delete(id, outputs) in reverse order    | runs the provider text stored with the resource   |
//
// Check gets the old inputs; Diff and Update get the old outputs; secrets are unwrapped on the way
// in and re-marked on same-named outputs on the way out; DIFF_UNKNOWN makes the engine compare
// inputs itself, `__provider` included.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { HostCallError, ProviderHost, type HostLine } from "./host";
import { runProgram, STACK_TYPE, type Registration, type RegistrationResult } from "./program";
import {
  annotateSecrets,
  changedKeys,
  markSecret,
  sameValue,
  secret,
  type PropertyMap,
} from "./properties";
import { StateFile, type ResourceState } from "./state";

/** The operations a plan step can show. */
export type StepOp = "create" | "update" | "replace" | "same" | "delete";

/** One step of a plan: what happens (or would happen) to one resource. */
export interface PlanStep {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  /** The state before the step, if the resource existed. */
  old?: ResourceState;
  /** The state after the step (in preview: checked inputs as outputs, output-only values unknown). */
  new?: ResourceState;
  /** Input keys that differ between old and new inputs, `__` keys hidden, as the CLI shows them. */
  diffKeys: string[];
  /** The properties that forced a replace (the provider's `replaces`). */
  replaceReasons: string[];
  /** Why the step failed, when it did. */
  error?: string;
}

/** A diagnostic the run produced: check failures and step errors (error), host output (info). */
export interface Diagnostic {
  severity: "error" | "warning" | "info";
  urn?: string;
  message: string;
}

/** The kinds of run. */
export type RunKind = "preview" | "update" | "refresh" | "destroy";

/** What one run did. */
export interface RunResult {
  kind: RunKind;
  /** False when any check or step failed, or the program threw. */
  ok: boolean;
  /** Steps in the order resources were registered, deletes last. */
  steps: PlanStep[];
  diagnostics: Diagnostic[];
  /** Stack outputs in wire form. */
  outputs: PropertyMap;
  durationMs: number;
  /** The stack's name and project, for display. */
  stack: string;
  project: string;
  /** Process id of the provider host the run used (stopped when the run returns). */
  hostPid?: number;
  /**
   * The provider host's peak resident memory (`VmHWM`), read just before it was stopped; absent
   * where `/proc` is not available.
   */
  hostPeakRssBytes?: number;
  /** True when the run was cancelled ({@link UpOptions.signal}): some steps were not started. */
  cancelled?: boolean;
}

/** Options of {@link TestEngine.up}. */
export interface UpOptions {
  /** Apply without the preview first (`pulumi up --skip-preview`). */
  skipPreview?: boolean;
  /**
   * Cancels the run as Ctrl-C cancels `pulumi up`: no new step starts, steps in flight finish,
   * the state is saved, and the result says `cancelled`.
   */
  signal?: AbortSignal;
  /**
   * Keep starting steps after one fails, as `pulumi up --continue-on-error`, so every failure is
   * reported; nothing is deleted after a failure either way.
   */
  continueOnError?: boolean;
}

/** Options of a {@link TestEngine}. */
export interface EngineOptions {
  /** Directory of the Pulumi program (with Pulumi.yaml); the provider host runs there. */
  programDir: string;
  /** Program entry relative to programDir; default: Pulumi.yaml `main`, package.json `main`, `index`. */
  main?: string;
  /** Stack name; default `dev`. */
  stack?: string;
  /** Plain stack config; keys without `:` get the project's namespace. */
  config?: Record<string, string>;
  /** Secret stack config (never written anywhere in plaintext); same key rules. */
  secrets?: Record<string, string>;
  /** State file; default `<programDir>/.pulumi-harness/<project>-<stack>.json`. */
  stateFile?: string;
  /** Passphrase for secrets in state; default `PULUMI_CONFIG_PASSPHRASE(_FILE)`. */
  passphrase?: string;
  /** Extra environment of the provider host (endpoint, credentials); default none. */
  env?: Record<string, string | undefined>;
  /** Concurrent Create/Update/Delete/Read calls; default CPUs x 4, as `pulumi up`. */
  parallel?: number;
  /** Called with every line the provider host prints. */
  onHostLine?: (line: HostLine) => void;
  /** Called with the result of every run (preview, up, refresh, destroy) once its host is gone. */
  onResult?: (result: RunResult) => void;
}

/** Concurrent provider operations by default: CPUs x 4, as `pulumi up --parallel`. */
export const DEFAULT_PARALLEL = os.cpus().length * 4;

/** Why a registration did not get a step: its check failed, or an earlier step failed. */
class StepError extends Error {}

/** What a step that never started says. */
const NOT_STARTED = {
  failed: "not applied: an earlier step failed",
  cancelled: "not applied: the update was cancelled",
};

/** The one error a cancelled run reports, as `pulumi up` does after Ctrl-C. */
export const CANCELLED_MESSAGE =
  "the update was cancelled: steps in flight finished and were saved, no new step started; run up again to finish";

// A tiny promise semaphore: at most `limit` tasks at once.
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

function readProject(programDir: string): { name: string; main?: string } {
  const file = path.join(programDir, "Pulumi.yaml");
  if (!fs.existsSync(file)) {
    throw new Error(
      `${programDir} has no Pulumi.yaml: point the harness at a Pulumi program's directory`,
    );
  }
  const doc = parseYaml(fs.readFileSync(file, "utf8")) as { name?: unknown; main?: unknown };
  if (typeof doc?.name !== "string") throw new Error(`${file} has no project name`);
  return { name: doc.name, main: typeof doc.main === "string" ? doc.main : undefined };
}

function isDynamic(type: string): boolean {
  return type.startsWith("pulumi-nodejs:dynamic");
}

function describe(err: unknown): string {
  if (err instanceof HostCallError) return err.details;
  return err instanceof Error ? err.message : String(err);
}

// A plan step for a resource already in state (refresh, destroy, deletes of an update).
function stepFor(old: ResourceState, op: StepOp): PlanStep {
  const name = old.urn.split("::").pop() ?? "";
  return {
    op,
    urn: old.urn,
    type: old.type,
    name,
    custom: old.custom,
    old,
    diffKeys: [],
    replaceReasons: [],
  };
}

// Records why a step failed, on the step and as the error diagnostic the CLI would print. `call`
// names what failed: a provider call (check, diff) or the step itself (create, update…).
function recordFailure(
  diagnostics: Diagnostic[],
  step: PlanStep,
  err: unknown,
  call: string = step.op,
): string {
  step.error = describe(err);
  diagnostics.push({
    severity: "error",
    urn: step.urn,
    message: `${step.type} resource '${step.name}': ${call} failed: ${step.error}`,
  });
  return step.error;
}

/** Drives a Pulumi program's dynamic resources through the real provider host, like the engine. */
export class TestEngine {
  /** The Pulumi project's name (from Pulumi.yaml). */
  readonly project: string;
  /** The stack's name. */
  readonly stack: string;
  /** The state file's path. */
  readonly stateFile: string;
  private readonly main?: string;
  // The stack config as the program reads it (plain values, secret keys named) and as Configure
  // sends it to the host (secrets wrapped).
  private readonly config: {
    plain: Record<string, string>;
    secretKeys: string[];
    wire: PropertyMap;
  };

  constructor(private readonly options: EngineOptions) {
    const project = readProject(options.programDir);
    this.project = project.name;
    this.main = options.main ?? project.main;
    this.stack = options.stack ?? "dev";
    this.stateFile =
      options.stateFile ??
      path.join(options.programDir, ".pulumi-harness", `${this.project}-${this.stack}.json`);
    // Keys without a namespace belong to the project, as in Pulumi.<stack>.yaml.
    const qualify = (key: string) => (key.includes(":") ? key : `${this.project}:${key}`);
    this.config = { plain: {}, secretKeys: [], wire: {} };
    for (const [k, v] of Object.entries(options.config ?? {})) {
      this.config.plain[qualify(k)] = v;
      this.config.wire[qualify(k)] = v;
    }
    for (const [k, v] of Object.entries(options.secrets ?? {})) {
      this.config.plain[qualify(k)] = v;
      this.config.wire[qualify(k)] = secret(v);
      this.config.secretKeys.push(qualify(k));
    }
  }

  // One host per command, as the CLI starts one per `pulumi` invocation; what it printed becomes
  // info diagnostics, as the CLI shows the host's output.
  private async withHost(fn: (host: ProviderHost) => Promise<RunResult>): Promise<RunResult> {
    const host = await ProviderHost.start({
      programDir: this.options.programDir,
      project: this.project,
      env: this.options.env,
      onLine: this.options.onHostLine,
    });
    let result: RunResult;
    let peakRss: number | undefined;
    try {
      await host.configure(this.config.wire);
      result = await fn(host);
    } finally {
      // Read before stopping: the high-water mark dies with the process.
      peakRss = host.peakRssBytes();
      await host.stop();
    }
    if (peakRss !== undefined) result.hostPeakRssBytes = peakRss;
    result.diagnostics.push(
      ...host.lines.map((l) => ({ severity: "info" as const, message: l.text })),
    );
    result.hostPid = host.pid;
    this.options.onResult?.(result);
    return result;
  }

  private openState(): StateFile {
    return StateFile.open(this.stateFile, this.project, this.stack, this.options.passphrase);
  }

  private result(
    kind: RunKind,
    started: number,
    steps: PlanStep[],
    diagnostics: Diagnostic[],
    outputs: PropertyMap,
    ok: boolean,
  ): RunResult {
    return {
      kind,
      ok: ok && !diagnostics.some((d) => d.severity === "error"),
      steps,
      diagnostics,
      outputs,
      durationMs: Date.now() - started,
      stack: this.stack,
      project: this.project,
    };
  }

  /** `pulumi preview`: Check and Diff only; nothing is created, changed or saved. */
  preview(): Promise<RunResult> {
    return this.withHost((host) => this.deploy(host, true));
  }

  /**
   * `pulumi up`: a preview first (unless `skipPreview`), which stops the run when it fails, then
   * the update, saving state as steps complete. Returns the update's result, or the failed (or
   * cancelled) preview's.
   */
  up(options: UpOptions = {}): Promise<RunResult> {
    return this.withHost(async (host) => {
      if (!options.skipPreview) {
        const preview = await this.deploy(host, true, options);
        if (!preview.ok) return preview;
      }
      return this.deploy(host, false, options);
    });
  }

  private async deploy(
    host: ProviderHost,
    preview: boolean,
    { signal, continueOnError }: UpOptions = {},
  ): Promise<RunResult> {
    const started = Date.now();
    const file = this.openState();
    // Old halves of replacements that an interrupted run left in state share their URN with the
    // live resource: they are not olds, only deletes still owed (the engine's pending deletes).
    const olds = new Map(file.state.resources.filter((r) => !r.delete).map((r) => [r.urn, r]));
    const live = new Map(olds);
    const order: string[] = [];
    const registered = new Set<string>();
    const steps = new Map<string, PlanStep>();
    const diagnostics: Diagnostic[] = [];
    const replaced: ResourceState[] = file.state.resources.filter((r) => r.delete === true);
    const parallel = limiter(this.options.parallel ?? DEFAULT_PARALLEL);
    let serial: Promise<unknown> = Promise.resolve();
    let failed = false;
    let cancelled = false;
    let saveTimer: NodeJS.Timeout | undefined;
    const save = () => {
      if (preview) return;
      clearTimeout(saveTimer);
      saveTimer = undefined;
      const declared = order.flatMap((u) => (live.has(u) ? [live.get(u)!] : []));
      const rest = [...live.values()].filter((r) => !registered.has(r.urn));
      file.state.resources = [...declared, ...rest, ...replaced];
      file.save();
    };
    // Pulumi checkpoints after every step; batching keeps thousands of steps cheap (a save
    // re-serializes only the entries that changed), and a crash loses at most the last 200 ms of
    // steps, which the next run redoes (re-sending feedback is harmless).
    const scheduleSave = () => {
      if (!preview && saveTimer === undefined) saveTimer = setTimeout(save, 200);
    };

    // The engine runs Check and Diff for one resource at a time.
    const oneAtATime = <T>(fn: () => Promise<T>): Promise<T> => {
      const next = serial.then(fn);
      serial = next.catch(() => undefined);
      return next;
    };

    const fail = (step: PlanStep, err: unknown, call?: string): never => {
      failed = true;
      throw new StepError(recordFailure(diagnostics, step, err, call));
    };

    // A step that may not start any more: after a failure, or once the run is cancelled.
    const notStarted = (step: PlanStep): StepError | undefined => {
      if (signal?.aborted && !cancelled) {
        cancelled = true;
        diagnostics.push({ severity: "error", message: CANCELLED_MESSAGE });
      }
      if ((!failed || continueOnError) && !cancelled) return undefined;
      step.error = cancelled ? NOT_STARTED.cancelled : NOT_STARTED.failed;
      return new StepError(step.error);
    };

    const register = async (reg: Registration): Promise<RegistrationResult> => {
      order.push(reg.urn);
      registered.add(reg.urn);
      const old = olds.get(reg.urn);
      const base = {
        urn: reg.urn,
        type: reg.type,
        name: reg.name,
        custom: reg.custom,
        old,
        diffKeys: [] as string[],
        replaceReasons: [] as string[],
      };
      const entry = (
        id: string | undefined,
        inputs: PropertyMap,
        outputs: PropertyMap,
      ): ResourceState => ({
        urn: reg.urn,
        type: reg.type,
        custom: reg.custom,
        ...(id !== undefined ? { id } : {}),
        inputs,
        outputs,
        ...(reg.parent ? { parent: reg.parent } : {}),
        ...(reg.dependencies.length > 0 ? { dependencies: reg.dependencies } : {}),
      });

      if (!reg.custom) {
        const state = entry(undefined, reg.inputs, old?.outputs ?? {});
        steps.set(reg.urn, { ...base, op: old ? "same" : "create", new: state });
        live.set(reg.urn, state);
        return { outputs: {} };
      }
      if (!isDynamic(reg.type)) {
        const step: PlanStep = { ...base, op: old ? "same" : "create" };
        steps.set(reg.urn, step);
        if (preview) {
          step.new = entry(old?.id, reg.inputs, old?.outputs ?? {});
          return { id: old?.id, outputs: old?.outputs ?? {} };
        }
        return fail(
          step,
          new Error(
            `the harness drives dynamic resources only; ${reg.type} needs its provider plugin: use the Pulumi CLI`,
          ),
        );
      }

      // Check (old inputs, new inputs), then Diff (old outputs, checked inputs): one at a time.
      const planned = await oneAtATime(async () => {
        const news: PropertyMap = { ...reg.inputs };
        for (const key of reg.ignoreChanges) {
          if (old !== undefined && key in old.inputs) news[key] = old.inputs[key];
        }
        const step: PlanStep = { ...base, op: "create" };
        steps.set(reg.urn, step);
        // A cancelled run plans nothing more; a failed one still checks (the CLI reports every
        // check failure).
        if (signal?.aborted) throw notStarted(step)!;
        const check = await host
          .check(reg.urn, old?.inputs ?? {}, news)
          .catch((err: unknown) => fail(step, err, "check"));
        if (check.failures.length > 0) {
          failed = true;
          for (const f of check.failures) {
            diagnostics.push({
              severity: "error",
              urn: reg.urn,
              message: `${reg.type} resource '${reg.name}': property ${f.property} has a problem: ${f.reason}`,
            });
          }
          step.error = check.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
          throw new StepError(step.error);
        }
        let inputs = annotateSecrets(check.inputs, news);
        if (old !== undefined) {
          const diff = await host
            .diff(reg.urn, old.id ?? "", old.outputs, inputs, old.inputs)
            .catch((err: unknown) => fail(step, err, "diff"));
          step.diffKeys = changedKeys(old.inputs, inputs);
          if (diff.changes === "none") {
            step.op = "same";
          } else if (diff.changes === "unknown") {
            // The engine compares old and new inputs itself, __provider included.
            step.op = Object.keys({ ...old.inputs, ...inputs }).some(
              (k) => !sameValue(old.inputs[k], inputs[k]),
            )
              ? "update"
              : "same";
          } else if (diff.replaces.length > 0) {
            step.op = "replace";
            step.replaceReasons = diff.replaces;
            // The engine checks again with no old inputs before a replace.
            const recheck = await host
              .check(reg.urn, {}, news)
              .catch((err: unknown) => fail(step, err, "check"));
            inputs = annotateSecrets(recheck.inputs, news);
          } else {
            step.op = "update";
          }
          return { step, inputs, deleteFirst: reg.deleteBeforeReplace ?? diff.deleteBeforeReplace };
        }
        step.diffKeys = changedKeys({}, inputs);
        return { step, inputs, deleteFirst: false };
      });
      const { step, inputs } = planned;

      if (preview) {
        if (step.op === "same") {
          step.new = entry(old!.id, inputs, old!.outputs);
          return { id: old!.id, outputs: markSecret(old!.outputs, reg.additionalSecretOutputs) };
        }
        // supportsPreview is off: the preview's outputs are the checked inputs.
        const id = step.op === "update" ? old!.id : undefined;
        step.new = entry(id, inputs, inputs);
        return { id, outputs: markSecret(inputs, reg.additionalSecretOutputs) };
      }
      let state: ResourceState;
      try {
        state = await parallel(async () => {
          // Checked when a worker picks the step up: waiting for a worker is not having started.
          const stop = notStarted(step);
          if (stop !== undefined) throw stop;
          switch (step.op) {
            case "same":
              return entry(old!.id, inputs, old!.outputs);
            case "update": {
              const outs = await host.update(
                reg.urn,
                old!.id ?? "",
                old!.outputs,
                inputs,
                old!.inputs,
              );
              return entry(old!.id, inputs, annotateSecrets(outs, inputs));
            }
            case "replace":
              if (planned.deleteFirst) {
                await host.delete(reg.urn, old!.id ?? "", old!.outputs, old!.inputs);
                live.delete(reg.urn);
                scheduleSave();
              }
              break;
            default:
              break;
          }
          const created = await host.create(reg.urn, inputs);
          return entry(created.id, inputs, annotateSecrets(created.properties, inputs));
        });
      } catch (err) {
        if (err instanceof StepError) throw err;
        if (err instanceof HostCallError && err.initFailed) {
          // A partial failure: the resource exists; keep it with the id the provider reported.
          live.set(
            reg.urn,
            entry(err.initFailed.id, inputs, annotateSecrets(err.initFailed.properties, inputs)),
          );
          scheduleSave();
        }
        return fail(step, err);
      }
      state.outputs = markSecret(state.outputs, reg.additionalSecretOutputs);
      if (step.op === "replace" && !planned.deleteFirst) replaced.push({ ...old!, delete: true });
      step.new = state;
      live.set(reg.urn, state);
      scheduleSave();
      return { id: state.id, outputs: state.outputs };
    };

    const program = await runProgram({
      programDir: this.options.programDir,
      main: this.main,
      project: this.project,
      stack: this.stack,
      preview,
      config: this.config.plain,
      secretKeys: this.config.secretKeys,
      register,
    });
    const stepErrors = [...steps.values()].flatMap((s) => (s.error !== undefined ? [s.error] : []));
    for (const err of program.errors) {
      // A failed step rejects the program's registration too; it is reported once, as the step's.
      if (err instanceof StepError || stepErrors.some((e) => describe(err).includes(e))) continue;
      diagnostics.push({ severity: "error", message: `the program failed: ${describe(err)}` });
      failed = true;
    }

    if (cancelled) failed = true;
    const stack = [...live.values()].find((r) => r.type === STACK_TYPE && registered.has(r.urn));
    // A failed run never finishes registering the stack's outputs: the old ones stay. A new entry,
    // not a change to the saved one (see StateFile).
    if (stack !== undefined && !failed) live.set(stack.urn, { ...stack, outputs: program.outputs });

    const deletes: PlanStep[] = [];
    // Resources no longer declared, and the old halves of replacements, go after everything else,
    // dependents first. After a failure nothing is deleted.
    if (!failed) {
      const gone = [...olds.values()].filter((r) => !registered.has(r.urn)).reverse();
      for (const old of [
        ...replaced.map((r) => ({ r, replacedOnly: true })),
        ...gone.map((r) => ({ r, replacedOnly: false })),
      ]) {
        const step = stepFor(old.r, "delete");
        if (!old.replacedOnly) deletes.push(step);
        if (preview) continue;
        try {
          if (old.r.custom && old.r.id !== undefined) {
            await host.delete(old.r.urn, old.r.id, old.r.outputs, old.r.inputs);
          }
          if (old.replacedOnly) replaced.splice(replaced.indexOf(old.r), 1);
          else live.delete(old.r.urn);
        } catch (err) {
          failed = true;
          recordFailure(diagnostics, step, err);
          break;
        }
      }
    }
    save();
    const ordered = order.map((u) => steps.get(u)).filter((s): s is PlanStep => s !== undefined);
    const result = this.result(
      preview ? "preview" : "update",
      started,
      [...ordered, ...deletes],
      diagnostics,
      program.outputs,
      !failed,
    );
    if (cancelled) result.cancelled = true;
    return result;
  }

  /** `pulumi refresh`: Read every resource, record what the provider reports, save. */
  refresh(): Promise<RunResult> {
    return this.withHost(async (host) => {
      const started = Date.now();
      const file = this.openState();
      const diagnostics: Diagnostic[] = [];
      const parallel = limiter(this.options.parallel ?? DEFAULT_PARALLEL);
      let ok = true;
      const results = await Promise.all(
        file.state.resources.map((old) =>
          parallel(async (): Promise<{ step: PlanStep; state?: ResourceState }> => {
            const step: PlanStep = { ...stepFor(old, "same"), new: old };
            if (!old.custom || !isDynamic(old.type) || old.id === undefined)
              return { step, state: old };
            try {
              const read = await host.read(old.urn, old.id, old.outputs, old.inputs);
              if (read.id === "") {
                step.op = "delete";
                step.new = undefined;
                return { step };
              }
              const outputs = annotateSecrets(read.properties, old.outputs);
              const inputs = read.inputs ? annotateSecrets(read.inputs, old.inputs) : old.inputs;
              const state: ResourceState = { ...old, id: read.id, inputs, outputs };
              step.diffKeys = changedKeys(old.outputs, outputs);
              step.op = step.diffKeys.length > 0 ? "update" : "same";
              step.new = state;
              return { step, state };
            } catch (err) {
              ok = false;
              recordFailure(diagnostics, step, err, "refresh");
              return { step, state: old };
            }
          }),
        ),
      );
      file.state.resources = results.flatMap((r) => (r.state ? [r.state] : []));
      file.save();
      return this.result(
        "refresh",
        started,
        results.map((r) => r.step),
        diagnostics,
        {},
        ok,
      );
    });
  }

  /** `pulumi destroy`: Delete every resource, dependents first, with its stored provider text. */
  destroy(): Promise<RunResult> {
    return this.withHost(async (host) => {
      const started = Date.now();
      const file = this.openState();
      const diagnostics: Diagnostic[] = [];
      const steps: PlanStep[] = [];
      let ok = true;
      for (const old of [...file.state.resources].reverse()) {
        const step = stepFor(old, "delete");
        steps.push(step);
        try {
          if (old.custom && old.id !== undefined)
            await host.delete(old.urn, old.id, old.outputs, old.inputs);
          file.state.resources = file.state.resources.filter((r) => r !== old);
        } catch (err) {
          ok = false;
          recordFailure(diagnostics, step, err);
          break;
        }
      }
      file.save();
      return this.result("destroy", started, steps.reverse(), diagnostics, {}, ok);
    });
  }
}
