// The AWS JSON 1.1 protocol: routing by X-Amz-Target, response and error shapes, injected
// one-shot faults, and no username or token in errors, request records or log lines.
import * as assert from "node:assert/strict";
import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  InternalErrorException,
  AdminGetUserCommand,
  TooManyRequestsException,
  UpdateAuthEventFeedbackCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { POOL } from "../support/seeds";
import { bobFeedback, clientFor, expectServiceError, rawPost, useFixture } from "./support";

const LIST_INPUT = { UserPoolId: POOL, Username: "alice" };

describe("AWS JSON 1.1 routing and responses", () => {
  const fx = useFixture();

  it("GIVEN a successful call THEN JSON 1.1, with a request id the SDK reports", async () => {
    const res = await rawPost(
      fx.emulator,
      "UpdateAuthEventFeedback",
      JSON.stringify(bobFeedback("Valid")),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {});
    assert.equal(res.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.equal(res.headers.get("x-amzn-errortype"), null);
    const requestId = res.headers.get("x-amzn-requestid");
    assert.equal(requestId, fx.emulator.store.requests.at(-1)?.requestId);

    const out = await fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
    assert.equal(out.$metadata.requestId, fx.emulator.store.requests.at(-1)?.requestId);
  });

  it("GIVEN an unknown X-Amz-Target THEN 400 UnknownOperationException", async () => {
    const res = await rawPost(fx.emulator, "NoSuchOperation", "{}");
    assert.equal(res.status, 400);
    assert.equal(res.json.__type, "UnknownOperationException");
    assert.equal(res.headers.get("x-amzn-errortype"), "UnknownOperationException");
  });

  it("GIVEN no X-Amz-Target THEN 400 UnknownOperationException", async () => {
    const res = await rawPost(fx.emulator, undefined, "{}");
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, {
      __type: "UnknownOperationException",
      message:
        "Unknown operation: X-Amz-Target must be AWSCognitoIdentityProviderService.<Operation>.",
    });
  });

  it("GIVEN an unimplemented operation (AdminGetUser) THEN UnknownOperationException", async () => {
    const command = new AdminGetUserCommand({ UserPoolId: POOL, Username: "alice" });
    await expectServiceError(fx.admin.send(command), {
      name: "UnknownOperationException",
      status: 400,
      message:
        "The Cognito emulator does not implement AdminGetUser; it implements " +
        "UpdateAuthEventFeedback, AdminUpdateAuthEventFeedback, AdminListUserAuthEvents, GetProvisionedLimit, ListUsers.",
    });
  });

  it("GIVEN a body that is not JSON THEN 400 SerializationException", async () => {
    const res = await rawPost(fx.emulator, "UpdateAuthEventFeedback", "UserPoolId=x");
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, {
      __type: "SerializationException",
      message: "The request body is not valid JSON.",
    });
  });

  it("GIVEN a JSON array body THEN 400 SerializationException", async () => {
    const res = await rawPost(fx.emulator, "UpdateAuthEventFeedback", "[]");
    assert.equal(res.json.__type, "SerializationException");
  });

  for (const [method, path] of [
    ["GET", "/"],
    ["POST", "/other"],
  ] as const) {
    it(`GIVEN ${method} ${path} THEN 404 with a JSON error body`, async () => {
      const res = await fetch(`${fx.emulator.url}${path}`, {
        method,
        ...(method === "POST" ? { body: "{}" } : {}),
      });
      assert.equal(res.status, 404);
      assert.equal(res.headers.get("content-type"), "application/x-amz-json-1.1");
      const body = (await res.json()) as { __type: string; message: string };
      assert.equal(body.__type, "UnknownOperationException");
      assert.match(body.message, /answers POST \/ \(AWS JSON 1\.1\) only/);
    });
  }
});

describe("Fault injection", () => {
  const fx = useFixture({ each: true });

  // The SDK's class with $fault server; then normal service resumes.
  it("GIVEN an injected InternalErrorException THEN a 500 server fault, then service", async () => {
    fx.emulator.store.injectFault({
      operation: "AdminListUserAuthEvents",
      error: "InternalErrorException",
      times: 1,
    });
    await expectServiceError(fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
      type: InternalErrorException,
      status: 500,
      message: "InternalErrorException injected by the emulator.",
      fault: "server",
    });
    const out = await fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
    assert.equal(out.AuthEvents?.length, 5);
  });

  it("GIVEN an injected TooManyRequestsException THEN 400 'Rate exceeded', throttling", async () => {
    fx.emulator.store.injectFault({ error: "TooManyRequestsException", times: 1 });
    const err = await expectServiceError(
      fx.anonymous.send(new UpdateAuthEventFeedbackCommand(bobFeedback("Valid"))),
      {
        type: TooManyRequestsException,
        status: 400,
        message: "Rate exceeded",
      },
    );
    assert.equal(err.$metadata.attempts, 1);
    assert.equal(fx.emulator.store.feedbackOf(POOL, "b-evt-1"), undefined);
  });

  it("GIVEN one injected 500 and 2 attempts allowed THEN the SDK retries and succeeds", async () => {
    fx.emulator.store.injectFault({
      operation: "AdminUpdateAuthEventFeedback",
      error: "InternalErrorException",
      times: 1,
    });
    const client = clientFor(fx.emulator, { maxAttempts: 2 });
    try {
      const out = await client.send(
        new AdminUpdateAuthEventFeedbackCommand({
          ...LIST_INPUT,
          EventId: "a-evt-1",
          FeedbackValue: "Valid",
        }),
      );
      assert.equal(out.$metadata.attempts, 2);
    } finally {
      client.destroy();
    }
    assert.deepEqual(
      fx.emulator.store.requests.map((r) => [r.status, r.errorType]),
      [
        [500, "InternalErrorException"],
        [200, undefined],
      ],
    );
  });

  it("GIVEN a fault for one operation THEN others are unaffected; clearFaults ends it", async () => {
    fx.emulator.store.injectFault({
      operation: "AdminUpdateAuthEventFeedback",
      error: "TooManyRequestsException",
      times: Infinity,
    });
    await fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
    for (let i = 0; i < 2; i++) {
      await expectServiceError(
        fx.admin.send(
          new AdminUpdateAuthEventFeedbackCommand({
            ...LIST_INPUT,
            EventId: "a-evt-1",
            FeedbackValue: "Valid",
          }),
        ),
        {
          type: TooManyRequestsException,
          status: 400,
          message: "Rate exceeded",
        },
      );
    }
    fx.emulator.store.clearFaults();
    await fx.admin.send(
      new AdminUpdateAuthEventFeedbackCommand({
        ...LIST_INPUT,
        EventId: "a-evt-1",
        FeedbackValue: "Valid",
      }),
    );
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-1")?.value, "Valid");
  });

  it("GIVEN a fault with a custom message and status 429 THEN both are used", async () => {
    fx.emulator.store.injectFault({
      error: "TooManyRequestsException",
      message: "Slow down",
      status: 429,
    });
    await expectServiceError(fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
      type: TooManyRequestsException,
      status: 429,
      message: "Slow down",
    });
  });

  // The fault stays pending.
  it("GIVEN an unsigned admin call while a fault is pending THEN authentication first", async () => {
    fx.emulator.store.injectFault({ error: "InternalErrorException" });
    const res = await rawPost(fx.emulator, "AdminListUserAuthEvents", JSON.stringify(LIST_INPUT));
    assert.equal(res.json.__type, "MissingAuthenticationTokenException");
    await expectServiceError(fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
      type: InternalErrorException,
      status: 500,
      message: /injected/,
      fault: "server",
    });
  });
});

describe("Sensitive values (username, feedback token) stay out of errors, records and logs", () => {
  const USERNAME = "secret-username-7f3a";
  const TOKEN = "fake-secret-token-9c2e";
  const lines: string[] = [];
  const fx = useFixture({ log: (line) => lines.push(line) });

  // Not an error message, a request record or a log line.
  it("GIVEN failing calls carrying username and token THEN no output holds either", async () => {
    const { admin, anonymous } = fx;
    const messages: string[] = [];
    const collect = async (p: Promise<unknown>): Promise<void> => {
      await p.then(
        () => assert.fail("expected the call to fail"),
        (err: Error) => messages.push(err.message),
      );
    };
    const feedback = (overrides: Record<string, string>) =>
      anonymous.send(
        new UpdateAuthEventFeedbackCommand({
          UserPoolId: POOL,
          Username: USERNAME,
          EventId: "a-evt-4",
          FeedbackToken: TOKEN,
          FeedbackValue: "Valid",
          ...overrides,
        } as never),
      );
    await collect(feedback({})); // unknown user
    await collect(feedback({ Username: "alice" })); // wrong token
    await collect(feedback({ Username: `${USERNAME} x`, FeedbackToken: `${TOKEN}/+` })); // invalid both
    await collect(feedback({ FeedbackValue: "valid" })); // other member invalid
    await collect(
      admin.send(new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: USERNAME })),
    );
    assert.equal(messages.length, 5);
    const everything = [...messages, JSON.stringify(fx.emulator.store.requests), ...lines].join(
      "\n",
    );
    assert.ok(!everything.includes(USERNAME), everything);
    assert.ok(!everything.includes(TOKEN), everything);
    assert.equal(lines.length, 5);
    assert.match(
      lines[0] ?? "",
      /^POST UpdateAuthEventFeedback 400 UserNotFoundException [\d.]+ms$/,
    );
    assert.deepEqual(Object.keys(fx.emulator.store.requests[0] ?? {}).sort(), [
      "durationMs",
      "errorType",
      "operation",
      "requestId",
      "signed",
      "status",
    ]);
  });
});
