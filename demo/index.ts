// `npm run demo`: the product's main job, offline. Starts the local Cognito emulator with the demo
// seed, then tells the GitOps story (./story.ts) with examples/gitops, through the harness test
// engine and the real Pulumi provider host: pull requests previewed with their review comment,
// merges applied, a reordered file that changes nothing, drift found by refresh and corrected by
// up, and a destroy. Prints every plan, checks every result against the emulator, exits non-zero
// on any surprise, and stops everything it started.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadSeedFile, startEmulator, type RunningEmulator } from "../emulator";
import { TestEngine, type RunResult } from "../harness/engine";
import { previewJson, renderPlan } from "../harness/plan";
import { FEEDBACK_RESOURCE_TYPE, renderReviewMarkdown, summarizePreview } from "../provider";
import { ACTS, ALL_TOKENS, POOL, type Act } from "./story";

const ROOT = path.resolve(__dirname, "..");
// The seed's made-up admin keys: admin mode signs with them, the emulator checks the signature.
const ADMIN = {
  AWS_ACCESS_KEY_ID: "AKIDEMULATORADMIN",
  AWS_SECRET_ACCESS_KEY: "emulator-secret-not-real",
};

function feedbackCalls(emulator: RunningEmulator): number {
  return emulator.store.requests.filter((r) => r.operation?.endsWith("AuthEventFeedback")).length;
}

function opsOf(result: RunResult): string[] {
  return result.steps
    .filter((s) => s.type === FEEDBACK_RESOURCE_TYPE)
    .map((s) => `${s.op} ${s.name.slice(s.name.lastIndexOf(POOL) + POOL.length + 1)}`)
    .sort();
}

/** What differs from the act's expectations, one sentence each. */
function surprises(
  act: Act,
  result: RunResult,
  emulator: RunningEmulator,
  calls: number,
  printed: string,
): string[] {
  const found: string[] = [];
  if (!result.ok) found.push(`the ${act.command} failed`);
  const ops = opsOf(result);
  if (JSON.stringify(ops) !== JSON.stringify(act.ops)) {
    found.push(`expected ${act.ops.join(", ")}; the plan has ${ops.join(", ") || "nothing"}`);
  }
  for (const [eventId, want] of Object.entries(act.cognito)) {
    const got = emulator.store.feedbackOf(POOL, eventId)?.value;
    if (got !== want)
      found.push(`Cognito has ${got ?? "no feedback"} on ${eventId}, expected ${want}`);
  }
  if (calls !== act.calls)
    found.push(`Cognito received ${calls} feedback call(s), expected ${act.calls}`);
  if (ALL_TOKENS.some((t) => printed.includes(t))) found.push("a token appeared in the output");
  return found;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => (l === "" ? "" : `    ${l}`))
    .join("\n");
}

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator({
    seed: loadSeedFile(path.join(ROOT, "emulator/seeds/demo.yaml")),
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-demo-"));
  const file = path.join(dir, "overrides.yaml");
  const passphrase = crypto.randomBytes(24).toString("base64");
  let failures = 0;
  try {
    console.log(
      `Cognito emulator at ${emulator.url} (seed: emulator/seeds/demo.yaml); program: examples/gitops\n`,
    );
    for (const [index, act] of ACTS.entries()) {
      fs.writeFileSync(file, act.file);
      if (act.drift) emulator.store.setFeedback(POOL, act.drift.eventId, act.drift.value, "Admin");
      const engine = new TestEngine({
        programDir: path.join(ROOT, "examples/gitops"),
        stateFile: path.join(dir, "state.json"),
        passphrase,
        config: { overridesFile: file },
        secrets: { feedbackTokens: JSON.stringify(act.tokens) },
        env: {
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: emulator.url,
          ...ADMIN,
          AWS_SESSION_TOKEN: undefined,
          AWS_PROFILE: undefined,
          AWS_CONFIG_FILE: path.join(dir, "no-aws-config"),
          AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "no-aws-credentials"),
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
      });
      const before = feedbackCalls(emulator);
      const result = await engine[act.command]();
      let printed = renderPlan(result).join("\n");
      console.log(`== ${index + 1}. ${act.title}\n`);
      console.log(indent(printed));
      if (act.command === "preview") {
        const review = renderReviewMarkdown(summarizePreview(previewJson(result)));
        printed += review;
        console.log(
          `\n  The review comment (cognito-feedback review on the preview's JSON):\n\n${indent(review)}`,
        );
      }
      const found = surprises(act, result, emulator, feedbackCalls(emulator) - before, printed);
      failures += found.length;
      if (found.length === 0)
        console.log(`\n  ok: the plan and Cognito's verdicts are as expected\n`);
      for (const f of found) console.log(`\n  SURPRISE: ${f}\n`);
    }
  } finally {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    failures === 0
      ? `Demo finished in ${seconds}s: ${ACTS.length} acts, every plan and every verdict as expected.`
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
