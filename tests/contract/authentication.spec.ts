import * as assert from "node:assert/strict";
import {
  AccessDeniedException,
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  InvalidParameterException,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { startEmulator } from "../../emulator";
import {
  ADMIN,
  AUDITOR,
  POOL,
  TEMPORARY,
  clientFor,
  expectServiceError,
  rawPost,
  startFixture,
  testSeed,
  type Fixture,
} from "./support";

const LIST_INPUT = { UserPoolId: POOL, Username: "alice" };

const MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** The outgoing HTTP request as a middleware sees it. */
interface EditableRequest {
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** Runs `edit` on the outgoing HTTP request after the SDK has signed it. */
function afterSigning(
  client: CognitoIdentityProviderClient,
  edit: (request: EditableRequest) => void,
): void {
  type Handler = (args: { request: EditableRequest }) => Promise<unknown>;
  const middleware =
    (next: Handler): Handler =>
    (args) => {
      edit(args.request);
      return next(args);
    };
  client.middlewareStack.addRelativeTo(middleware as never, {
    relation: "after",
    toMiddleware: "httpSigningMiddleware",
    name: "testEditAfterSigning",
  });
}

describe("SigV4 authentication of the Admin operations", () => {
  let fx: Fixture;
  before(async () => {
    fx = await startFixture();
  });
  after(async () => {
    await fx.close();
  });

  async function withClient(
    options: Parameters<typeof clientFor>[1],
    use: (client: CognitoIdentityProviderClient) => Promise<void>,
  ): Promise<void> {
    const client = clientFor(fx.emulator, options);
    try {
      await use(client);
    } finally {
      client.destroy();
    }
  }

  it("GIVEN an admin request without Authorization THEN 400 MissingAuthenticationTokenException in the AWS JSON error form", async () => {
    const res = await rawPost(fx.emulator, "AdminListUserAuthEvents", JSON.stringify(LIST_INPUT));
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, {
      __type: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
    assert.equal(res.headers.get("x-amzn-errortype"), "MissingAuthenticationTokenException");
    assert.equal(res.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.match(res.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(fx.emulator.store.requests.at(-1)?.signed, false);
  });

  it("GIVEN an unsigned admin request with invalid input THEN authentication is checked before validation", async () => {
    const res = await rawPost(
      fx.emulator,
      "AdminUpdateAuthEventFeedback",
      JSON.stringify({ UserPoolId: "bad pool", FeedbackValue: "valid" }),
    );
    assert.equal(res.json.__type, "MissingAuthenticationTokenException");
  });

  const malformed: [string, string, string][] = [
    [
      "no SignedHeaders and no Signature",
      "AWS4-HMAC-SHA256 Credential=AKIDEMULATORADMIN/20261101/us-east-1/cognito-idp/aws4_request",
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
    ],
    [
      "another algorithm",
      "AWS4-HMAC-SHA512 Credential=x, SignedHeaders=host, Signature=00",
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'. The emulator accepts AWS4-HMAC-SHA256 only.",
    ],
    [
      "a credential with 3 parts",
      `AWS4-HMAC-SHA256 Credential=AKIDEMULATORADMIN/20261101/us-east-1, SignedHeaders=host;x-amz-date, Signature=${"a".repeat(64)}`,
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.",
    ],
  ];
  for (const [label, authorization, message] of malformed) {
    it(`GIVEN an Authorization header with ${label} THEN IncompleteSignatureException`, async () => {
      const res = await rawPost(
        fx.emulator,
        "AdminListUserAuthEvents",
        JSON.stringify(LIST_INPUT),
        {
          Authorization: authorization,
          "X-Amz-Date": "20261101T100000Z",
        },
      );
      assert.equal(res.status, 400);
      assert.deepEqual(res.json, { __type: "IncompleteSignatureException", message });
    });
  }

  it("GIVEN a client signing for another region than the pool's THEN InvalidSignatureException naming the expected region", async () => {
    await withClient({ region: "eu-west-1" }, async (client) => {
      const err = await expectServiceError(
        client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)),
        {
          type: CognitoIdentityProviderServiceException,
          name: "InvalidSignatureException",
          status: 400,
          message:
            "Credential should be scoped to a valid region. Expected 'us-east-1' (the region of the user pool id), not 'eu-west-1'.",
        },
      );
      assert.equal(err.constructor, CognitoIdentityProviderServiceException);
    });
  });

  it("GIVEN a signature scoped to another service THEN InvalidSignatureException naming cognito-idp", async () => {
    await withClient({}, async (client) => {
      afterSigning(client, (request) => {
        request.headers.authorization = request.headers.authorization.replace(
          "/cognito-idp/",
          "/cognito-identity/",
        );
      });
      await expectServiceError(client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        name: "InvalidSignatureException",
        status: 400,
        message:
          "Credential should be scoped to correct service: 'cognito-idp'. Got 'cognito-identity'.",
      });
    });
  });

  it("GIVEN an access key the seed does not list THEN UnrecognizedClientException", async () => {
    const credentials = {
      accessKeyId: "AKIDNOTINTHESEED",
      secretAccessKey: "emulator-secret-not-real",
    };
    await withClient({ credentials }, async (client) => {
      await expectServiceError(client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        type: CognitoIdentityProviderServiceException,
        name: "UnrecognizedClientException",
        status: 400,
        message: "The security token included in the request is invalid.",
      });
    });
  });

  it("GIVEN a request signed with the wrong secret THEN InvalidSignatureException and nothing is stored", async () => {
    const credentials = {
      accessKeyId: ADMIN.accessKeyId,
      secretAccessKey: "not-the-seeded-secret",
    };
    await withClient({ credentials }, async (client) => {
      await expectServiceError(
        client.send(
          new AdminUpdateAuthEventFeedbackCommand({
            ...LIST_INPUT,
            EventId: "a-evt-1",
            FeedbackValue: "Valid",
          }),
        ),
        { name: "InvalidSignatureException", status: 400, message: MISMATCH },
      );
    });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-1"), undefined);
  });

  it("GIVEN a body changed after signing THEN InvalidSignatureException", async () => {
    await withClient({}, async (client) => {
      afterSigning(client, (request) => {
        // Same length, so Content-Length still holds and only the signature can notice.
        const text =
          typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
        request.body = text.replace('"alice"', '"carol"');
      });
      await expectServiceError(client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        name: "InvalidSignatureException",
        status: 400,
        message: MISMATCH,
      });
    });
  });

  describe("session tokens: only the seeded one is accepted, as AWS accepts only the tokens it issued", () => {
    const table: {
      given: string;
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
      accepted: boolean;
    }[] = [
      {
        given: "a seeded key without a session token, none sent",
        credentials: ADMIN,
        accepted: true,
      },
      {
        given: "a seeded key without a session token, one sent",
        credentials: { ...ADMIN, sessionToken: "fake-session-token-made-up" },
        accepted: false,
      },
      { given: "a seeded session token, the same sent", credentials: TEMPORARY, accepted: true },
      {
        given: "a seeded session token, another sent",
        credentials: { ...TEMPORARY, sessionToken: "fake-session-token-other" },
        accepted: false,
      },
      {
        given: "a seeded session token, none sent",
        credentials: {
          accessKeyId: TEMPORARY.accessKeyId,
          secretAccessKey: TEMPORARY.secretAccessKey,
        },
        accepted: false,
      },
    ];
    for (const row of table) {
      it(`GIVEN ${row.given} THEN ${row.accepted ? "the call succeeds" : "UnrecognizedClientException"}`, async () => {
        await withClient({ credentials: row.credentials }, async (client) => {
          const call = client.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
          if (row.accepted) {
            assert.equal((await call).AuthEvents?.length, 5);
            return;
          }
          await expectServiceError(call, {
            type: CognitoIdentityProviderServiceException,
            name: "UnrecognizedClientException",
            status: 400,
            message: "The security token included in the request is invalid.",
          });
        });
      });
    }
  });

  it("GIVEN a signed call with a malformed pool id that contains _ (bad_pool!) THEN InvalidParameterException, not a region mismatch", async () => {
    await withClient({}, async (client) => {
      await expectServiceError(
        client.send(
          new AdminListUserAuthEventsCommand({ UserPoolId: "bad_pool!", Username: "alice" }),
        ),
        {
          type: InvalidParameterException,
          name: "InvalidParameterException",
          status: 400,
          message:
            "1 validation error detected: Value 'bad_pool!' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        },
      );
    });
  });

  it("GIVEN the read quota used up WHEN an unknown key calls THEN UnrecognizedClientException (authentication before throttling), and the known key is still throttled", async () => {
    fx.emulator.store.setFaults({ quotas: { UserResourceRead: 1 } });
    try {
      await fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
      const stranger = {
        accessKeyId: "AKIDNOTINTHESEED",
        secretAccessKey: "emulator-secret-not-real",
      };
      await withClient({ credentials: stranger }, async (client) => {
        await expectServiceError(client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
          name: "UnrecognizedClientException",
          status: 400,
          message: "The security token included in the request is invalid.",
        });
      });
      await expectServiceError(fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        type: TooManyRequestsException,
        name: "TooManyRequestsException",
        status: 400,
        message: "Rate exceeded",
      });
    } finally {
      fx.emulator.store.setFaults({});
    }
  });

  it("GIVEN a credential whose seed entry denies AdminUpdateAuthEventFeedback THEN AccessDeniedException with the IAM-style message, and listing still works", async () => {
    await withClient({ credentials: AUDITOR }, async (client) => {
      await expectServiceError(
        client.send(
          new AdminUpdateAuthEventFeedbackCommand({
            ...LIST_INPUT,
            EventId: "a-evt-1",
            FeedbackValue: "Invalid",
          }),
        ),
        {
          type: AccessDeniedException,
          name: "AccessDeniedException",
          status: 400,
          message:
            "User: arn:aws:iam::000000000000:user/auditor is not authorized to perform: " +
            `cognito-idp:AdminUpdateAuthEventFeedback on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/${POOL}`,
        },
      );
      assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-1"), undefined);
      const out = await client.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
      assert.equal(out.AuthEvents?.length, 5);
    });
  });
});

describe("SigV4 with a seed that lists no credentials", () => {
  it("GIVEN any access key and secret with the right scope THEN admin calls are accepted, but the scope is still checked", async () => {
    const emulator = await startEmulator({ seed: { ...testSeed(), credentials: undefined } });
    const anyKey = { accessKeyId: "AKIDWHATEVER", secretAccessKey: "anything-goes" };
    const good = clientFor(emulator, { credentials: anyKey });
    const wrongRegion = clientFor(emulator, { credentials: anyKey, region: "ap-south-1" });
    try {
      const out = await good.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
      assert.equal(out.AuthEvents?.length, 5);
      await expectServiceError(wrongRegion.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        name: "InvalidSignatureException",
        status: 400,
        message: /Expected 'us-east-1'.*not 'ap-south-1'/,
      });
    } finally {
      good.destroy();
      wrongRegion.destroy();
      await emulator.stop();
    }
  });
});
