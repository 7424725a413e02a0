import assert from "node:assert/strict";
import fc from "fast-check";
import type { AuthEventSummary } from "../../../../provider/cognito/operations";
import { toEventJson } from "../../../../provider/events/render";
import { parseOverrides } from "../../../../provider/gitops/overrides";
import {
  renderSweepJson,
  renderSweepTable,
  renderSweepYaml,
  type SweepReport,
} from "../../../../provider/sweep/render";

const POOL = "us-east-1_Sweep1";
const BLOCKED: AuthEventSummary = {
  eventId: "e-1",
  creationDate: new Date("2026-11-03T22:41:09Z"),
  eventType: "SignIn",
  eventResponse: "Fail",
  riskLevel: "High",
  riskDecision: "Block",
  ipAddress: "198.51.100.23",
  city: "Lagos",
  country: "Nigeria",
};
const REPORT: SweepReport = {
  userPoolId: POOL,
  filterFlags: ["--ip 198.51.100.0/24", "--since 2026-11-01T00:00:00Z"],
  matches: [
    { username: "alice", event: BLOCKED },
    { username: "bob", event: { eventId: "e-2" } },
  ],
  usersScanned: 2000,
  eventsScanned: 80_000,
  generatedAt: new Date("2026-11-05T12:00:00.123Z"),
};
const JUDGED = { verdict: "invalid", reason: "Credential stuffing (SEC-1)", ticket: "SEC-1" };

describe("sweep output: a complete overrides file, a table, JSON", () => {
  it("GIVEN a verdict, reason and ticket THEN the whole file, as a reviewer reads it", () => {
    assert.equal(
      renderSweepYaml(REPORT, JUDGED),
      [
        "# Incident sweep of user pool us-east-1_Sweep1 (cognito-feedback sweep, 2026-11-05T12:00:00Z).",
        "# Filters: --ip 198.51.100.0/24 --since 2026-11-01T00:00:00Z",
        "# 2 events of 2 users match; 2,000 users and 80,000 events scanned.",
        "# Every entry has the verdict and reason given on the command line: review each one, and delete the events that are not part of the incident.",
        "version: 1",
        "userPoolId: us-east-1_Sweep1",
        "overrides:",
        "  # 2026-11-03T22:41:09Z SignIn Fail; risk High, Block; from 198.51.100.23 Lagos, Nigeria; no feedback yet",
        "  - username: alice",
        "    eventId: e-1",
        "    verdict: invalid",
        "    reason: Credential stuffing (SEC-1)",
        "    ticket: SEC-1",
        "  # date unknown; risk not reported; no feedback yet",
        "  - username: bob",
        "    eventId: e-2",
        "    verdict: invalid",
        "    reason: Credential stuffing (SEC-1)",
        "    ticket: SEC-1",
        "",
      ].join("\n"),
    );
  });

  it("GIVEN the file with a verdict and a reason THEN check accepts every entry", () => {
    const result = parseOverrides(renderSweepYaml(REPORT, JUDGED), "sweep.yaml");
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.overrides.map((o) => [o.userPoolId, o.username, o.eventId, o.verdict, o.ticket]),
      [
        [POOL, "alice", "e-1", "Invalid", "SEC-1"],
        [POOL, "bob", "e-2", "Invalid", "SEC-1"],
      ],
    );
  });

  it("GIVEN no verdict THEN drafts, and check says what each entry lacks", () => {
    const text = renderSweepYaml(REPORT, {});
    assert.match(text, /\n# Drafts: set verdict and reason on each entry, or delete it; /);
    const result = parseOverrides(text, "sweep.yaml");
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`),
      [
        '11:5 overrides[0].verdict: verdict is required: set it to "Valid" or "Invalid".',
        "12:5 overrides[0].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
        '16:5 overrides[1].verdict: verdict is required: set it to "Valid" or "Invalid".',
        "17:5 overrides[1].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
      ],
    );
  });

  it("GIVEN no match and a partial sweep THEN an empty list check accepts, marked so", () => {
    const text = renderSweepYaml(
      { ...REPORT, matches: [], incomplete: "1 user could not be scanned (X)" },
      JUDGED,
    );
    assert.equal(
      text,
      [
        "# Incident sweep of user pool us-east-1_Sweep1 (cognito-feedback sweep, 2026-11-05T12:00:00Z).",
        "# Filters: --ip 198.51.100.0/24 --since 2026-11-01T00:00:00Z",
        "# No event matches; 2,000 users and 80,000 events scanned.",
        "# INCOMPLETE: 1 user could not be scanned (X)",
        "version: 1",
        "userPoolId: us-east-1_Sweep1",
        "overrides: [] # no event matched",
        "",
      ].join("\n"),
    );
    assert.deepEqual(parseOverrides(text, "sweep.yaml"), { ok: true, overrides: [] });
  });

  it("GIVEN matches THEN a table with the user first", () => {
    assert.equal(
      renderSweepTable(REPORT),
      [
        "USER   EVENT ID  DATE (UTC)            TYPE    RESPONSE  RISK  DECISION  FROM                          FEEDBACK",
        "alice  e-1       2026-11-03T22:41:09Z  SignIn  Fail      High  Block     198.51.100.23 Lagos, Nigeria  -",
        "bob    e-2       -                     -       -         -     -         -                             -",
        "",
      ].join("\n"),
    );
  });

  describe("GIVEN no match THEN the table is one sentence", () => {
    it("WHEN filtered THEN it says none match", () => {
      assert.equal(
        renderSweepTable({ ...REPORT, matches: [] }),
        "No auth events match the filters (2,000 users and 80,000 events scanned).\n",
      );
    });
    it("WHEN not filtered THEN it says none were found", () => {
      assert.equal(
        renderSweepTable({ ...REPORT, matches: [], filterFlags: [], eventsScanned: 0 }),
        "No auth events found (2,000 users and 0 events scanned).\n",
      );
    });
  });

  it("GIVEN matches THEN JSON: each event's stable shape, username first", () => {
    const rows = JSON.parse(renderSweepJson(REPORT)) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(rows[0]).slice(0, 2), ["username", "eventId"]);
    assert.deepEqual(rows, [
      { username: "alice", ...toEventJson(BLOCKED) },
      { username: "bob", ...toEventJson({ eventId: "e-2" }) },
    ]);
  });

  it("GIVEN any matches, judged THEN check accepts a file of exactly them", () => {
    const username = fc.stringMatching(/^[\p{L}\p{N}._@+-]{1,24}$/u);
    const eventId = fc.stringMatching(/^[\w+-]{1,50}$/);
    const device = fc.string({ maxLength: 30 });
    const match = fc.record({
      username,
      event: fc.record({ eventId, deviceName: device, city: device }),
    });
    const matches = fc.uniqueArray(match, { maxLength: 12, selector: (m) => m.event.eventId });
    fc.assert(
      fc.property(matches, (ms) => {
        const result = parseOverrides(
          renderSweepYaml({ ...REPORT, matches: ms }, JUDGED),
          "sweep.yaml",
        );
        assert.ok(result.ok, JSON.stringify(result));
        assert.deepEqual(
          result.overrides.map((o) => [o.username, o.eventId]),
          ms.map((m) => [m.username, m.event.eventId]),
        );
      }),
      { numRuns: 50 },
    );
  });
});
