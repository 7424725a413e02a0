// Test helpers for the process environment, which is how the AWS SDK is configured (endpoint,
// credentials, retries), exactly as in the provider host.
import assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
  type SeedCredential,
} from "../../emulator";

/** Obviously fake credentials the emulator seeds in tests accept. */
export const FAKE_ADMIN = { accessKeyId: "AKIDFAKEADMIN", secretAccessKey: "fake-secret-not-real" };
/** Obviously fake credentials of an identity denied AdminListUserAuthEvents (see {@link ADMIN_AND_AUDITOR}). */
export const FAKE_AUDITOR = {
  accessKeyId: "AKIDFAKEAUDITOR",
  secretAccessKey: "fake-secret-auditor",
};

/** Seed credentials: {@link FAKE_ADMIN} may do anything, {@link FAKE_AUDITOR} may not list events. */
export const ADMIN_AND_AUDITOR: readonly SeedCredential[] = [
  { ...FAKE_ADMIN, name: "admin" },
  { ...FAKE_AUDITOR, name: "auditor", deny: ["AdminListUserAuthEvents"] },
];

/** The environment variables that make the AWS SDK sign with `credential`. */
export function credentialEnv(credential: { accessKeyId: string; secretAccessKey: string }) {
  return {
    AWS_ACCESS_KEY_ID: credential.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credential.secretAccessKey,
  };
}

/** Variables that would let the SDK find real credentials or reach beyond loopback. */
const ISOLATION: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined,
  AWS_MAX_ATTEMPTS: undefined,
  AWS_RETRY_MODE: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  // Never let the credential chain ask the instance metadata service (a non-loopback address).
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_CONFIG_FILE: path.join(os.tmpdir(), "cognito-feedback-tests-no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), "cognito-feedback-tests-no-aws-credentials"),
};

/** Sets (or, for undefined, removes) environment variables; returns a function that restores them. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(vars)) {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Runs `fn` with environment variables set as in {@link setEnv}, restoring them afterwards. */
export async function withEnv<T>(
  vars: Record<string, string | undefined>,
  fn: () => Promise<T>,
): Promise<T> {
  const restore = setEnv(vars);
  try {
    return await fn();
  } finally {
    restore();
  }
}

/**
 * Variables for an environment with no AWS credentials, config files or metadata service, pointed
 * at `endpoint` (undefined = remove), e.g. a provider host's `env`.
 */
export function isolatedAwsVars(
  endpoint: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { ...ISOLATION, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint, ...extra };
}

/** Sets this process's environment to {@link isolatedAwsVars}; returns a function that restores it. */
export function isolatedAwsEnv(endpoint: string, extra: Record<string, string | undefined> = {}) {
  return setEnv(isolatedAwsVars(endpoint, extra));
}

/** Runs `fn` with console.log captured; returns the printed lines. */
export async function captureLog(fn: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  try {
    await fn();
  } finally {
    console.log = original;
  }
  return lines;
}

/** An emulator started with `options`, and the environment pointed at it with {@link FAKE_ADMIN}. */
export async function startWithAdminEnv(
  options: EmulatorOptions,
): Promise<{ emulator: RunningEmulator; restoreEnv: () => void }> {
  const emulator = await startEmulator(options);
  const restoreEnv = isolatedAwsEnv(emulator.url, credentialEnv(FAKE_ADMIN));
  return { emulator, restoreEnv };
}

/**
 * Registers mocha hooks that start an emulator with `options` and point the isolated environment
 * at it, signed as `credential` (once for the suite, or afresh for each test: the SDK client and
 * the credentials it resolved are cached per endpoint, so a test that changes credentials needs
 * its own endpoint), then restore the environment and stop the emulator.
 * @returns the running emulator, for use inside tests
 */
export function useEmulator(
  options: EmulatorOptions,
  { each = false, credential = FAKE_ADMIN } = {},
): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  let restoreEnv = () => {};
  (each ? beforeEach : before)(async () => {
    emulator = await startEmulator(options);
    restoreEnv = isolatedAwsEnv(emulator.url, credentialEnv(credential));
  });
  (each ? afterEach : after)(async () => {
    restoreEnv();
    await emulator?.stop();
  });
  return () => emulator ?? assert.fail("the emulator is started by a mocha hook");
}
