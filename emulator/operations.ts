/**
 * The implemented operations, as pure functions of the store and the request input.
 * Order of checks after input validation (the real order is not documented; this is the likely
 * one): IAM deny -> pool exists -> operation enabled -> threat protection on -> user -> event ->
 * feedback token. ListUsers needs no threat protection and names no user: IAM deny -> pool
 * exists -> operation enabled -> filter -> pagination token -> requested attributes.
 */
import { ServiceError } from "./errors";
import { QUOTA_CATEGORIES, isQuotaCategory } from "./faults";
import { SHAPES, type OperationName } from "./model";
import type { FeedbackValue, SeedCredential } from "./seed";
import { sameSecret } from "./sigv4";
import type { AuthEventRecord, EmulatorStore, PoolRecord, UserRecord } from "./store";
import {
  TOKEN_ERROR_MESSAGE,
  pageToken,
  parseUserFilter,
  readPageToken,
  searchUsers,
} from "./user-search";
import { shapeViolations, validateInput, validateLimitDefinition } from "./validation";

/** Fixed account id used in ARNs. */
export const ACCOUNT_ID = "000000000000";

/** Page size when `MaxResults` (AdminListUserAuthEvents) or `Limit` (ListUsers) is 0 or absent. */
export const DEFAULT_PAGE_SIZE = 60;

/** ListUsers' answer when a requested attribute is not set on every user of the page. */
export const MISSING_ATTRIBUTES_MESSAGE = "One or more requested attributes do not exist.";

/** Provider recorded for feedback sent with `UpdateAuthEventFeedback` (an assumption, see README). */
export const USER_FEEDBACK_PROVIDER = "User";

/** Provider recorded for feedback sent with `AdminUpdateAuthEventFeedback`. */
export const ADMIN_FEEDBACK_PROVIDER = "Admin";

/** Who is calling and when. */
export interface OperationContext {
  /** The seeded credential that signed the request; undefined for unsigned or unchecked calls. */
  credential?: SeedCredential;
  /** The region the request was signed for; undefined for unsigned calls. */
  region?: string;
  now: Date;
}

/** The region prefix of a user pool id (`us-east-1_Abc` -> `us-east-1`), if it has one. */
export function regionOfPoolId(userPoolId: unknown): string | undefined {
  if (typeof userPoolId !== "string") return undefined;
  const i = userPoolId.indexOf("_");
  return i > 0 ? userPoolId.slice(0, i) : undefined;
}

/**
 * The region prefix of a user pool id that satisfies the model's pattern, else undefined: a
 * malformed id (`bad_pool!`) names no region, so input validation, not the signature's region
 * check, answers it.
 */
export function regionOfValidPoolId(userPoolId: unknown): string | undefined {
  return typeof userPoolId === "string" &&
    shapeViolations(SHAPES.UserPoolIdType, userPoolId).length === 0
    ? regionOfPoolId(userPoolId)
    : undefined;
}

/**
 * Answers AccessDeniedException when the caller's seed entry denies `operation` on `resource`
 * (an ARN, or `*` for account-level actions such as GetProvisionedLimit).
 */
function authorize(operation: OperationName, resource: string, ctx: OperationContext): void {
  const c = ctx.credential;
  if (c === undefined || !(c.deny ?? []).some((a) => a === operation)) return;
  throw new ServiceError(
    "AccessDeniedException",
    `User: arn:aws:iam::${ACCOUNT_ID}:user/${c.name ?? c.accessKeyId} is not authorized to perform: ` +
      `cognito-idp:${operation} on resource: ${resource}`,
  );
}

/** The ARN of a user pool, as IAM names it. */
function poolArn(poolId: string): string {
  return `arn:aws:cognito-idp:${regionOfPoolId(poolId) ?? ""}:${ACCOUNT_ID}:userpool/${poolId}`;
}

/**
 * What every pool-scoped SigV4 operation does first: validate the input, then apply the caller's
 * IAM deny on the pool's ARN. Returns the (now valid) pool id.
 */
function authorizedPoolId(
  operation: OperationName,
  input: Record<string, unknown>,
  ctx: OperationContext,
): string {
  validateInput(operation, input);
  const poolId = input.UserPoolId as string;
  authorize(operation, poolArn(poolId), ctx);
  return poolId;
}

/** The pool, if it exists and `operation` is enabled on it. */
function enabledPool(store: EmulatorStore, operation: OperationName, poolId: string): PoolRecord {
  const pool = store.pool(poolId);
  if (pool === undefined) {
    throw new ServiceError("ResourceNotFoundException", `User pool ${poolId} does not exist.`);
  }
  if (pool.operationNotEnabled) {
    throw new ServiceError(
      "OperationNotEnabledException",
      `${operation} is not enabled for user pool ${poolId} in this region.`,
    );
  }
  return pool;
}

/** The pool, if it exists, `operation` is enabled on it and threat protection is on. */
function usablePool(store: EmulatorStore, operation: OperationName, poolId: string): PoolRecord {
  const pool = enabledPool(store, operation, poolId);
  if (pool.threatProtection === "OFF") {
    throw new ServiceError(
      "UserPoolAddOnNotEnabledException",
      `Threat protection (advanced security) is not enabled for user pool ${poolId}.`,
    );
  }
  return pool;
}

function existingUser(store: EmulatorStore, pool: PoolRecord, username: string): UserRecord {
  const user = store.findUser(pool, username);
  // The message never repeats the username: it is a sensitive member.
  if (user === undefined) throw new ServiceError("UserNotFoundException", "User does not exist.");
  return user;
}

function existingEvent(user: UserRecord, eventId: string): AuthEventRecord {
  const event = user.events.find((e) => e.eventId === eventId);
  if (event === undefined) {
    throw new ServiceError("ResourceNotFoundException", `Auth event ${eventId} does not exist.`);
  }
  return event;
}

function tokenMatches(expected: string | undefined, given: string): boolean {
  return expected !== undefined && sameSecret(expected, given);
}

/**
 * The part both feedback operations share, after their own authorization: find the pool, user and
 * event (in Cognito's order of checks), let `authorizeEvent` reject the call, then record feedback.
 */
function recordFeedback(
  store: EmulatorStore,
  operation: "UpdateAuthEventFeedback" | "AdminUpdateAuthEventFeedback",
  input: Record<string, unknown>,
  provider: string,
  now: Date,
  authorizeEvent: (event: AuthEventRecord) => void = () => undefined,
): Record<string, never> {
  const pool = usablePool(store, operation, input.UserPoolId as string);
  const user = existingUser(store, pool, input.Username as string);
  const event = existingEvent(user, input.EventId as string);
  authorizeEvent(event);
  event.feedback = { value: input.FeedbackValue as FeedbackValue, provider, date: now };
  store.countFeedbackWrite();
  return {};
}

/** `UpdateAuthEventFeedback`: token-authorised feedback, recorded with provider `User`. */
export function updateAuthEventFeedback(
  store: EmulatorStore,
  input: Record<string, unknown>,
  ctx: OperationContext,
): Record<string, never> {
  validateInput("UpdateAuthEventFeedback", input);
  return recordFeedback(
    store,
    "UpdateAuthEventFeedback",
    input,
    USER_FEEDBACK_PROVIDER,
    ctx.now,
    (event) => {
      if (!tokenMatches(event.feedbackToken, input.FeedbackToken as string)) {
        throw new ServiceError(
          "NotAuthorizedException",
          "The feedback token is not valid for this event.",
        );
      }
    },
  );
}

/** `AdminUpdateAuthEventFeedback`: IAM-authorised feedback, recorded with provider `Admin`. */
export function adminUpdateAuthEventFeedback(
  store: EmulatorStore,
  input: Record<string, unknown>,
  ctx: OperationContext,
): Record<string, never> {
  authorizedPoolId("AdminUpdateAuthEventFeedback", input, ctx);
  return recordFeedback(
    store,
    "AdminUpdateAuthEventFeedback",
    input,
    ADMIN_FEEDBACK_PROVIDER,
    ctx.now,
  );
}

/** Epoch seconds, fractions kept: the wire form of a timestamp in AWS JSON 1.1. */
function epochSeconds(d: Date): number {
  return d.getTime() / 1000;
}

/** Copies the defined members of `obj` only, so absent values are left out instead of null. */
function defined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An event in the `AuthEventType` wire shape, members in model order. */
export function toWireEvent(e: AuthEventRecord): Record<string, unknown> {
  return {
    EventId: e.eventId,
    EventType: e.eventType,
    CreationDate: epochSeconds(e.creationDate),
    EventResponse: e.eventResponse,
    ...(e.risk === undefined
      ? {}
      : {
          EventRisk: defined({
            RiskDecision: e.risk.decision,
            RiskLevel: e.risk.level,
            CompromisedCredentialsDetected: e.risk.compromisedCredentialsDetected,
          }),
        }),
    ...(e.challenges === undefined
      ? {}
      : {
          ChallengeResponses: e.challenges.map((c) => ({
            ChallengeName: c.name,
            ChallengeResponse: c.response,
          })),
        }),
    ...(e.context === undefined
      ? {}
      : {
          EventContextData: defined({
            IpAddress: e.context.ipAddress,
            DeviceName: e.context.deviceName,
            Timezone: e.context.timezone,
            City: e.context.city,
            Country: e.context.country,
          }),
        }),
    ...(e.feedback === undefined
      ? {}
      : {
          EventFeedback: {
            FeedbackValue: e.feedback.value,
            Provider: e.feedback.provider,
            FeedbackDate: epochSeconds(e.feedback.date),
          },
        }),
  };
}

/** Newest first; ties broken by event id so pages are stable. */
function newestFirst(a: AuthEventRecord, b: AuthEventRecord): number {
  const byDate = b.creationDate.getTime() - a.creationDate.getTime();
  return byDate !== 0 ? byDate : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * The pagination token after `e`. Shaped like the documented example
 * (`<eventId>#<ISO time>`); clients treat it as opaque.
 */
function tokenAfter(e: AuthEventRecord): string {
  return `${e.eventId}#${e.creationDate.toISOString()}`;
}

/** Index of the first event after `token` in `sorted`; throws on a token this listing never issued. */
function resumeIndex(sorted: AuthEventRecord[], token: string): number {
  const i = sorted.findIndex((e) => tokenAfter(e) === token);
  if (i < 0) throw new ServiceError("InvalidParameterException", TOKEN_ERROR_MESSAGE);
  return i + 1;
}

/** A page size member (`MaxResults`, `Limit`): 0 or absent means {@link DEFAULT_PAGE_SIZE}. */
function pageSize(value: unknown): number {
  const n = (value as number | null | undefined) ?? 0;
  return n === 0 ? DEFAULT_PAGE_SIZE : n;
}

/** `AdminListUserAuthEvents`: the user's events newest first, paginated. */
export function adminListUserAuthEvents(
  store: EmulatorStore,
  input: Record<string, unknown>,
  ctx: OperationContext,
): { AuthEvents: Record<string, unknown>[]; NextToken?: string } {
  const poolId = authorizedPoolId("AdminListUserAuthEvents", input, ctx);
  const pool = usablePool(store, "AdminListUserAuthEvents", poolId);
  const user = existingUser(store, pool, input.Username as string);
  const sorted = [...user.events].sort(newestFirst);
  const size = pageSize(input.MaxResults);
  const token = input.NextToken as string | null | undefined;
  const start = token == null ? 0 : resumeIndex(sorted, token);
  const page = sorted.slice(start, start + size);
  const last = page[page.length - 1];
  const more = start + size < sorted.length && last !== undefined;
  return {
    AuthEvents: page.map(toWireEvent),
    ...(more ? { NextToken: tokenAfter(last) } : {}),
  };
}

/** The user's attributes as `AttributeType`s, `sub` first; only the `wanted` ones when given. */
function wireAttributes(
  user: UserRecord,
  wanted: readonly string[] | undefined,
): { Name: string; Value: string }[] {
  const all: [string, string][] = [["sub", user.sub], ...Object.entries(user.attributes)];
  return all
    .filter(([name]) => wanted === undefined || wanted.includes(name))
    .map(([Name, Value]) => ({ Name, Value }));
}

/** A user in the `UserType` wire shape, members in model order (no legacy `MFAOptions`). */
export function toWireUser(user: UserRecord, wanted?: readonly string[]): Record<string, unknown> {
  return {
    Username: user.username,
    Attributes: wireAttributes(user, wanted),
    UserCreateDate: epochSeconds(user.userCreateDate),
    UserLastModifiedDate: epochSeconds(user.userLastModifiedDate),
    Enabled: user.enabled,
    UserStatus: user.userStatus,
  };
}

/**
 * `ListUsers`: the pool's users matching `Filter`, paginated with opaque tokens. Needs no threat
 * protection. With `AttributesToGet`, every user of the page must have each requested attribute
 * (`sub` always does), as Cognito documents; `[]` returns users without attributes.
 */
export function listUsers(
  store: EmulatorStore,
  input: Record<string, unknown>,
  ctx: OperationContext,
): { Users: Record<string, unknown>[]; PaginationToken?: string } {
  const poolId = authorizedPoolId("ListUsers", input, ctx);
  const pool = enabledPool(store, "ListUsers", poolId);
  const filter = parseUserFilter((input.Filter as string | null | undefined) ?? "");
  const token = input.PaginationToken as string | null | undefined;
  const after = token == null ? undefined : readPageToken(poolId, filter, token);
  const page = searchUsers(pool.users, filter, after, pageSize(input.Limit));
  const wanted = (input.AttributesToGet as string[] | null | undefined) ?? undefined;
  const missing = wanted?.some(
    (name) => name !== "sub" && page.users.some((u) => u.attributes[name] === undefined),
  );
  if (missing === true)
    throw new ServiceError("InvalidParameterException", MISSING_ATTRIBUTES_MESSAGE);
  return {
    Users: page.users.map((u) => toWireUser(u, wanted)),
    ...(page.next === undefined ? {} : { PaginationToken: pageToken(poolId, filter, page.next) }),
  };
}

/**
 * `GetProvisionedLimit`: the account's enforced and free request rate of one API category in the
 * region the request was signed for, from the seed's `provisionedLimits` (default: the free limit).
 */
export function getProvisionedLimit(
  store: EmulatorStore,
  input: Record<string, unknown>,
  ctx: OperationContext,
): Record<string, unknown> {
  const definition = validateLimitDefinition(input);
  authorize("GetProvisionedLimit", "*", ctx);
  const category = definition.Attributes.Category;
  if (category === undefined) {
    throw new ServiceError(
      "InvalidParameterException",
      'An API_CATEGORY limit needs the attribute Category, e.g. {"Category": "UserResourceUpdate"}.',
    );
  }
  if (!isQuotaCategory(category)) {
    throw new ServiceError(
      "InvalidParameterException",
      `Unknown API category '${category}'. Categories the emulator knows: ${QUOTA_CATEGORIES.join(", ")}.`,
    );
  }
  const region = ctx.region ?? "";
  return {
    Limit: {
      LimitDefinition: { LimitClass: "API_CATEGORY", Attributes: { Category: category } },
      ProvisionedLimitValue: store.provisionedLimit(region, category),
      FreeLimitValue: store.freeLimit(category),
    },
  };
}

/** Runs an implemented operation on the store. */
export function runOperation(
  store: EmulatorStore,
  operation: OperationName,
  input: Record<string, unknown>,
  ctx: OperationContext,
): Record<string, unknown> {
  switch (operation) {
    case "UpdateAuthEventFeedback":
      return updateAuthEventFeedback(store, input, ctx);
    case "AdminUpdateAuthEventFeedback":
      return adminUpdateAuthEventFeedback(store, input, ctx);
    case "AdminListUserAuthEvents":
      return adminListUserAuthEvents(store, input, ctx);
    case "GetProvisionedLimit":
      return getProvisionedLimit(store, input, ctx);
    case "ListUsers":
      return listUsers(store, input, ctx);
  }
}
