// Per-region pacing: every region gets its own write and read pacer, shared by every resource of
// that region in the host process, at the rates ./limits.ts decides. On the first call in a region
// the account's enforced limits are read once with GetProvisionedLimit (concurrent first calls
// share that one discovery); nothing carries over between host processes, so `pulumi preview`
// and `pulumi up` each decide for themselves.
import {
  GetProvisionedLimitCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { configurationKey, currentSettings, guard, type Seen } from "./client";
import {
  LIMIT_CATEGORIES,
  discoveredLimitsMessage,
  discoveryFallbackMessage,
  enforcedLimit,
  regionRates,
  reportsDiscoveryFailure,
  wantsDiscovery,
  type RegionLimits,
} from "./limits";
import { ListingCache } from "../shared/listing-cache";
import { logInfo } from "../shared/log";
import { RegionalPacers, type RegionPacers } from "./pacing";
import type { CallSettings } from "./settings";

const pacers = new RegionalPacers();

// One discovery per region and configuration (endpoint, credentials profile, ...) per process.
const discoveries = new ListingCache<RegionLimits>();

function errorName(err: unknown): string {
  const name = (err as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name !== "" ? name : "Error";
}

/**
 * Reads the account's enforced limits in `region`, one GetProvisionedLimit call per category.
 * Never throws: a category that cannot be read is left out, and the first reportable failure is
 * said once, naming the IAM permission (no credentials at all is not reported).
 */
async function discover(
  client: CognitoIdentityProviderClient,
  region: string,
): Promise<RegionLimits> {
  const limits: RegionLimits = {};
  const failures: string[] = [];
  await Promise.all(
    LIMIT_CATEGORIES.map(async (category) => {
      const command = new GetProvisionedLimitCommand({
        LimitDefinition: { LimitClass: "API_CATEGORY", Attributes: { Category: category } },
      });
      const seen: Seen = {};
      guard(command.middlewareStack, seen);
      try {
        const value = enforcedLimit(await client.send(command));
        if (value === undefined) failures.push("an answer without ProvisionedLimitValue");
        else limits[category] = value;
      } catch (err) {
        failures.push(errorName(err));
      }
    }),
  );
  const reportable = failures.filter(reportsDiscoveryFailure);
  if (reportable.length > 0) logInfo(discoveryFallbackMessage(region, reportable[0]));
  const found = discoveredLimitsMessage(region, limits);
  if (found !== undefined) logInfo(found);
  return limits;
}

/**
 * The account's enforced limits in `region` as discovered (once per region and configuration per
 * process; see `discover`), or none when discovery is off or every rate is set explicitly.
 */
export async function discoveredLimits(
  region: string,
  client: CognitoIdentityProviderClient,
  settings: CallSettings = currentSettings(),
): Promise<RegionLimits> {
  return wantsDiscovery(settings)
    ? discoveries.get(configurationKey(region, settings), () => discover(client, region))
    : {};
}

/**
 * The pacers of `region`, set to the rates in force: explicit settings, else the account's
 * discovered limits (read on first use when `settings.discoverLimits`), else the defaults.
 */
export async function pacersFor(
  region: string,
  client: CognitoIdentityProviderClient,
  settings: CallSettings = currentSettings(),
): Promise<RegionPacers> {
  const rates = regionRates(settings, await discoveredLimits(region, client, settings));
  const regional = pacers.of(region, rates);
  regional.write.configure({ ratePerSecond: rates.writesPerSecond });
  regional.read.configure({ ratePerSecond: rates.readsPerSecond });
  return regional;
}
