// The host's own floor for the benchmark: `count` resources of a dynamic provider that does
// nothing, with the same inputs as bench/program (a secret included), so that preview time per
// resource can be compared with the real provider's in the same CLI.
import * as pulumi from "@pulumi/pulumi";
import { overrideAt, tokenAt } from "../scenario";

const noop: pulumi.dynamic.ResourceProvider = {
  create: (inputs: Record<string, unknown>) =>
    Promise.resolve({ id: String(inputs.eventId), outs: {} }),
};

/** A resource of the no-op provider. */
class Noop extends pulumi.dynamic.Resource {}

const config = new pulumi.Config();
const count = config.requireNumber("count");
const userPoolId = config.require("userPoolId");
const tokenPrefix = config.requireSecret("tokenPrefix");

for (let i = 0; i < count; i++) {
  const o = overrideAt(i);
  new Noop(
    noop,
    o.name,
    {
      userPoolId,
      username: o.username,
      eventId: o.eventId,
      feedbackValue: o.feedbackValue,
      feedbackToken: o.tokenMode
        ? pulumi.secret(tokenPrefix.apply((p) => tokenAt(p, i)))
        : undefined,
    },
    undefined,
    "bench",
    "Noop",
  );
}
