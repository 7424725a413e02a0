// The events command's flags: checked values, or every problem naming its flag.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  EventsUsageError,
  parseEventsOptions,
  parseSince,
  type RawEventsOptions,
} from "../../../../provider/events/options";

const NOW = new Date("2026-11-05T12:00:00Z");
const BASE: RawEventsOptions = { userPoolId: "us-east-1_AbC123xyZ", username: "alice" };

/** The problems a user reads for these flags (or fails when they are accepted). */
function problemsOf(raw: Partial<RawEventsOptions>): string[] {
  try {
    parseEventsOptions({ ...BASE, ...raw }, NOW);
  } catch (err) {
    if (err instanceof EventsUsageError) return [...err.problems];
    throw err;
  }
  return assert.fail("expected the flags to be refused");
}

const LIST = "any letter case; repeat the flag or separate values with commas";
const SINCE_FORMS =
  "use an ISO date like 2026-11-01 (midnight UTC) or 2026-11-01T10:00:00Z, or a duration back from now like 7d, 12h or 30m";

describe("events command flags: checked values, or every problem naming its flag", () => {
  it("GIVEN only pool and user THEN region from the pool id, and nothing is filtered", () => {
    assert.deepEqual(parseEventsOptions(BASE, NOW), {
      userPoolId: "us-east-1_AbC123xyZ",
      username: "alice",
      region: "us-east-1",
      filter: {},
    });
  });

  const accepted: [string, Partial<RawEventsOptions>, object][] = [
    [
      "lists in any case, repeated and comma-separated (each value once)",
      { riskLevel: ["medium, HIGH", "low", "High"] },
      { riskLevels: ["Medium", "High", "Low"] },
    ],
    [
      "risk decisions",
      { riskDecision: ["accounttakeover,block"] },
      { riskDecisions: ["AccountTakeover", "Block"] },
    ],
    [
      "event types",
      { eventType: ["signin", "ForgotPassword"] },
      { eventTypes: ["SignIn", "ForgotPassword"] },
    ],
    ["--since 7d", { since: "7d" }, { since: new Date("2026-10-29T12:00:00Z") }],
    ["--since 12h", { since: "12h" }, { since: new Date("2026-11-05T00:00:00Z") }],
    ["--since 30m", { since: "30m" }, { since: new Date("2026-11-05T11:30:00Z") }],
    [
      "--since a date (midnight UTC)",
      { since: "2026-11-01" },
      { since: new Date("2026-11-01T00:00:00Z") },
    ],
    [
      "--since a date-time with an offset",
      { since: "2026-11-01T10:00:00+01:00" },
      { since: new Date("2026-11-01T09:00:00Z") },
    ],
    ["--without-feedback", { withoutFeedback: true }, { withoutFeedback: true }],
  ];
  describe("GIVEN a filter flag THEN the filter holds its values, normalized", () => {
    for (const [name, raw, filter] of accepted) {
      it(name, () => {
        assert.deepEqual(parseEventsOptions({ ...BASE, ...raw }, NOW).filter, filter);
      });
    }
  });

  it("GIVEN --max-events, an agreeing --region, --omit-pool with yaml THEN accepted", () => {
    const request = parseEventsOptions(
      { ...BASE, maxEvents: "50", region: "us-east-1", omitPool: true, format: "yaml" },
      NOW,
    );
    assert.equal(request.maxEvents, 50);
    assert.equal(request.region, "us-east-1");
  });

  const refused: [string, Partial<RawEventsOptions>, string][] = [
    [
      "an unknown risk level",
      { riskLevel: ["extreme"] },
      `--risk-level: "extreme" is not a risk level; use Low, Medium or High (${LIST}).`,
    ],
    [
      "an empty item in a list",
      { riskLevel: ["high,"] },
      `--risk-level: an empty value is not a risk level; use Low, Medium or High (${LIST}).`,
    ],
    [
      "an unknown risk decision",
      { riskDecision: ["allow"] },
      `--risk-decision: "allow" is not a risk decision; use NoRisk, AccountTakeover or Block (${LIST}).`,
    ],
    [
      "an unknown event type",
      { eventType: ["login"] },
      `--event-type: "login" is not an event type; use SignIn, SignUp, ForgotPassword, PasswordChange or ResendCode (${LIST}).`,
    ],
    [
      "a word for --since",
      { since: "yesterday" },
      `--since: "yesterday" is neither a date nor a duration; ${SINCE_FORMS}.`,
    ],
    [
      "a duration in weeks",
      { since: "2w" },
      `--since: "2w" is neither a date nor a duration; ${SINCE_FORMS}.`,
    ],
    [
      "a date-time without a zone",
      { since: "2026-11-01T10:00:00" },
      `--since: "2026-11-01T10:00:00" has no time zone (add Z for UTC, or an offset like +01:00); ${SINCE_FORMS}.`,
    ],
    [
      "a date that does not exist",
      { since: "2026-02-30" },
      `--since: "2026-02-30" is not a real date and time; ${SINCE_FORMS}.`,
    ],
    [
      "a duration before any date",
      { since: "999999999d" },
      `--since: "999999999d" reaches too far back; ${SINCE_FORMS}.`,
    ],
    [
      "--max-events 0",
      { maxEvents: "0" },
      `--max-events: "0" is not a whole number of at least 1; for example --max-events 50.`,
    ],
    [
      "--max-events 2.5",
      { maxEvents: "2.5" },
      `--max-events: "2.5" is not a whole number of at least 1; for example --max-events 50.`,
    ],
    [
      "--omit-pool without yaml",
      { omitPool: true, format: "table" },
      "--omit-pool: only --format yaml prints the pool; add --format yaml, or drop --omit-pool.",
    ],
    [
      "a pool id that is not one",
      { userPoolId: "my-pool" },
      `--user-pool-id: userPoolId "my-pool" is not a Cognito user pool id: it must be <region>_<id>, like "us-east-1_AbC123xyZ" (find it in the Cognito console or with \`aws cognito-idp list-user-pools\`).`,
    ],
    [
      "a region that disagrees with the pool id",
      { region: "eu-west-1" },
      `--region: region "eu-west-1" does not match userPoolId "us-east-1_AbC123xyZ", whose region is "us-east-1": set region to "us-east-1" or leave it out.`,
    ],
  ];
  describe("GIVEN a bad value THEN it is refused, naming the flag and what is valid", () => {
    for (const [name, raw, problem] of refused) {
      it(name, () => {
        assert.deepEqual(problemsOf(raw), [problem]);
      });
    }
  });

  it("GIVEN several bad flags THEN every problem is reported at once, in flag order", () => {
    const problems = problemsOf({
      riskLevel: ["x"],
      eventType: ["y"],
      since: "z",
      maxEvents: "-1",
    });
    assert.deepEqual(
      problems.map((p) => p.split(":")[0]),
      ["--risk-level", "--event-type", "--since", "--max-events"],
    );
  });

  it("GIVEN a username Cognito would refuse THEN the flag is named, never the value", () => {
    const problems = problemsOf({ username: "alice smith" });
    assert.deepEqual(problems, [
      "--username: username contains whitespace or control characters, which no Cognito username, alias or sub has: copy it exactly as Cognito shows it.",
    ]);
  });

  it("PROPERTY: any --since duration lands exactly that long before now", () => {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom("d", "h", "m"), (n, u) => {
        const since = parseSince(`${n}${u}`, NOW);
        assert.equal(NOW.getTime() - since.getTime(), n * unit[u]);
      }),
    );
  });
});
