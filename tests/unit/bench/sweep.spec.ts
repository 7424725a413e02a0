// The bench's incident-sweep scenario (bench/sweep.ts): pure seed, expected matches and bound.
import assert from "node:assert/strict";
import { validateSeed } from "../../../emulator";
import {
  expectedMatches,
  failuresOf,
  sweepBound,
  sweepSeed,
  sweepTargets,
  type IncidentSweepResults,
  type SweepSample,
} from "../../../bench/sweep";

const SAMPLE: SweepSample = {
  wallMs: 44_000,
  exitCode: 0,
  entries: 2286,
  expectedEntries: 2286,
  checkPasses: true,
  listUsersCalls: 34,
  eventCalls: 2000,
  throttled: 0,
  summary: "sweep: done after 43 s: ...",
};

describe("bench scenario: the incident sweep (pure)", () => {
  it("GIVEN 3 users x 30 events THEN a valid seed, one event in seven from the range", () => {
    const seed = sweepSeed({ users: 3, eventsPerUser: 30 });
    validateSeed(seed);
    const events = seed.userPools?.[0]?.users?.flatMap((u) => u.events ?? []) ?? [];
    assert.equal(events.length, 90);
    const fromRange = events.filter((e) => e.context?.ipAddress?.startsWith("198.51.100."));
    assert.equal(fromRange.length, 13);
    assert.deepEqual(
      seed.userPools?.[0]?.users?.map((u) => u.username),
      ["user-0", "user-1", "user-2"],
    );
  });

  it("GIVEN the issue's pool THEN the matches counted from the seed itself", () => {
    const scenario = { users: 40, eventsPerUser: 40 };
    const since = Date.parse("2026-11-01T00:00:00Z");
    const counted = (sweepSeed(scenario).userPools?.[0]?.users ?? [])
      .flatMap((u) => u.events ?? [])
      .filter(
        (e) =>
          e.context?.ipAddress?.startsWith("198.51.100.") === true &&
          Date.parse(e.creationDate) >= since,
      ).length;
    assert.equal(expectedMatches(scenario), counted);
    assert.ok(counted > 0);
  });

  describe("GIVEN a pool THEN the bound is the slower of the two read quotas", () => {
    const table: [number, number, number, number, number][] = [
      [2000, 40, 34, 2000, 40_000],
      [2000, 130, 34, 6000, 120_000],
      [60_000, 1, 1000, 60_000, 1_200_000],
      [0, 0, 1, 0, 33.333],
    ];
    for (const [users, events, listCalls, eventCalls, boundMs] of table) {
      it(`${users} users x ${events} events -> ${boundMs} ms`, () => {
        const bound = sweepBound({ users, eventsPerUser: events });
        assert.deepEqual(
          [bound.listUsersCalls, bound.eventCalls, Math.round(bound.boundMs * 1000) / 1000],
          [listCalls, eventCalls, boundMs],
        );
      });
    }
  });

  it("GIVEN runs THEN the median's ratio and every run's failures are the targets", () => {
    const results: IncidentSweepResults = {
      command: "npm run bench -- --only sweep",
      scenario: { users: 2000, eventsPerUser: 40 },
      bound: sweepBound({ users: 2000, eventsPerUser: 40 }),
      samples: [
        SAMPLE,
        { ...SAMPLE, wallMs: 47_000 },
        { ...SAMPLE, entries: 2285, wallMs: 43_000 },
      ],
      machine: {},
    };
    assert.deepEqual(failuresOf(results.samples[2]), 1);
    assert.deepEqual(sweepTargets(results), [
      {
        target: "incident sweep of 2,000 users x 40 events within 1.15 x the read quotas' bound",
        measured: "1.10 x",
        met: true,
      },
      {
        target: "incident sweep: zero failures (every run: exit 0, every match, check passes)",
        measured: "0, 0, 1",
        met: false,
      },
    ]);
  });
});
