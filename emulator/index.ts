/**
 * In-process API of the local Cognito emulator: start it on a loopback port with a seed, point
 * an AWS SDK client at `url`, inspect or change `store`, then `stop()` it.
 */
import type { AddressInfo } from "node:net";
import type { FaultOptions } from "./faults";
import type { Seed } from "./seed";
import { createEmulatorServer, type RequestLogger } from "./server";
import { EmulatorStore } from "./store";

// Re-exports: everything a test, the demo or a custom host needs, from one import.
export { ServiceError, statusFor } from "./errors";
export {
  AUTH_EVENT_OPERATIONS,
  IMPLEMENTED_OPERATIONS,
  COGNITO_OPERATIONS,
  TARGET_PREFIX,
  type OperationName,
} from "./model";
export {
  ACCOUNT_ID,
  ADMIN_FEEDBACK_PROVIDER,
  DEFAULT_PAGE_SIZE,
  MISSING_ATTRIBUTES_MESSAGE,
  USER_FEEDBACK_PROVIDER,
} from "./operations";
export {
  FILTER_ERROR_MESSAGE,
  SEARCHABLE_ATTRIBUTES,
  TOKEN_ERROR_MESSAGE,
  parseUserFilter,
  type SearchableAttribute,
  type UserFilter,
} from "./user-search";
export { generatedPool, generatedUser, type GeneratedPoolOptions } from "./generate";
export {
  DEFAULT_USER_CREATE_DATE,
  SeedError,
  defaultFeaturePlan,
  defaultSub,
  loadSeedFile,
  parseSeed,
  validateSeed,
  type AliasAttribute,
  type DeniableAction,
  type EventResponse,
  type EventType,
  type FeaturePlan,
  type FeedbackValue,
  type Seed,
  type SeedCredential,
  type SeedEvent,
  type SeedEventContext,
  type SeedFeedback,
  type SeedProblem,
  type SeedProvisionedLimits,
  type SeedRisk,
  type SeedUser,
  type SeedUserPool,
  type ThreatProtectionMode,
  type UserStatus,
} from "./seed";
export {
  CONTENT_TYPE,
  createEmulatorServer,
  createRequestListener,
  type RequestLogger,
} from "./server";
export {
  FaultOptionsError,
  FaultPlan,
  QUOTA_CATEGORIES,
  QUOTA_CATEGORY,
  REAL_QUOTAS,
  isQuotaCategory,
  quotaCategoryChoice,
  type FaultOptions,
  type Latency,
  type QuotaCategory,
  type Quotas,
} from "./faults";
export {
  EmulatorStore,
  type AuthEventRecord,
  type EmulatorCounters,
  type FaultSpec,
  type FeedbackRecord,
  type OperationCounters,
  type PoolRecord,
  type RequestOutcome,
  type RequestRecord,
  type UserRecord,
} from "./store";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; default 0 = an ephemeral port chosen by the OS. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Initial state; default empty (no pools, no credentials: any signature accepted). */
  seed?: Seed;
  /** Called with one line per request (never bodies); default no logging. */
  log?: RequestLogger;
  /** Simulated quotas, errors, drops and latency; default none. Change later with `store.setFaults`. */
  faults?: FaultOptions;
}

/** A started emulator. */
export interface RunningEmulator {
  /** Base URL for the SDK's `endpoint`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  store: EmulatorStore;
  /** Closes the server and every open connection; safe to call twice. */
  stop(): Promise<void>;
}

/** `http://host:port`, with brackets around IPv6 literals. */
export function endpointUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Starts the emulator and resolves once it listens.
 * @throws SeedError when `options.seed` is invalid; FaultOptionsError when `options.faults` is;
 *   the listen error when the port is taken.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const store = new EmulatorStore();
  if (options.seed !== undefined) store.load(options.seed);
  if (options.faults !== undefined) store.setFaults(options.faults);
  const server = createEmulatorServer(store, options.log);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    url: endpointUrl(host, port),
    port,
    store,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from SDK clients would otherwise hold the process open.
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
