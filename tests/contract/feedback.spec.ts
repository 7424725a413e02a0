// The two feedback operations through the plain AWS SDK: token mode (unsigned) and admin mode
// (signed), and the pool, user and event checks they share with AdminListUserAuthEvents.
import * as assert from "node:assert/strict";
import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  CognitoIdentityProviderClient,
  NotAuthorizedException,
  OperationNotEnabledException,
  ResourceNotFoundException,
  UpdateAuthEventFeedbackCommand,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException,
  type FeedbackValueType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  ALICE_EMAIL,
  ALICE_SUB,
  AUDIT_POOL,
  NO_THREAT_POOL,
  POOL,
  REPLICA_POOL,
} from "../support/seeds";
import {
  bobFeedback,
  clientFor,
  expectServiceError,
  rawPost,
  useFixture,
  type Fixture,
} from "./support";

describe("UpdateAuthEventFeedback", () => {
  const fx = useFixture({ each: true });

  const send = (input: {
    UserPoolId?: string;
    Username?: string;
    EventId?: string;
    FeedbackToken?: string;
    FeedbackValue?: string;
  }) =>
    fx.anonymous.send(
      new UpdateAuthEventFeedbackCommand({
        UserPoolId: POOL,
        Username: "alice",
        EventId: "a-evt-4",
        FeedbackToken: "fake-token-alice-4",
        FeedbackValue: "Invalid",
        ...input,
      } as ConstructorParameters<typeof UpdateAuthEventFeedbackCommand>[0]),
    );

  // With provider User and the current date.
  it("GIVEN the event's token and no credentials THEN it is stored unsigned, from User", async () => {
    const before = Date.now();
    const out = await send({});
    const after = Date.now();

    assert.equal(out.$metadata.httpStatusCode, 200);
    const fb = fx.emulator.store.feedbackOf(POOL, "a-evt-4");
    assert.equal(fb?.value, "Invalid");
    assert.equal(fb?.provider, "User");
    assert.ok(fb.date.getTime() >= before && fb.date.getTime() <= after);
    const record = fx.emulator.store.requests.at(-1);
    assert.deepEqual(
      { operation: record?.operation, signed: record?.signed, status: record?.status },
      { operation: "UpdateAuthEventFeedback", signed: false, status: 200 },
    );

    const listed = await fx.admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "alice" }),
    );
    const event = listed.AuthEvents?.find((e) => e.EventId === "a-evt-4");
    assert.deepEqual(event?.EventFeedback, {
      FeedbackValue: "Invalid",
      Provider: "User",
      FeedbackDate: fb.date,
    });
  });

  it("GIVEN credentials that fail if asked for THEN it succeeds: the call is unsigned", async () => {
    const client = new CognitoIdentityProviderClient({
      endpoint: fx.emulator.url,
      region: "us-east-1",
      maxAttempts: 1,
      credentials: () => Promise.reject(new Error("credentials must not be needed")),
    });
    try {
      await client.send(new UpdateAuthEventFeedbackCommand(bobFeedback("Valid")));
    } finally {
      client.destroy();
    }
    assert.equal(fx.emulator.store.feedbackOf(POOL, "b-evt-1")?.value, "Valid");
  });

  it("GIVEN a bogus Authorization header THEN it is ignored and the call succeeds", async () => {
    const res = await rawPost(
      fx.emulator,
      "UpdateAuthEventFeedback",
      JSON.stringify(bobFeedback("Invalid")),
      { Authorization: "AWS4-HMAC-SHA256 garbage" },
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {});
    assert.equal(fx.emulator.store.requests.at(-1)?.signed, true);
    assert.equal(fx.emulator.store.feedbackOf(POOL, "b-evt-1")?.value, "Invalid");
  });

  // Value, provider and date.
  it("GIVEN feedback already given WHEN the other value is sent THEN it overwrites it", async () => {
    const seeded = fx.emulator.store.feedbackOf(POOL, "a-evt-3");
    assert.deepEqual(seeded, {
      value: "Invalid",
      provider: "Admin",
      date: new Date("2026-11-03T12:00:00Z"),
    });
    await send({ EventId: "a-evt-3", FeedbackToken: "fake-token-alice-3", FeedbackValue: "Valid" });
    const fb = fx.emulator.store.feedbackOf(POOL, "a-evt-3");
    assert.equal(fb?.value, "Valid");
    assert.equal(fb?.provider, "User");
    assert.ok(fb.date > seeded.date);
  });

  it("GIVEN the user named by an alias or by sub THEN it lands on that user's event", async () => {
    await send({ Username: ALICE_EMAIL, FeedbackValue: "Valid" });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-4")?.value, "Valid");
    await send({ Username: ALICE_SUB, FeedbackValue: "Invalid" });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-4")?.value, "Invalid");
  });

  it("GIVEN a pool in AUDIT mode WHEN feedback is sent THEN it is accepted", async () => {
    await send({
      UserPoolId: AUDIT_POOL,
      Username: "dave",
      EventId: "d-evt-1",
      FeedbackToken: "fake-token-dave-1",
    });
    assert.equal(fx.emulator.store.feedbackOf(AUDIT_POOL, "d-evt-1")?.provider, "User");
  });

  it("GIVEN a token issued for another event THEN NotAuthorizedException; none stored", async () => {
    await expectServiceError(send({ FeedbackToken: "fake-token-alice-3" }), {
      type: NotAuthorizedException,
      status: 400,
      message: "The feedback token is not valid for this event.",
    });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-4"), undefined);
  });

  it("GIVEN an event that was issued no token THEN NotAuthorizedException", async () => {
    await expectServiceError(send({ EventId: "a-evt-2" }), {
      type: NotAuthorizedException,
      status: 400,
      message: "The feedback token is not valid for this event.",
    });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-2"), undefined);
  });

  it("GIVEN members the operation does not model THEN they are ignored", async () => {
    const res = await rawPost(
      fx.emulator,
      "UpdateAuthEventFeedback",
      JSON.stringify({
        UserPoolId: POOL,
        Username: "alice",
        EventId: "a-evt-4",
        FeedbackToken: "fake-token-alice-4",
        FeedbackValue: "Valid",
        ClientMetadata: { extra: "ignored" },
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-4")?.value, "Valid");
  });
});

describe("AdminUpdateAuthEventFeedback", () => {
  const fx = useFixture({ each: true });

  const send = (input: { UserPoolId?: string; Username?: string; EventId?: string } = {}) =>
    fx.admin.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: POOL,
        Username: "alice",
        EventId: "a-evt-2",
        FeedbackValue: "Valid",
        ...input,
      }),
    );

  it("GIVEN a signed request THEN it is stored from Admin, as the listing shows", async () => {
    const before = Date.now();
    const out = await send();
    assert.equal(out.$metadata.httpStatusCode, 200);
    const fb = fx.emulator.store.feedbackOf(POOL, "a-evt-2");
    assert.equal(fb?.value, "Valid");
    assert.equal(fb?.provider, "Admin");
    assert.ok(fb.date.getTime() >= before);
    assert.equal(fx.emulator.store.requests.at(-1)?.signed, true);

    const listed = await fx.admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "alice" }),
    );
    const event = listed.AuthEvents?.find((e) => e.EventId === "a-evt-2");
    assert.deepEqual(event?.EventFeedback, {
      FeedbackValue: "Valid",
      Provider: "Admin",
      FeedbackDate: fb.date,
    });
  });

  it("GIVEN an event without a feedback token THEN admin feedback needs none", async () => {
    await send({ EventId: "a-evt-1" });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-1")?.provider, "Admin");
  });

  it("GIVEN the user named by alias or sub THEN it lands on that user's event", async () => {
    await send({ Username: ALICE_EMAIL });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-2")?.value, "Valid");
    await fx.admin.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: POOL,
        Username: ALICE_SUB,
        EventId: "a-evt-2",
        FeedbackValue: "Invalid" satisfies FeedbackValueType,
      }),
    );
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-2")?.value, "Invalid");
  });

  // Set behind the stack's back.
  it("GIVEN a value set by store.setFeedback WHEN listed THEN the new value shows", async () => {
    const date = new Date("2026-11-06T08:00:00.500Z");
    fx.emulator.store.setFeedback(POOL, "a-evt-1", "Invalid", "Admin", date);
    const listed = await fx.admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "alice" }),
    );
    assert.deepEqual(listed.AuthEvents?.find((e) => e.EventId === "a-evt-1")?.EventFeedback, {
      FeedbackValue: "Invalid",
      Provider: "Admin",
      FeedbackDate: date,
    });
  });
});

describe("Resource checks shared by the three operations", () => {
  const fx = useFixture();

  type Call = (f: Fixture, poolId: string, username: string, eventId: string) => Promise<unknown>;
  const operations: [string, Call][] = [
    [
      "UpdateAuthEventFeedback",
      (f, UserPoolId, Username, EventId) =>
        f.anonymous.send(
          new UpdateAuthEventFeedbackCommand({
            UserPoolId,
            Username,
            EventId,
            FeedbackToken: "fake-token-x",
            FeedbackValue: "Valid",
          }),
        ),
    ],
    [
      "AdminUpdateAuthEventFeedback",
      (f, UserPoolId, Username, EventId) =>
        f.admin.send(
          new AdminUpdateAuthEventFeedbackCommand({
            UserPoolId,
            Username,
            EventId,
            FeedbackValue: "Valid",
          }),
        ),
    ],
    [
      "AdminListUserAuthEvents",
      (f, UserPoolId, Username) =>
        f.admin.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username })),
    ],
  ];

  for (const [operation, call] of operations) {
    describe(operation, () => {
      it("GIVEN an unknown pool THEN ResourceNotFoundException naming the pool", async () => {
        await expectServiceError(call(fx, "us-east-1_Missing1", "alice", "a-evt-1"), {
          type: ResourceNotFoundException,
          status: 400,
          message: "User pool us-east-1_Missing1 does not exist.",
        });
      });

      it("GIVEN a pool with threat protection OFF THEN UserPoolAddOnNotEnabledException", async () => {
        await expectServiceError(call(fx, NO_THREAT_POOL, "carol", "c-evt-1"), {
          type: UserPoolAddOnNotEnabledException,
          status: 400,
          message: `Threat protection (advanced security) is not enabled for user pool ${NO_THREAT_POOL}.`,
        });
      });

      // The operation is not enabled there.
      it("GIVEN a secondary replica pool THEN OperationNotEnabledException", async () => {
        // The replica is in eu-west-1: sign for that region so authentication passes.
        const euAdmin = clientFor(fx.emulator, { region: "eu-west-1" });
        const euFx = { ...fx, admin: euAdmin };
        try {
          await expectServiceError(call(euFx, REPLICA_POOL, "alice", "r-evt-1"), {
            type: OperationNotEnabledException,
            status: 400,
            message: `${operation} is not enabled for user pool ${REPLICA_POOL} in this region.`,
          });
        } finally {
          euAdmin.destroy();
        }
      });

      it("GIVEN an unknown user THEN UserNotFoundException without echoing the username", async () => {
        const err = await expectServiceError(call(fx, POOL, "nobody-such-user", "a-evt-1"), {
          type: UserNotFoundException,
          status: 400,
          message: "User does not exist.",
        });
        assert.ok(!String(err.message).includes("nobody-such-user"));
      });

      it("GIVEN a non-alias attribute (phone_number) THEN the user is not found", async () => {
        await expectServiceError(call(fx, POOL, "+15550100", "a-evt-1"), {
          type: UserNotFoundException,
          status: 400,
          message: "User does not exist.",
        });
      });

      it("GIVEN no threat protection and an unknown user THEN the pool check wins", async () => {
        await expectServiceError(call(fx, NO_THREAT_POOL, "nobody", "c-evt-1"), {
          type: UserPoolAddOnNotEnabledException,
          status: 400,
          message: /not enabled for user pool/,
        });
      });
    });
  }

  for (const [operation, call] of operations.slice(0, 2)) {
    describe(operation, () => {
      it("GIVEN an unknown event id THEN ResourceNotFoundException naming the event", async () => {
        await expectServiceError(call(fx, POOL, "alice", "no-such-event"), {
          type: ResourceNotFoundException,
          status: 400,
          message: "Auth event no-such-event does not exist.",
        });
      });

      it("GIVEN another user's event id THEN ResourceNotFoundException", async () => {
        await expectServiceError(call(fx, POOL, "alice", "b-evt-1"), {
          type: ResourceNotFoundException,
          status: 400,
          message: "Auth event b-evt-1 does not exist.",
        });
        assert.equal(fx.emulator.store.feedbackOf(POOL, "b-evt-1"), undefined);
      });
    });
  }
});
