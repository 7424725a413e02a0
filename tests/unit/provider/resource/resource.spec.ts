// The AuthEventFeedback resource class under Pulumi mocks: what it registers.
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AuthEventFeedback } from "../../../../provider";
import { SECRET_SIG, SECRET_SIG_KEY } from "../../../../provider/shared/pulumi-wire";
import { recordingMocks, registeredInputs } from "../../../support/mocks";

describe("AuthEventFeedback resource class (under Pulumi mocks)", () => {
  let registered: pulumi.runtime.MockResourceArgs[] = [];

  before(async () => {
    registered = await recordingMocks();
  });

  // It registers the dynamic type, the token wrapped as a secret.
  it("GIVEN a resource with a token WHEN declared THEN the token goes as a secret", async () => {
    const r = new AuthEventFeedback("fb", {
      userPoolId: "us-east-1_AbC123xyZ",
      username: "alice",
      eventId: "evt-1",
      feedbackValue: "invalid",
      feedbackToken: "fake-token-for-mocks",
    });
    const inputs = await registeredInputs(registered, r, "fb");
    assert.equal(
      registered.find((x) => x.name === "fb")?.type,
      "pulumi-nodejs:dynamic/cognito:AuthEventFeedback",
    );
    const token = inputs.feedbackToken as Record<string, unknown>;
    assert.equal(token[SECRET_SIG_KEY], SECRET_SIG);
    assert.equal(token.value, "fake-token-for-mocks");
    assert.equal(typeof inputs.__provider, "string");
    assert.ok(!(inputs.__provider as string).includes("fake-token"));
  });

  // Admin mode.
  it("GIVEN a resource without a token WHEN declared THEN no token input is sent", async () => {
    const r = new AuthEventFeedback("admin", {
      userPoolId: "us-east-1_AbC123xyZ",
      username: "bob",
      eventId: "evt-2",
      feedbackValue: "Valid",
    });
    const inputs = await registeredInputs(registered, r, "admin");
    assert.ok(!("feedbackToken" in inputs));
  });

  // Audit notes, not secrets.
  it("GIVEN reason and ticket WHEN declared THEN they are sent as plain inputs", async () => {
    const r = new AuthEventFeedback("noted", {
      userPoolId: "us-east-1_AbC123xyZ",
      username: "carol",
      eventId: "evt-3",
      feedbackValue: "Valid",
      reason: "Carol confirmed the sign-in by phone",
      ticket: "SEC-42",
    });
    const inputs = await registeredInputs(registered, r, "noted");
    assert.equal(inputs.reason, "Carol confirmed the sign-in by phone");
    assert.equal(inputs.ticket, "SEC-42");
  });

  it("GIVEN the resources declared above THEN they share one serialized provider text", () => {
    assert.ok(registered.length >= 3);
    const texts = new Set(registered.map((x) => (x.inputs as Record<string, unknown>).__provider));
    assert.equal(texts.size, 1);
  });
});
