// Pure: the benchmark's two new scenarios, for the bench on the real Pulumi CLI to use. (1) The N
// overrides split over two regions, each with Cognito's free write quota: the provider paces each
// region on its own, so the feedback calls should span about N / (25 + 25) seconds. (2) One region
// whose account bought 50 writes/s (seeded provisioned limit, read by the provider with
// GetProvisionedLimit): about N / 50 seconds. And the ratios that compare a measured span with
// those bounds (1.0 = at the quota; the pacing's margin alone gives 25/23 = 1.09).
import { REAL_QUOTAS } from "../emulator/faults";
import type { Seed, SeedUser } from "../emulator";
import { overrideAt, scenarioSeed, type Override } from "./scenario";

/** The two pools of the two-region scenario, in different regions. */
export const TWO_REGION_POOLS: readonly [string, string] = [
  "us-east-1_BenchPool1",
  "eu-west-1_BenchPool2",
];

/** The provisioned write limit of the provisioned scenario, requests per second. */
export const PROVISIONED_WRITES_PER_SECOND = 50;

/** Cognito's free write quota per account and region (UserResourceUpdate). */
const FREE_WRITES_PER_SECOND = REAL_QUOTAS.UserResourceUpdate;

/** One override of the two-region scenario: the scenario's override, and the pool it is in. */
export interface RegionalOverride extends Override {
  /** Its place in the scenario: its token is `tokenAt(prefix, index)`. */
  index: number;
  userPoolId: string;
}

/** The region prefix of a user pool id (`us-east-1_Abc` -> `us-east-1`). */
function regionOf(userPoolId: string): string {
  return userPoolId.slice(0, userPoolId.indexOf("_"));
}

/**
 * The two-region scenario for `count` overrides: override i goes to `pools[i % 2]`, so both
 * regions are busy for the whole run whatever order the engine creates resources in. The seed
 * holds both pools, each with exactly its overrides' users and events (tokens as in the
 * one-region scenario).
 */
export function twoRegionScenario(
  count: number,
  tokenPrefix: string,
  pools: readonly [string, string] = TWO_REGION_POOLS,
): { seed: Seed; overrides: RegionalOverride[] } {
  const overrides = Array.from({ length: count }, (_, i) => ({
    ...overrideAt(i),
    index: i,
    userPoolId: pools[i % 2],
  }));
  const base = scenarioSeed(count, pools[0], tokenPrefix);
  const users = base.userPools?.[0]?.users ?? [];
  const userPools = pools.map((id) => {
    const mine = new Set(overrides.filter((o) => o.userPoolId === id).map((o) => o.eventId));
    const poolUsers: SeedUser[] = users
      .map((u) => ({ ...u, events: (u.events ?? []).filter((e) => mine.has(e.eventId)) }))
      .filter((u) => u.events.length > 0);
    return { ...base.userPools?.[0], id, users: poolUsers };
  });
  return { seed: { ...base, userPools }, overrides };
}

/**
 * The one-region scenario's seed for `count` overrides in `userPoolId`, with the account's
 * provisioned write limit in that region set to `writesPerSecond` (default 50).
 */
export function provisionedSeed(
  count: number,
  userPoolId: string,
  tokenPrefix: string,
  writesPerSecond = PROVISIONED_WRITES_PER_SECOND,
): Seed {
  return {
    ...scenarioSeed(count, userPoolId, tokenPrefix),
    provisionedLimits: { [regionOf(userPoolId)]: { UserResourceUpdate: writesPerSecond } },
  };
}

/** The feedback-call span against N / (25 + 25) s, the two regions' combined free quota. */
export function twoRegionCallSpanVsBound(spanSeconds: number, n: number): number {
  return spanSeconds / (n / (FREE_WRITES_PER_SECOND + FREE_WRITES_PER_SECOND));
}

/** The feedback-call span against N / 50 s, the provisioned write limit. */
export function provisionedCallSpanVsBound(spanSeconds: number, n: number): number {
  return spanSeconds / (n / PROVISIONED_WRITES_PER_SECOND);
}
