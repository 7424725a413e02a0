/**
 * Big seeded pools built in code, for benchmarks and paging tests:
 * `startEmulator({ seed: { userPools: [generatedPool({ id: "us-east-1_Big1", users: 10_000 })] } })`.
 * Deterministic: the same options always give the same pool, so runs compare.
 */
import {
  DEFAULT_USER_CREATE_DATE,
  type SeedEvent,
  type SeedUser,
  type SeedUserPool,
  type ThreatProtectionMode,
  type UserStatus,
} from "./seed";

/** Options of {@link generatedPool}. */
export interface GeneratedPoolOptions {
  /** `<region>_<id>`, e.g. `us-east-1_Big1`. */
  id: string;
  /** How many users (0 or more). */
  users: number;
  /** Auth events per user, one second apart; default 0. */
  eventsPerUser?: number;
  /** Default `ENFORCED`, so the users' events can be listed and given feedback. */
  threatProtection?: ThreatProtectionMode;
  /** Start of every username (`<prefix>-<n>`), 1-20 of `[A-Za-z0-9_]`; default `user`. */
  prefix?: string;
  /** When the first user was created (the n-th one n minutes later); default 2026-01-01. */
  start?: string;
}

const GIVEN_NAMES = ["Ada", "Ben", "Chloe", "Dmitri", "Elif", "Farah", "Goran", "Hana"];
// Seven names against eight given names: every pair of names occurs, spread over the pool.
const FAMILY_NAMES = ["Okafor", "Reddy", "Silva", "Tanaka", "Novak", "Haddad", "Weber"];

/** Every 5th user must change a temporary password, every 10th is disabled; the rest are plain. */
function statusOf(n: number): { userStatus: UserStatus; enabled: boolean } {
  return {
    userStatus: n % 5 === 4 ? "FORCE_CHANGE_PASSWORD" : "CONFIRMED",
    enabled: n % 10 !== 9,
  };
}

/**
 * The n-th user (from 0) of a generated pool. Usernames are zero-padded to `width` digits, so
 * their order is their number's. Attributes: email, given_name, family_name, phone_number.
 */
export function generatedUser(
  n: number,
  options: Pick<GeneratedPoolOptions, "eventsPerUser" | "prefix" | "start"> & { width?: number },
): SeedUser {
  const username = `${options.prefix ?? "user"}-${String(n).padStart(options.width ?? 1, "0")}`;
  const created = Date.parse(options.start ?? DEFAULT_USER_CREATE_DATE) + n * 60_000;
  const events: SeedEvent[] = Array.from({ length: options.eventsPerUser ?? 0 }, (_, e) => ({
    eventId: `${username}-e${e}`,
    creationDate: new Date(created + (e + 1) * 1000).toISOString(),
  }));
  return {
    username,
    attributes: {
      email: `${username}@example.com`,
      given_name: GIVEN_NAMES[n % GIVEN_NAMES.length],
      family_name: FAMILY_NAMES[n % FAMILY_NAMES.length],
      phone_number: `+1555${String(n % 10_000_000).padStart(7, "0")}`,
    },
    ...statusOf(n),
    userCreateDate: new Date(created).toISOString(),
    ...(events.length === 0 ? {} : { events }),
  };
}

/** A pool of `options.users` generated users (see {@link generatedUser}); load it as any seed pool. */
export function generatedPool(options: GeneratedPoolOptions): SeedUserPool {
  const width = String(Math.max(options.users - 1, 0)).length;
  return {
    id: options.id,
    threatProtection: options.threatProtection ?? "ENFORCED",
    aliasAttributes: ["email"],
    users: Array.from({ length: options.users }, (_, n) => generatedUser(n, { ...options, width })),
  };
}
