// The bench's two-region and provisioned scenarios (bench/regions.ts): pure seed builders and ratios.
import assert from "node:assert/strict";
import { validateSeed } from "../../../emulator";
import {
  TWO_REGION_POOLS,
  provisionedCallSpanVsBound,
  provisionedSeed,
  twoRegionCallSpanVsBound,
  twoRegionScenario,
} from "../../../bench/regions";

const eventIds = (seed: ReturnType<typeof twoRegionScenario>["seed"], pool: number) =>
  (seed.userPools?.[pool]?.users ?? []).flatMap((u) => (u.events ?? []).map((e) => e.eventId));

describe("bench scenarios: two regions and a provisioned limit (pure)", () => {
  it("GIVEN 7 overrides THEN they alternate between the pools, each seeding its events", () => {
    const { seed, overrides } = twoRegionScenario(7, "fake-token-bench-");
    validateSeed(seed);
    assert.deepEqual(
      overrides.map((o) => o.userPoolId),
      [0, 1, 0, 1, 0, 1, 0].map((k) => TWO_REGION_POOLS[k]),
    );
    assert.deepEqual(
      seed.userPools?.map((p) => p.id),
      [...TWO_REGION_POOLS],
    );
    assert.deepEqual(eventIds(seed, 0), [
      "bench-event-0",
      "bench-event-2",
      "bench-event-4",
      "bench-event-6",
    ]);
    assert.deepEqual(eventIds(seed, 1), ["bench-event-1", "bench-event-3", "bench-event-5"]);
    assert.equal(seed.userPools?.[1]?.threatProtection, "ENFORCED");
  });

  it("GIVEN 25 overrides (3 users) THEN a user is in a pool only with events there", () => {
    const { seed } = twoRegionScenario(25, "fake-token-bench-");
    validateSeed(seed);
    for (const pool of seed.userPools ?? []) {
      for (const user of pool.users ?? []) assert.ok((user.events ?? []).length > 0, user.username);
    }
    assert.equal(eventIds(seed, 0).length + eventIds(seed, 1).length, 25);
  });

  it("GIVEN the provisioned scenario THEN its region has 50 writes/s, the rest free", () => {
    const seed = provisionedSeed(3, "eu-west-1_BenchPool1", "fake-token-bench-");
    validateSeed(seed);
    assert.deepEqual(seed.provisionedLimits, { "eu-west-1": { UserResourceUpdate: 50 } });
    assert.deepEqual(provisionedSeed(1, "us-east-1_P1", "t-", 80).provisionedLimits, {
      "us-east-1": { UserResourceUpdate: 80 },
    });
  });

  describe("GIVEN a span and N THEN the ratio to the bound", () => {
    const table: [string, (span: number, n: number) => number, number, number, number][] = [
      ["two regions at the combined quota", twoRegionCallSpanVsBound, 20, 1000, 1],
      ["two regions at 23/s each", twoRegionCallSpanVsBound, 1000 / 46, 1000, 50 / 46],
      ["two regions sharing one pacer", twoRegionCallSpanVsBound, 1000 / 23, 1000, 50 / 23],
      ["provisioned at the limit", provisionedCallSpanVsBound, 20, 1000, 1],
      ["provisioned at 46/s", provisionedCallSpanVsBound, 1000 / 46, 1000, 50 / 46],
    ];
    for (const [given, ratio, span, n, expected] of table) {
      it(given, () => assert.ok(Math.abs(ratio(span, n) - expected) < 1e-9));
    }
  });
});
