// Test helpers for the process environment, which is how the AWS SDK is configured (endpoint,
// credentials, retries), exactly as in the provider host.
import assert from "node:assert/strict";
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
  type SeedCredential,
} from "../../emulator";
import { credentialEnv, isolatedAwsVars } from "../../emulator/client-env";

export { credentialEnv, isolatedAwsVars };

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
