// The AuthEventFeedback resource class that Pulumi programs declare.
import * as pulumi from "@pulumi/pulumi";
import { provider } from "./serialized-provider";
import type { AuthEventFeedbackArgs, FeedbackMode, FeedbackValue } from "./types";

/**
 * Cognito auth-event feedback as a resource: records that one sign-in event of one user was `Valid`
 * or `Invalid`. Changing `feedbackValue` updates in place; changing the pool, user, event or region
 * replaces the resource; `reason` and `ticket` are audit notes that update in place without calling
 * Cognito; the token is a secret and never an output. Deleting only forgets the
 * resource: Cognito cannot withdraw feedback. Type token `pulumi-nodejs:dynamic/cognito:AuthEventFeedback`.
 */
export class AuthEventFeedback extends pulumi.dynamic.Resource {
  /** Id of the user pool. */
  public readonly userPoolId!: pulumi.Output<string>;
  /** The user the event belongs to, as given (username, alias or sub). */
  public readonly username!: pulumi.Output<string>;
  /** The auth event's id. */
  public readonly eventId!: pulumi.Output<string>;
  /** The recorded verdict, normalized to `Valid` or `Invalid`. */
  public readonly feedbackValue!: pulumi.Output<FeedbackValue>;
  /** AWS region of the pool. */
  public readonly region!: pulumi.Output<string>;
  /** How the feedback was last sent: `token` (UpdateAuthEventFeedback) or `admin` (IAM). */
  public readonly mode!: pulumi.Output<FeedbackMode>;
  /** Audit note: why the verdict is right; undefined when not given. */
  public readonly reason!: pulumi.Output<string | undefined>;
  /** Audit note: the ticket behind the verdict; undefined when not given. */
  public readonly ticket!: pulumi.Output<string | undefined>;

  /** Declares feedback on one auth event; see {@link AuthEventFeedbackArgs}. */
  constructor(name: string, args: AuthEventFeedbackArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        userPoolId: args.userPoolId,
        username: args.username,
        eventId: args.eventId,
        feedbackValue: args.feedbackValue,
        // A credential, not state: always encrypted in state and shown as [secret].
        feedbackToken:
          args.feedbackToken === undefined ? undefined : pulumi.secret(args.feedbackToken),
        region: args.region,
        reason: args.reason,
        ticket: args.ticket,
        mode: undefined,
      },
      opts,
      "cognito",
      "AuthEventFeedback",
    );
  }
}
