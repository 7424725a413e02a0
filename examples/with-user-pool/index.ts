// A user pool managed by @pulumi/aws, with threat protection ENFORCED (it needs the Plus feature
// plan), and a verdict on one of its sign-ins. The pool's id feeds the feedback resource, so the
// verdict is recorded after the pool exists and follows the pool if it is ever replaced.
//
//   pulumi config set username alice
//   pulumi config set eventId 7875548a-bd00-490a-93b8-fa36fe42a3e0
//   pulumi config set feedbackValue Invalid
//   pulumi config set --secret feedbackToken <token>   (optional: without it, admin mode via IAM)
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AuthEventFeedback } from "pulumi-cognito-auth-event-feedback";

const config = new pulumi.Config();

const pool = new aws.cognito.UserPool("users", {
  userPoolTier: "PLUS",
  userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
  aliasAttributes: ["email"],
});

const verdict = new AuthEventFeedback("flagged-sign-in", {
  userPoolId: pool.id,
  username: config.require("username"),
  eventId: config.require("eventId"),
  feedbackValue: config.get("feedbackValue") ?? "Invalid",
  feedbackToken: config.getSecret("feedbackToken"),
});

/** The pool's id, `<region>_<id>`. */
export const userPoolId = pool.id;
/** The verdict Cognito has recorded. */
export const feedbackValue = verdict.feedbackValue;
