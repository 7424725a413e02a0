// Pure selection of auth events for `cognito-feedback events` and `sweep`: which of a user's events
// a security engineer wants to judge. No I/O; the listing comes from ../cognito/operations.ts.
import type { AuthEventSummary } from "../cognito/operations";
import { inAnyRange, type IpRange } from "./ip-range";

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
/** What Cognito did with the request (`EventResponse`). */
export const EVENT_RESPONSES = ["Pass", "Fail", "InProgress"] as const;

/**
 * Which events to keep; every given criterion must hold (and), a list matches any of its values
 * (or). Absent criteria select everything.
 */
export interface EventFilter {
  /** Only events created at or after this instant. */
  since?: Date;
  /** Only events created before this instant (so `since` 1 Nov and `until` 2 Nov is 1 Nov). */
  until?: Date;
  /** Only events from an IP address in one of these ranges. */
  ipRanges?: readonly IpRange[];
  /** Only events with one of these risk levels (canonical spelling, e.g. `High`). */
  riskLevels?: readonly string[];
  /** Only events with one of these risk decisions (e.g. `AccountTakeover`). */
  riskDecisions?: readonly string[];
  /** Only events of one of these types (e.g. `SignIn`). */
  eventTypes?: readonly string[];
  /** Only events with one of these responses (e.g. `Fail`). */
  eventResponses?: readonly string[];
  /** Only events from one of these countries, as Cognito names them (any letter case). */
  countries?: readonly string[];
  /** Only events nobody has given feedback on yet. */
  withoutFeedback?: boolean;
}

/** True when the filter restricts anything (so "N match" is worth saying). */
export function isFiltering(filter: EventFilter): boolean {
  const { withoutFeedback, ...criteria } = filter;
  return withoutFeedback === true || Object.values(criteria).some((c) => c !== undefined);
}

// A value Cognito left out cannot be shown to match, so a criterion on it excludes the event.
function oneOf(value: string | undefined, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

// NaN (an unreadable date) compares false, so such an event is left out, never let through.
function inPeriod(created: Date | undefined, { since, until }: EventFilter): boolean {
  if (since === undefined && until === undefined) return true;
  const at = created?.getTime() ?? NaN;
  return (
    (since === undefined || at >= since.getTime()) && (until === undefined || at < until.getTime())
  );
}

/** True when `event` satisfies every criterion of `filter`. */
export function matchesFilter(event: AuthEventSummary, filter: EventFilter): boolean {
  if (!inPeriod(event.creationDate, filter)) return false;
  if (filter.withoutFeedback === true && event.feedbackValue !== undefined) return false;
  if (filter.ipRanges !== undefined && !inAnyRange(event.ipAddress, filter.ipRanges)) return false;
  const countries = filter.countries?.map((c) => c.toLowerCase());
  return (
    oneOf(event.riskLevel, filter.riskLevels) &&
    oneOf(event.riskDecision, filter.riskDecisions) &&
    oneOf(event.eventType, filter.eventTypes) &&
    oneOf(event.eventResponse, filter.eventResponses) &&
    oneOf(event.country?.trim().toLowerCase(), countries)
  );
}

/** The events that satisfy `filter`, in their original order. */
export function filterEvents(
  events: readonly AuthEventSummary[],
  filter: EventFilter,
): AuthEventSummary[] {
  return events.filter((e) => matchesFilter(e, filter));
}
