// Pure validation behind `check`: the Cognito API's own constraints, checked before anything is sent.
// No I/O, no SDK: the same rules serve the provider, and later the overrides-file loader.
import { looksLikeSecret } from "./secret-like";
import type { AuthEventFeedbackInputs, FeedbackValue } from "./types";

/** The value Pulumi puts in place of an input that is not known yet (preview only). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The key that marks a secret value in Pulumi's serialized state and preview JSON. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The value {@link SECRET_SIG_KEY} has on a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True when `value` is Pulumi's not-yet-known sentinel. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** One failed input: the property's name and what to do about it. */
export interface InputProblem {
  property: string;
  reason: string;
}

/** Result of {@link checkInputs}: normalized inputs (unknowns passed through) and every problem found. */
export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: InputProblem[];
}

// The model's patterns, anchored: Cognito matches the whole value, not a substring.
const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const EVENT_ID = /^[\w+-]+$/;
const TOKEN = /^[A-Za-z0-9-_=.]+$/;
// Every AWS region id has this shape (us-east-1, us-gov-west-1, ap-southeast-5, eu-central-2).
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

const POOL_ID_MAX = 55;
const USERNAME_MAX = 128;
const EVENT_ID_MAX = 50;

/** Longest `reason` accepted: a sentence or two; details belong in the ticket. */
const REASON_MAX = 500;
/** Longest `ticket` accepted: a ticket key or a link. */
const TICKET_MAX = 200;

const POOL_EXAMPLE = `like "us-east-1_AbC123xyZ"`;

/** The region encoded in a pool id (`us-east-1_AbC` gives `us-east-1`), or undefined if it has none. */
export function regionOfPoolId(userPoolId: unknown): string | undefined {
  if (typeof userPoolId !== "string" || !POOL_ID.test(userPoolId)) return undefined;
  const prefix = userPoolId.slice(0, userPoolId.lastIndexOf("_"));
  return REGION.test(prefix) ? prefix : undefined;
}

/**
 * The region stored state names: its `region`, or, for state written before region was an output,
 * the pool id's prefix. Undefined when neither gives one.
 */
export function storedRegion(props: Readonly<Record<string, unknown>>): string | undefined {
  return typeof props.region === "string" ? props.region : regionOfPoolId(props.userPoolId);
}

/**
 * One event's key, `<userPoolId>/<eventId>`: the resource id, and how an event is told apart from
 * another (the username is left out, as Cognito treats it as sensitive).
 */
export function eventKey(userPoolId: unknown, eventId: unknown): string {
  return `${String(userPoolId)}/${String(eventId)}`;
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

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function whitespaceHint(value: string): string {
  return value.trim() !== value ? " Remove the leading or trailing whitespace." : "";
}

type Rule = (value: string) => string | undefined;

const poolIdRule: Rule = (v) => {
  if (v.length > POOL_ID_MAX) {
    return `userPoolId is ${v.length} characters long; Cognito allows at most ${POOL_ID_MAX}. Use the pool id, ${POOL_EXAMPLE}, not its ARN or name.`;
  }
  if (!POOL_ID.test(v)) {
    return `userPoolId ${JSON.stringify(v)} is not a Cognito user pool id: it must be <region>_<id>, ${POOL_EXAMPLE} (find it in the Cognito console or with \`aws cognito-idp list-user-pools\`).${whitespaceHint(v)}`;
  }
  if (regionOfPoolId(v) === undefined) {
    return `userPoolId ${JSON.stringify(v)} does not start with an AWS region: Cognito pool ids are <region>_<id>, ${POOL_EXAMPLE}, and the region is taken from that prefix.`;
  }
  return undefined;
};

// The username is sensitive in Cognito's model, so reasons describe it without echoing it.
const usernameRule: Rule = (v) => {
  if (v.length > USERNAME_MAX) {
    return `username is ${v.length} characters long; Cognito allows at most ${USERNAME_MAX}. Use the username, an alias (email, phone) or the sub.`;
  }
  if (!USERNAME.test(v)) {
    return `username contains whitespace or control characters, which no Cognito username, alias or sub has: copy it exactly as Cognito shows it.${whitespaceHint(v)}`;
  }
  return undefined;
};

const eventIdRule: Rule = (v) => {
  if (v.length > EVENT_ID_MAX) {
    return `eventId is ${v.length} characters long; Cognito event ids have at most ${EVENT_ID_MAX}. Use the EventId shown by AdminListUserAuthEvents or the console's sign-in history.`;
  }
  if (!EVENT_ID.test(v)) {
    return `eventId ${JSON.stringify(v)} is not a Cognito event id: only letters, digits, '_', '+' and '-' are allowed. Use the EventId shown by AdminListUserAuthEvents or the console's sign-in history.${whitespaceHint(v)}`;
  }
  return undefined;
};

const feedbackValueRule: Rule = (v) =>
  normalizeFeedbackValue(v) === undefined
    ? `feedbackValue ${JSON.stringify(v)} is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.`
    : undefined;

// Never echo the token: a reason may end up in CI logs.
const feedbackTokenRule: Rule = (v) =>
  TOKEN.test(v)
    ? undefined
    : `feedbackToken has characters a Cognito feedback token never has (allowed: letters, digits, '-', '_', '=', '.'): copy it again from the notification link, or leave feedbackToken out to use admin mode (IAM).`;

// reason and ticket are audit notes kept in plain text (state, previews, Git), so they must not
// carry a credential; the secret itself is never echoed.
function secretInNote(name: string, v: string): string | undefined {
  const what = looksLikeSecret(v);
  return what === undefined
    ? undefined
    : `${name} contains what looks like a secret (${what}): ${name} is kept in plain text in state and shown in previews. Remove it; a feedback token belongs in feedbackToken, which is always a secret.`;
}

const reasonRule: Rule = (v) => {
  if (v.trim() === "") {
    return "reason is blank: say in a sentence why the verdict is right (who confirmed it, and how).";
  }
  if (v.length > REASON_MAX) {
    return `reason is ${v.length} characters long; at most ${REASON_MAX} are allowed: summarise it and put the details in the ticket.`;
  }
  return secretInNote("reason", v);
};

const ticketRule: Rule = (v) => {
  if (v.length > TICKET_MAX) {
    return `ticket is ${v.length} characters long; at most ${TICKET_MAX} are allowed: give a reference like "SEC-1234" or a link.`;
  }
  if (/\s/.test(v)) {
    return `ticket contains whitespace: give one reference, like "SEC-1234" or a link to the ticket.`;
  }
  return secretInNote("ticket", v);
};

const regionRule: Rule = (v) =>
  REGION.test(v)
    ? undefined
    : `region ${JSON.stringify(v)} is not an AWS region id like "us-east-1": fix it, or leave region out to take it from userPoolId.`;

interface Field {
  name: keyof AuthEventFeedbackInputs;
  required: boolean;
  rule: Rule;
  missing: string;
}

const FIELDS: Field[] = [
  {
    name: "userPoolId",
    required: true,
    rule: poolIdRule,
    missing: `userPoolId is required: set it to the user pool's id, ${POOL_EXAMPLE}.`,
  },
  {
    name: "username",
    required: true,
    rule: usernameRule,
    missing:
      "username is required: set it to the user's username, an alias (email, phone) or the sub.",
  },
  {
    name: "eventId",
    required: true,
    rule: eventIdRule,
    missing:
      "eventId is required: set it to the EventId of the sign-in you are giving feedback on.",
  },
  {
    name: "feedbackValue",
    required: true,
    rule: feedbackValueRule,
    missing: `feedbackValue is required: set it to "Valid" or "Invalid".`,
  },
  {
    name: "feedbackToken",
    required: false,
    rule: feedbackTokenRule,
    missing: "",
  },
  {
    name: "region",
    required: false,
    rule: regionRule,
    missing: "",
  },
  {
    name: "reason",
    required: false,
    rule: reasonRule,
    missing:
      "reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
  },
  { name: "ticket", required: false, rule: ticketRule, missing: "" },
];

/** The resource's input properties, in the order failures are reported. */
export const INPUT_PROPERTIES: readonly string[] = FIELDS.map((f) => f.name);

/** Options of {@link checkInputs}. */
export interface CheckOptions {
  /**
   * Optional inputs to require too, e.g. `["reason"]` for the overrides file.
   * @default none
   */
  require?: readonly string[];
}

function checkField(field: Field, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null) return required ? field.missing : undefined;
  if (typeof value !== "string") {
    return `${field.name} must be a string, but it is ${describeType(value)}.`;
  }
  if (value === "") {
    if (field.name === "feedbackToken") {
      return "feedbackToken is empty: set the event's feedback token, or leave feedbackToken out to use admin mode (IAM).";
    }
    return required ? field.missing : `${field.name} is empty: set it or leave it out.`;
  }
  return field.rule(value);
}

/**
 * Validates resource inputs against Cognito's constraints (and the audit notes `reason` and
 * `ticket` against theirs). Unknown values pass through untouched;
 * known values come back normalized (`feedbackValue` capitalised, `region` derived from the pool id
 * when absent). Properties other than the resource's own are dropped. Deterministic.
 */
export function checkInputs(
  news: Record<string, unknown>,
  options: CheckOptions = {},
): CheckOutcome {
  const inputs: Record<string, unknown> = {};
  const failures: InputProblem[] = [];
  const alsoRequired = options.require ?? [];

  for (const field of FIELDS) {
    const required = field.required || (field.missing !== "" && alsoRequired.includes(field.name));
    const value = news[field.name];
    if (isUnknown(value)) {
      inputs[field.name] = value;
      continue;
    }
    const reason = checkField(field, value, required);
    if (reason !== undefined) failures.push({ property: field.name, reason });
    if (value !== undefined && value !== null) inputs[field.name] = value;
  }

  const feedback = normalizeFeedbackValue(inputs.feedbackValue);
  if (feedback !== undefined) inputs.feedbackValue = feedback;

  const poolRegion = regionOfPoolId(inputs.userPoolId);
  const region = inputs.region;
  if (poolRegion !== undefined) {
    if (region === undefined) {
      inputs.region = poolRegion;
    } else if (typeof region === "string" && !isUnknown(region) && region !== poolRegion) {
      if (!failures.some((f) => f.property === "region")) {
        failures.push({
          property: "region",
          reason: `region ${JSON.stringify(region)} does not match userPoolId ${JSON.stringify(inputs.userPoolId)}, whose region is "${poolRegion}": set region to "${poolRegion}" or leave it out.`,
        });
      }
    }
  }
  return { inputs, failures };
}

/**
 * Inputs whose value the Pulumi CLI must never print. The engine prints a failing property's raw
 * value (`property p value {…} has a problem`), in clear even for secrets unless the value is
 * byte-equal to secret stack config; a failure without a property prints only its reason.
 */
export const NEVER_ECHOED: readonly string[] = ["feedbackToken", "username"];

/**
 * The failures as `check` hands them to the engine: those of {@link NEVER_ECHOED} inputs, and of
 * any input whose value looks like a credential, lose their `property`, so the CLI prints
 * `resource 'x' has a problem: <reason>` and no value. Every reason names its property already.
 */
export function failuresForEngine(
  failures: readonly InputProblem[],
  news: Record<string, unknown>,
): { property: string; reason: string }[] {
  return failures.map(({ property, reason }) => {
    const value = news[property];
    const risky =
      NEVER_ECHOED.includes(property) ||
      (typeof value === "string" && looksLikeSecret(value) !== undefined) ||
      (value !== undefined && typeof value !== "string");
    return { property: risky ? "" : property, reason };
  });
}

/** Thrown by {@link parseInputs} when inputs fail {@link checkInputs}. */
export class InvalidInputsError extends Error {
  /** Every problem found. */
  readonly failures: InputProblem[];
  constructor(failures: InputProblem[]) {
    // Each reason starts with its property's name, so the reasons alone read well.
    super(`invalid AuthEventFeedback inputs: ${failures.map((f) => f.reason).join(" ")}`);
    this.name = "InvalidInputsError";
    this.failures = failures;
  }
}

/**
 * Validates fully known inputs (create, update) and returns them typed and normalized; throws
 * {@link InvalidInputsError} listing every problem, including a value still unknown.
 */
export function parseInputs(raw: Record<string, unknown>): AuthEventFeedbackInputs {
  const { inputs, failures } = checkInputs(raw);
  for (const field of FIELDS) {
    if (isUnknown(inputs[field.name])) {
      failures.push({ property: field.name, reason: `${field.name} is not known yet.` });
    }
  }
  if (failures.length > 0) throw new InvalidInputsError(failures);
  return inputs as unknown as AuthEventFeedbackInputs;
}
