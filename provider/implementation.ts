// The provider's behaviour, loaded at run time by the thin serialized provider (./provider.ts).
// Thin wiring only: validation, diff and error mapping live in their own pure modules.
// Every version must accept state written by earlier versions: delete and refresh run this code
// on resources created long ago.
import type * as pulumi from "@pulumi/pulumi";
import { sendFeedback } from "./cognito";
import { decideDiff, needsFeedbackCall } from "./diff";
import { logInfo } from "./log";
import type { AuthEventFeedbackInputs, AuthEventFeedbackOutputs, FeedbackMode } from "./types";
import { checkInputs, parseInputs } from "./validate";

type Props = Record<string, unknown>;

// The resource id: pool and event. The username is left out, as Cognito treats it as sensitive.
function resourceId(userPoolId: unknown, eventId: unknown): string {
  return `${String(userPoolId)}/${String(eventId)}`;
}

function modeOf(inputs: AuthEventFeedbackInputs): FeedbackMode {
  return inputs.feedbackToken !== undefined ? "token" : "admin";
}

// Audit notes appear only when given, so state of resources without them keeps its old shape.
function outputsOf(inputs: AuthEventFeedbackInputs, mode: FeedbackMode): AuthEventFeedbackOutputs {
  return {
    userPoolId: inputs.userPoolId,
    username: inputs.username,
    eventId: inputs.eventId,
    feedbackValue: inputs.feedbackValue,
    region: inputs.region,
    mode,
    ...(inputs.reason !== undefined ? { reason: inputs.reason } : {}),
    ...(inputs.ticket !== undefined ? { ticket: inputs.ticket } : {}),
  };
}

async function apply(raw: Props): Promise<AuthEventFeedbackOutputs> {
  const inputs = parseInputs(raw);
  await sendFeedback(inputs);
  return outputsOf(inputs, modeOf(inputs));
}

/** Validates inputs with Cognito's constraints; unknown values pass through. */
export function check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  const { inputs, failures } = checkInputs(news);
  return Promise.resolve({ inputs, failures });
}

/** Applies the lifecycle decision table (see ./diff.ts). */
export function diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  return Promise.resolve(decideDiff(olds, news));
}

/** Sends the feedback and records the resource. */
export async function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const outs = await apply(inputs);
  return { id: resourceId(outs.userPoolId, outs.eventId), outs };
}

/**
 * Sends the new feedback value for the same event. When only the audit notes (reason, ticket)
 * changed, records them without calling Cognito, and `mode` keeps saying how the verdict was sent.
 */
export async function update(
  _id: string,
  olds: Props,
  news: Props,
): Promise<pulumi.dynamic.UpdateResult> {
  if (needsFeedbackCall(olds, news)) return { outs: await apply(news) };
  const inputs = parseInputs(news);
  const mode = olds.mode === "token" || olds.mode === "admin" ? olds.mode : modeOf(inputs);
  return { outs: outputsOf(inputs, mode) };
}

/** Returns the recorded state unchanged, always with an id (an empty id would drop the resource). */
export function read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  return Promise.resolve({ id: id || resourceId(props.userPoolId, props.eventId), props });
}

/** Forgets the resource. Cognito has no API to withdraw feedback, so the verdict stays recorded there. */
function remove(id: string, props: Props): Promise<void> {
  const value = typeof props.feedbackValue === "string" ? props.feedbackValue : "the";
  logInfo(
    `AuthEventFeedback ${id}: removed from the stack only. Cognito keeps ${value} feedback on this event (no API withdraws feedback); to reverse it, declare the opposite feedbackValue instead.`,
  );
  return Promise.resolve();
}
export { remove as delete };
