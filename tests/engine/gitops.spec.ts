// examples/gitops through the real CLI: stable names when the file is reordered, drift found by
// refresh (in both of its host processes) and corrected by up, and the review of a real
// `pulumi preview --json`.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderReviewMarkdown, summarizePreview } from "../../provider";
import {
  assertOk,
  engineFixture,
  EVENTS,
  infos,
  onCli,
  ops,
  POOL,
  ROOT,
  steps,
  TOKENS,
} from "./support";

const GITOPS = path.join(ROOT, "examples/gitops");
const FIRST = `security-overrides-${POOL}-${EVENTS.first}`;
const SECOND = `security-overrides-${POOL}-${EVENTS.second}`;

const FILE = `version: 1
userPoolId: ${POOL}
overrides:
  - username: alice
    eventId: ${EVENTS.first}
    verdict: invalid
    reason: Sign-in from an unknown country.
    ticket: SEC-1
  - username: alice
    eventId: ${EVENTS.second}
    verdict: valid
    reason: Alice's own laptop.
`;

const REORDERED = `overrides:
  - { eventId: "${EVENTS.second}", username: alice, verdict: VALID, reason: "Alice's own laptop." }
  - eventId: "${EVENTS.first}"
    reason: "Sign-in from an unknown country."
    ticket: "SEC-1"
    username: "alice"
    verdict: Invalid
userPoolId: "${POOL}"
version: 1
`;

describe(onCli("examples/gitops (overrides file)"), function () {
  this.timeout(120_000);
  const fx = engineFixture();

  async function gitopsStack(env: Record<string, string | undefined> = {}) {
    const file = path.join(fx.dir, "overrides.yaml");
    fs.writeFileSync(file, FILE);
    const stack = await fx.stack({
      programDir: GITOPS,
      config: { overridesFile: file },
      secrets: { feedbackTokens: JSON.stringify({ [EVENTS.first]: TOKENS.first }) },
      env,
    });
    return { stack, write: (text: string) => fs.writeFileSync(file, text) };
  }

  it("GIVEN applied overrides WHEN the file is reordered, reformatted THEN no change", async () => {
    const { stack, write } = await gitopsStack();
    const up = await stack.up();
    assertOk(up);
    assert.deepEqual(ops(up), [`create ${FIRST}`, `create ${SECOND}`]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.provider, "User", "token mode");
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.provider, "Admin");
    write(REORDERED);
    const preview = await stack.preview();
    assertOk(preview);
    assert.deepEqual(ops(preview), [`same ${FIRST}`, `same ${SECOND}`]);
  });

  it("GIVEN drift WHEN refreshed THEN one listing per user and pass; up restores it", async () => {
    const { stack } = await gitopsStack();
    assertOk(await stack.up());
    fx.emulator.store.setFeedback(POOL, EVENTS.second, "Invalid", "Admin");
    const listings = () =>
      fx.emulator.store.requests.filter((r) => r.operation === "AdminListUserAuthEvents").length;

    const refresh = await stack.refresh();
    assertOk(refresh);
    assert.deepEqual(ops(refresh), [`same ${FIRST}`, `update ${SECOND}`]);
    const drifted = steps(refresh).find((s) => s.op === "update")!;
    assert.equal(drifted.metadata.new?.outputs?.feedbackValue, "Invalid");
    assert.equal(drifted.metadata.new?.outputs?.reason, "Alice's own laptop.", "notes survive");
    assert.equal(
      listings(),
      2,
      "one listing of alice per host: the refresh preview and the refresh",
    );
    assert.ok(refresh.stdout.includes("drift: Cognito records Invalid feedback"), refresh.stdout);

    const up = await stack.up();
    assertOk(up);
    assert.deepEqual(ops(up), [`same ${FIRST}`, `update ${SECOND}`]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.value, "Valid");
  });

  // Why drift was not checked.
  it("GIVEN no AWS credentials WHEN refreshed THEN state is kept; the CLI says why", async () => {
    const { stack } = await gitopsStack();
    assertOk(await stack.up());
    const refresh = await stack.refresh(["--skip-preview"], {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
    });
    assertOk(refresh);
    assert.deepEqual(ops(refresh), [`same ${FIRST}`, `same ${SECOND}`]);
    const notChecked = infos(refresh).filter((m) => m.includes("drift not checked"));
    assert.equal(notChecked.length, 1, infos(refresh).join("\n"));
  });

  // With its reason, ticket and replace cause.
  it("GIVEN a changed file WHEN its real preview is reviewed THEN each verdict shows", async () => {
    const { stack, write } = await gitopsStack();
    assertOk(await stack.up());
    write(
      FILE.replace("verdict: valid", "verdict: invalid").replace(
        `username: alice\n    eventId: ${EVENTS.first}`,
        `username: Alice\n    eventId: ${EVENTS.first}`,
      ),
    );
    const preview = await stack.preview(["--json"]);
    assertOk(preview);
    const markdown = renderReviewMarkdown(summarizePreview(JSON.parse(preview.stdout)));
    assert.match(
      markdown,
      new RegExp(
        `\\| \`${POOL}\` \\| alice \\| \`${EVENTS.second}\` \\| Valid → \\*\\*Invalid\\*\\* \\| verdict \\| Alice's own laptop\\. \\|`,
      ),
    );
    assert.match(
      markdown,
      new RegExp(
        `\\| \`${POOL}\` \\| Alice \\| \`${EVENTS.first}\` \\| \\*\\*Invalid\\*\\* \\| username \\| Sign-in from an unknown country\\. \\| SEC-1 \\|`,
      ),
    );
    assert.ok(!markdown.includes(TOKENS.first) && !preview.stdout.includes(TOKENS.first));
  });
});
