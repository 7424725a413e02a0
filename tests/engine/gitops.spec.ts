// examples/gitops through the harness and the real provider host: stable names when the file is
// reordered, drift found by refresh and corrected by up, and the review summary of a preview.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { previewJson } from "../../harness/plan";
import { renderReviewMarkdown, summarizePreview } from "../../provider";
import { assertOk, engineFixture, EVENTS, ops, POOL, ROOT, TOKENS } from "./support";

const GITOPS = path.join(ROOT, "examples/gitops");

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

describe("engine: examples/gitops (overrides file) through the real provider host", function () {
  this.timeout(60_000);
  const fx = engineFixture();

  const engine = (text: string, env?: Record<string, string | undefined>) => {
    const file = path.join(fx.dir, "overrides.yaml");
    fs.writeFileSync(file, text);
    return fx.engine({
      programDir: GITOPS,
      config: { overridesFile: file },
      secrets: { feedbackTokens: JSON.stringify({ [EVENTS.first]: TOKENS.first }) },
      env,
    });
  };

  it("GIVEN applied overrides WHEN the file is reordered and reformatted THEN nothing changes", async () => {
    const up = await engine(FILE).up();
    assertOk(up);
    assert.deepEqual(ops(up).sort(), [
      `create security-overrides-${POOL}-${EVENTS.first}`,
      `create security-overrides-${POOL}-${EVENTS.second}`,
    ]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.first)?.provider, "User", "token mode");
    assert.equal(
      fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.provider,
      "Admin",
      "admin mode",
    );
    const preview = await engine(REORDERED).preview();
    assertOk(preview);
    assert.deepEqual(new Set(preview.steps.map((s) => s.op)), new Set(["same"]));
  });

  it("GIVEN a verdict changed behind the stack's back WHEN refreshed THEN the drift shows, and the next up restores the declared verdict", async () => {
    assertOk(await engine(FILE).up());
    fx.emulator.store.setFeedback(POOL, EVENTS.second, "Invalid", "Admin");

    const refresh = await engine(FILE).refresh();
    assertOk(refresh);
    const drifted = refresh.steps.filter((s) => s.op === "update");
    assert.deepEqual(
      drifted.map((s) => s.name),
      [`security-overrides-${POOL}-${EVENTS.second}`],
    );
    assert.deepEqual(drifted[0].diffKeys, ["feedbackValue"]);
    assert.equal(drifted[0].new?.outputs.feedbackValue, "Invalid");
    assert.equal(
      drifted[0].new?.outputs.reason,
      "Alice's own laptop.",
      "audit notes survive a refresh",
    );

    const up = await engine(FILE).up();
    assertOk(up);
    assert.deepEqual(ops(up).sort(), [
      `same security-overrides-${POOL}-${EVENTS.first}`,
      `update security-overrides-${POOL}-${EVENTS.second}`,
    ]);
    assert.deepEqual(up.steps.find((s) => s.op === "update")?.diffKeys, ["feedbackValue"]);
    assert.equal(fx.emulator.store.feedbackOf(POOL, EVENTS.second)?.value, "Valid");
  });

  it("GIVEN no AWS credentials WHEN refreshed THEN state is kept and the host says why drift was not checked", async () => {
    assertOk(await engine(FILE).up());
    const refresh = await engine(FILE, {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
    }).refresh();
    assertOk(refresh);
    assert.deepEqual(new Set(refresh.steps.map((s) => s.op)), new Set(["same"]));
    assert.ok(
      refresh.diagnostics.some(
        (d) => d.severity === "info" && d.message.includes("drift not checked"),
      ),
      refresh.diagnostics.map((d) => d.message).join("\n"),
    );
  });

  it("GIVEN a changed file WHEN its preview JSON is reviewed THEN the summary shows each verdict with its reason, ticket and what forced a replace", async () => {
    assertOk(await engine(FILE).up());
    const changed = FILE.replace("verdict: valid", "verdict: invalid").replace(
      "username: alice\n    eventId: " + EVENTS.first,
      "username: Alice\n    eventId: " + EVENTS.first,
    );
    const preview = await engine(changed).preview();
    assertOk(preview);
    const summary = summarizePreview(previewJson(preview));
    const markdown = renderReviewMarkdown(summary);
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
    assert.ok(!markdown.includes(TOKENS.first));
  });
});
