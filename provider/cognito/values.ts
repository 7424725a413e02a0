// Pure: facts about Cognito's identifiers and values, from its API model. No Pulumi here: the
// resource's rules (../resource/inputs.ts) are built from these.

/** A verdict on an auth event, as Cognito stores it. */
export type FeedbackValue = "Valid" | "Invalid";

// The model's patterns, anchored: Cognito matches the whole value, not a substring.
/** A user pool id: `<region>_<id>`. */
export const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
/** A username, alias or sub: letters, marks, symbols, digits and punctuation; no whitespace. */
export const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
/** An auth event id. */
export const EVENT_ID = /^[\w+-]+$/;
/** A feedback token (from the risk notification's link). */
export const TOKEN = /^[A-Za-z0-9-_=.]+$/;
/** Every AWS region id has this shape (us-east-1, us-gov-west-1, ap-southeast-5, eu-central-2). */
export const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** Longest user pool id. */
export const POOL_ID_MAX = 55;
/** Longest username. */
export const USERNAME_MAX = 128;
/** Longest event id. */
export const EVENT_ID_MAX = 50;

/** The region encoded in a pool id (`us-east-1_AbC` gives `us-east-1`), or undefined if it has none. */
export function regionOfPoolId(userPoolId: unknown): string | undefined {
  if (typeof userPoolId !== "string" || !POOL_ID.test(userPoolId)) return undefined;
  const prefix = userPoolId.slice(0, userPoolId.lastIndexOf("_"));
  return REGION.test(prefix) ? prefix : undefined;
}

/** True when `value` has the shape of a Cognito event id (the rule `check` applies to `eventId`). */
export function isEventId(value: unknown): value is string {
  return typeof value === "string" && value.length <= EVENT_ID_MAX && EVENT_ID.test(value);
}

/** `Valid`/`Invalid` for any letter case of those words, otherwise undefined. */
export function normalizeFeedbackValue(value: unknown): FeedbackValue | undefined {
  if (typeof value !== "string") return undefined;
  const lower = value.toLowerCase();
  if (lower === "valid") return "Valid";
  if (lower === "invalid") return "Invalid";
  return undefined;
}
