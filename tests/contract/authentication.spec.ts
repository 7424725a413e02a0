// SigV4 on the Admin operations, through the plain AWS SDK and raw requests: a seeded key, its
// secret and session token, the region and service in the scope, an untouched body, and the
// seed's deny lists; a seed without credentials checks the scope only.
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
import { CREDENTIALS, POOL, testSeed } from "../support/seeds";
import { clientFor, expectServiceError, rawPost, useFixture } from "./support";

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
  const fx = useFixture();

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

  it("GIVEN no Authorization THEN 400 MissingAuthenticationTokenException in AWS JSON", async () => {
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

  it("GIVEN an unsigned request with invalid input THEN authentication comes first", async () => {
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
      `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.admin.accessKeyId}/20261101/us-east-1/cognito-idp/aws4_request`,
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
    ],
    [
      "another algorithm",
      "AWS4-HMAC-SHA512 Credential=x, SignedHeaders=host, Signature=00",
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'. The emulator accepts AWS4-HMAC-SHA256 only.",
    ],
    [
      "a credential with 3 parts",
      `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.admin.accessKeyId}/20261101/us-east-1, SignedHeaders=host;x-amz-date, Signature=${"a".repeat(64)}`,
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.",
    ],
  ];
  describe("GIVEN a malformed Authorization header THEN IncompleteSignatureException", () => {
    for (const [label, authorization, message] of malformed) {
      it(label, async () => {
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
  });

  it("GIVEN another region than the pool's THEN InvalidSignatureException naming it", async () => {
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

  it("GIVEN another service THEN InvalidSignatureException naming cognito-idp", async () => {
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
    await withClient({ credentials: CREDENTIALS.unknown }, async (client) => {
      await expectServiceError(client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        type: CognitoIdentityProviderServiceException,
        name: "UnrecognizedClientException",
        status: 400,
        message: "The security token included in the request is invalid.",
      });
    });
  });

  it("GIVEN the wrong secret THEN InvalidSignatureException, and nothing is stored", async () => {
    const credentials = {
      accessKeyId: CREDENTIALS.admin.accessKeyId,
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

  describe("session tokens: only the seeded one, as AWS accepts only the tokens it issued", () => {
    const table: {
      given: string;
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
      accepted: boolean;
    }[] = [
      {
        given: "a key with no session token, none sent",
        credentials: CREDENTIALS.admin,
        accepted: true,
      },
      {
        given: "a key with no session token, one sent",
        credentials: { ...CREDENTIALS.admin, sessionToken: "fake-session-token-made-up" },
        accepted: false,
      },
      {
        given: "a seeded session token, the same sent",
        credentials: CREDENTIALS.temporary,
        accepted: true,
      },
      {
        given: "a seeded session token, another sent",
        credentials: { ...CREDENTIALS.temporary, sessionToken: "fake-session-token-other" },
        accepted: false,
      },
      {
        given: "a seeded session token, none sent",
        credentials: {
          accessKeyId: CREDENTIALS.temporary.accessKeyId,
          secretAccessKey: CREDENTIALS.temporary.secretAccessKey,
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

  // Not a region mismatch.
  it("GIVEN a malformed pool id with _ (bad_pool!) THEN InvalidParameterException", async () => {
    await withClient({}, async (client) => {
      await expectServiceError(
        client.send(
          new AdminListUserAuthEventsCommand({ UserPoolId: "bad_pool!", Username: "alice" }),
        ),
        {
          type: InvalidParameterException,
          status: 400,
          message:
            "1 validation error detected: Value 'bad_pool!' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        },
      );
    });
  });

  // UnrecognizedClientException: authentication comes before throttling; the known key is still
  // throttled.
  it("GIVEN the read quota used up WHEN an unknown key calls THEN it is unrecognized", async () => {
    fx.emulator.store.setFaults({ quotas: { UserResourceRead: 1 } });
    try {
      await fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT));
      await withClient({ credentials: CREDENTIALS.unknown }, async (client) => {
        await expectServiceError(client.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
          name: "UnrecognizedClientException",
          status: 400,
          message: "The security token included in the request is invalid.",
        });
      });
      await expectServiceError(fx.admin.send(new AdminListUserAuthEventsCommand(LIST_INPUT)), {
        type: TooManyRequestsException,
        status: 400,
        message: "Rate exceeded",
      });
    } finally {
      fx.emulator.store.setFaults({});
    }
  });

  // With the IAM-style message; listing still works.
  it("GIVEN a key denied AdminUpdateAuthEventFeedback THEN AccessDeniedException", async () => {
    await withClient({ credentials: CREDENTIALS.writeDenied }, async (client) => {
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
          status: 400,
          message:
            "User: arn:aws:iam::000000000000:user/write-denied is not authorized to perform: " +
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
  const fx = useFixture({ seed: { ...testSeed(), credentials: undefined } });

  it("GIVEN any key with the right scope THEN admin calls pass; the scope is checked", async () => {
    const anyKey = CREDENTIALS.unknown;
    const good = clientFor(fx.emulator, { credentials: anyKey });
    const wrongRegion = clientFor(fx.emulator, { credentials: anyKey, region: "ap-south-1" });
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
    }
  });
});
