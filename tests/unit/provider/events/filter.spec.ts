// The events command's filter: which of a user's auth events are listed.
import assert from "node:assert/strict";
import fc from "fast-check";
import type { AuthEventSummary } from "../../../../provider/cognito/operations";
import {
  EVENT_RESPONSES,
  EVENT_TYPES,
  filterEvents,
  isFiltering,
  matchesFilter,
  RISK_DECISIONS,
  RISK_LEVELS,
  type EventFilter,
} from "../../../../provider/events/filter";
import { parseIpRange, type IpRange } from "../../../../provider/events/ip-range";

const AT = (iso: string) => new Date(iso);

/** A risky sign-in nobody judged yet. */
const RISKY: AuthEventSummary = {
  eventId: "risky",
  creationDate: AT("2026-11-03T22:41:09Z"),
  eventType: "SignIn",
  riskLevel: "High",
  riskDecision: "Block",
};
/** A harmless password change someone already marked Valid. */
const JUDGED: AuthEventSummary = {
  eventId: "judged",
  creationDate: AT("2026-10-28T18:02:11Z"),
  eventType: "PasswordChange",
  riskLevel: "Low",
  riskDecision: "NoRisk",
  feedbackValue: "Valid",
  feedbackProvider: "Admin",
};
/** An event Cognito reported nothing about but its id. */
const BARE: AuthEventSummary = { eventId: "bare" };

const COUNTRIES = ["Nigeria", "Germany", "South Korea"];
const RANGES: IpRange[] = ["198.51.100.0/24", "198.51.100.128/25", "203.0.113.7"].map(
  (r) => parseIpRange(r) as IpRange,
);
const ipv4 = fc
  .tuple(fc.constantFrom("198.51.100", "198.51.101", "203.0.113"), fc.nat(255))
  .map(([net, host]) => `${net}.${host}`);
/** The /24, /25 and /32 above, stated by the address's text. */
const inRanges = (ip: string | undefined, ranges: readonly IpRange[]) =>
  ip !== undefined &&
  ranges.some((r) => {
    const [net, bits] = r.text.split("/");
    const host = Number(ip.split(".")[3]);
    if (bits === "32") return ip === net;
    const prefix = net.split(".").slice(0, 3).join(".");
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !ip.startsWith(`${prefix}.`)) return false;
    return bits === "24" || host >= 128;
  });

describe("event filter: which events to judge", () => {
  const table: [string, EventFilter, string[]][] = [
    ["no criteria", {}, ["risky", "judged", "bare"]],
    ["since, inclusive", { since: AT("2026-10-28T18:02:11Z") }, ["risky", "judged"]],
    ["since, after the newest", { since: AT("2026-11-03T22:41:10Z") }, []],
    ["one risk level", { riskLevels: ["High"] }, ["risky"]],
    ["either risk level", { riskLevels: ["Low", "High"] }, ["risky", "judged"]],
    ["risk decision", { riskDecisions: ["NoRisk"] }, ["judged"]],
    ["event type", { eventTypes: ["SignIn", "SignUp"] }, ["risky"]],
    ["without feedback", { withoutFeedback: true }, ["risky", "bare"]],
    ["withoutFeedback false", { withoutFeedback: false }, ["risky", "judged", "bare"]],
    ["all at once (and)", { riskLevels: ["Low"], withoutFeedback: true }, []],
    ["an empty list matches nothing", { riskLevels: [] }, []],
  ];
  for (const [name, filter, expected] of table) {
    it(`GIVEN ${name} THEN ${expected.join(", ") || "nothing"} remain, in order`, () => {
      assert.deepEqual(
        filterEvents([RISKY, JUDGED, BARE], filter).map((e) => e.eventId),
        expected,
      );
    });
  }

  it("GIVEN an event whose date could not be read THEN --since leaves it out", () => {
    assert.equal(
      matchesFilter({ eventId: "x", creationDate: new Date(NaN) }, { since: AT("2000-01-01") }),
      false,
    );
  });

  describe("GIVEN the sweep's criteria", () => {
    const event = (over: Partial<AuthEventSummary>): AuthEventSummary => ({ ...RISKY, ...over });
    const table: [string, EventFilter, Partial<AuthEventSummary>, boolean][] = [
      ["until is exclusive", { until: AT("2026-11-03T22:41:09Z") }, {}, false],
      ["until after the event", { until: AT("2026-11-03T22:41:10Z") }, {}, true],
      ["an IP in the range", { ipRanges: RANGES }, { ipAddress: "198.51.100.9" }, true],
      ["an IP outside it", { ipRanges: RANGES }, { ipAddress: "198.51.101.9" }, false],
      ["no IP reported", { ipRanges: RANGES }, {}, false],
      ["a response", { eventResponses: ["Fail"] }, { eventResponse: "Fail" }, true],
      ["another response", { eventResponses: ["Fail"] }, { eventResponse: "Pass" }, false],
      ["a country, any case", { countries: ["nigeria"] }, { country: "Nigeria" }, true],
      ["another country", { countries: ["Nigeria"] }, { country: "Niger" }, false],
      ["no country reported", { countries: ["Nigeria"] }, {}, false],
    ];
    for (const [name, f, over, expected] of table) {
      it(`WHEN ${name} THEN it ${expected ? "matches" : "does not match"}`, () => {
        assert.equal(matchesFilter(event(over), f), expected);
      });
    }
  });

  it("GIVEN filters THEN isFiltering says whether any criterion restricts the listing", () => {
    assert.equal(isFiltering({}), false);
    assert.equal(isFiltering({ until: AT("2026-11-01") }), true);
    assert.equal(isFiltering({ countries: ["Nigeria"] }), true);
    assert.equal(isFiltering({ withoutFeedback: false }), false);
    assert.equal(isFiltering({ withoutFeedback: true }), true);
    assert.equal(isFiltering({ eventTypes: ["SignIn"] }), true);
  });

  // Values outside Cognito's enums too: the filter must not trust its input.
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const word = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), fc.string());
  const date = fc.date({ min: AT("2020-01-01"), max: AT("2030-01-01"), noInvalidDate: false });
  const event: fc.Arbitrary<AuthEventSummary> = fc.record(
    {
      eventId: fc.string(),
      creationDate: date,
      eventType: word(EVENT_TYPES),
      riskLevel: word(RISK_LEVELS),
      riskDecision: word(RISK_DECISIONS),
      eventResponse: word(EVENT_RESPONSES),
      country: word(COUNTRIES),
      ipAddress: fc.oneof(ipv4, fc.string()),
      feedbackValue: fc.constantFrom("Valid" as const, "Invalid" as const),
    },
    { requiredKeys: ["eventId"] },
  );
  const validDate = date.filter((d) => !Number.isNaN(d.getTime()));
  const filter: fc.Arbitrary<EventFilter> = fc.record({
    since: maybe(validDate),
    until: maybe(validDate),
    ipRanges: maybe(fc.subarray(RANGES)),
    eventResponses: maybe(fc.subarray([...EVENT_RESPONSES])),
    countries: maybe(fc.subarray(COUNTRIES.map((c) => c.toUpperCase()))),
    riskLevels: maybe(fc.subarray([...RISK_LEVELS])),
    riskDecisions: maybe(fc.subarray([...RISK_DECISIONS])),
    eventTypes: maybe(fc.subarray([...EVENT_TYPES])),
    withoutFeedback: maybe(fc.boolean()),
  });

  /** Each criterion, stated independently of the implementation. */
  function violations(e: AuthEventSummary, f: EventFilter): string[] {
    const out: string[] = [];
    const created = e.creationDate?.getTime() ?? NaN;
    if (f.since !== undefined && !(created >= f.since.getTime())) out.push("since");
    if (f.until !== undefined && !(created < f.until.getTime())) out.push("until");
    if (f.ipRanges && !inRanges(e.ipAddress, f.ipRanges)) out.push("ip");
    if (f.eventResponses && !f.eventResponses.some((v) => v === e.eventResponse)) out.push("resp");
    const country = e.country?.toLowerCase();
    if (f.countries && !f.countries.some((v) => v.toLowerCase() === country)) out.push("country");
    if (f.riskLevels && !f.riskLevels.some((v) => v === e.riskLevel)) out.push("riskLevel");
    if (f.riskDecisions && !f.riskDecisions.some((v) => v === e.riskDecision)) out.push("decision");
    if (f.eventTypes && !f.eventTypes.some((v) => v === e.eventType)) out.push("eventType");
    if (f.withoutFeedback === true && e.feedbackValue !== undefined) out.push("feedback");
    return out;
  }

  it("PROPERTY: the filter never returns an event outside it, nor drops one inside", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), filter, (events, f) => {
        const kept = filterEvents(events, f);
        for (const e of kept) assert.deepEqual(violations(e, f), [], JSON.stringify(e));
        const expected = events.filter((e) => violations(e, f).length === 0);
        assert.deepEqual(kept, expected);
      }),
    );
  });
});
