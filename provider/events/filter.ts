// Pure selection of auth events for `cognito-feedback events`: which of a user's events a security
// engineer wants to judge. No I/O; the listing comes from ../cognito/operations.ts.
import type { AuthEventSummary } from "../cognito/operations";

/** Risk levels Cognito assigns (`EventRisk.RiskLevel`). */
export const RISK_LEVELS = ["Low", "Medium", "High"] as const;
/** Risk decisions Cognito records (`EventRisk.RiskDecision`). */
export const RISK_DECISIONS = ["NoRisk", "AccountTakeover", "Block"] as const;
/** Auth event types (`EventType`). */
export const EVENT_TYPES = [
  "SignIn",
  "SignUp",
  "ForgotPassword",
  "PasswordChange",
  "ResendCode",
] as const;

/**
 * Which events to keep; every given criterion must hold (and), a list matches any of its values
 * (or). Absent criteria select everything.
 */
export interface EventFilter {
  /** Only events created at or after this instant. */
  since?: Date;
  /** Only events with one of these risk levels (canonical spelling, e.g. `High`). */
  riskLevels?: readonly string[];
  /** Only events with one of these risk decisions (e.g. `AccountTakeover`). */
  riskDecisions?: readonly string[];
  /** Only events of one of these types (e.g. `SignIn`). */
  eventTypes?: readonly string[];
  /** Only events nobody has given feedback on yet. */
  withoutFeedback?: boolean;
}

/** True when the filter restricts anything (so "N match" is worth saying). */
export function isFiltering(filter: EventFilter): boolean {
  return (
    filter.since !== undefined ||
    filter.riskLevels !== undefined ||
    filter.riskDecisions !== undefined ||
    filter.eventTypes !== undefined ||
    filter.withoutFeedback === true
  );
}

// A value Cognito left out cannot be shown to match, so a criterion on it excludes the event.
function oneOf(value: string | undefined, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

/** True when `event` satisfies every criterion of `filter`. */
export function matchesFilter(event: AuthEventSummary, filter: EventFilter): boolean {
  if (filter.since !== undefined) {
    const created = event.creationDate?.getTime();
    // NaN (an unreadable date) compares false, so such an event is left out, never let through.
    if (created === undefined || !(created >= filter.since.getTime())) return false;
  }
  if (filter.withoutFeedback === true && event.feedbackValue !== undefined) return false;
  return (
    oneOf(event.riskLevel, filter.riskLevels) &&
    oneOf(event.riskDecision, filter.riskDecisions) &&
    oneOf(event.eventType, filter.eventTypes)
  );
}

/** The events that satisfy `filter`, in their original order. */
export function filterEvents(
  events: readonly AuthEventSummary[],
  filter: EventFilter,
): AuthEventSummary[] {
  return events.filter((e) => matchesFilter(e, filter));
}
