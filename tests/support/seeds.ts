// The tests' one set of fake credentials and one seed builder: the canonical Cognito state most
// specs of every tier start from (testSeed), and small builders for the specs that need a pool of
// their own. Every key, secret and token here is made up and only works against the emulator.
import * as path from "node:path";
import {
  loadSeedFile,
  type DeniableAction,
  type Seed,
  type SeedCredential,
  type SeedEvent,
  type SeedUser,
  type SeedUserPool,
} from "../../emulator";
import type { AccessKey } from "../../emulator/client-env";

/** A fake access key, with the session token it must carry when it is a temporary one. */
export interface FakeKey extends AccessKey {
  sessionToken?: string;
}

/** The fake keys; every seed built here lists all but `unknown`, each with one fixed deny list. */
export const CREDENTIALS = {
  /** May call everything. */
  admin: { accessKeyId: "AKIDFAKEADMIN", secretAccessKey: "fake-secret-admin" },
  /** Denied AdminListUserAuthEvents: may give feedback, may not read events. */
  listDenied: { accessKeyId: "AKIDFAKELISTDENIED", secretAccessKey: "fake-secret-list-denied" },
  /** Denied AdminUpdateAuthEventFeedback: may read events, may not give feedback. */
  writeDenied: { accessKeyId: "AKIDFAKEWRITEDENIED", secretAccessKey: "fake-secret-write-denied" },
  /** Denied GetProvisionedLimit: may do everything else. */
  limitDenied: { accessKeyId: "AKIDFAKELIMITDENIED", secretAccessKey: "fake-secret-limit-denied" },
  /** A temporary key: requests must carry exactly its session token. */
  temporary: {
    accessKeyId: "AKIDFAKETEMPORARY",
    secretAccessKey: "fake-secret-temporary",
    sessionToken: "fake-session-token-not-real",
  },
  /** Listed by no seed: the emulator does not know it. */
  unknown: { accessKeyId: "AKIDFAKEUNKNOWN", secretAccessKey: "fake-secret-unknown" },
} as const satisfies Record<string, FakeKey>;

type SeededRole = Exclude<keyof typeof CREDENTIALS, "unknown">;

/** Each seeded key's IAM-style name (in AccessDenied messages) and denied actions. */
const SEEDED: Record<SeededRole, { name: string; deny?: DeniableAction[] }> = {
  admin: { name: "admin" },
  listDenied: { name: "list-denied", deny: ["AdminListUserAuthEvents"] },
  writeDenied: { name: "write-denied", deny: ["AdminUpdateAuthEventFeedback"] },
  limitDenied: { name: "limit-denied", deny: ["GetProvisionedLimit"] },
  temporary: { name: "temporary" },
};

/** Fresh seed entries for every key of {@link CREDENTIALS} but `unknown`. */
export function seededCredentials(): SeedCredential[] {
  return Object.entries(SEEDED).map(([role, { name, deny }]) => ({
    ...CREDENTIALS[role as SeededRole],
    name,
    ...(deny === undefined ? {} : { deny: [...deny] }),
  }));
}

/** A seed of `userPools` that accepts the {@link CREDENTIALS}; `extra` is applied last. */
export function seedOf(userPools: SeedUserPool[], extra: Partial<Seed> = {}): Seed {
  return { credentials: seededCredentials(), userPools, ...extra };
}

/** A pool with threat protection ENFORCED (so on the PLUS plan) unless `options` say otherwise. */
export function pool(
  id: string,
  users: SeedUser[],
  options: Omit<Partial<SeedUserPool>, "id" | "users"> = {},
): SeedUserPool {
  return { id, threatProtection: "ENFORCED", ...options, users };
}

/** A user with these events. */
export function user(
  username: string,
  events: SeedEvent[] = [],
  options: Omit<SeedUser, "username" | "events"> = {},
): SeedUser {
  return { username, ...options, events };
}

/** `n` events `<prefix>-<i>`, `stepMs` apart (a minute) from 2026-10-01T00:00Z, oldest first. */
export function manyEvents(prefix: string, n: number, stepMs = 60_000): SeedEvent[] {
  const start = Date.parse("2026-10-01T00:00:00Z");
  return Array.from({ length: n }, (_, i) => ({
    eventId: `${prefix}-${i}`,
    creationDate: new Date(start + i * stepMs).toISOString(),
  }));
}

/** Threat protection ENFORCED, email alias; users alice, bob, many (65 events), ユーザー. */
export const POOL = "us-east-1_TestPool1";
/** Threat protection AUDIT; user dave. */
export const AUDIT_POOL = "us-east-1_AuditPool1";
/** Threat protection OFF; user carol. */
export const NO_THREAT_POOL = "us-east-1_NoThreat1";
/** `operationNotEnabled` (a secondary replica region); user alice. */
export const REPLICA_POOL = "eu-west-1_Replica1";

/** The user most specs act on, in {@link POOL}. */
export const ALICE = "alice";
/** Alice's fixed sub in {@link POOL}. */
export const ALICE_SUB = "0f6a1c2e-5b7d-4e1a-9c3b-2d8e4f6a7b90";
/** Alice's email, an alias in {@link POOL}. */
export const ALICE_EMAIL = "alice@example.com";

/** Alice's events, newest first. */
export const ALICE_EVENTS = ["a-evt-5", "a-evt-4", "a-evt-3", "a-evt-2", "a-evt-1"] as const;
/** Alice's fully described event (with risk, context, challenges and a token). */
export const RICH_EVENT: SeedEvent = {
  eventId: "a-evt-5",
  eventType: "SignIn",
  creationDate: "2026-11-05T10:00:00.250Z",
  eventResponse: "Fail",
  risk: { level: "High", decision: "Block", compromisedCredentialsDetected: false },
  context: {
    ipAddress: "198.51.100.23",
    deviceName: "Chrome, Linux",
    timezone: "+01:00",
    city: "Berlin",
    country: "Germany",
  },
  challenges: [
    { name: "Password", response: "Success" },
    { name: "Mfa", response: "Failure" },
  ],
  feedbackToken: "fake-token-alice-5",
};

/** One event on 2026-11-01 at `time`, issued `feedbackToken`. */
const tokenEvent = (eventId: string, time: string, feedbackToken: string): SeedEvent => ({
  eventId,
  creationDate: `2026-11-01T${time}Z`,
  feedbackToken,
});

/**
 * A fresh copy of the canonical seed, with every fake key of {@link CREDENTIALS}. In {@link POOL},
 * alice's a-evt-4 and a-evt-5 were issued tokens and have no feedback, a-evt-3 has a token and
 * Invalid feedback from Admin, a-evt-1 and a-evt-2 have neither.
 */
export function testSeed(): Seed {
  return seedOf([
    pool(
      POOL,
      [
        user(
          ALICE,
          [
            { eventId: "a-evt-1", creationDate: "2026-11-01T10:00:00Z" },
            {
              eventId: "a-evt-3",
              creationDate: "2026-11-03T10:00:00Z",
              feedbackToken: "fake-token-alice-3",
              feedback: { value: "Invalid", provider: "Admin", date: "2026-11-03T12:00:00Z" },
            },
            { ...RICH_EVENT },
            { eventId: "a-evt-2", creationDate: "2026-11-02T10:00:00Z" },
            {
              eventId: "a-evt-4",
              creationDate: "2026-11-04T10:00:00Z",
              feedbackToken: "fake-token-alice-4",
            },
          ],
          { sub: ALICE_SUB, attributes: { email: ALICE_EMAIL, phone_number: "+15550100" } },
        ),
        user("bob", [tokenEvent("b-evt-1", "11:00:00", "fake-token-bob-1")]),
        user("many", manyEvents("m", 65)),
        user("ユーザー"),
      ],
      { featurePlan: "PLUS", aliasAttributes: ["email"] },
    ),
    pool(AUDIT_POOL, [user("dave", [tokenEvent("d-evt-1", "10:00:00", "fake-token-dave-1")])], {
      threatProtection: "AUDIT",
    }),
    pool(
      NO_THREAT_POOL,
      [user("carol", [tokenEvent("c-evt-1", "10:00:00", "fake-token-carol-1")])],
      { threatProtection: "OFF" },
    ),
    pool(REPLICA_POOL, [user(ALICE, [tokenEvent("r-evt-1", "10:00:00", "fake-token-replica-1")])], {
      operationNotEnabled: true,
    }),
  ]);
}

/** Every feedback token a seed issued. */
export function tokensOf(seed: Seed): string[] {
  return (seed.userPools ?? []).flatMap((p) =>
    (p.users ?? []).flatMap((u) => (u.events ?? []).flatMap((e) => e.feedbackToken ?? [])),
  );
}

/** The token the {@link testSeed} issued for `eventId` in `poolId`. */
export function tokenOf(eventId: string, poolId = POOL): string {
  const event = testSeed()
    .userPools?.find((p) => p.id === poolId)
    ?.users?.flatMap((u) => u.events ?? [])
    .find((e) => e.eventId === eventId);
  if (event?.feedbackToken === undefined) throw new Error(`no token for ${poolId}/${eventId}`);
  return event.feedbackToken;
}

/** The demo seed the README and the emulator CLI use (emulator/seeds/demo.yaml). */
export const DEMO_SEED_FILE = path.resolve(__dirname, "../../emulator/seeds/demo.yaml");

/** The demo seed, and its admin key (its keys are the README's, so they are read, not re-typed). */
export function demoSeed(): { seed: Seed; admin: AccessKey } {
  const seed = loadSeedFile(DEMO_SEED_FILE);
  const admin = seed.credentials?.find((c) => c.name === "admin");
  if (admin === undefined) throw new Error(`${DEMO_SEED_FILE} lists no admin credential`);
  return {
    seed,
    admin: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
  };
}
