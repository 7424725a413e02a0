// `npm run demo`: the product's main job, offline. Starts the local Cognito emulator with the demo
// seed, then tells the GitOps story (./story.ts) with examples/gitops through the real Pulumi CLI
// (scripts/pulumi): pull requests previewed with their review comment (`cognito-feedback review`
// on `pulumi preview --json`), merges applied, a reordered file that changes nothing, drift found
// by refresh and corrected by up, and a destroy. Prints what the CLI prints, checks every act
// against the emulator, exits non-zero on any surprise, and stops everything it started.
//
//   npm run demo -- --record <dir>   also writes each pull request's `pulumi preview --json`
//                                    into <dir>/<CLI version>/ (`npm run record-previews` keeps
//                                    the recordings tests/unit/provider/review/recorded.spec.ts reads)
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Command } from "commander";
import { loadSeedFile, startEmulator, type RunningEmulator } from "../emulator";
import { credentialEnv, isolatedAwsVars } from "../emulator/client-env";
import { renderReviewMarkdown, summarizePreview } from "../provider";
import { opsOf, PulumiStack, pulumiVersion, type PulumiRun } from "../scripts/pulumi-cli";
import { ACTS, ALL_TOKENS, POOL, type Act } from "./story";

const ROOT = path.resolve(__dirname, "..");
// The seed's made-up admin keys: admin mode signs with them, the emulator checks the signature.
const ADMIN = { accessKeyId: "AKIDEMULATORADMIN", secretAccessKey: "emulator-secret-not-real" };
/** Stands for the demo's scratch folder in recordings, so they hold no machine path. */
export const SCRATCH_PLACEHOLDER = "<demo-scratch>";

function feedbackCalls(emulator: RunningEmulator): number {
  return emulator.store.requests.filter((r) => r.operation?.endsWith("AuthEventFeedback")).length;
}

// The gitops program's only custom resources are the feedback resources; a step of anything else
// would show in the list, and so as a surprise.
function feedbackOps(run: PulumiRun): string[] {
  return opsOf(run, (s) => s.name.slice(s.name.lastIndexOf(POOL) + POOL.length + 1));
}

/** What differs from the act's expectations, one sentence each. */
function surprises(
  act: Act,
  run: PulumiRun,
  emulator: RunningEmulator,
  calls: number,
  printed: string,
): string[] {
  const found: string[] = [];
  if (act.fails === undefined && run.code !== 0) {
    found.push(`pulumi ${act.command} exited ${run.code}`);
  }
  if (act.fails !== undefined && (run.code === 0 || !printed.includes(act.fails))) {
    found.push(`pulumi ${act.command} should have failed, naming ${JSON.stringify(act.fails)}`);
  }
  const ops = feedbackOps(run);
  if (JSON.stringify(ops) !== JSON.stringify(act.ops)) {
    found.push(`expected ${act.ops.join(", ")}; the CLI did ${ops.join(", ") || "nothing"}`);
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

/** The act's CLI command; a pull request's preview also gives its JSON, for the review. */
async function perform(stack: PulumiStack, act: Act): Promise<{ run: PulumiRun; json?: string }> {
  switch (act.command) {
    case "preview": {
      const run = await stack.preview();
      const json = await stack.preview(["--json"]);
      if (json.code !== run.code) throw new Error(`pulumi preview --json exited ${json.code}`);
      return { run, json: json.stdout };
    }
    case "up":
      return { run: await stack.up() };
    case "refresh":
      return { run: await stack.refresh() };
    case "destroy":
      return { run: await stack.destroy() };
  }
}

async function main(record: string | undefined): Promise<number> {
  const started = Date.now();
  const version = pulumiVersion();
  const emulator = await startEmulator({
    seed: loadSeedFile(path.join(ROOT, "emulator/seeds/demo.yaml")),
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-demo-"));
  const file = path.join(dir, "overrides.yaml");
  let failures = 0;
  let stack: PulumiStack | undefined;
  try {
    console.log(
      `Pulumi CLI ${version}; Cognito emulator at ${emulator.url} (seed: emulator/seeds/demo.yaml); program: examples/gitops\n`,
    );
    stack = await PulumiStack.create({
      programDir: path.join(ROOT, "examples/gitops"),
      workDir: path.join(dir, "pulumi"),
      passphrase: crypto.randomBytes(24).toString("base64"),
      stack: "demo",
      env: isolatedAwsVars(emulator.url, credentialEnv(ADMIN)),
    });
    await stack.setConfig("overridesFile", file);
    let tokens = "";
    for (const [index, act] of ACTS.entries()) {
      fs.writeFileSync(file, act.file);
      if (JSON.stringify(act.tokens) !== tokens) {
        tokens = JSON.stringify(act.tokens);
        await stack.setConfig("feedbackTokens", tokens, { secret: true });
      }
      if (act.drift) emulator.store.setFeedback(POOL, act.drift.eventId, act.drift.value, "Admin");
      const before = feedbackCalls(emulator);
      const { run, json } = await perform(stack, act);
      let printed = `${run.stdout}\n${run.stderr}`;
      console.log(`== ${index + 1}. ${act.title}\n`);
      console.log(indent(`$ pulumi ${act.command}\n${printed}`));
      if (json !== undefined) {
        const review = renderReviewMarkdown(summarizePreview(JSON.parse(json)));
        printed += json + review;
        console.log(
          `\n  The review comment (pulumi preview --json | cognito-feedback review):\n\n${indent(review)}`,
        );
        if (record !== undefined) {
          const into = path.join(record, version);
          fs.mkdirSync(into, { recursive: true });
          const name = `act-${index + 1}-${act.command}.json`;
          fs.writeFileSync(path.join(into, name), json.split(dir).join(SCRATCH_PLACEHOLDER));
        }
      }
      const found = surprises(act, run, emulator, feedbackCalls(emulator) - before, printed);
      failures += found.length;
      if (found.length === 0)
        console.log(`\n  ok: what the CLI did and Cognito's verdicts are as expected\n`);
      for (const f of found) console.log(`\n  SURPRISE: ${f}\n`);
    }
    if (stack.backendText().includes(ALL_TOKENS[0])) {
      failures += 1;
      console.log("\n  SURPRISE: a token is in the backend's files in clear\n");
    }
  } finally {
    stack?.killAll();
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    failures === 0
      ? `Demo finished in ${seconds}s on the Pulumi CLI ${version}: ${ACTS.length} acts, everything as expected.`
      : `Demo finished in ${seconds}s with ${failures} surprise(s).`,
  );
  return failures === 0 ? 0 : 1;
}

const cli = new Command("demo")
  .description("The GitOps story on the real Pulumi CLI against the local Cognito emulator.")
  .option("--record <dir>", "write each pull request's `pulumi preview --json` into <dir>")
  .parse();

main(cli.opts<{ record?: string }>().record).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
