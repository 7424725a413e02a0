// The provider object's methods against the emulator over HTTP, in both modes and through every
// error path. The provider runs its compiled implementation, as the provider host does.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { provider } from "../../provider";
import { useEmulator } from "../support/emulator";
import { captureLog, credentialEnv, withEnv } from "../support/env";
import {
  ALICE_EMAIL,
  ALICE_SUB,
  CREDENTIALS,
  NO_THREAT_POOL,
  POOL,
  REPLICA_POOL,
  testSeed,
  tokenOf,
  tokensOf,
} from "../support/seeds";

// Alice's event with a token and no feedback, the token, and her other such event's token.
const EVENT = "a-evt-4";
const TOKEN = tokenOf(EVENT);
const OTHER_TOKEN = tokenOf("a-evt-5");
/** Alice's event with neither token nor feedback (admin mode only). */
const PLAIN_EVENT = "a-evt-2";
const ALL_TOKENS = tokensOf(testSeed());

// What the stack records for alice's event, verdict Invalid, sent in token mode.
const ALICE_TOKEN_OUTS = {
  userPoolId: POOL,
  username: "alice",
  eventId: EVENT,
  feedbackValue: "Invalid",
  region: "us-east-1",
  mode: "token",
};

function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    userPoolId: POOL,
    username: "alice",
    eventId: EVENT,
    feedbackValue: "Invalid",
    feedbackToken: TOKEN,
    region: "us-east-1",
  };
  const merged = { ...base, ...overrides };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return merged;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("provider against the emulator (HTTP, real AWS SDK)", () => {
  const emulator = useEmulator({ each: true });

  async function createFails(props: Record<string, unknown>): Promise<Error> {
    const err = await provider.create(props).then(
      () => assert.fail("create should have failed"),
      (e: unknown) => e as Error,
    );
    for (const token of ALL_TOKENS)
      assert.ok(!err.message.includes(token), "token leaked into the message");
    return err;
  }

  /** Creates in admin mode (no token) with `env` set; returns the error it must fail with. */
  const adminCreateFails = (env: Record<string, string | undefined>) =>
    withEnv(env, () => createFails(inputs({ feedbackToken: undefined })));

  describe("token mode (UpdateAuthEventFeedback, no IAM)", () => {
    it("GIVEN a valid token WHEN created THEN Cognito records it from User; no token out", async () => {
      const result = await provider.create(inputs());
      assert.deepEqual(result, {
        id: `${POOL}/${EVENT}`,
        outs: ALICE_TOKEN_OUTS,
      });
      const stored = emulator().store.feedbackOf(POOL, EVENT);
      assert.equal(stored?.value, "Invalid");
      assert.equal(stored?.provider, "User");
      assert.ok(!JSON.stringify(result).includes(TOKEN));
    });

    // The call is unsigned.
    it("GIVEN no AWS credentials at all WHEN created with a token THEN it still succeeds", async () => {
      await withEnv(
        { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
        async () => {
          await provider.create(inputs({ feedbackValue: "valid" }));
        },
      );
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.value, "Valid");
      const record = emulator().store.requests.at(-1);
      assert.equal(record?.operation, "UpdateAuthEventFeedback");
      assert.equal(record?.signed, false);
    });

    it("GIVEN an existing resource WHEN feedbackValue changes THEN update records it", async () => {
      const created = await provider.create(inputs());
      const updated = await provider.update!(
        created.id,
        created.outs,
        inputs({ feedbackValue: "Valid" }),
      );
      assert.equal(updated.outs?.feedbackValue, "Valid");
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.value, "Valid");
    });
  });

  describe("admin mode (AdminUpdateAuthEventFeedback, IAM)", () => {
    it("GIVEN credentials and no token WHEN created THEN Cognito records it from Admin", async () => {
      const result = await provider.create(inputs({ feedbackToken: undefined }));
      assert.equal(result.outs.mode, "admin");
      const stored = emulator().store.feedbackOf(POOL, EVENT);
      assert.equal(stored?.value, "Invalid");
      assert.equal(stored?.provider, "Admin");
      assert.equal(emulator().store.requests.at(-1)?.signed, true);
    });

    for (const [how, username] of [
      ["email alias", ALICE_EMAIL],
      ["sub", ALICE_SUB],
    ]) {
      it(`GIVEN the user named by ${how} WHEN created THEN the feedback is recorded`, async () => {
        await provider.create(inputs({ feedbackToken: undefined, username, eventId: PLAIN_EVENT }));
        assert.equal(emulator().store.feedbackOf(POOL, PLAIN_EVENT)?.value, "Invalid");
      });
    }

    it("GIVEN a token-mode resource WHEN the token is dropped THEN admin mode records it", async () => {
      const created = await provider.create(inputs());
      const updated = await provider.update!(
        created.id,
        created.outs,
        inputs({ feedbackToken: undefined, feedbackValue: "Valid" }),
      );
      assert.equal(updated.outs?.mode, "admin");
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.provider, "Admin");
    });
  });

  describe("audit notes (reason, ticket)", () => {
    it("GIVEN reason and ticket WHEN created THEN outputs; Cognito gets only the verdict", async () => {
      const created = await provider.create(
        inputs({ reason: "Alice was in Lisbon", ticket: "SEC-1" }),
      );
      assert.equal(created.outs.reason, "Alice was in Lisbon");
      assert.equal(created.outs.ticket, "SEC-1");
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.value, "Invalid");
    });

    it("GIVEN only reason and ticket changed WHEN updated THEN recorded; nothing sent", async () => {
      const created = await provider.create(inputs({ reason: "first", ticket: "SEC-1" }));
      const sent = emulator().store.requests.length;
      const updated = await provider.update!(
        created.id,
        created.outs,
        inputs({ feedbackToken: undefined, reason: "second", ticket: "SEC-2" }),
      );
      assert.equal(emulator().store.requests.length, sent);
      assert.deepEqual(updated.outs, { ...created.outs, reason: "second", ticket: "SEC-2" });
    });

    it("GIVEN state from before reason WHEN one is added THEN recorded without a call", async () => {
      const oldState = ALICE_TOKEN_OUTS;
      const updated = await provider.update!(
        `${POOL}/${EVENT}`,
        oldState,
        inputs({ reason: "added later" }),
      );
      assert.deepEqual(updated.outs, { ...oldState, reason: "added later" });
      assert.equal(emulator().store.requests.length, 0);
    });
  });

  describe("read and delete", () => {
    it("GIVEN stored state WHEN read THEN it comes back unchanged with its id", async () => {
      const created = await provider.create(inputs());
      const read = await provider.read!(created.id, created.outs);
      assert.deepEqual(read, { id: created.id, props: created.outs });
    });

    // An empty id would drop the resource.
    it("GIVEN state without an id WHEN read THEN an id is still returned", async () => {
      const created = await provider.create(inputs());
      assert.equal((await provider.read!("", created.outs)).id, `${POOL}/${EVENT}`);
    });

    it("GIVEN a resource WHEN deleted THEN Cognito keeps the verdict; the user is told", async () => {
      const created = await provider.create(inputs());
      const before = emulator().store.requests.length;
      const lines = await captureLog(() => provider.delete!(created.id, created.outs));
      assert.deepEqual(lines, [
        `[cognito-auth-event-feedback] AuthEventFeedback ${POOL}/${EVENT}: removed from the stack only. Cognito keeps Invalid feedback on this event (no API withdraws feedback); to reverse it, declare the opposite feedbackValue instead.`,
      ]);
      assert.equal(emulator().store.requests.length, before, "delete must not call Cognito");
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.value, "Invalid");
    });
  });

  describe("every error path: the message a user reads, and nothing stored", () => {
    const A = "UpdateAuthEventFeedback failed for event";
    const B = "AdminUpdateAuthEventFeedback failed for event";
    const cases: {
      name: string;
      props: Record<string, unknown>;
      message: RegExp;
      event: [string, string];
    }[] = [
      {
        name: "unknown user pool",
        props: { userPoolId: "us-east-1_Missing1" },
        event: ["us-east-1_Missing1", EVENT],
        message: new RegExp(
          `^${A} ${EVENT} in user pool us-east-1_Missing1: Cognito found no such user pool in us-east-1, or no such event for this user: "User pool us-east-1_Missing1 does not exist\\.". Check userPoolId and eventId, .* \\[ResourceNotFoundException, request id [0-9a-f-]+\\]$`,
        ),
      },
      {
        name: "unknown user",
        props: { username: "mallory", feedbackToken: undefined },
        event: [POOL, EVENT],
        message: new RegExp(
          `^${B} ${EVENT} in user pool ${POOL}: no user in the pool matches the username given\\. .* \\[UserNotFoundException, request id [0-9a-f-]+\\]$`,
        ),
      },
      {
        name: "unknown event",
        props: { eventId: "evt-nope", feedbackToken: undefined },
        event: [POOL, "evt-nope"],
        message: new RegExp(
          `^${B} evt-nope in user pool ${POOL}: Cognito found no such user pool in us-east-1, or no such event for this user: .*\\[ResourceNotFoundException`,
        ),
      },
      {
        name: "a token issued for another event",
        props: { feedbackToken: OTHER_TOKEN },
        event: [POOL, EVENT],
        message: new RegExp(
          `^${A} ${EVENT} in user pool ${POOL}: the feedback token was rejected: it belongs to another event, or is no longer valid\\. Get a fresh token from the event's risk notification, or leave feedbackToken out to use admin mode \\(IAM: cognito-idp:AdminUpdateAuthEventFeedback\\)\\. \\[NotAuthorizedException, request id [0-9a-f-]+\\]$`,
        ),
      },
      {
        name: "a pool without threat protection",
        props: {
          userPoolId: NO_THREAT_POOL,
          username: "carol",
          eventId: "c-evt-1",
          feedbackToken: tokenOf("c-evt-1", NO_THREAT_POOL),
        },
        event: [NO_THREAT_POOL, "c-evt-1"],
        message: new RegExp(
          `^${A} c-evt-1 in user pool ${NO_THREAT_POOL}: threat protection is off for this user pool, so Cognito takes no feedback\\. Turn it on \\(AdvancedSecurityMode AUDIT or ENFORCED; it needs the Plus feature plan\\)`,
        ),
      },
      {
        name: "a replica region where the operation is off",
        props: {
          userPoolId: REPLICA_POOL,
          region: "eu-west-1",
          eventId: "r-evt-1",
          feedbackToken: undefined,
        },
        event: [REPLICA_POOL, "r-evt-1"],
        message: new RegExp(
          `^${B} r-evt-1 in user pool ${REPLICA_POOL}: Cognito does not allow AdminUpdateAuthEventFeedback for this pool in eu-west-1 .*Send the feedback in the pool's primary region\\. \\[OperationNotEnabledException`,
        ),
      },
    ];
    for (const c of cases) {
      it(`GIVEN ${c.name} THEN the user reads what to do`, async () => {
        const err = await createFails(inputs(c.props));
        assert.match(err.message, c.message);
        assert.ok(
          !err.message.includes("alice"),
          "the username is sensitive and must not be echoed",
        );
        assert.equal(emulator().store.feedbackOf(...c.event), undefined);
      });
    }

    it("GIVEN inputs that break Cognito's constraints THEN nothing is sent", async () => {
      const err = await createFails(inputs({ eventId: "not an id" }));
      assert.match(
        err.message,
        /^invalid AuthEventFeedback inputs: eventId "not an id" is not a Cognito event id/,
      );
      assert.equal(emulator().store.requests.length, 0);
    });

    it("GIVEN Cognito rejects a parameter THEN its own validation message is shown", async () => {
      emulator().store.injectFault({
        error: "InvalidParameterException",
        message:
          "1 validation error detected: Value at 'feedbackToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+",
        times: 1,
      });
      const err = await createFails(inputs());
      assert.match(
        err.message,
        new RegExp(
          `^${A} ${EVENT} in user pool ${POOL}: Cognito rejected a parameter: "1 validation error detected: Value at 'feedbackToken' failed`,
        ),
      );
    });

    // After the SDK's retries.
    it("GIVEN throttling on every attempt THEN the message explains the shared quota", async () => {
      emulator().store.injectFault({
        error: "TooManyRequestsException",
        message: "Rate exceeded",
        times: 2,
      });
      await withEnv({ AWS_MAX_ATTEMPTS: "2" }, async () => {
        const err = await createFails(inputs());
        assert.match(
          err.message,
          new RegExp(
            `^${A} ${EVENT} in user pool ${POOL}: Cognito throttled the call after 2 attempts \\(the UserResourceUpdate quota is 25 requests per second per account and region, shared by every feedback call\\)\\. Run pulumi up again: resending feedback is harmless\\.`,
          ),
        );
      });
      assert.equal(emulator().store.feedbackOf(POOL, EVENT), undefined);
    });

    it("GIVEN one throttled attempt THEN the retry succeeds and the verdict is recorded", async () => {
      emulator().store.injectFault({
        error: "TooManyRequestsException",
        message: "Rate exceeded",
        times: 1,
      });
      await provider.create(inputs());
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.value, "Invalid");
      // The region's limit discovery (GetProvisionedLimit) goes first; only the feedback call retried.
      assert.deepEqual(
        emulator()
          .store.requests.filter((r) => r.operation === "UpdateAuthEventFeedback")
          .map((r) => r.status),
        [400, 200],
      );
    });

    it("GIVEN an internal error on every attempt THEN it says re-running is safe", async () => {
      emulator().store.injectFault({
        error: "InternalErrorException",
        message: "Internal error",
        times: 2,
      });
      const err = await adminCreateFails({ AWS_MAX_ATTEMPTS: "2" });
      assert.match(
        err.message,
        new RegExp(
          `^${B} ${EVENT} in user pool ${POOL}: Cognito had an internal error after 2 attempts\\. Run pulumi up again: resending feedback is harmless\\. \\[InternalErrorException`,
        ),
      );
    });

    // Admin mode: which IAM permission to grant, or set a token instead.
    it("GIVEN an identity without the permission THEN it names it, or suggests a token", async () => {
      const err = await adminCreateFails(credentialEnv(CREDENTIALS.writeDenied));
      assert.match(
        err.message,
        new RegExp(
          `^${B} ${EVENT} in user pool ${POOL}: your AWS identity may not call AdminUpdateAuthEventFeedback: ".*is not authorized to perform: cognito-idp:AdminUpdateAuthEventFeedback.*"\\. Grant it cognito-idp:AdminUpdateAuthEventFeedback on arn:aws:cognito-idp:us-east-1:<account-id>:userpool/${POOL}, or set feedbackToken to use token mode, which needs no IAM\\. \\[AccessDeniedException`,
        ),
      );
    });

    it("GIVEN credentials AWS does not know THEN it says to refresh them", async () => {
      const err = await adminCreateFails(credentialEnv(CREDENTIALS.unknown));
      assert.match(
        err.message,
        new RegExp(
          `^${B} ${EVENT} in user pool ${POOL}: AWS rejected the credentials: .*Refresh them .*\\[UnrecognizedClientException`,
        ),
      );
    });

    it("GIVEN no credentials in admin mode THEN configure them or use a token; none sent", async () => {
      const err = await adminCreateFails({
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
      });
      assert.equal(
        err.message,
        `${B} ${EVENT} in user pool ${POOL}: no AWS credentials were found, and AdminUpdateAuthEventFeedback needs them (admin mode: no feedbackToken). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or set feedbackToken to use token mode, which needs none. [CredentialsProviderError]`,
      );
      assert.equal(emulator().store.requests.length, 0);
    });

    it("GIVEN an endpoint nothing listens on THEN it names the endpoint and the failure", async () => {
      const port = await closedPort();
      await withEnv(
        {
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: `http://127.0.0.1:${port}`,
          AWS_MAX_ATTEMPTS: "1",
        },
        async () => {
          const err = await createFails(inputs());
          assert.equal(
            err.message,
            `${A} ${EVENT} in user pool ${POOL}: could not reach http://127.0.0.1:${port} (ECONNREFUSED). Check your network or proxy, and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL if you set one. Run pulumi up again: resending feedback is harmless. [ECONNREFUSED]`,
          );
        },
      );
    });

    describe("GIVEN a plain-http endpoint off loopback THEN it is refused before sending", () => {
      for (const variable of ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL"]) {
        it(`in ${variable}`, async () => {
          const port = await closedPort();
          // 0.0.0.0 is not loopback by our rule, yet would only ever reach this machine if the guard failed.
          await withEnv(
            {
              AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined,
              [variable]: `http://0.0.0.0:${port}`,
            },
            async () => {
              const err = await createFails(inputs());
              assert.equal(
                err.message,
                `${A} ${EVENT} in user pool ${POOL}: refusing to send a Cognito request to http://0.0.0.0: only https endpoints, or plain http on loopback (a local emulator), are allowed, so a feedback token never travels in clear text. Fix AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL or endpoint_url in your AWS config. [InsecureEndpointError]`,
              );
            },
          );
        });
      }
    });
  });

  describe("an endpoint set by endpoint_url in the AWS config file", () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-config-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Env with no endpoint variable and a config file whose default profile sets `endpointUrl`. */
    function configFileEnv(endpointUrl: string): Record<string, string | undefined> {
      const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
      fs.writeFileSync(file, `[default]\nendpoint_url = ${endpointUrl}\n`);
      return { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined, AWS_CONFIG_FILE: file };
    }

    it("GIVEN a loopback endpoint_url THEN the SDK uses it, and the verdict is recorded", async () => {
      await withEnv(configFileEnv(emulator().url), () => provider.create(inputs()));
      assert.equal(emulator().store.feedbackOf(POOL, EVENT)?.value, "Invalid");
    });

    it("GIVEN a plain-http endpoint_url off loopback THEN it is refused before sending", async () => {
      const port = await closedPort();
      const err = await withEnv(configFileEnv(`http://0.0.0.0:${port}`), () =>
        createFails(inputs()),
      );
      assert.match(
        err.message,
        /: refusing to send a Cognito request to http:\/\/0\.0\.0\.0: only https endpoints, or plain http on loopback .* \[InsecureEndpointError\]$/,
      );
    });
  });

  it("GIVEN check and diff through the provider object THEN they follow the pure rules", async () => {
    const checked = await provider.check!(
      {},
      inputs({ feedbackValue: "valid", region: undefined }),
    );
    assert.deepEqual(checked.failures, []);
    assert.equal((checked.inputs as Record<string, unknown>).region, "us-east-1");
    const created = await provider.create(checked.inputs as Record<string, unknown>);
    const diff: pulumi.dynamic.DiffResult = await provider.diff!(
      created.id,
      created.outs,
      inputs({ feedbackToken: "fake-rotated-token", feedbackValue: "Valid" }),
    );
    assert.deepEqual(diff, { changes: false, replaces: [], deleteBeforeReplace: false });
  });
});
