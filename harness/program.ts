// Runs an unmodified Pulumi program in this process under `pulumi.runtime.setMocks`, and hands
// every resource registration, with its full request (parent, dependencies, options), to the
// engine. What the engine answers becomes the resource's outputs in the program.
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Pulumi from "@pulumi/pulumi";
import type * as resourcePb from "@pulumi/pulumi/proto/resource_pb";
import type { PropertyMap } from "./properties";

/** One resource the program declared, as the engine's RegisterResource request carries it. */
export interface Registration {
  /** Engine-style URN (the root stack is not part of a child's type chain). */
  urn: string;
  type: string;
  name: string;
  /** False for components and the stack. */
  custom: boolean;
  parent?: string;
  /** Inputs in wire form: secrets as wrappers, values not known yet as the unknown sentinel. */
  inputs: PropertyMap;
  dependencies: string[];
  /** The `deleteBeforeReplace` resource option, when the program set it. */
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs: string[];
  ignoreChanges: string[];
}

/** What the engine answers for a registration: id (absent = unknown in preview) and outputs in wire form. */
export interface RegistrationResult {
  id?: string;
  outputs: PropertyMap;
}

/** Options of {@link runProgram}. */
export interface ProgramOptions {
  programDir: string;
  /** Entry file relative to programDir; default: package.json `main`, else `index`. */
  main?: string;
  project: string;
  stack: string;
  preview: boolean;
  /** Stack config with namespaced keys (`project:key`). */
  config: Record<string, string>;
  /** Keys of `config` that are secrets: `config.getSecret` and `requireSecret` mark them. */
  secretKeys: string[];
  /** The engine's step for one registration. */
  register: (registration: Registration) => Promise<RegistrationResult>;
}

/** The outcome of running the program. */
export interface ProgramResult {
  /** Stack outputs in wire form (secrets as wrappers, unknowns as the sentinel). */
  outputs: PropertyMap;
  /** Set when the program itself threw, or a registration failed. */
  errors: Error[];
}

/** The root stack resource's type. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/** The URN the engine gives a resource: children of the root stack do not carry its type. */
export function engineUrn(
  stack: string,
  project: string,
  parent: string,
  type: string,
  name: string,
): string {
  let qualified = type;
  if (parent) {
    const parentType = parent.split("::")[2] ?? "";
    if (parentType !== STACK_TYPE) qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

// The parts of the SDK's mock monitor this runner relies on (pinned SDK version: see package.json).
interface MockMonitor {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: resourcePb.RegisterResourceRequest, callback: unknown): Promise<void>;
  resources: Map<string, { urn: string; state: unknown }>;
}

function programEntry(programDir: string, main: string | undefined): string {
  if (main !== undefined) return path.resolve(programDir, main);
  const pkgFile = path.join(programDir, "package.json");
  if (fs.existsSync(pkgFile)) {
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: string };
    if (pkg.main !== undefined) return path.resolve(programDir, pkg.main);
  }
  return path.join(programDir, "index");
}

function ensureTypeScript(): void {
  // The Pulumi CLI runs TypeScript programs through ts-node; do the same when nothing else has.
  if (require.extensions[".ts"] === undefined) {
    (createRequire(__filename)("ts-node") as typeof import("ts-node")).register({
      transpileOnly: true,
    });
  }
}

function forgetProgramModules(programDir: string): void {
  // So that the same program can run again in this process (preview, then up).
  const prefix = path.resolve(programDir) + path.sep;
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(prefix) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
      delete require.cache[key];
    }
  }
}

async function settle(
  settings: { waitForRPCs(): Promise<void> },
  busy: () => boolean,
): Promise<void> {
  // Awaiting the stack is not enough: registrations of unexported resources may still be queued.
  for (let quiet = 0; quiet < 3;) {
    await settings.waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
    quiet = busy() ? 0 : quiet + 1;
    if (busy()) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Runs the program once (a preview or an update) and resolves when every registration it made
 * has been answered. The program's own errors are collected, never thrown.
 */
export async function runProgram(options: ProgramOptions): Promise<ProgramResult> {
  const fromProgram = createRequire(path.join(options.programDir, "index.js"));
  // The program and this runner must share one copy of the SDK.
  const pulumi = fromProgram("@pulumi/pulumi") as typeof Pulumi;
  const settings = fromProgram("@pulumi/pulumi/runtime/settings") as {
    getMonitor(): unknown;
    waitForRPCs(): Promise<void>;
  };
  const errors: Error[] = [];
  let inflight = 0;
  let current: resourcePb.RegisterResourceRequest | undefined;

  const mocks: Pulumi.runtime.Mocks = {
    newResource: async () => {
      // The monitor calls newResource synchronously from registerResource, so `current` is its request.
      const req = current!;
      current = undefined;
      const registration: Registration = {
        urn: engineUrn(
          options.stack,
          options.project,
          req.getParent(),
          req.getType(),
          req.getName(),
        ),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent() || undefined,
        inputs: req.getObject()?.toJavaScript() ?? {},
        dependencies: req.getDependenciesList(),
        deleteBeforeReplace: req.getDeletebeforereplacedefined()
          ? req.getDeletebeforereplace()
          : undefined,
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        ignoreChanges: req.getIgnorechangesList(),
      };
      inflight++;
      try {
        const result = await options.register(registration);
        // Wire-form outputs go back as they are: the SDK reads secret wrappers and the unknown
        // sentinel in the state it is given.
        return { id: result.id, state: result.outputs };
      } catch (err) {
        errors.push(err as Error);
        throw err;
      } finally {
        inflight--;
      }
    },
    call: (args) => {
      throw new Error(`the harness does not run provider functions (invoke ${args.token})`);
    },
  };

  await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.preview);
  const monitor = settings.getMonitor() as MockMonitor;
  monitor.newUrn = (parent, type, name) =>
    engineUrn(options.stack, options.project, parent, type, name);
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    current = req;
    return register(req, callback);
  };
  pulumi.runtime.setAllConfig(options.config, options.secretKeys);

  // A failed registration rejects every output derived from it; those rejections are reported
  // once, through `errors`, not as unhandled rejections of this process.
  const swallow = () => undefined;
  process.on("unhandledRejection", swallow);
  // Pulumi runs a program from its project directory, so relative paths in it resolve there.
  const cwd = process.cwd();
  process.chdir(options.programDir);
  try {
    ensureTypeScript();
    forgetProgramModules(options.programDir);
    const entry = fromProgram.resolve(programEntry(options.programDir, options.main));
    await pulumi.runtime
      .runInPulumiStack(async () => {
        const exported = fromProgram(entry) as unknown;
        return typeof exported === "function"
          ? ((await (exported as () => unknown)()) as object)
          : exported;
      })
      .catch((err: unknown) => {
        if (!errors.includes(err as Error)) errors.push(err as Error);
      });
    await settle(settings, () => inflight > 0 || current !== undefined);
  } finally {
    forgetProgramModules(options.programDir);
    process.chdir(cwd);
    process.off("unhandledRejection", swallow);
  }

  const stackUrn = engineUrn(
    options.stack,
    options.project,
    "",
    STACK_TYPE,
    `${options.project}-${options.stack}`,
  );
  const stackState = monitor.resources.get(stackUrn)?.state as
    { toJavaScript?: () => unknown } | undefined;
  const outputs = (
    typeof stackState?.toJavaScript === "function" ? stackState.toJavaScript() : (stackState ?? {})
  ) as PropertyMap;
  return { outputs, errors };
}
