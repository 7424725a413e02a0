// The provider's behaviour, loaded at run time by the thin serialized provider (./serialized-provider.ts).
// Thin wiring only: validation, diff and error mapping live in their own pure modules.
// Every version must accept state written by earlier versions: delete and refresh run this code
// on resources created long ago.
import type * as pulumi from "@pulumi/pulumi";
import { configurationKey, settingsProblem, useStackConfig } from "../cognito/client";
import { listUserAuthEvents, sendFeedback, type AuthEventSummary } from "../cognito/operations";
import { decideDiff, needsFeedbackCall } from "./diff";
import { classifyListingFailure, decideRead, type LiveFinding } from "./drift";
import { CognitoCallError } from "../cognito/errors";
import { ListingCache } from "../shared/listing-cache";
import { logInfo, logInfoOnce } from "../shared/log";
import { resolveSettings } from "../cognito/settings";
import type { AuthEventFeedbackInputs, AuthEventFeedbackOutputs, FeedbackMode } from "./types";
import { checkInputs, eventKey, failuresForEngine, parseInputs, storedRegion } from "./inputs";

type Props = Record<string, unknown>;

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

/**
 * Validates inputs with Cognito's constraints; unknown values pass through. A bad stack setting
 * (see {@link configure}) is one more failure, on no property: the engine prints it as one line,
 * "resource '<name>' has a problem: <what to set>", and stops before anything is sent.
 */
export function check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  const { inputs, failures } = checkInputs(news);
  const settings = settingsProblem();
  const reported = failuresForEngine(failures, news);
  return Promise.resolve({
    inputs,
    failures: settings === undefined ? reported : [...reported, { property: "", reason: settings }],
  });
}

/** Applies the lifecycle decision table (see ./diff.ts). */
export function diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  return Promise.resolve(decideDiff(olds, news));
}

/** Sends the feedback and records the resource. */
export async function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const outs = await apply(inputs);
  return { id: eventKey(outs.userPoolId, outs.eventId), outs };
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

/**
 * Reads the stack config (`cognito-feedback:*`, see ../cognito/settings.ts) into the process-wide pacing and
 * retry settings. Synchronous on purpose: the host may run other calls before a pending configure
 * settles. A bad value never fails configure itself: the host runs configure inside the first
 * check and would print a rejection three times (its own `${e}: ${e.stack}` log line, the stack
 * trace, then the engine's error). It fails check instead, with one line naming the key and its
 * valid range, and every Cognito call after it (for refresh and destroy, which skip check).
 */
export function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  const config = (key: string) => req.config.get(key);
  try {
    resolveSettings(config, process.env); // validates now, so check can report a bad value
    useStackConfig(config);
  } catch (err) {
    useStackConfig(err as Error);
  }
  return Promise.resolve();
}

// One listing per user per process, shared by every resource of that user (see ../shared/listing-cache.ts).
const listings = new ListingCache<AuthEventSummary[]>();

async function liveFinding(
  userPoolId: string,
  username: string,
  region: string,
): Promise<LiveFinding> {
  const key = [configurationKey(region), userPoolId, username].join("\u0000");
  try {
    const events = await listings.get(key, () =>
      listUserAuthEvents({ userPoolId, username, region }),
    );
    return { kind: "listed", events };
  } catch (err) {
    if (!(err instanceof CognitoCallError)) throw err;
    const kind = classifyListingFailure(err.code, err.transient);
    if (kind === "fail") throw err;
    return kind === "missing"
      ? { kind, why: err.message }
      : { kind, code: err.code, why: err.message };
  }
}

/**
 * Refresh: looks the event up with AdminListUserAuthEvents and reports the live verdict, so drift
 * shows and the next `up` restores the declared one (decision table in ./drift.ts). Always returns
 * an id: an empty one would drop the resource from the stack.
 */
export async function read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  const rid = id || eventKey(props.userPoolId, props.eventId);
  const { userPoolId, username } = props;
  const region = storedRegion(props);
  if (typeof userPoolId !== "string" || typeof username !== "string" || region === undefined) {
    logInfo(
      `AuthEventFeedback ${rid}: drift not checked, state kept unchanged: the stored state names no user pool, user or region.`,
    );
    return { id: rid, props };
  }
  const decision = decideRead(props, await liveFinding(userPoolId, username, region));
  if (decision.log !== undefined) {
    if (decision.onceKey !== undefined) logInfoOnce(decision.onceKey, decision.log);
    else logInfo(`AuthEventFeedback ${rid}: ${decision.log}`);
  }
  return {
    id: rid,
    props: decision.props,
    ...(decision.inputs === undefined ? {} : { inputs: decision.inputs }),
  };
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
