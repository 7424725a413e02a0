// The provider text stored in state: small, stable across builds, and a loader of the package.
import assert from "node:assert/strict";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { provider } from "../../../../provider/resource/serialized-provider";
import { BUDGETS } from "../../../../bench/report";

/**
 * Budget for the serialized provider, stored twice per resource in state. Measured 2,013 bytes
 * from the sources and 2,033 from dist (as stored in state), with configure (TypeScript 5.9,
 * ES2020); the budget leaves a little room and fails loudly if logic creeps in.
 */
const SIZE_BUDGET_BYTES = BUDGETS.providerBytes;

async function serialize(obj: unknown) {
  return pulumi.runtime.serializeFunction(() => obj, { allowSecrets: true });
}

describe("the serialized provider (__provider in state)", () => {
  let text: string;
  let containsSecrets: boolean;

  before(async function () {
    this.timeout(20000);
    ({ text, containsSecrets } = await serialize(provider));
  });

  // Serialized as pulumi.dynamic.Resource does.
  it(`GIVEN the shared provider WHEN serialized THEN it is ${SIZE_BUDGET_BYTES} bytes or less`, () => {
    assert.ok(
      Buffer.byteLength(text) <= SIZE_BUDGET_BYTES,
      `serialized provider is ${Buffer.byteLength(text)} bytes`,
    );
  });

  it("THEN it contains no secret, no credential and no configuration", () => {
    assert.equal(containsSecrets, false);
    for (const forbidden of [
      "AKID",
      "secretAccessKey",
      "fake-token",
      "AWS_",
      "process.env",
      "Client(",
    ]) {
      assert.ok(!text.includes(forbidden), `found ${forbidden}`);
    }
  });

  it("THEN it holds no absolute or machine-specific path", () => {
    const root = path.resolve(__dirname, "../../../..");
    assert.ok(!text.includes(root));
    assert.ok(!text.includes("node_modules"));
    assert.doesNotMatch(text, /["'`](?:\/|[A-Za-z]:\\)/);
  });

  it("THEN it requires only the installed package's implementation, by name", () => {
    const requires = [...text.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(requires)], ["pulumi-cognito-auth-event-feedback/implementation"]);
  });

  it("THEN it holds no provider logic (no validation patterns, no SDK)", () => {
    assert.ok(!text.includes("@aws-sdk"));
    assert.ok(!text.includes("UpdateAuthEventFeedback"));
    assert.ok(!text.includes("\\p{L}"));
  });

  // Stable across builds.
  it("GIVEN the compiled provider WHEN serialized THEN the text is byte-identical", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compiled = require("pulumi-cognito-auth-event-feedback") as { provider: unknown };
    assert.equal((await serialize(compiled.provider)).text, text);
  });

  it("GIVEN the text WHEN loaded as the host does THEN it reaches the implementation", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const requireFromString = require("require-from-string") as (code: string) => {
      handler: () => unknown;
    };
    const loaded = requireFromString(text).handler() as pulumi.dynamic.ResourceProvider;
    const result = await loaded.check!({}, { userPoolId: "nope" });
    assert.equal(result.failures?.[0]?.property, "userPoolId");
  });
});
