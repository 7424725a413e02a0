// The incident-sweep measurement: the built CLI (dist/cli/index.js sweep) as a child process
// against the in-process emulator with Cognito's real quotas, seeded with ./sweep.ts's pool. Wall
// time is the child's, spawn to exit, as a user waits for it; the calls come from the emulator.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { credentialEnv, isolatedAwsVars } from "../emulator/client-env";
import { parseOverrides } from "../provider/gitops/overrides";
import { BENCH_ADMIN } from "./scenario";
import {
  ATTACK_RANGE,
  expectedMatches,
  INCIDENT_SINCE,
  sweepSeed,
  SWEEP_POOL,
  type SweepSample,
  type SweepScenario,
} from "./sweep";

const CLI = path.join(__dirname, "../dist/cli/index.js");

/** The sweep's arguments (after `sweep`). */
export const SWEEP_ARGS = [
  "--user-pool-id",
  SWEEP_POOL,
  "--ip",
  ATTACK_RANGE,
  "--since",
  INCIDENT_SINCE,
  "--format",
  "yaml",
  "--verdict",
  "invalid",
  "--reason",
  "Credential stuffing from 198.51.100.0/24 (bench incident)",
  "--ticket",
  "BENCH-1",
];

function run(
  env: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, "sweep", ...SWEEP_ARGS], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      process.stderr.write(`    ${d.toString().trimEnd().replace(/\n/g, "\n    ")}\n`);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, code, stdout, stderr });
    });
  });
}

/** One sweep of `scenario`: a fresh emulator (its quota windows empty), the CLI, the numbers. */
export async function measureSweep(
  scenario: SweepScenario,
  extraEnv: Record<string, string> = {},
): Promise<SweepSample> {
  const emulator = await startEmulator({ seed: sweepSeed(scenario), faults: { quotas: "real" } });
  try {
    const env = {
      ...process.env,
      ...isolatedAwsVars(emulator.url, credentialEnv(BENCH_ADMIN)),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...extraEnv,
    };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete (env as Record<string, unknown>)[key];
    }
    const result = await run(env);
    const parsed = parseOverrides(result.stdout, "sweep.yaml");
    const counters = emulator.store.counters().operations;
    const throttled = Object.values(counters).reduce((n, c) => n + c.throttled, 0);
    const lines = result.stderr.trimEnd().split("\n");
    return {
      wallMs: Math.round(result.wallMs),
      exitCode: result.code,
      entries: parsed.ok
        ? parsed.overrides.length
        : (result.stdout.match(/^ {2}- /gm) ?? []).length,
      expectedEntries: expectedMatches(scenario),
      checkPasses: parsed.ok,
      listUsersCalls: counters.ListUsers?.succeeded ?? 0,
      eventCalls: counters.AdminListUserAuthEvents?.succeeded ?? 0,
      throttled,
      summary: lines.find((l) => /^sweep: (done|stopped) after/.test(l)) ?? lines[lines.length - 1],
    };
  } finally {
    await emulator.stop();
  }
}
