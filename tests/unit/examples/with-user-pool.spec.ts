// examples/with-user-pool under plain Pulumi mocks: the pool is on the Plus plan with threat
// protection ENFORCED, and its id is what the feedback resource records against.
import assert from "node:assert/strict";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const PROGRAM = path.join(__dirname, "../../../examples/with-user-pool/index.ts");
const POOL_ID = "us-east-1_MockPool1";

describe("examples/with-user-pool (under Pulumi mocks)", function () {
  this.timeout(20_000);

  it("WHEN it runs THEN the pool has threat protection and its id feeds the verdict", async () => {
    const registered: pulumi.runtime.MockResourceArgs[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          const id = args.type === "aws:cognito/userPool:UserPool" ? POOL_ID : `${args.name}-id`;
          return { id, state: { ...args.inputs, ...(id === POOL_ID ? { id } : {}) } };
        },
        call: () => ({}),
      },
      "with-user-pool",
      "test",
      false,
    );
    pulumi.runtime.setAllConfig({
      "with-user-pool:username": "alice",
      "with-user-pool:eventId": "evt-1",
    });
    delete require.cache[require.resolve(PROGRAM)]; // another spec may have run it already
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const program = require(PROGRAM) as Record<
      "userPoolId" | "feedbackValue",
      pulumi.Output<string>
    >;
    // The verdict registers once the pool's id is known: wait for its own output.
    await new Promise<void>((resolve) => program.feedbackValue.apply(() => resolve()));

    const pool = registered.find((r) => r.type === "aws:cognito/userPool:UserPool");
    assert.equal(pool?.inputs.userPoolTier, "PLUS");
    assert.deepEqual(pool?.inputs.userPoolAddOns, { advancedSecurityMode: "ENFORCED" });
    const verdict = registered.find(
      (r) => r.type === "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
    );
    assert.equal(verdict?.inputs.userPoolId, POOL_ID);
    assert.equal(verdict?.inputs.username, "alice");
    assert.equal(verdict?.inputs.feedbackValue, "Invalid");
  });
});
