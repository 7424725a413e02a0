// `npm run demo`: the product's main job, offline. Starts the local Cognito emulator with the
// demo seed, then runs examples/basic through the harness test engine and the real Pulumi
// provider host: preview, up, change the verdict, rotate the token, point at another event,
// destroy. Prints every plan, checks every result against the emulator, exits non-zero on any
// surprise, and stops everything it started.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadSeedFile, startEmulator, type RunningEmulator } from "../emulator";
import { TestEngine, type RunResult } from "../harness/engine";
import { renderPlan } from "../harness/plan";

const ROOT = path.resolve(__dirname, "..");
const POOL = "us-east-1_DemoPool1";
// Events and made-up tokens from emulator/seeds/demo.yaml.
const LAGOS = { eventId: "7875548a-bd00-490a-93b8-fa36fe42a3e0", token: "fake-token-alice-1" };
const BERLIN = { eventId: "2c3f1a9e-8d4b-4f6a-a1e2-5b7c9d0e1f23", token: "fake-token-alice-2" };
const ROTATED = "fake-token-alice-1-rotated";

/** A verdict the demo declares. */
interface Declared {
  eventId: string;
  feedbackValue: string;
  token: string;
}

/** One act of the story: what is declared, which command runs, and what must come of it. */
interface Act {
  title: string;
  declared: Declared;
  command: "preview" | "up" | "destroy";
  /** The expected step per dynamic resource, e.g. `create suspicious-sign-in`. */
  ops: string[];
  /** What Cognito must hold afterwards: event id -> verdict (undefined = none). */
  cognito: Record<string, string | undefined>;
  /** How many feedback calls Cognito may receive during the act. */
  calls: number;
}

const ACTS: Act[] = [
  {
    title: "A reviewer opens the pull request: `pulumi preview` of a new verdict",
    declared: { eventId: LAGOS.eventId, feedbackValue: "Invalid", token: LAGOS.token },
    command: "preview",
    ops: ["create suspicious-sign-in"],
    cognito: { [LAGOS.eventId]: undefined },
    calls: 0,
  },
  {
    title: "Merged: `pulumi up` records the verdict (token mode, no IAM)",
    declared: { eventId: LAGOS.eventId, feedbackValue: "Invalid", token: LAGOS.token },
    command: "up",
    ops: ["create suspicious-sign-in"],
    cognito: { [LAGOS.eventId]: "Invalid" },
    calls: 1,
  },
  {
    title: "The user confirms it was them: the verdict changes to valid (update in place)",
    declared: { eventId: LAGOS.eventId, feedbackValue: "valid", token: LAGOS.token },
    command: "up",
    ops: ["update suspicious-sign-in"],
    cognito: { [LAGOS.eventId]: "Valid" },
    calls: 1,
  },
  {
    title: "The token is rotated in secret config: no change, nothing sent",
    declared: { eventId: LAGOS.eventId, feedbackValue: "Valid", token: ROTATED },
    command: "up",
    ops: ["same suspicious-sign-in"],
    cognito: { [LAGOS.eventId]: "Valid" },
    calls: 0,
  },
  {
    title: "The override moves to another sign-in: replace, forced by eventId",
    declared: { eventId: BERLIN.eventId, feedbackValue: "Invalid", token: BERLIN.token },
    command: "up",
    ops: ["replace suspicious-sign-in"],
    cognito: { [BERLIN.eventId]: "Invalid", [LAGOS.eventId]: "Valid" },
    calls: 1,
  },
  {
    title:
      "The stack is retired: `pulumi destroy` (Cognito keeps the verdicts; none can be withdrawn)",
    declared: { eventId: BERLIN.eventId, feedbackValue: "Invalid", token: BERLIN.token },
    command: "destroy",
    ops: ["delete suspicious-sign-in"],
    cognito: { [BERLIN.eventId]: "Invalid", [LAGOS.eventId]: "Valid" },
    calls: 0,
  },
];

function feedbackCalls(emulator: RunningEmulator): number {
  return emulator.store.requests.filter((r) => r.operation?.endsWith("AuthEventFeedback")).length;
}

function surprises(
  act: Act,
  result: RunResult,
  emulator: RunningEmulator,
  calls: number,
  secrets: string[],
): string[] {
  const found: string[] = [];
  if (!result.ok) found.push(`the ${act.command} failed`);
  const ops = result.steps.filter((s) => s.custom).map((s) => `${s.op} ${s.name}`);
  if (JSON.stringify(ops) !== JSON.stringify(act.ops)) {
    found.push(`expected ${act.ops.join(", ")}, the plan has ${ops.join(", ") || "nothing"}`);
  }
  for (const [eventId, want] of Object.entries(act.cognito)) {
    const got = emulator.store.feedbackOf(POOL, eventId)?.value;
    if (got !== want)
      found.push(`Cognito has ${got ?? "no feedback"} on ${eventId}, expected ${want ?? "none"}`);
  }
  if (calls !== act.calls)
    found.push(`Cognito received ${calls} feedback call(s), expected ${act.calls}`);
  const printed = renderPlan(result).join("\n");
  if (secrets.some((s) => printed.includes(s))) found.push("a token appeared in the output");
  return found;
}

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator({
    seed: loadSeedFile(path.join(ROOT, "emulator/seeds/demo.yaml")),
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-demo-"));
  const passphrase = crypto.randomBytes(24).toString("base64");
  const secrets = [LAGOS.token, BERLIN.token, ROTATED];
  let failures = 0;
  try {
    console.log(
      `Cognito emulator at ${emulator.url} (seed: emulator/seeds/demo.yaml); program: examples/basic\n`,
    );
    for (const [index, act] of ACTS.entries()) {
      const engine = new TestEngine({
        programDir: path.join(ROOT, "examples/basic"),
        stateFile: path.join(dir, "state.json"),
        passphrase,
        config: {
          userPoolId: POOL,
          username: "alice",
          eventId: act.declared.eventId,
          feedbackValue: act.declared.feedbackValue,
        },
        secrets: { feedbackToken: act.declared.token },
        env: {
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: emulator.url,
          // Token mode needs no credentials; keep any real ones out of the demo's host.
          AWS_ACCESS_KEY_ID: undefined,
          AWS_SECRET_ACCESS_KEY: undefined,
          AWS_SESSION_TOKEN: undefined,
          AWS_PROFILE: undefined,
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
      });
      const before = feedbackCalls(emulator);
      const result = await engine[act.command]();
      console.log(`== ${index + 1}. ${act.title}\n`);
      console.log(
        renderPlan(result)
          .map((l) => `  ${l}`)
          .join("\n"),
      );
      const found = surprises(act, result, emulator, feedbackCalls(emulator) - before, secrets);
      const verdicts = Object.keys(act.cognito)
        .map(
          (e) => `${e.slice(0, 8)}: ${emulator.store.feedbackOf(POOL, e)?.value ?? "no feedback"}`,
        )
        .join(", ");
      if (found.length === 0)
        console.log(`\n  ok: plan as expected; Cognito now has ${verdicts}\n`);
      for (const f of found) console.log(`\n  SURPRISE: ${f}\n`);
      failures += found.length;
    }
  } finally {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    failures === 0
      ? `Demo finished in ${seconds}s: every plan and every verdict as expected.`
      : `Demo finished in ${seconds}s with ${failures} surprise(s).`,
  );
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
