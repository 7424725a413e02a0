// The events command's flags: checked values, or every problem naming its flag.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  EventsUsageError,
  filterFlags,
  parseEventsOptions,
  parseFilterOptions,
  parseSince,
  type RawEventsOptions,
  type RawFilterOptions,
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

  it("GIVEN several bad flags THEN every problem is reported at once, in help order", () => {
    const problems = problemsOf({
      riskLevel: ["x"],
      eventType: ["y"],
      since: "z",
      maxEvents: "-1",
    });
    assert.deepEqual(
      problems.map((p) => p.split(":")[0]),
      ["--since", "--risk-level", "--event-type", "--max-events"],
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

describe("filter flags of events and sweep: --ip, --until, --event-response, --country", () => {
  const check = (raw: RawFilterOptions) => parseFilterOptions(raw, NOW);

  describe("GIVEN values that can be used (no problem)", () => {
    const table: [string, RawFilterOptions, string[]][] = [
      ["no flag", {}, []],
      [
        "ranges repeated, comma-separated, repeats dropped",
        { ip: ["198.51.100.7/24, 2001:db8::/32", "198.51.100.0/24", "203.0.113.7"] },
        ["--ip 198.51.100.0/24", "--ip 2001:db8::/32", "--ip 203.0.113.7/32"],
      ],
      [
        "--until a date and --since a duration",
        { since: "7d", until: "2026-11-05" },
        ["--since 7d", "--until 2026-11-05T00:00:00Z"],
      ],
      [
        "responses in any case",
        { eventResponse: ["FAIL,inprogress"] },
        ["--event-response Fail,InProgress"],
      ],
      [
        "countries: commas kept, repeats dropped",
        { country: [" Korea, Republic of ", "nigeria", "Nigeria"] },
        ["--country 'Korea, Republic of'", "--country nigeria"],
      ],
      [
        "every flag, in canonical order",
        {
          withoutFeedback: true,
          riskLevel: ["high,low"],
          ip: ["203.0.113.7"],
          since: "2026-11-01",
        },
        [
          "--ip 203.0.113.7/32",
          "--since 2026-11-01T00:00:00Z",
          "--risk-level Low,High",
          "--without-feedback",
        ],
      ],
    ];
    for (const [name, raw, flags] of table) {
      it(`WHEN ${name} THEN the canonical flags`, () => {
        const checked = check(raw);
        assert.deepEqual(checked.problems, []);
        assert.deepEqual(checked.flags, flags);
      });
    }

    it("WHEN --until is given THEN the filter holds that instant", () => {
      assert.deepEqual(check({ until: "2026-11-02T10:00:00+01:00" }).filter, {
        until: new Date("2026-11-02T09:00:00Z"),
      });
    });
  });

  describe("GIVEN values that cannot be used", () => {
    const IP_FORMS =
      "use e.g. 198.51.100.0/24, 2001:db8::/32 or 203.0.113.7 (repeat the flag or separate ranges with commas).";
    const table: [string, RawFilterOptions, string[]][] = [
      [
        "a prefix too long and an empty range",
        { ip: ["198.51.100.0/33,"] },
        [
          `--ip: "198.51.100.0/33" is not an IP address or CIDR range; ${IP_FORMS}`,
          `--ip: an empty value is not an IP address or CIDR range; ${IP_FORMS}`,
        ],
      ],
      [
        "an --until without a zone",
        { until: "2026-11-01T10:00" },
        [
          `--until: "2026-11-01T10:00" has no time zone (add Z for UTC, or an offset like +01:00); ${SINCE_FORMS}.`,
        ],
      ],
      [
        "--until not after --since",
        { since: "2026-11-02", until: "2026-11-01" },
        [
          "--until: 2026-11-01T00:00:00.000Z is not after --since 2026-11-02T00:00:00.000Z, so no event can match; --until is the first instant left out.",
        ],
      ],
      [
        "an unknown response",
        { eventResponse: ["denied"] },
        [
          `--event-response: "denied" is not an event response; use Pass, Fail or InProgress (${LIST}).`,
        ],
      ],
      [
        "an empty country",
        { country: [" "] },
        [
          "--country: an empty value is not a country; use the name Cognito reports, e.g. --country Nigeria (repeat the flag for several).",
        ],
      ],
    ];
    for (const [name, raw, problems] of table) {
      it(`WHEN ${name} THEN each problem names its flag`, () => {
        assert.deepEqual(check(raw).problems, problems);
      });
    }
  });

  it("GIVEN values in any order THEN the same canonical flags", () => {
    const levels = fc.subarray(["Low", "Medium", "High"], { minLength: 1 });
    const ranges = fc.subarray(["198.51.100.0/24", "2001:db8::/32", "203.0.113.7"], {
      minLength: 1,
    });
    fc.assert(
      fc.property(levels, ranges, fc.boolean(), (l, r, flip) => {
        const order = <T>(xs: T[]) => (flip ? [...xs].reverse() : xs);
        const a = check({ riskLevel: [l.join(",")], ip: r });
        const b = check({ riskLevel: order(l), ip: [order(r).join(",")] });
        assert.deepEqual(a.flags, b.flags);
        assert.deepEqual(filterFlags(a.filter), a.flags);
      }),
    );
  });
});
