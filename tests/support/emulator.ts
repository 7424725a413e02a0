// The tests' one emulator fixture: mocha hooks that start the emulator, point this process's AWS
// environment at it (isolated from real AWS, signed with a fake key), then restore and stop.
import assert from "node:assert/strict";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { credentialEnv, isolatedAwsVars, type AccessKey } from "../../emulator/client-env";
import { setEnv } from "./env";
import { CREDENTIALS, testSeed } from "./seeds";

/** Options of {@link useEmulator}: the emulator's own, and how the hooks run it. */
export interface EmulatorFixtureOptions extends EmulatorOptions {
  /**
   * Start afresh for each test instead of once for the suite. The provider's SDK client, and the
   * credentials it resolved, are cached per endpoint: a test that signs differently needs this.
   */
  each?: boolean;
  /** The key the environment signs with, or "none" for no credentials; default the fake admin. */
  credential?: AccessKey | "none";
}

/**
 * Registers mocha hooks around the current suite (or each of its tests): start an emulator
 * (default seed {@link testSeed}), set the isolated AWS environment to it, and afterwards restore
 * the environment and stop the emulator. Hooks registered after this call run after the start and
 * after the stop.
 * @returns the running emulator, for use inside tests and later hooks
 */
export function useEmulator({
  each = false,
  credential = CREDENTIALS.admin,
  ...options
}: EmulatorFixtureOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  let restoreEnv = () => {};
  (each ? beforeEach : before)(async () => {
    emulator = await startEmulator({ seed: testSeed(), ...options });
    const signing = credential === "none" ? {} : credentialEnv(credential);
    restoreEnv = setEnv(isolatedAwsVars(emulator.url, signing));
  });
  (each ? afterEach : after)(async () => {
    restoreEnv();
    await emulator?.stop();
    emulator = undefined;
  });
  return () => emulator ?? assert.fail("the emulator is started by a mocha hook");
}
