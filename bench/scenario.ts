// Pure: the benchmark's scenario, shared by its Pulumi program, the emulator seed and the checks.
// N feedback overrides spread over users (10 events each, as a real backlog of risky sign-ins
// would be), half in token mode and half in admin mode, verdicts alternating.
import type { Seed, SeedUser } from "../emulator";

/** Users get this many events each (Cognito also limits writes per user: 10/s). */
export const EVENTS_PER_USER = 10;

/** One declared override of the scenario. */
export interface Override {
  /** The resource's name in the program. */
  name: string;
  username: string;
  eventId: string;
  feedbackValue: "Valid" | "Invalid";
  /** True: token mode (UpdateAuthEventFeedback); false: admin mode. */
  tokenMode: boolean;
}

/**
 * The i-th override. `flip` inverts every verdict, so a second `up` updates every resource in
 * place.
 */
export function overrideAt(i: number, flip = false): Override {
  const invalid = i % 2 === 0;
  return {
    name: `override-${i}`,
    username: `user-${Math.floor(i / EVENTS_PER_USER)}`,
    eventId: `bench-event-${i}`,
    feedbackValue: invalid !== flip ? "Invalid" : "Valid",
    tokenMode: i % 4 < 2,
  };
}

/** The feedback token of the i-th event: made up, and derived from a secret prefix. */
export function tokenAt(prefix: string, i: number): string {
  return `${prefix}${i}`;
}

/** Made-up admin keys the seed accepts (signatures are verified). */
export const BENCH_ADMIN = {
  accessKeyId: "AKIDFAKEBENCHADMIN",
  secretAccessKey: "fake-secret-not-real",
};

/**
 * The emulator seed for `count` overrides: one pool with threat protection on, the users and
 * their events, each event with its token, none with feedback yet.
 */
export function scenarioSeed(count: number, userPoolId: string, tokenPrefix: string): Seed {
  const start = Date.parse("2026-10-01T00:00:00Z");
  const byUser = new Map<string, SeedUser & { events: NonNullable<SeedUser["events"]> }>();
  for (let i = 0; i < count; i++) {
    const o = overrideAt(i);
    let user = byUser.get(o.username);
    if (user === undefined) {
      user = { username: o.username, events: [] };
      byUser.set(o.username, user);
    }
    user.events.push({
      eventId: o.eventId,
      creationDate: new Date(start + i * 1000).toISOString(),
      eventResponse: "Fail",
      risk: { level: "High", decision: "Block", compromisedCredentialsDetected: false },
      feedbackToken: tokenAt(tokenPrefix, i),
    });
  }
  return {
    credentials: [{ ...BENCH_ADMIN, name: "bench-admin" }],
    userPools: [
      {
        id: userPoolId,
        threatProtection: "ENFORCED",
        featurePlan: "PLUS",
        users: [...byUser.values()],
      },
    ],
  };
}
