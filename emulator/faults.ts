/**
 * Fault simulation: Cognito's per-category request quotas, random internal errors, dropped
 * connections and added latency, all drawn from a seeded PRNG so a run can be repeated. Pure: the
 * caller passes the time; the server applies the decisions.
 */
import type { OperationName } from "./model";

/** Request-rate quota categories of the implemented operations (Cognito quotas page). */
export type QuotaCategory = "UserResourceUpdate" | "UserResourceRead" | "UserList";

/** Requests per second per category. */
export type Quotas = Partial<Record<QuotaCategory, number>>;

/**
 * Cognito's default quotas: 25/s shared by both feedback operations, 50/s for the event listing,
 * 30/s for listing a pool's users.
 */
export const REAL_QUOTAS: Readonly<Required<Quotas>> = {
  UserResourceUpdate: 25,
  UserResourceRead: 50,
  UserList: 30,
};

/** Every quota category the emulator simulates (and GetProvisionedLimit answers for). */
export const QUOTA_CATEGORIES: readonly QuotaCategory[] = [
  "UserResourceUpdate",
  "UserResourceRead",
  "UserList",
];

/** The categories as a choice for messages: `UserResourceUpdate, UserResourceRead or UserList`. */
export function quotaCategoryChoice(): string {
  return `${QUOTA_CATEGORIES.slice(0, -1).join(", ")} or ${QUOTA_CATEGORIES[QUOTA_CATEGORIES.length - 1]}`;
}

/** Type guard for {@link QuotaCategory}. */
export function isQuotaCategory(name: unknown): name is QuotaCategory {
  return typeof name === "string" && (QUOTA_CATEGORIES as readonly string[]).includes(name);
}

/**
 * The quota category each feedback or listing operation counts against. GetProvisionedLimit is
 * in none of the simulated categories, so it is never throttled here.
 */
export const QUOTA_CATEGORY: Readonly<Partial<Record<OperationName, QuotaCategory>>> = {
  UpdateAuthEventFeedback: "UserResourceUpdate",
  AdminUpdateAuthEventFeedback: "UserResourceUpdate",
  AdminListUserAuthEvents: "UserResourceRead",
  ListUsers: "UserList",
};

/** Added latency: a fixed number of milliseconds, or uniformly drawn from `min..max`. */
export type Latency = number | { min: number; max: number };

/** Faults to simulate; every one is off by default. */
export interface FaultOptions {
  /**
   * `"real"`: the account's limits in each region (the seed's `provisionedLimits`, else
   * {@link REAL_QUOTAS}); a per-category map (the same in every region); or `"off"`.
   * @default "off"
   */
  quotas?: "real" | "off" | Quotas;
  /** Share of requests (0..1) answered with InternalErrorException (HTTP 500). @default 0 */
  internalErrorRate?: number;
  /** Share of requests (0..1) whose connection is destroyed with no response. @default 0 */
  dropRate?: number;
  /** Added before a request is handled. @default 0 */
  latencyMs?: Latency;
  /** Seed of the PRNG behind every random draw. @default 1 */
  seed?: number;
}

/** Thrown for fault options that make no sense; the message names the option. */
export class FaultOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultOptionsError";
  }
}

/** A share from 0 to 1 (undefined = 0). @throws FaultOptionsError naming `name`. */
export function checkRate(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!(typeof value === "number" && value >= 0 && value <= 1)) {
    throw new FaultOptionsError(`${name} must be a number from 0 to 1, got ${String(value)}.`);
  }
  return value;
}

/** Latency as a range (undefined = none). @throws FaultOptionsError naming `latencyMs`. */
export function checkLatency(latency: Latency | undefined): { min: number; max: number } {
  if (latency === undefined) return { min: 0, max: 0 };
  const { min, max } = typeof latency === "number" ? { min: latency, max: latency } : latency;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max >= min)) {
    throw new FaultOptionsError(
      `latencyMs must be a number of milliseconds >= 0, or { min, max } with 0 <= min <= max; got ${JSON.stringify(latency)}.`,
    );
  }
  return { min, max };
}

/** Quotas per category (`real` = Cognito's, undefined or `off` = none). @throws FaultOptionsError naming the quota. */
export function checkQuotas(quotas: FaultOptions["quotas"]): Quotas {
  if (quotas === undefined || quotas === "off") return {};
  if (quotas === "real") return { ...REAL_QUOTAS };
  const out: Quotas = {};
  for (const [category, rate] of Object.entries(quotas)) {
    if (!(category in REAL_QUOTAS)) {
      throw new FaultOptionsError(
        `quotas: unknown category ${JSON.stringify(category)}; use ${quotaCategoryChoice()}.`,
      );
    }
    if (rate === undefined) continue;
    if (!(Number.isInteger(rate) && rate >= 1)) {
      throw new FaultOptionsError(
        `quotas.${category} must be a whole number of requests per second >= 1, got ${String(rate)}.`,
      );
    }
    out[category as QuotaCategory] = rate;
  }
  return out;
}

/** mulberry32: a small, fast PRNG; good enough for fault injection, not for anything secret. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A sliding one-second window per region and category: a request is admitted when fewer than
 * `rate` requests were admitted in the last 1000 ms. So no second ever holds more than `rate`
 * admitted requests: no burst above the quota (stricter than a token bucket, so what passes here
 * passes AWS). Throttled requests do not count against the window. The rate is given per request,
 * so a limit changed at run time applies at once (a lowered one once the window has drained).
 */
class SlidingWindow {
  private readonly admitted: number[] = [];

  admit(nowMs: number, rate: number): boolean {
    while (this.admitted.length > 0 && this.admitted[0] <= nowMs - 1000) this.admitted.shift();
    if (this.admitted.length >= rate) return false;
    this.admitted.push(nowMs);
    return true;
  }
}

/** What happens to a request on arrival. */
export interface Arrival {
  /** Destroy the connection without answering. */
  drop: boolean;
  /** Wait this long before handling it. */
  delayMs: number;
}

/** The active fault simulation: quotas, error and drop rates, latency and the PRNG. */
export class FaultPlan {
  /** The options in force, validated. */
  readonly options: Readonly<FaultOptions>;
  private readonly random: () => number;
  // Cognito counts each quota per account and region: one window per region and category.
  private readonly windows = new Map<string, SlidingWindow>();
  private readonly fixedQuotas: Quotas;
  private readonly realQuotas: boolean;
  private readonly internalErrorRate: number;
  private readonly dropRate: number;
  private readonly latency: { min: number; max: number };

  /** @throws FaultOptionsError naming the bad option. */
  constructor(options: FaultOptions = {}) {
    const quotas = checkQuotas(options.quotas);
    this.internalErrorRate = checkRate("internalErrorRate", options.internalErrorRate);
    this.dropRate = checkRate("dropRate", options.dropRate);
    this.latency = checkLatency(options.latencyMs);
    const seed = options.seed ?? 1;
    if (!Number.isInteger(seed)) {
      throw new FaultOptionsError(`seed must be a whole number, got ${String(seed)}.`);
    }
    this.random = mulberry32(seed);
    this.realQuotas = options.quotas === "real";
    this.fixedQuotas = quotas;
    this.options = {
      ...options,
      quotas: this.realQuotas ? "real" : Object.keys(quotas).length === 0 ? "off" : quotas,
    };
  }

  /**
   * Quotas per category in a region without provisioned limits (empty when off); with `"real"`,
   * a region's provisioned limits replace these.
   */
  get quotas(): Quotas {
    return { ...this.fixedQuotas };
  }

  /** Decides, on arrival, whether the connection is dropped and how long handling is delayed. */
  arrive(): Arrival {
    // No draw for a fault that is off, so runs without it keep their sequence.
    const drop = this.dropRate > 0 && this.random() < this.dropRate;
    const { min, max } = this.latency;
    const delayMs = max === min ? min : min + this.random() * (max - min);
    return { drop, delayMs };
  }

  /**
   * Decides how a request for `operation` in `region`, handled at `nowMs`, is answered before the
   * operation runs: `throttled` (over its category's quota in that region), `internalError`, or
   * undefined (go ahead). With `"real"` quotas, `provisioned` gives the region's enforced limit.
   */
  admit(
    operation: OperationName,
    nowMs: number,
    region = "",
    provisioned: (category: QuotaCategory) => number = (category) => REAL_QUOTAS[category],
  ): "throttled" | "internalError" | undefined {
    const category = QUOTA_CATEGORY[operation];
    const rate =
      category === undefined
        ? undefined
        : this.realQuotas
          ? provisioned(category)
          : this.fixedQuotas[category];
    if (category !== undefined && rate !== undefined) {
      const key = `${region}\u0000${category}`;
      let window = this.windows.get(key);
      if (window === undefined) {
        window = new SlidingWindow();
        this.windows.set(key, window);
      }
      if (!window.admit(nowMs, rate)) return "throttled";
    }
    if (this.internalErrorRate > 0 && this.random() < this.internalErrorRate)
      return "internalError";
    return undefined;
  }
}
