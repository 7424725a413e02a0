// A pool's users for `cognito-feedback sweep`: ListUsers, every page, through the shared client,
// the endpoint guard and a pacer for ListUsers' own quota (UserList), and the rates a sweep reads
// at (./limits.ts sweepRates, with the account's limits discovered as the provider does).
import {
  ListUsersCommand,
  type ListUsersCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import { clientFor, currentSettings, guardAndPace, type Seen } from "./client";
import { describeCognitoFailure } from "./errors";
import { sweepRates, type SweepRates } from "./limits";
import type { Pacer } from "./pacing";
import { discoveredLimits } from "./regions";
import { regionOfPoolId } from "./values";

/** What {@link listUsernames} lists, and how. */
export interface ListUsersRequest {
  userPoolId: string;
  /** @default the region prefix of `userPoolId` */
  region?: string;
  /** Paces every ListUsers attempt (the UserList quota, 30/s free). */
  pacer: Pacer;
  /** Users per page, 1-60. @default 60 (the API's maximum) */
  pageSize?: number;
}

function regionFor(userPoolId: string, region: string | undefined): string {
  const found = region ?? regionOfPoolId(userPoolId);
  if (found === undefined) {
    throw new Error(
      `user pool id ${JSON.stringify(userPoolId)} has no region prefix (<region>_<id>); pass region.`,
    );
  }
  return found;
}

/**
 * The usernames of every user in the pool, one page (up to 60) at a time, with ListUsers (SigV4,
 * default credential chain), following `PaginationToken` to the last page. Asks for the `sub`
 * attribute only, which every user has, so no email or phone number is fetched.
 * @throws CognitoCallError with an actionable message (access denied, no such pool, ...)
 */
export async function* listUsernames(request: ListUsersRequest): AsyncGenerator<string[]> {
  const { userPoolId, pacer, pageSize = 60 } = request;
  const region = regionFor(userPoolId, request.region);
  const client = clientFor(region);
  const seen: Seen = {};
  let token: string | undefined;
  for (;;) {
    const command = new ListUsersCommand({
      UserPoolId: userPoolId,
      Limit: pageSize,
      AttributesToGet: ["sub"],
      PaginationToken: token,
    });
    guardAndPace(command.middlewareStack, pacer, seen);
    let output: ListUsersCommandOutput;
    try {
      output = await client.send(command);
    } catch (err) {
      throw describeCognitoFailure(err, {
        operation: "ListUsers",
        userPoolId,
        region,
        endpoint: seen.url,
      });
    }
    yield (output.Users ?? []).flatMap((u) => (u.Username === undefined ? [] : [u.Username]));
    // A repeated token would loop for ever; treat it as the end.
    if (output.PaginationToken === undefined || output.PaginationToken === token) return;
    token = output.PaginationToken;
  }
}

/**
 * The rates a sweep of a pool in `region` paces at: `flag` (`--reads-per-second`), else the
 * settings in force, else the account's limits as discovered (GetProvisionedLimit, once per
 * process) or Cognito's free ones (see ./limits.ts sweepRates).
 */
export async function sweepRatesFor(region: string, flag: number | undefined): Promise<SweepRates> {
  const settings = currentSettings();
  if (flag !== undefined) return sweepRates(flag, settings);
  return sweepRates(flag, settings, await discoveredLimits(region, clientFor(region), settings));
}
