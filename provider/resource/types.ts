// Public types of the AuthEventFeedback resource: what a program passes in and what the stack records.
import type * as pulumi from "@pulumi/pulumi";

import type { FeedbackRequest } from "../cognito/operations";
import type { FeedbackValue } from "../cognito/values";

export type { FeedbackValue };

/**
 * How feedback reaches Cognito: `token` calls UpdateAuthEventFeedback with the event's feedback
 * token (no IAM); `admin` calls AdminUpdateAuthEventFeedback with AWS credentials (IAM).
 */
export type FeedbackMode = "token" | "admin";

/** Arguments of an {@link AuthEventFeedback} resource. */
export interface AuthEventFeedbackArgs {
  /** Id of the user pool, `<region>_<id>` (e.g. `us-east-1_AbC123xyZ`); the region is taken from it. */
  userPoolId: pulumi.Input<string>;
  /** The user: username, an alias attribute (email, phone) or the `sub`. 1-128 characters. */
  username: pulumi.Input<string>;
  /** The auth event's id (`EventId` in AdminListUserAuthEvents): 1-50 of letters, digits, `_`, `+`, `-`. */
  eventId: pulumi.Input<string>;
  /** `Valid` (the sign-in was the real user) or `Invalid` (it was not); any letter case is accepted. */
  feedbackValue: pulumi.Input<string>;
  /**
   * The event's feedback token from Cognito's risk notification. Present: token mode, no IAM needed.
   * Absent: admin mode with the default AWS credential chain. Always stored as a secret, never output.
   * @default undefined (admin mode)
   */
  feedbackToken?: pulumi.Input<string>;
  /**
   * AWS region of the pool. Optional: it must agree with the `userPoolId` prefix when given.
   * @default the region prefix of `userPoolId`
   */
  region?: pulumi.Input<string>;
  /**
   * Why the verdict is right (who confirmed it, and how): audit metadata kept in state and outputs,
   * never sent to Cognito. At most 500 characters; no secrets. A change alone updates the resource
   * in place without calling Cognito.
   * @default undefined
   */
  reason?: pulumi.Input<string>;
  /**
   * A reference to the ticket or incident behind the verdict, like `SEC-1234` or a link: audit
   * metadata like `reason`. At most 200 characters, no whitespace.
   * @default undefined
   */
  ticket?: pulumi.Input<string>;
}

/**
 * Inputs after `check`: plain values, normalized (`feedbackValue` capitalised, `region` filled in):
 * the feedback call Cognito gets, plus the audit notes kept in state.
 */
export interface AuthEventFeedbackInputs extends FeedbackRequest {
  reason?: string;
  ticket?: string;
}

/**
 * What the stack records for each resource: the normalized inputs without the token, plus `mode`.
 * `reason` and `ticket` are present only when given.
 */
export interface AuthEventFeedbackOutputs {
  userPoolId: string;
  username: string;
  eventId: string;
  feedbackValue: FeedbackValue;
  region: string;
  /** How the feedback was last sent. */
  mode: FeedbackMode;
  /** Audit note: why the verdict is right. Absent when not given, and in state written before it existed. */
  reason?: string;
  /** Audit note: the ticket behind the verdict. Absent when not given. */
  ticket?: string;
}
