// Test helpers for the process environment, which is how the AWS SDK is configured (endpoint,
// credentials, retries), exactly as in the provider host.
import { credentialEnv, isolatedAwsVars } from "../../emulator/client-env";

// The emulator fixture (./emulator.ts) sets the isolated environment; these build it by hand.
export { credentialEnv, isolatedAwsVars };

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
