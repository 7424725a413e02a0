// The events command's outputs: a table, JSON, and overrides entries that paste into a file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { AuthEventSummary } from "../../../../provider/cognito/operations";
import {
  printable,
  progressLine,
  renderEventsJson,
  renderEventsTable,
  renderOverrideEntries,
  yamlScalar,
} from "../../../../provider/events/render";
import { parse as parseYaml } from "yaml";
import * as pkg from "../../../../provider";
import { parseOverrides } from "../../../../provider/gitops/overrides";

const POOL = "us-east-1_DemoPool1";

/** A blocked sign-in with compromised credentials, nobody judged it yet. */
const BLOCKED: AuthEventSummary = {
  eventId: "7875548a-bd00-490a-93b8-fa36fe42a3e0",
  creationDate: new Date("2026-11-03T22:41:09.250Z"),
  eventType: "SignIn",
  eventResponse: "Fail",
  riskLevel: "High",
  riskDecision: "Block",
  compromisedCredentialsDetected: true,
  ipAddress: "198.51.100.23",
  city: "Lagos",
  country: "Nigeria",
  deviceName: "Other, Other",
};
/** Already marked Valid by an admin; Cognito did not know the city (it says "null"). */
const JUDGED: AuthEventSummary = {
  eventId: "2c3f1a9e-8d4b-4f6a-a1e2-5b7c9d0e1f23",
  creationDate: new Date("2026-11-02T07:15:42Z"),
  eventType: "SignIn",
  eventResponse: "Pass",
  riskLevel: "Medium",
  riskDecision: "AccountTakeover",
  compromisedCredentialsDetected: false,
  ipAddress: "203.0.113.7",
  city: "null",
  country: "Germany",
  feedbackValue: "Valid",
  feedbackProvider: "Admin",
  feedbackDate: new Date("2026-11-04T09:00:00Z"),
};
/** Nothing reported but the id. */
const BARE: AuthEventSummary = { eventId: "bare" };

/** What a person does with the YAML: type a verdict and a reason between the empty quotes. */
function fillIn(
  yaml: string,
  verdict = "invalid",
  reason = "Not her: she was asleep in Lisbon.",
): string {
  return yaml
    .replace(/verdict: ""/g, `verdict: "${verdict}"`)
    .replace(/reason: ""/g, `reason: "${reason}"`);
}

describe("events output: table, JSON and overrides entries", () => {
  // An unknown city is left out.
  it("GIVEN events WHEN rendered as a table THEN columns align; absent values are -", () => {
    assert.equal(
      renderEventsTable([BLOCKED, JUDGED, BARE], { listed: 3 }),
      [
        "EVENT ID                              DATE (UTC)            TYPE    RESPONSE  RISK                           DECISION         FROM                          FEEDBACK",
        "7875548a-bd00-490a-93b8-fa36fe42a3e0  2026-11-03T22:41:09Z  SignIn  Fail      High, compromised credentials  Block            198.51.100.23 Lagos, Nigeria  -",
        "2c3f1a9e-8d4b-4f6a-a1e2-5b7c9d0e1f23  2026-11-02T07:15:42Z  SignIn  Pass      Medium                         AccountTakeover  203.0.113.7 Germany           Valid by Admin",
        "bare                                  -                     -       -         -                              -                -                             -",
        "",
      ].join("\n"),
    );
  });

  const empty: [number, string][] = [
    [0, "No auth events found for this user.\n"],
    [7, "No auth events match the filters (7 listed).\n"],
  ];
  for (const [listed, sentence] of empty) {
    it(`GIVEN no events to show and ${listed} listed THEN the table is one sentence saying why`, () => {
      assert.equal(renderEventsTable([], { listed }), sentence);
    });
  }

  // Dates in ISO UTC.
  it("GIVEN events WHEN rendered as JSON THEN every key, null if Cognito did not say", () => {
    assert.deepEqual(JSON.parse(renderEventsJson([JUDGED, BARE])), [
      {
        eventId: "2c3f1a9e-8d4b-4f6a-a1e2-5b7c9d0e1f23",
        creationDate: "2026-11-02T07:15:42.000Z",
        eventType: "SignIn",
        eventResponse: "Pass",
        riskLevel: "Medium",
        riskDecision: "AccountTakeover",
        compromisedCredentialsDetected: false,
        ipAddress: "203.0.113.7",
        city: "null",
        country: "Germany",
        deviceName: null,
        feedback: { value: "Valid", provider: "Admin", date: "2026-11-04T09:00:00.000Z" },
      },
      {
        eventId: "bare",
        creationDate: null,
        eventType: null,
        eventResponse: null,
        riskLevel: null,
        riskDecision: null,
        compromisedCredentialsDetected: null,
        ipAddress: null,
        city: null,
        country: null,
        deviceName: null,
        feedback: null,
      },
    ]);
    assert.equal(renderEventsJson([]), "[]\n");
  });

  // The comment is there to decide by; verdict and reason are left to fill in.
  it("GIVEN events WHEN rendered as YAML THEN overrides entries, each with a comment", () => {
    assert.equal(
      renderOverrideEntries([BLOCKED, JUDGED], { userPoolId: POOL, username: "alice", listed: 2 }),
      [
        `  # Paste under "overrides:". Judge each event: set verdict and reason, or delete the entry.`,
        "  # 2026-11-03T22:41:09Z SignIn Fail; risk High, Block, compromised credentials; from 198.51.100.23 Lagos, Nigeria (Other, Other); no feedback yet",
        "  - userPoolId: us-east-1_DemoPool1",
        "    username: alice",
        "    eventId: 7875548a-bd00-490a-93b8-fa36fe42a3e0",
        `    verdict: "" # valid (it was the user) or invalid (it was not)`,
        `    reason: "" # why, in a sentence: who confirmed it, and how`,
        "  # 2026-11-02T07:15:42Z SignIn Pass; risk Medium, AccountTakeover; from 203.0.113.7 Germany; feedback already given: Valid by Admin",
        "  - userPoolId: us-east-1_DemoPool1",
        "    username: alice",
        "    eventId: 2c3f1a9e-8d4b-4f6a-a1e2-5b7c9d0e1f23",
        `    verdict: "" # valid (it was the user) or invalid (it was not)`,
        `    reason: "" # why, in a sentence: who confirmed it, and how`,
        "",
      ].join("\n"),
    );
  });

  it("WHEN the YAML is filled in, under overrides: THEN exactly those verdicts load", () => {
    const yaml = renderOverrideEntries([BLOCKED, BARE], {
      userPoolId: POOL,
      username: "alice",
      listed: 2,
    });
    const result = parseOverrides(`overrides:\n${fillIn(yaml)}`, "overrides.yaml");
    assert.deepEqual(result, {
      ok: true,
      overrides: [BLOCKED, BARE].map((e) => ({
        userPoolId: POOL,
        username: "alice",
        eventId: e.eventId,
        verdict: "Invalid",
        reason: "Not her: she was asleep in Lisbon.",
      })),
    });
  });

  it("GIVEN --omit-pool WHEN pasted into a file with userPoolId THEN that pool applies", () => {
    const yaml = renderOverrideEntries([BLOCKED], {
      userPoolId: POOL,
      username: "bob@example.com",
      omitPool: true,
      listed: 1,
    });
    assert.ok(!yaml.includes("userPoolId"));
    const result = parseOverrides(
      `userPoolId: ${POOL}\noverrides:\n${fillIn(yaml, "Valid")}`,
      "o.yaml",
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.overrides.map((o) => [o.userPoolId, o.username, o.verdict]),
      [[POOL, "bob@example.com", "Valid"]],
    );
  });

  // Nobody judged them.
  it("WHEN the YAML is pasted but not filled in THEN parseOverrides refuses it", () => {
    const yaml = renderOverrideEntries([BLOCKED], {
      userPoolId: POOL,
      username: "alice",
      listed: 1,
    });
    const result = parseOverrides(`overrides:\n${yaml}`, "overrides.yaml");
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.deepEqual(
        result.problems.map((p) => p.path),
        ["overrides[0].verdict", "overrides[0].reason"],
      );
    }
  });

  it("GIVEN no events WHEN rendered as YAML THEN a comment says why, harmless to paste", () => {
    assert.equal(
      renderOverrideEntries([], { userPoolId: POOL, username: "alice", listed: 4 }),
      "  # no auth events match the filters (4 listed)\n",
    );
  });

  // Inert, and on one line.
  it("GIVEN a device name with escapes and line breaks THEN every output defuses it", () => {
    const hostile: AuthEventSummary = { ...BLOCKED, deviceName: "Evil\u001b[2J\nverdict: valid\r" };
    const yaml = renderOverrideEntries([hostile], {
      userPoolId: POOL,
      username: "alice",
      listed: 1,
    });
    assert.ok(yaml.includes("(Evil\\u001b[2J\\u000averdict: valid\\u000d)"));
    assert.equal(yaml.split("\n").length, 8);
    assert.equal(printable("a\u009bb\u2028c"), "a\\u009bb\\u2028c");
  });

  it("GIVEN progress THEN it counts events and pages, and matches only when filtering", () => {
    assert.equal(progressLine({ page: 1, total: 1 }), "fetched 1 event (1 page)…\n");
    assert.equal(
      progressLine({ page: 2, total: 120, matched: 7 }),
      "fetched 120 events (2 pages), 7 match…\n",
    );
  });

  // Any shape the listing could produce, including invalid dates and control characters.
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const text = fc.string({ unit: "binary", maxLength: 40 });
  const anyEvent: fc.Arbitrary<AuthEventSummary> = fc.record({
    eventId: text,
    creationDate: maybe(fc.date({ noInvalidDate: false })),
    eventType: maybe(text),
    eventResponse: maybe(text),
    riskLevel: maybe(text),
    riskDecision: maybe(text),
    compromisedCredentialsDetected: maybe(fc.boolean()),
    feedbackValue: maybe(fc.constantFrom("Valid" as const, "Invalid" as const)),
    feedbackProvider: maybe(text),
    feedbackDate: maybe(fc.date({ noInvalidDate: false })),
    ipAddress: maybe(text),
    city: maybe(text),
    country: maybe(text),
    deviceName: maybe(text),
  });

  it("PROPERTY: no event makes rendering throw; table and YAML keep one line per item", () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { minLength: 1, maxLength: 5 }), (events) => {
        const table = renderEventsTable(events, { listed: events.length });
        assert.equal(table.split("\n").length, events.length + 2);
        // Only the line feeds between rows are control characters.
        assert.ok(![...table].some((c) => c !== "\n" && /\p{Cc}/u.test(c)), JSON.stringify(table));
        const yaml = renderOverrideEntries(events, { userPoolId: POOL, username: "u", listed: 1 });
        assert.equal(yaml.split("\n").length, 2 + events.length * 6);
        assert.equal((JSON.parse(renderEventsJson(events)) as unknown[]).length, events.length);
      }),
    );
  });

  // Cognito's own username and event id rules: what a filled-in entry must round-trip.
  const username = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 20 })
    .filter((u) => /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u.test(u));
  const eventId = fc.stringMatching(/^[\w+-]{1,50}$/);

  it("PROPERTY: any valid username and event id, filled in as YAML, parse back exactly", () => {
    fc.assert(
      fc.property(
        username,
        fc.uniqueArray(eventId, { minLength: 1, maxLength: 3 }),
        (user, ids) => {
          const events = ids.map((id) => ({ ...BLOCKED, eventId: id }));
          const yaml = renderOverrideEntries(events, {
            userPoolId: POOL,
            username: user,
            listed: 3,
          });
          const result = parseOverrides(`overrides:\n${fillIn(yaml)}`, "o.yaml");
          assert.ok(result.ok, `${JSON.stringify(result)}\n${yaml}`);
          assert.deepEqual(
            result.overrides.map((o) => [o.username, o.eventId]),
            ids.map((id) => [user, id]),
          );
        },
      ),
    );
  });

  it("GIVEN the package entry point THEN it exports the JSON shape's functions (docs)", () => {
    const docs = readFileSync(path.join(__dirname, "../../../../docs/events-json.md"), "utf8");
    assert.match(
      docs,
      /`toEventJson\(event\)` and\n`renderEventsJson\(events\)`, exported by the package/,
    );
    assert.equal(pkg.renderEventsJson([BLOCKED]), renderEventsJson([BLOCKED]));
    assert.deepEqual([pkg.toEventJson(BLOCKED)], JSON.parse(renderEventsJson([BLOCKED])));
  });
});

describe("YAML scalars in overrides entries", () => {
  const readBack = (scalar: string): unknown =>
    (parseYaml(`value: ${scalar} # a comment after it\n`) as { value: unknown }).value;

  describe("GIVEN a value THEN the scalar written for it", () => {
    const table: [string, string][] = [
      ["alice", "alice"],
      ["alice@example.com", "alice@example.com"],
      [
        "Credential stuffing from 198.51.100.0/24 (incident)",
        "Credential stuffing from 198.51.100.0/24 (incident)",
      ],
      ["7875548a-bd00-490a-93b8-fa36fe42a3e0", "7875548a-bd00-490a-93b8-fa36fe42a3e0"],
      ["yes", "yes"],
      ["null", '"null"'],
      ["a: b", '"a: b"'],
      ["a #b", '"a #b"'],
      ["trailing ", '"trailing "'],
      ["line\nbreak", '"line\\nbreak"'],
    ];
    for (const [value, scalar] of table) {
      it(`${JSON.stringify(value).slice(0, 30)} -> ${scalar.slice(0, 30)}`, () =>
        assert.equal(yamlScalar(value), scalar));
    }
  });

  it("GIVEN any value THEN its scalar reads back the same, on one line", () => {
    const units = [..."aZ_ -:#,.'\"[]{}!&*|>%@`?09\t\\é\u2028\u0085\u007f"];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 16 }), (value) => {
        const scalar = yamlScalar(value);
        assert.ok(!scalar.includes("\n"), scalar);
        assert.equal(readBack(scalar), value);
      }),
      { numRuns: 500 },
    );
  });
});
