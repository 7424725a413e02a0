// Pure drift decision for `read` (pulumi refresh): given the stored state and what
// AdminListUserAuthEvents said, what refresh records and what the user is told. No I/O.
//
// | live finding                          | props (new outputs)        | inputs (new stored inputs)     | log line |
// |---------------------------------------|----------------------------|--------------------------------|----------|
// | event found, same verdict             | state unchanged            | not returned (kept as stored)  | none     |
// | event found, other verdict (drift)    | state, live feedbackValue  | state's inputs, live value     | drift    |
// | event found, no feedback at all       | state without feedbackValue| state's inputs without it      | no verdict |
// | user or event not found               | state unchanged            | not returned                   | why      |
// | not checked (credentials, IAM, pool)  | state unchanged            | not returned                   | why (once) |
// | throttled, internal or network error  | read throws: refresh fails, run it again                    | –        |
//
// Why inputs carry the live value: the next `pulumi up` diffs stored outputs (live) against the
// program's inputs (declared), so it updates and sends the declared verdict again; with live
// inputs the preview also shows `feedbackValue: live => declared` instead of an update with no
// visible change. The token is not in outputs, so it cannot be in returned inputs either; the
// program supplies it again on the next `up`.
import type { FeedbackValue } from "./types";
import { STORED_INPUTS, VERDICT } from "./properties";

type Props = Record<string, unknown>;

/** The listing-relevant part of one event. */
export interface LiveEvent {
  eventId: string;
  feedbackValue?: FeedbackValue;
  feedbackProvider?: string;
}

/** What looking up the user's events gave. */
export type LiveFinding =
  | { kind: "listed"; events: readonly LiveEvent[] }
  /** Cognito said the user (or pool) does not exist; `why` is the described error. */
  | { kind: "missing"; why: string }
  /**
   * Drift could not be checked (no credentials, access denied, ...); `why` is the described error,
   * `code` its error code.
   */
  | { kind: "unchecked"; code: string; why: string };

/** What `read` returns and logs. */
export interface ReadDecision {
  props: Props;
  /** Present only when the live verdict was read and differs from state. */
  inputs?: Props;
  /** One line for the user, when there is something to say. */
  log?: string;
  /**
   * Present when the line says the same for every resource of a pool: print it once per process
   * for each key (error code and pool). Not the line itself, which ends with a request id.
   */
  onceKey?: string;
}

/** Error codes that mean the user or pool is gone, so the event cannot be looked up. */
const MISSING_CODES = new Set(["UserNotFoundException", "ResourceNotFoundException"]);

/**
 * How a failed listing affects refresh: `missing` and `unchecked` keep the state; `fail` means
 * refresh should fail (a transient error the SDK's retries did not overcome), to be run again.
 */
export function classifyListingFailure(
  code: string,
  transient: boolean,
): "missing" | "unchecked" | "fail" {
  if (MISSING_CODES.has(code)) return "missing";
  return transient ? "fail" : "unchecked";
}

/**
 * The stored inputs that match `state` (every input kept in outputs: the token never is; audit
 * notes are, as dropping them would show as a change at the next `up`), with the verdict replaced
 * by the live one (or removed when undefined).
 */
function inputsOf(state: Props, feedbackValue: FeedbackValue | undefined): Props {
  const inputs: Props = {};
  for (const p of STORED_INPUTS) {
    const value = p === VERDICT ? feedbackValue : (p.fromState?.(state) ?? state[p.name]);
    if (value !== undefined) inputs[p.name] = value;
  }
  return inputs;
}

/** Applies the decision table above to one resource's stored state (its outputs). */
export function decideRead(state: Props, finding: LiveFinding): ReadDecision {
  const stored = typeof state.feedbackValue === "string" ? state.feedbackValue : "no";
  if (finding.kind === "unchecked") {
    return {
      props: state,
      log: `drift not checked, state kept unchanged: ${finding.why}`,
      onceKey: `${finding.code} ${String(state.userPoolId)}`,
    };
  }
  if (finding.kind === "missing") {
    return { props: state, log: `drift not checked, state kept unchanged: ${finding.why}` };
  }
  const event = finding.events.find((e) => e.eventId === state.eventId);
  if (event === undefined) {
    return {
      props: state,
      log: `event not found among the user's ${finding.events.length} auth events (Cognito keeps events for two years, and the username may now name another user); state kept unchanged.`,
    };
  }
  if (event.feedbackValue === undefined) {
    const { feedbackValue: _dropped, ...props } = state;
    return {
      props,
      inputs: inputsOf(state, undefined),
      log: `Cognito has no feedback on this event, though the stack recorded ${stored}; refresh records none, and the next pulumi up sends the declared verdict again.`,
    };
  }
  if (event.feedbackValue === state.feedbackValue) return { props: state };
  const by = event.feedbackProvider !== undefined ? ` (given by ${event.feedbackProvider})` : "";
  return {
    props: { ...state, feedbackValue: event.feedbackValue },
    inputs: inputsOf(state, event.feedbackValue),
    log: `drift: Cognito records ${event.feedbackValue} feedback${by} on this event, the stack recorded ${stored}; refresh records ${event.feedbackValue}, and the next pulumi up sends the declared verdict again.`,
  };
}
