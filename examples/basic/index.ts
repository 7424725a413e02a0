// One verdict on one sign-in, as code. Stack config:
//   pulumi config set userPoolId us-east-1_AbC123xyZ
//   pulumi config set username alice
//   pulumi config set eventId 7875548a-bd00-490a-93b8-fa36fe42a3e0
//   pulumi config set feedbackValue Invalid
//   pulumi config set --secret feedbackToken <token from the risk notification>   (optional)
// Without feedbackToken the resource uses admin mode: AdminUpdateAuthEventFeedback with your AWS
// credentials (IAM).
import * as pulumi from "@pulumi/pulumi";
import { AuthEventFeedback } from "pulumi-cognito-auth-event-feedback";

const config = new pulumi.Config();

const verdict = new AuthEventFeedback("suspicious-sign-in", {
  userPoolId: config.require("userPoolId"),
  username: config.require("username"),
  eventId: config.require("eventId"),
  feedbackValue: config.get("feedbackValue") ?? "Invalid",
  feedbackToken: config.getSecret("feedbackToken"),
});

/** The verdict Cognito has recorded. */
export const feedbackValue = verdict.feedbackValue;
/** `token` or `admin`: which API recorded it. */
export const mode = verdict.mode;
