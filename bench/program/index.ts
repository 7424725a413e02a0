// The benchmark's program: `count` feedback overrides in one pool, as bench/scenario.ts lays them
// out. Stack config: count, userPoolId, tokenPrefix (secret), flip (optional: invert every verdict),
// secondUserPoolId (optional: the odd overrides go there, as bench/regions.ts splits two regions).
// It resolves the package as the examples do: the repository root's node_modules links it.
import * as pulumi from "@pulumi/pulumi";
import { AuthEventFeedback } from "pulumi-cognito-auth-event-feedback";
import { overrideAt, tokenAt } from "../scenario";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const userPoolId = config.require("userPoolId");
const tokenPrefix = config.requireSecret("tokenPrefix");
const flip = config.getBoolean("flip") ?? false;
const secondUserPoolId = config.get("secondUserPoolId");

for (let i = 0; i < count; i++) {
  const o = overrideAt(i, flip);
  new AuthEventFeedback(o.name, {
    userPoolId: secondUserPoolId !== undefined && i % 2 === 1 ? secondUserPoolId : userPoolId,
    username: o.username,
    eventId: o.eventId,
    feedbackValue: o.feedbackValue,
    feedbackToken: o.tokenMode ? tokenPrefix.apply((p) => tokenAt(p, i)) : undefined,
  });
}
