// Security overrides in Git: every verdict lives in overrides.yaml, which changes only through
// reviewed pull requests (see github-workflow.yml). Tokens are stack secrets, by event id:
//   pulumi config set --secret --path 'feedbackTokens["7875548a-bd00-490a-93b8-fa36fe42a3e0"]' <token>
// Entries without a token use admin mode (IAM). `pulumi refresh` finds verdicts changed behind
// the stack's back; the next `pulumi up` puts the reviewed ones back.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AuthEventFeedbackSet } from "pulumi-cognito-auth-event-feedback";

const config = new pulumi.Config();

// Next to this program unless stack config names another file.
const overrides = new AuthEventFeedbackSet("security-overrides", {
  file: config.get("overridesFile") ?? path.join(__dirname, "overrides.yaml"),
});

/** How many verdicts the file declares. */
export const overrideCount = overrides.count;
/** How many are sent with a feedback token (no IAM) and how many in admin mode. */
export const modes = { token: overrides.tokenModeCount, admin: overrides.adminModeCount };
