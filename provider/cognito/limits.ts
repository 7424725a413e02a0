// Pure rules for the rates the provider paces each region at: an explicit setting wins, then the
// account's enforced limit read with GetProvisionedLimit (kept at today's share of it), then the
// defaults. Also the lines the provider prints about discovery. No SDK, no I/O.
import { CONFIG_NAMESPACE, DEFAULT_SETTINGS, DISCOVER_LIMITS, type CallSettings } from "./settings";

/** Cognito's request-rate quota categories the provider's calls count against. */
export type LimitCategory = "UserResourceUpdate" | "UserResourceRead";

/** Both categories, in the order they are asked for and reported. */
export const LIMIT_CATEGORIES: readonly LimitCategory[] = [
  "UserResourceUpdate",
  "UserResourceRead",
];

/** Cognito's free (default) limits per account and region, requests per second. */
export const FREE_LIMITS: Readonly<Record<LimitCategory, number>> = {
  UserResourceUpdate: 25,
  UserResourceRead: 50,
};

/** The IAM action discovery needs. */
export const DISCOVERY_PERMISSION = "cognito-idp:GetProvisionedLimit";

/** An account's enforced limits in one region, as discovered; a category left out is unknown. */
export type RegionLimits = Partial<Record<LimitCategory, number>>;

/** The rates a region's pacers run at, calls per second (Infinity = no pacing). */
export interface RegionRates {
  writesPerSecond: number;
  readsPerSecond: number;
}

const DEFAULT_RATE: Readonly<Record<LimitCategory, number>> = {
  UserResourceUpdate: DEFAULT_SETTINGS.writesPerSecond,
  UserResourceRead: DEFAULT_SETTINGS.readsPerSecond,
};

/**
 * The pace for an enforced limit: the same share of it as the defaults take of the free limit
 * (23 of 25 writes, 40 of 50 reads). For writes that keeps the defaults' slack against Cognito's
 * one-second window: limit + 1 evenly paced calls span 25/23 s, 87 ms more than a second, at any
 * limit (50/s -> 46/s).
 */
export function pacedRate(category: LimitCategory, enforced: number): number {
  return (enforced * DEFAULT_RATE[category]) / FREE_LIMITS[category];
}

/** The rates for a region: the explicit setting, else the discovered limit's pace, else the default. */
export function regionRates(
  settings: Pick<CallSettings, "writesPerSecond" | "readsPerSecond">,
  discovered: RegionLimits = {},
): RegionRates {
  const rate = (explicit: number | undefined, category: LimitCategory) => {
    if (explicit !== undefined) return explicit;
    const enforced = discovered[category];
    return enforced === undefined ? DEFAULT_RATE[category] : pacedRate(category, enforced);
  };
  return {
    writesPerSecond: rate(settings.writesPerSecond, "UserResourceUpdate"),
    readsPerSecond: rate(settings.readsPerSecond, "UserResourceRead"),
  };
}

/** Whether discovery can change anything: it is on and some rate is not set explicitly. */
export function wantsDiscovery(settings: CallSettings): boolean {
  return (
    settings.discoverLimits &&
    (settings.writesPerSecond === undefined || settings.readsPerSecond === undefined)
  );
}

/**
 * The enforced limit in a GetProvisionedLimit answer (`Limit.ProvisionedLimitValue`), or
 * undefined when the answer holds no usable one.
 */
export function enforcedLimit(output: unknown): number | undefined {
  const limit = (output as { Limit?: { ProvisionedLimitValue?: unknown } } | undefined)?.Limit;
  const value = limit?.ProvisionedLimitValue;
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Failures of discovery that need no line of their own: no credentials at all (token mode on a
 * runner without AWS access uses the defaults silently), and a refused endpoint (the feedback
 * call reports it).
 */
const SILENT_FAILURES = new Set(["CredentialsProviderError", "InsecureEndpointError"]);

/** Whether a discovery failure with this error name is worth a line. */
export function reportsDiscoveryFailure(code: string): boolean {
  return !SILENT_FAILURES.has(code);
}

/** The one line printed when discovery in `region` failed with `code` for some category. */
export function discoveryFallbackMessage(region: string, code: string): string {
  return (
    `${region}: could not read the account's request-rate limits with GetProvisionedLimit (${code}), ` +
    `so calls there are paced for Cognito's default quotas (UserResourceUpdate ${FREE_LIMITS.UserResourceUpdate}/s, ` +
    `UserResourceRead ${FREE_LIMITS.UserResourceRead}/s). Grant ${DISCOVERY_PERMISSION} to pace for the account's ` +
    `enforced limits, or set ${CONFIG_NAMESPACE}:${DISCOVER_LIMITS.key} to false to stop asking.`
  );
}

/**
 * The line printed when a region's discovered limits differ from the free ones (capacity was
 * bought or lowered), so the faster or slower pace is not a surprise; undefined otherwise.
 */
export function discoveredLimitsMessage(region: string, limits: RegionLimits): string | undefined {
  const changed = LIMIT_CATEGORIES.filter(
    (c) => limits[c] !== undefined && limits[c] !== FREE_LIMITS[c],
  );
  if (changed.length === 0) return undefined;
  const parts = changed.map(
    (c) => `${c} ${limits[c]}/s (pacing at ${+pacedRate(c, limits[c] as number).toFixed(2)}/s)`,
  );
  return `${region}: the account's enforced limits are ${parts.join(", ")}, read with GetProvisionedLimit.`;
}

/**
 * The share of a quota a sweep (`cognito-feedback sweep`) paces at: 96%, 48 of UserResourceRead's
 * free 50/s. The provider keeps 80% (40/s) because a `pulumi up` or `refresh` may overlap other
 * work; a sweep is a one-off, read-only run someone waits on, so it paces close to the limit. Its
 * read pacer waits in line (./pacing.ts `inLine`), so no second holds more than 48 starts even
 * after a stalled event loop, which leaves two slots a second for network jitter, and the SDK's
 * adaptive retry absorbs the odd throttle: 2,000 users in 1.07 x the quota's bound with 0 or 1
 * throttle a run (bench/RESULTS.md). Lower it with `--reads-per-second` when other clients share
 * the quota.
 */
export const SWEEP_SHARE = 0.96;

/** Cognito's free UserList limit (ListUsers), requests per second per account and region. */
export const FREE_USER_LIST_LIMIT = 30;

/** The rates a sweep paces at, calls per second (Infinity = no pacing). */
export interface SweepRates {
  /** AdminListUserAuthEvents (UserResourceRead). */
  readsPerSecond: number;
  /** ListUsers (UserList). */
  usersPerSecond: number;
}

/**
 * A sweep's rates: `--reads-per-second` when given (0 = no pacing), else an explicit
 * `readsPerSecond` setting, else {@link SWEEP_SHARE} of the discovered UserResourceRead limit or of
 * the free one; ListUsers at {@link SWEEP_SHARE} of the free UserList limit.
 */
export function sweepRates(
  flag: number | undefined,
  settings: Pick<CallSettings, "readsPerSecond">,
  discovered: RegionLimits = {},
): SweepRates {
  // In hundredths of a call per second: 28.8, not 28.799999999999997.
  const share = (limit: number) => Math.round(limit * SWEEP_SHARE * 100) / 100;
  const limit = discovered.UserResourceRead ?? FREE_LIMITS.UserResourceRead;
  const reads = flag === 0 ? Infinity : (flag ?? settings.readsPerSecond ?? share(limit));
  return { readsPerSecond: reads, usersPerSecond: share(FREE_USER_LIST_LIMIT) };
}
