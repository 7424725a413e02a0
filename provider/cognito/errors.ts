// Pure mapping from a failed Cognito call to the message a user reads: what failed, for which pool
// and event, and what to do. No message ever contains a secret (the feedback token).
import { CONFIG_NAMESPACE, type CallSettings } from "./settings";

/** The Cognito operations this package calls. */
export type CognitoOperation =
  | "UpdateAuthEventFeedback"
  | "AdminUpdateAuthEventFeedback"
  | "AdminListUserAuthEvents"
  | "ListUsers";

/** Where a failed call was going: enough to name it in a message. */
export interface CallContext {
  operation: CognitoOperation;
  userPoolId: string;
  region: string;
  /** The event the call was about, when there is one. */
  eventId?: string;
  /** Where the request was sent, when known (named in network failures). */
  endpoint?: string;
  /** Values that must never appear in a message, e.g. the feedback token. */
  secrets?: readonly string[];
}

/** A failed Cognito call, described for a person. */
export class CognitoCallError extends Error {
  /** The AWS error name (e.g. `NotAuthorizedException`) or network error code (e.g. `ECONNREFUSED`). */
  readonly code: string;
  /** AWS request id, when the service answered. */
  readonly requestId?: string;
  /** True when running `pulumi up` again may succeed (throttling, service or network trouble). */
  readonly transient: boolean;
  constructor(message: string, code: string, transient: boolean, requestId?: string) {
    super(message);
    this.name = "CognitoCallError";
    this.code = code;
    this.transient = transient;
    this.requestId = requestId;
  }
}

/** The facts read off an SDK error (or any thrown value) that the messages use. */
interface Failure {
  code: string;
  message: string;
  attempts?: number;
  requestId?: string;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

const CREDENTIAL_CODES = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "IncompleteSignatureException",
  "MissingAuthenticationTokenException",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
]);

const TRANSIENT_CODES = new Set([
  "TooManyRequestsException",
  "InternalErrorException",
  ...NETWORK_CODES,
]);

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function readFailure(err: unknown): Failure {
  const metadata = field(err, "$metadata");
  const cause = field(err, "cause");
  const name = field(err, "name");
  const errno = field(err, "code") ?? field(cause, "code");
  let code = typeof name === "string" && name !== "Error" ? name : "Error";
  if (typeof errno === "string" && NETWORK_CODES.has(errno)) code = errno;
  const message = field(err, "message");
  const attempts = field(metadata, "attempts");
  const requestId = field(metadata, "requestId");
  return {
    code,
    message: typeof message === "string" ? message : String(err),
    attempts: typeof attempts === "number" ? attempts : undefined,
    requestId: typeof requestId === "string" && requestId !== "" ? requestId : undefined,
  };
}

/** Replaces every occurrence of each secret in `text` with `[secret]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join("[secret]");
  }
  return out;
}

function afterAttempts(f: Failure): string {
  return f.attempts !== undefined && f.attempts > 1 ? ` after ${f.attempts} attempts` : "";
}

function quotaOf(operation: CognitoOperation): string {
  if (operation === "ListUsers") {
    return "the UserList quota is 30 requests per second per account and region";
  }
  return operation === "AdminListUserAuthEvents"
    ? "the UserResourceRead quota is 50 requests per second per account and region"
    : "the UserResourceUpdate quota is 25 requests per second per account and region, shared by every feedback call";
}

// `cognito-feedback:readsPerSecond`: the stack-config key a message tells the user to change.
const configKey = (key: keyof CallSettings) => `${CONFIG_NAMESPACE}:${key}`;

const isListing = (ctx: CallContext) =>
  ctx.operation === "AdminListUserAuthEvents" || ctx.operation === "ListUsers";

// Re-running is always safe: feedback is idempotent and listing changes nothing.
function rerun(ctx: CallContext): string {
  return isListing(ctx) ? "Run it again." : "Run pulumi up again: resending feedback is harmless.";
}

type Explain = (ctx: CallContext, f: Failure, quoted: string) => string;

const EXPLAIN: Record<string, Explain> = {
  InvalidParameterException: (_ctx, _f, quoted) =>
    `Cognito rejected a parameter: ${quoted}. Fix that input; \`pulumi preview\` checks the same constraints before anything is sent.`,
  // A listing names no event, so only the pool can be missing.
  ResourceNotFoundException: (ctx, _f, quoted) =>
    ctx.eventId === undefined
      ? `Cognito found no such user pool in ${ctx.region}: ${quoted}. Check the user pool id, and that your AWS account, region and endpoint are the pool's.`
      : `Cognito found no such user pool in ${ctx.region}, or no such event for this user: ${quoted}. Check userPoolId and eventId, and that your AWS account, region and endpoint are the pool's.`,
  UserNotFoundException: () =>
    "no user in the pool matches the username given. Use the user's username, an alias the pool accepts (such as email or phone number) or the user's sub.",
  UserPoolAddOnNotEnabledException: () =>
    `threat protection is off for this user pool, so Cognito takes no feedback. Turn it on (AdvancedSecurityMode AUDIT or ENFORCED; it needs the Plus feature plan), e.g. userPoolAddOns: { advancedSecurityMode: "ENFORCED" } on aws.cognito.UserPool, then run pulumi up again.`,
  OperationNotEnabledException: (ctx) =>
    `Cognito does not allow ${ctx.operation} for this pool in ${ctx.region} (for example in a secondary replica region of a multi-region pool). Send the feedback in the pool's primary region.`,
  NotAuthorizedException: (ctx, _f, quoted) =>
    ctx.operation === "UpdateAuthEventFeedback"
      ? "the feedback token was rejected: it belongs to another event, or is no longer valid. Get a fresh token from the event's risk notification, or leave feedbackToken out to use admin mode (IAM: cognito-idp:AdminUpdateAuthEventFeedback)."
      : `Cognito refused the call: ${quoted}. Check that your AWS credentials belong to the pool's account.`,
  TooManyRequestsException: (ctx, f) =>
    `Cognito throttled the call${afterAttempts(f)} (${quotaOf(ctx.operation)}). ${rerun(ctx)} If it keeps happening, other clients share the quota: lower ${configKey(isListing(ctx) ? "readsPerSecond" : "writesPerSecond")} or raise ${configKey("maxAttempts")} in the stack config.`,
  InternalErrorException: (ctx, f) =>
    `Cognito had an internal error${afterAttempts(f)}. ${rerun(ctx)}`,
  AccessDeniedException: (ctx, _f, quoted) =>
    `your AWS identity may not call ${ctx.operation}: ${quoted}. Grant it cognito-idp:${ctx.operation} on arn:aws:cognito-idp:${ctx.region}:<account-id>:userpool/${ctx.userPoolId}${isListing(ctx) ? "" : ", or set feedbackToken to use token mode, which needs no IAM"}.`,
  // Listing always signs with IAM, even for users who give feedback with tokens: say so.
  CredentialsProviderError: (ctx) =>
    isListing(ctx)
      ? `no AWS credentials were found, and ${ctx.operation} needs them (a feedback token cannot list ${ctx.operation === "ListUsers" ? "users" : "events"}). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) of an identity allowed cognito-idp:${ctx.operation} on arn:aws:cognito-idp:${ctx.region}:<account-id>:userpool/${ctx.userPoolId}.`
      : `no AWS credentials were found, and ${ctx.operation} needs them (admin mode: no feedbackToken). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or set feedbackToken to use token mode, which needs none.`,
  // Our own guard's message (see ./endpoint.ts) already says what to do; show it as it is.
  InsecureEndpointError: (_ctx, f) => f.message,
};

function explainCredentials(ctx: CallContext, quoted: string): string {
  return `AWS rejected the credentials: ${quoted}. Refresh them (aws sso login, AWS_PROFILE, or the AWS_* variables)${isListing(ctx) ? "" : ", or set feedbackToken to use token mode, which needs none"}.`;
}

function explainNetwork(ctx: CallContext, f: Failure): string {
  const where = ctx.endpoint ?? `the Cognito endpoint for ${ctx.region}`;
  return `could not reach ${where} (${f.code})${afterAttempts(f)}. Check your network or proxy, and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL if you set one. ${rerun(ctx)}`;
}

/**
 * Turns anything a Cognito call threw into a {@link CognitoCallError} whose message names the
 * operation, pool and event, says what to do, and contains none of `ctx.secrets`.
 */
export function describeCognitoFailure(err: unknown, ctx: CallContext): CognitoCallError {
  const f = readFailure(err);
  const quoted = JSON.stringify(f.message);
  let why: string;
  if (EXPLAIN[f.code] !== undefined) why = EXPLAIN[f.code](ctx, f, quoted);
  else if (CREDENTIAL_CODES.has(f.code)) why = explainCredentials(ctx, quoted);
  else if (NETWORK_CODES.has(f.code)) why = explainNetwork(ctx, f);
  else why = `${f.code}: ${quoted}.`;

  const subject =
    ctx.eventId !== undefined
      ? `event ${ctx.eventId} in user pool ${ctx.userPoolId}`
      : `user pool ${ctx.userPoolId}`;
  const tag = f.requestId !== undefined ? `${f.code}, request id ${f.requestId}` : f.code;
  const message = redact(`${ctx.operation} failed for ${subject}: ${why} [${tag}]`, ctx.secrets);
  return new CognitoCallError(message, f.code, TRANSIENT_CODES.has(f.code), f.requestId);
}
