// The AWS SDK client side of every Cognito call: one client per region and configuration, the
// settings in force, and the per-attempt middlewares (endpoint guard, pacing). The provider host
// loads this module once per process, so its singletons are shared by every resource. The
// per-region pacers and their rates live in ./regions.ts.
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { FinalizeRequestMiddleware, MiddlewareStack } from "@smithy/types";
import { InsecureEndpointError, unsafeEndpointReason } from "./endpoint";
import type { Pacer } from "./pacing";
import { resolveSettings, type CallSettings } from "./settings";

/** Reads one stack-config value (`req.config.get` in configure). */
export type ConfigReader = (key: string) => string | undefined;

// Set by configure; the environment is read per call, so non-Pulumi users can set the variables at
// any time. An Error: the stack config was invalid, and every call fails with it.
let stackConfig: ConfigReader | Error = () => undefined;

/**
 * Makes `config` the process-wide stack config (the provider's configure calls this); an Error
 * makes every later call fail with it.
 */
export function useStackConfig(config: ConfigReader | Error): void {
  stackConfig = config;
}

/** What is wrong with the settings in force (stack config, then environment), if anything. */
export function settingsProblem(): string | undefined {
  try {
    if (stackConfig instanceof Error) return stackConfig.message;
    resolveSettings(stackConfig, process.env);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The settings in force. @throws the configured Error */
export function currentSettings(): CallSettings {
  if (stackConfig instanceof Error) throw stackConfig;
  return resolveSettings(stackConfig, process.env);
}

// One client per region and configuration: clients are costly to build, and the endpoint and
// retry variables are read when a client is built, so a change must give a new client. Sharing
// the client also shares its retry quota and adaptive rate limiter across resources.
const clients = new Map<string, CognitoIdentityProviderClient>();

/**
 * Identifies where and how calls for `region` go now: the region plus every setting and variable
 * that shapes the client (endpoint, retries, profile). `settings` are the ones in force, unless the
 * caller already resolved them.
 */
export function configurationKey(
  region: string,
  settings: Pick<CallSettings, "maxAttempts" | "retryMode"> = currentSettings(),
): string {
  const { maxAttempts, retryMode } = settings;
  const env = process.env;
  return [
    region,
    maxAttempts,
    retryMode,
    env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
    env.AWS_ENDPOINT_URL,
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS,
    env.AWS_MAX_ATTEMPTS,
    env.AWS_RETRY_MODE,
    env.AWS_PROFILE,
    env.AWS_CONFIG_FILE,
  ].join("\u0000");
}

/** The shared SDK client for `region` under the settings and environment in force. */
export function clientFor(region: string): CognitoIdentityProviderClient {
  const settings = currentSettings();
  const key = configurationKey(region, settings);
  const { maxAttempts, retryMode } = settings;
  let client = clients.get(key);
  if (client === undefined) {
    // Credentials come from the SDK's default chain, the endpoint from the AWS_ENDPOINT_URL*
    // conventions; attempts and retry mode only when ours are in force (else AWS_* decide).
    client = new CognitoIdentityProviderClient({
      region,
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
      ...(retryMode === undefined ? {} : { retryMode }),
    });
    clients.set(key, client);
  }
  return client;
}

/** Where the last attempt of a call went, for error messages. */
export interface Seen {
  url?: string;
}

/**
 * Checks the final URL of every attempt, whatever configured it (environment, AWS config file), and
 * records it for error messages.
 */
function guardEndpoint<I extends object, O extends object>(
  seen: Seen,
): FinalizeRequestMiddleware<I, O> {
  return (next) => async (args) => {
    const request = args.request as { protocol?: string; hostname?: string; port?: number };
    const protocol = request.protocol ?? "https:";
    const hostname = request.hostname ?? "";
    seen.url = `${protocol.replace(/:$/, "")}://${hostname}${request.port ? `:${request.port}` : ""}`;
    const reason = unsafeEndpointReason(protocol, hostname);
    if (reason !== undefined) throw new InsecureEndpointError(reason);
    return next(args);
  };
}

async function reserveAndWait(pacer: Pacer): Promise<void> {
  const wait = pacer.reserve(Date.now());
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

// The last call waiting in line of each in-line pacer.
const lines = new WeakMap<Pacer, Promise<void>>();

/** Resolves when `pacer` lets the next call start (in line after the others, if it says so). */
export async function waitTurn(pacer: Pacer): Promise<void> {
  if (!pacer.inLine) return reserveAndWait(pacer);
  const mine = (lines.get(pacer) ?? Promise.resolve()).then(async () => {
    await reserveAndWait(pacer);
    pacer.started(Date.now());
  });
  lines.set(pacer, mine);
  return mine;
}

/** Waits for the pacer's slot before each attempt, so SDK retries are paced as well. */
function pace<I extends object, O extends object>(pacer: Pacer): FinalizeRequestMiddleware<I, O> {
  return (next) => async (args) => {
    await waitTurn(pacer);
    return next(args);
  };
}

/**
 * Prepares a command's middleware stack so every attempt (retries included) passes the endpoint
 * guard, after the retry middleware and before signing.
 */
export function guard<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  seen: Seen,
): void {
  stack.addRelativeTo(guardEndpoint<I, O>(seen), {
    relation: "before",
    toMiddleware: "httpSigningMiddleware",
    name: "cognitoFeedbackEndpointGuard",
  });
}

/**
 * Prepares a command's middleware stack: every attempt (retries included) passes the endpoint guard,
 * then waits for `pacer`. Both run after the retry middleware and before signing, so a signature is
 * never made stale by the wait, and a refused endpoint is refused without waiting.
 */
export function guardAndPace<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  pacer: Pacer,
  seen: Seen,
): void {
  guard(stack, seen);
  stack.addRelativeTo(pace<I, O>(pacer), {
    relation: "after",
    toMiddleware: "cognitoFeedbackEndpointGuard",
    name: "cognitoFeedbackPacing",
  });
}
