// The real dynamic-provider host shipped in @pulumi/pulumi (`cmd/dynamic-provider`), the process
// `pulumi up` starts for every Node dynamic resource: started from the program's directory,
// driven over gRPC, always stopped.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import type * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";
import type * as statusPb from "@pulumi/pulumi/proto/status_pb";
import { revealMap, type PropertyMap } from "./properties";

/** How a provider call failed, as the engine would see it. */
export class HostCallError extends Error {
  /** gRPC status code (2 = UNKNOWN for errors thrown by provider code). */
  readonly code: number;
  /** The provider's error message, as the host sent it. */
  readonly details: string;
  /** Set when the host reported a partial failure (`ErrorResourceInitFailed`): the resource exists with this id. */
  readonly initFailed?: { id: string; properties: PropertyMap; reasons: string[] };
  constructor(
    method: string,
    code: number,
    details: string,
    initFailed?: HostCallError["initFailed"],
  ) {
    super(`${method} failed: ${details}`);
    this.name = "HostCallError";
    this.code = code;
    this.details = details;
    this.initFailed = initFailed;
  }
}

/** One line the host printed after its port line, which the CLI shows as an info diagnostic. */
export interface HostLine {
  stream: "stdout" | "stderr";
  text: string;
}

/** Options of {@link ProviderHost.start}. */
export interface HostOptions {
  /** The program's directory: the host's cwd, from which the provider resolves its packages. */
  programDir: string;
  /** The Pulumi project name, given to the host as `PULUMI_NODEJS_PROJECT`. */
  project: string;
  /** Extra environment for the host (e.g. `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`); default none. */
  env?: Record<string, string | undefined>;
  /** Called with each line the host prints; default: kept in {@link ProviderHost.lines} only. */
  onLine?: (line: HostLine) => void;
  /** How long to wait for the port line; default 30 s. */
  startTimeoutMs?: number;
}

/** The result of Check. */
export interface CheckResult {
  inputs: PropertyMap;
  failures: { property: string; reason: string }[];
}

/** The result of Diff: `changes` is `"none"`, `"some"` or `"unknown"` (the engine then compares inputs). */
export interface DiffResult {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** The result of Read: an empty id means the resource no longer exists. */
export interface ReadResult {
  id: string;
  properties: PropertyMap;
  inputs?: PropertyMap;
}

type Pb = typeof providerPb;

// The setters DiffRequest and UpdateRequest share.
interface ChangeRequest {
  setUrn(value: string): unknown;
  setId(value: string): unknown;
  setOlds(value?: structPb.Struct): unknown;
  setNews(value?: structPb.Struct): unknown;
  setOldInputs(value?: structPb.Struct): unknown;
}
type StructCtor = typeof structPb.Struct;

/**
 * Runs the unmodified host entry (argv[1]) behind a parent-death watchdog: the host's stdin is a
 * pipe from this process, and the kernel closes it when this process dies in any way, SIGKILL
 * included, so the host exits then instead of living on as an orphan. (`node -e code entry addr`
 * gives the entry the same argv as `node entry addr`.)
 */
export const HOST_WATCHDOG =
  'process.stdin.on("end",()=>process.exit(0)).on("error",()=>process.exit(0)).resume();require(process.argv[1]);';

/** The peak resident memory (`VmHWM`) of a running process in bytes, or undefined without `/proc`. */
export function peakRssOf(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

// Every started host, so that none outlives this process when it exits normally; the watchdog
// covers the deaths that run no exit handler (SIGKILL, an unhandled signal).
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A started provider host and a gRPC client connected to it. */
export class ProviderHost {
  private stopped?: Promise<void>;

  private constructor(
    /** Every line the host printed after its port, in order; grows while the host runs. */
    readonly lines: HostLine[],
    private readonly child: ChildProcess,
    private readonly drained: Promise<unknown>,
    private readonly client: providerGrpc.ResourceProviderClient,
    private readonly pb: Pb,
    private readonly Struct: StructCtor,
    private readonly decodeInitFailed: (metadata: grpc.Metadata) => HostCallError["initFailed"],
    /** Host process id, for tests that check it is gone. */
    readonly pid: number,
  ) {}

  /**
   * Starts the host the way the Pulumi CLI does: `node <@pulumi/pulumi/cmd/dynamic-provider>
   * <engine>` with cwd at the program, resolving the SDK from the program's own node_modules.
   * The engine address is required by the host but never used.
   */
  static async start(options: HostOptions): Promise<ProviderHost> {
    const fromProgram = createRequire(path.join(options.programDir, "index.js"));
    const entry = fromProgram.resolve("@pulumi/pulumi/cmd/dynamic-provider");
    // The protocol classes must come from the same SDK copy as the host's.
    const pb = fromProgram("@pulumi/pulumi/proto/provider_pb") as Pb;
    const grpcPb = fromProgram("@pulumi/pulumi/proto/provider_grpc_pb") as typeof providerGrpc;
    const Struct = (fromProgram("google-protobuf/google/protobuf/struct_pb") as typeof structPb)
      .Struct;
    const statusProto = fromProgram("@pulumi/pulumi/proto/status_pb") as typeof statusPb;

    const env: Record<string, string | undefined> = { ...process.env, ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    env.PULUMI_NODEJS_PROJECT = options.project;
    env.PULUMI_PROJECT = options.project;
    // With an engine address in the environment, pulumi.log inside the provider would dial it.
    delete env.PULUMI_NODEJS_ENGINE;
    const child = spawn(process.execPath, ["-e", HOST_WATCHDOG, entry, "harness-no-engine"], {
      cwd: options.programDir,
      env: env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    running.add(child);
    child.once("exit", () => {
      running.delete(child);
      // The watchdog's pipe is never written; closed, it holds no handle open in this process.
      child.stdin?.destroy();
    });

    const lines: HostLine[] = [];
    let onPort: (port: string) => void = () => undefined;
    const portLine = new Promise<string>((resolve) => (onPort = resolve));
    let sawPort = false;
    const collect = (stream: HostLine["stream"]) => (text: string) => {
      if (stream === "stdout" && !sawPort) {
        sawPort = true;
        onPort(text.trim());
        return;
      }
      const line = { stream, text };
      lines.push(line);
      options.onLine?.(line);
    };
    // Keep draining both pipes: a full pipe would block the host.
    const drained = (["stdout", "stderr"] as const).map((stream) => {
      const reader = readline.createInterface({ input: child[stream] });
      reader.on("line", collect(stream));
      return new Promise<void>((resolve) => reader.once("close", resolve));
    });

    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) =>
        reject(
          new Error(
            `the provider host exited with code ${code} before it was ready: ${lines.map((l) => l.text).join("\n")}`,
          ),
        ),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("the provider host did not print its port in time")),
        options.startTimeoutMs ?? 30_000,
      );
    });
    let port: string;
    try {
      port = await Promise.race([portLine, exited, timeout]);
    } catch (err) {
      child.kill("SIGKILL");
      throw err;
    } finally {
      clearTimeout(timer);
    }
    exited.catch(() => undefined);
    if (!/^\d+$/.test(port)) {
      child.kill("SIGKILL");
      throw new Error(`the provider host printed ${JSON.stringify(port)} instead of its port`);
    }
    const client = new grpcPb.ResourceProviderClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createInsecure(),
    );
    const decodeInitFailed = (metadata: grpc.Metadata): HostCallError["initFailed"] => {
      const raw = metadata.get("grpc-status-details-bin")[0];
      if (!(raw instanceof Buffer)) return undefined;
      const status = statusProto.Status.deserializeBinary(new Uint8Array(raw));
      for (const detail of status.getDetailsList()) {
        if (!detail.getTypeUrl().endsWith("pulumirpc.ErrorResourceInitFailed")) continue;
        const failed = pb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
        return {
          id: failed.getId(),
          properties: failed.getProperties()?.toJavaScript() ?? {},
          reasons: failed.getReasonsList(),
        };
      }
      return undefined;
    };
    return new ProviderHost(
      lines,
      child,
      Promise.all(drained),
      client,
      pb,
      Struct,
      decodeInitFailed,
      child.pid!,
    );
  }

  private struct(props: PropertyMap): structPb.Struct {
    // The host does not accept secrets: it gets plain values, with undefined removed.
    return this.Struct.fromJavaScript(
      revealMap(props) as Parameters<StructCtor["fromJavaScript"]>[0],
    );
  }

  private call<Req, Res>(method: string, request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      type Unary = (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => void;
      const fn = (this.client as unknown as Record<string, Unary>)[method].bind(this.client);
      fn(request, (err, res) => {
        if (err) {
          reject(
            new HostCallError(
              method,
              err.code,
              err.details,
              err.metadata ? this.decodeInitFailed(err.metadata) : undefined,
            ),
          );
        } else {
          resolve(res);
        }
      });
    });
  }

  /** Configure: the stack config (namespaced keys; secrets in wire form, the host unwraps them). */
  async configure(config: PropertyMap): Promise<void> {
    const req = new this.pb.ConfigureRequest();
    req.setArgs(this.Struct.fromJavaScript(config as Parameters<StructCtor["fromJavaScript"]>[0]));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    await this.call("configure", req);
  }

  /** Check(olds = old inputs, news = new inputs). */
  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const req = new this.pb.CheckRequest();
    req.setUrn(urn);
    req.setOlds(this.struct(olds));
    req.setNews(this.struct(news));
    const res = await this.call<providerPb.CheckRequest, providerPb.CheckResponse>("check", req);
    return {
      inputs: res.getInputs()?.toJavaScript() ?? {},
      failures: res
        .getFailuresList()
        .map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  // Diff and Update carry the same fields: the resource, its old outputs, the checked inputs and
  // the old inputs (which the host drops, but the engine sends).
  private change<R extends ChangeRequest>(
    req: R,
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): R {
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(this.struct(olds));
    req.setNews(this.struct(news));
    req.setOldInputs(this.struct(oldInputs));
    return req;
  }

  /** Diff(id, olds = old outputs, news = checked inputs); the engine also sends the old inputs. */
  async diff(
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): Promise<DiffResult> {
    const req = this.change(new this.pb.DiffRequest(), urn, id, olds, news, oldInputs);
    const res = await this.call<providerPb.DiffRequest, providerPb.DiffResponse>("diff", req);
    const C = this.pb.DiffResponse.DiffChanges;
    const changes = res.getChanges();
    return {
      changes: changes === C.DIFF_SOME ? "some" : changes === C.DIFF_NONE ? "none" : "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
    };
  }

  /** Create(checked inputs): the id and outputs (the host adds `__provider`). */
  async create(urn: string, inputs: PropertyMap): Promise<{ id: string; properties: PropertyMap }> {
    const req = new this.pb.CreateRequest();
    req.setUrn(urn);
    req.setProperties(this.struct(inputs));
    const res = await this.call<providerPb.CreateRequest, providerPb.CreateResponse>("create", req);
    return {
      id: res.getId(),
      properties: res.getProperties()?.toJavaScript() ?? {},
    };
  }

  /** Update(id, olds = old outputs, news = checked inputs); the engine also sends the old inputs. */
  async update(
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): Promise<PropertyMap> {
    const req = this.change(new this.pb.UpdateRequest(), urn, id, olds, news, oldInputs);
    const res = await this.call<providerPb.UpdateRequest, providerPb.UpdateResponse>("update", req);
    return res.getProperties()?.toJavaScript() ?? {};
  }

  /** Read(id, state outputs, state inputs), as refresh sends it. */
  async read(
    urn: string,
    id: string,
    state: PropertyMap,
    inputs: PropertyMap,
  ): Promise<ReadResult> {
    const req = new this.pb.ReadRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(this.struct(state));
    req.setInputs(this.struct(inputs));
    const res = await this.call<providerPb.ReadRequest, providerPb.ReadResponse>("read", req);
    return {
      id: res.getId(),
      properties: res.getProperties()?.toJavaScript() ?? {},
      inputs: res.getInputs() ? res.getInputs()!.toJavaScript() : undefined,
    };
  }

  /** Delete(id, state outputs); the engine also sends the old inputs. */
  async delete(urn: string, id: string, state: PropertyMap, oldInputs: PropertyMap): Promise<void> {
    const req = new this.pb.DeleteRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(this.struct(state));
    req.setOldInputs(this.struct(oldInputs));
    await this.call("delete", req);
  }

  /** The host's peak resident memory so far (see {@link peakRssOf}); undefined once it is gone. */
  peakRssBytes(): number | undefined {
    return this.alive ? peakRssOf(this.pid) : undefined;
  }

  private get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Closes the client and kills the host; resolves once the process is gone and everything it
   * printed is in {@link lines}. Safe to call twice.
   */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.client.close();
      if (!this.alive) {
        resolve();
        return;
      }
      this.child.once("exit", () => resolve());
      this.child.kill("SIGKILL");
    }).then(() => this.drained.then(() => undefined));
    return this.stopped;
  }
}
