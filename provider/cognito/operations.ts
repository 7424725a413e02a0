// The Cognito calls this package makes: feedback writes and the auth-event listing. Every call goes
// through the shared client, the endpoint guard (./client.ts) and its region's pacers
// (./regions.ts), and every
// failure through describeCognitoFailure, so messages are actionable and never contain a token.
import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  UpdateAuthEventFeedbackCommand,
  type AdminListUserAuthEventsCommandOutput,
  type AuthEventType,
} from "@aws-sdk/client-cognito-identity-provider";
import { clientFor, guardAndPace, waitTurn, type Seen } from "./client";
import { describeCognitoFailure, type CognitoOperation } from "./errors";
import { Pacer } from "./pacing";
import { pacersFor } from "./regions";
import { normalizeFeedbackValue, regionOfPoolId, type FeedbackValue } from "./values";

/** One feedback write: which event, which verdict, and (token mode) the event's feedback token. */
export interface FeedbackRequest {
  userPoolId: string;
  username: string;
  eventId: string;
  feedbackValue: FeedbackValue;
  /** Token mode when set (UpdateAuthEventFeedback, no IAM); admin mode otherwise. */
  feedbackToken?: string;
  region: string;
}

/**
 * Records `request.feedbackValue` for the event in Cognito: UpdateAuthEventFeedback (unsigned) when
 * a feedback token is given, AdminUpdateAuthEventFeedback (SigV4, default credential chain)
 * otherwise. Paced by the region's write pacer. Throws a {@link CognitoCallError} that never
 * contains the token.
 */
export async function sendFeedback(request: FeedbackRequest): Promise<void> {
  const { userPoolId, username, eventId, feedbackValue, feedbackToken, region } = request;
  const seen: Seen = {};
  const operation: CognitoOperation =
    feedbackToken !== undefined ? "UpdateAuthEventFeedback" : "AdminUpdateAuthEventFeedback";
  // Outside the try: a settings error is not a Cognito failure.
  const client = clientFor(region);
  const { write } = await pacersFor(region, client);
  try {
    const target = {
      UserPoolId: userPoolId,
      Username: username,
      EventId: eventId,
      FeedbackValue: feedbackValue,
    };
    // Two statements, as the SDK types each command's middleware stack apart.
    if (feedbackToken !== undefined) {
      const command = new UpdateAuthEventFeedbackCommand({
        ...target,
        FeedbackToken: feedbackToken,
      });
      guardAndPace(command.middlewareStack, write, seen);
      await client.send(command);
    } else {
      const command = new AdminUpdateAuthEventFeedbackCommand(target);
      guardAndPace(command.middlewareStack, write, seen);
      await client.send(command);
    }
  } catch (err) {
    throw describeCognitoFailure(err, {
      operation,
      userPoolId,
      region,
      eventId,
      endpoint: seen.url,
      secrets: feedbackToken !== undefined ? [feedbackToken] : [],
    });
  }
}

/** One auth event of a user, as AdminListUserAuthEvents reports it. */
export interface AuthEventSummary {
  eventId: string;
  /** When the event happened. */
  creationDate?: Date;
  /** `SignIn`, `SignUp`, `ForgotPassword`, `PasswordChange` or `ResendCode`. */
  eventType?: string;
  /** `Pass`, `Fail` or `InProgress`. */
  eventResponse?: string;
  /** `Low`, `Medium` or `High`. */
  riskLevel?: string;
  /** `NoRisk`, `AccountTakeover` or `Block`. */
  riskDecision?: string;
  compromisedCredentialsDetected?: boolean;
  /** The verdict recorded on the event; undefined when nobody gave feedback. */
  feedbackValue?: FeedbackValue;
  /** Who gave the feedback, e.g. `Admin` (console or admin API). */
  feedbackProvider?: string;
  feedbackDate?: Date;
  /** Where the sign-in came from, as far as Cognito knows. */
  ipAddress?: string;
  city?: string;
  country?: string;
  deviceName?: string;
}

/** What {@link listUserAuthEvents} lists, and how. */
export interface ListUserAuthEventsRequest {
  userPoolId: string;
  /** Username, alias (email, phone) or sub. */
  username: string;
  /** @default the region prefix of `userPoolId` */
  region?: string;
  /** Events per page, 1-60. @default 60 (the API's maximum) */
  pageSize?: number;
  /** Called after each page with that page's events and the running total. */
  onPage?: (progress: ListingProgress) => void;
  /**
   * Called after each page (after `onPage`); `true` ends the listing there, without asking for the
   * next page, e.g. once enough events were found. The events listed so far are returned.
   */
  shouldStop?: (progress: ListingProgress) => boolean;
  /**
   * Paces every AdminListUserAuthEvents attempt instead of the region's shared read pacer
   * (./regions.ts), e.g. a sweep's, which paces closer to the quota.
   * @default the region's read pacer, at the provider's rate
   */
  readPacer?: Pacer;
}

/** Where a listing stands after a page. */
export interface ListingProgress {
  /** 1-based number of the page just received. */
  page: number;
  /** That page's events. */
  events: AuthEventSummary[];
  /** Events received so far, this page included. */
  total: number;
}

/**
 * Pages of one listing at most this often: Cognito also limits each user to 10 reads per second,
 * whatever the account quota.
 */
const USER_PAGES_PER_SECOND = 8;

function summarize(e: AuthEventType): AuthEventSummary {
  const summary: AuthEventSummary = {
    eventId: e.EventId ?? "",
    creationDate: e.CreationDate,
    eventType: e.EventType,
    eventResponse: e.EventResponse,
    riskLevel: e.EventRisk?.RiskLevel,
    riskDecision: e.EventRisk?.RiskDecision,
    compromisedCredentialsDetected: e.EventRisk?.CompromisedCredentialsDetected,
    feedbackValue: normalizeFeedbackValue(e.EventFeedback?.FeedbackValue),
    feedbackProvider: e.EventFeedback?.Provider,
    feedbackDate: e.EventFeedback?.FeedbackDate,
    ipAddress: e.EventContextData?.IpAddress,
    city: e.EventContextData?.City,
    country: e.EventContextData?.Country,
    deviceName: e.EventContextData?.DeviceName,
  };
  // Absent members stay absent, so results compare and print cleanly.
  for (const key of Object.keys(summary) as (keyof AuthEventSummary)[]) {
    if (summary[key] === undefined) delete summary[key];
  }
  return summary;
}

/**
 * Lists every auth event of a user, newest first, with AdminListUserAuthEvents (SigV4, default
 * credential chain), following `NextToken` to the last page. Paced by the region's read pacer
 * and at most {@link USER_PAGES_PER_SECOND} pages per second; usable outside Pulumi.
 * @throws CognitoCallError with an actionable message (no credentials, access denied, no such
 *   user, ...), or Error when no region can be derived from `userPoolId`.
 */
export async function listUserAuthEvents(
  request: ListUserAuthEventsRequest,
): Promise<AuthEventSummary[]> {
  const { userPoolId, username, pageSize = 60, onPage, shouldStop } = request;
  const region = request.region ?? regionOfPoolId(userPoolId);
  if (region === undefined) {
    throw new Error(
      `user pool id ${JSON.stringify(userPoolId)} has no region prefix (<region>_<id>); pass region.`,
    );
  }
  if (!(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 60)) {
    throw new RangeError(`pageSize must be a whole number from 1 to 60, got ${pageSize}.`);
  }
  const seen: Seen = {};
  const userPacer = new Pacer({ ratePerSecond: USER_PAGES_PER_SECOND });
  const client = clientFor(region);
  const read = request.readPacer ?? (await pacersFor(region, client)).read;
  const events: AuthEventSummary[] = [];
  let nextToken: string | undefined;
  for (let page = 1; ; page++) {
    await waitTurn(userPacer);
    const command = new AdminListUserAuthEventsCommand({
      UserPoolId: userPoolId,
      Username: username,
      MaxResults: pageSize,
      NextToken: nextToken,
    });
    guardAndPace(command.middlewareStack, read, seen);
    let output: AdminListUserAuthEventsCommandOutput;
    try {
      output = await client.send(command);
    } catch (err) {
      throw describeCognitoFailure(err, {
        operation: "AdminListUserAuthEvents",
        userPoolId,
        region,
        endpoint: seen.url,
      });
    }
    const pageEvents = (output.AuthEvents ?? []).map(summarize);
    events.push(...pageEvents);
    const progress = { page, events: pageEvents, total: events.length };
    onPage?.(progress);
    if (shouldStop?.(progress) === true) return events;
    // A repeated token would loop for ever; treat it as the end.
    if (output.NextToken === undefined || output.NextToken === nextToken) return events;
    nextToken = output.NextToken;
  }
}
