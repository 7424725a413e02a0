// Pure: the resource's properties, in one table. Validation (./inputs.ts), diff, drift, the review
// summary and the overrides file take their lists and labels from it; nothing else names a property
// to decide how it behaves.
//
// | property      | lifecycle  | required | in the file as | stored in outputs | printed by the CLI |
// |---------------|------------|----------|----------------|-------------------|--------------------|
// | userPoolId    | replace    | yes      | userPoolId     | yes               | yes                |
// | username      | replace    | yes      | username       | yes               | never              |
// | eventId       | replace    | yes      | eventId        | yes               | yes                |
// | feedbackValue | update     | yes      | verdict        | yes               | yes                |
// | feedbackToken | credential | no       | (config)       | never             | never              |
// | region        | replace    | no       | (derived)      | yes               | yes                |
// | reason        | note       | file     | reason         | yes               | yes                |
// | ticket        | note       | no       | ticket         | yes               | yes                |
//
// Lifecycles: `replace` names the event, so a change is another resource; `update` is the verdict,
// sent to Cognito again; `note` is kept in state only (no call); `credential` is how the call is
// made, so a change is no change.
import {
  EVENT_ID,
  EVENT_ID_MAX,
  normalizeFeedbackValue,
  POOL_ID,
  POOL_ID_MAX,
  REGION,
  regionOfPoolId,
  TOKEN,
  USERNAME,
  USERNAME_MAX,
} from "../cognito/values";
import { looksLikeSecret } from "../shared/secret-like";
import type { AuthEventFeedbackInputs } from "./types";

/** Longest `reason` accepted: a sentence or two; details belong in the ticket. */
const REASON_MAX = 500;
/** Longest `ticket` accepted: a ticket key or a link. */
const TICKET_MAX = 200;

const POOL_EXAMPLE = `like "us-east-1_AbC123xyZ"`;

/**
 * The region stored state names: its `region`, or, for state written before region was an output,
 * the pool id's prefix. Undefined when neither gives one.
 */
export function storedRegion(props: Readonly<Record<string, unknown>>): string | undefined {
  return typeof props.region === "string" ? props.region : regionOfPoolId(props.userPoolId);
}

function whitespaceHint(value: string): string {
  return value.trim() !== value ? " Remove the leading or trailing whitespace." : "";
}

/** A property's rule: why a non-empty string is refused, or undefined when it is fine. */
export type Rule = (value: string) => string | undefined;

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

/** How a change of the property is applied (see the table above). */
export type Lifecycle = "replace" | "update" | "note" | "credential";

/** One input property of the resource. */
export interface Property {
  name: keyof AuthEventFeedbackInputs;
  lifecycle: Lifecycle;
  /** Required on every resource. */
  required: boolean;
  /**
   * What to do when it is missing. Set for every required property, and for an optional one that
   * a caller may require (`reason`, which the overrides file requires); absent: never required.
   */
  missing?: string;
  /** What to do when it is the empty string. @default "<name> is empty: set it or leave it out." */
  empty?: string;
  /** Cognito's (or the audit note's) rule on a non-empty string: a reason, or undefined if fine. */
  rule: Rule;
  /** Its field in the overrides file and its label in the review; absent: not in the file. */
  fileField?: string;
  /** Kept in outputs: the token is not (it is a credential, given again by the program). */
  stored: boolean;
  /** The CLI must never print its value (see ./inputs.ts `failuresForEngine`). */
  neverEchoed: boolean;
  /** The value two states are compared by: for the verdict, its normalized spelling. */
  normalize?: (value: unknown) => unknown;
  /** Read from stored state, for values older state may lack (`region`, from the pool id). */
  fromState?: (props: Readonly<Record<string, unknown>>) => unknown;
}

/** Every input property, in the order failures are reported. */
export const PROPERTIES: readonly Property[] = [
  {
    name: "userPoolId",
    lifecycle: "replace",
    required: true,
    missing: `userPoolId is required: set it to the user pool's id, ${POOL_EXAMPLE}.`,
    rule: poolIdRule,
    fileField: "userPoolId",
    stored: true,
    neverEchoed: false,
  },
  {
    name: "username",
    lifecycle: "replace",
    required: true,
    missing:
      "username is required: set it to the user's username, an alias (email, phone) or the sub.",
    rule: usernameRule,
    fileField: "username",
    stored: true,
    neverEchoed: true,
  },
  {
    name: "eventId",
    lifecycle: "replace",
    required: true,
    missing:
      "eventId is required: set it to the EventId of the sign-in you are giving feedback on.",
    rule: eventIdRule,
    fileField: "eventId",
    stored: true,
    neverEchoed: false,
  },
  {
    name: "feedbackValue",
    lifecycle: "update",
    required: true,
    missing: `feedbackValue is required: set it to "Valid" or "Invalid".`,
    rule: feedbackValueRule,
    fileField: "verdict",
    stored: true,
    neverEchoed: false,
    normalize: normalizeFeedbackValue,
  },
  {
    name: "feedbackToken",
    lifecycle: "credential",
    required: false,
    empty:
      "feedbackToken is empty: set the event's feedback token, or leave feedbackToken out to use admin mode (IAM).",
    rule: feedbackTokenRule,
    stored: false,
    neverEchoed: true,
  },
  {
    name: "region",
    lifecycle: "replace",
    required: false,
    rule: regionRule,
    stored: true,
    neverEchoed: false,
    fromState: storedRegion,
  },
  {
    name: "reason",
    lifecycle: "note",
    required: false,
    missing:
      "reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
    rule: reasonRule,
    fileField: "reason",
    stored: true,
    neverEchoed: false,
  },
  {
    name: "ticket",
    lifecycle: "note",
    required: false,
    rule: ticketRule,
    fileField: "ticket",
    stored: true,
    neverEchoed: false,
  },
];

/** The properties of one lifecycle, in table order. */
export function propertiesOf(lifecycle: Lifecycle): readonly Property[] {
  return PROPERTIES.filter((p) => p.lifecycle === lifecycle);
}

/** The property the resource exists for: the verdict, the only one an update sends to Cognito. */
export const VERDICT: Property = propertiesOf("update")[0];

/** The resource's input property names, in the order failures are reported. */
export const INPUT_PROPERTIES: readonly string[] = PROPERTIES.map((p) => p.name);

/** Inputs whose value the Pulumi CLI must never print (see ./inputs.ts `failuresForEngine`). */
export const NEVER_ECHOED: readonly string[] = PROPERTIES.filter((p) => p.neverEchoed).map(
  (p) => p.name,
);

/** The inputs kept in outputs, which refresh returns as stored inputs. */
export const STORED_INPUTS: readonly Property[] = PROPERTIES.filter((p) => p.stored);

const BY_NAME = new Map<string, Property>(PROPERTIES.map((p) => [p.name, p]));

/** The property called `name`, if the resource has one. */
export function propertyNamed(name: string): Property | undefined {
  return BY_NAME.get(name);
}

/** The name a user reads for a property: its overrides-file field, else its own name. */
export function labelOf(name: string): string {
  return BY_NAME.get(name)?.fileField ?? name;
}

/** The property's value in `props`, as two states are compared: normalized, or read from state. */
export function comparableValue(props: Readonly<Record<string, unknown>>, p: Property): unknown {
  const value = p.fromState !== undefined ? p.fromState(props) : props[p.name];
  return p.normalize?.(value) ?? value;
}
