// Every Cognito failure mapped to one message a user can act on, with no secret in it.
import assert from "node:assert/strict";
import {
  describeCognitoFailure,
  redact,
  type CallContext,
} from "../../../../provider/cognito/errors";

const TOKEN = "fake-token-never-print-me";
const TOKEN_CTX: CallContext = {
  operation: "UpdateAuthEventFeedback",
  userPoolId: "us-east-1_AbC123xyZ",
  region: "us-east-1",
  eventId: "evt-1",
  endpoint: "https://cognito-idp.us-east-1.amazonaws.com",
  secrets: [TOKEN],
};
const ADMIN_CTX: CallContext = {
  ...TOKEN_CTX,
  operation: "AdminUpdateAuthEventFeedback",
  secrets: [],
};

/** An error shaped like the ones AWS SDK v3 throws. */
function sdkError(name: string, message: string, metadata: Record<string, unknown> = {}): Error {
  const err = new Error(message);
  err.name = name;
  return Object.assign(err, { $metadata: { attempts: 1, requestId: "req-123", ...metadata } });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), {
    code,
    $metadata: { attempts: 3 },
  });
}

describe("error mapping: each failure names the pool and event, and says what to do", () => {
  const PREFIX_TOKEN =
    "UpdateAuthEventFeedback failed for event evt-1 in user pool us-east-1_AbC123xyZ: ";
  const PREFIX_ADMIN =
    "AdminUpdateAuthEventFeedback failed for event evt-1 in user pool us-east-1_AbC123xyZ: ";
  const cases: {
    name: string;
    err: unknown;
    ctx: CallContext;
    message: string;
    transient: boolean;
  }[] = [
    {
      name: "InvalidParameterException",
      err: sdkError(
        "InvalidParameterException",
        "1 validation error detected: Value 'x y' at 'eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+-]+",
      ),
      ctx: TOKEN_CTX,
      transient: false,
      message:
        PREFIX_TOKEN +
        `Cognito rejected a parameter: "1 validation error detected: Value 'x y' at 'eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\\\w+-]+". Fix that input; \`pulumi preview\` checks the same constraints before anything is sent. [InvalidParameterException, request id req-123]`,
    },
    {
      name: "ResourceNotFoundException",
      err: sdkError("ResourceNotFoundException", "User pool us-east-1_AbC123xyZ does not exist."),
      ctx: TOKEN_CTX,
      transient: false,
      message:
        PREFIX_TOKEN +
        `Cognito found no such user pool in us-east-1, or no such event for this user: "User pool us-east-1_AbC123xyZ does not exist.". Check userPoolId and eventId, and that your AWS account, region and endpoint are the pool's. [ResourceNotFoundException, request id req-123]`,
    },
    {
      name: "UserNotFoundException",
      err: sdkError("UserNotFoundException", "User does not exist."),
      ctx: ADMIN_CTX,
      transient: false,
      message:
        PREFIX_ADMIN +
        "no user in the pool matches the username given. Use the user's username, an alias the pool accepts (such as email or phone number) or the user's sub. [UserNotFoundException, request id req-123]",
    },
    {
      name: "UserPoolAddOnNotEnabledException",
      err: sdkError("UserPoolAddOnNotEnabledException", "Threat protection is not enabled."),
      ctx: TOKEN_CTX,
      transient: false,
      message:
        PREFIX_TOKEN +
        `threat protection is off for this user pool, so Cognito takes no feedback. Turn it on (AdvancedSecurityMode AUDIT or ENFORCED; it needs the Plus feature plan), e.g. userPoolAddOns: { advancedSecurityMode: "ENFORCED" } on aws.cognito.UserPool, then run pulumi up again. [UserPoolAddOnNotEnabledException, request id req-123]`,
    },
    {
      name: "OperationNotEnabledException",
      err: sdkError("OperationNotEnabledException", "Operation not enabled."),
      ctx: ADMIN_CTX,
      transient: false,
      message:
        PREFIX_ADMIN +
        "Cognito does not allow AdminUpdateAuthEventFeedback for this pool in us-east-1 (for example in a secondary replica region of a multi-region pool). Send the feedback in the pool's primary region. [OperationNotEnabledException, request id req-123]",
    },
    {
      name: "NotAuthorizedException in token mode",
      err: sdkError("NotAuthorizedException", "The feedback token is not valid for this event."),
      ctx: TOKEN_CTX,
      transient: false,
      message:
        PREFIX_TOKEN +
        "the feedback token was rejected: it belongs to another event, or is no longer valid. Get a fresh token from the event's risk notification, or leave feedbackToken out to use admin mode (IAM: cognito-idp:AdminUpdateAuthEventFeedback). [NotAuthorizedException, request id req-123]",
    },
    {
      name: "NotAuthorizedException in admin mode",
      err: sdkError("NotAuthorizedException", "Not authorized."),
      ctx: ADMIN_CTX,
      transient: false,
      message:
        PREFIX_ADMIN +
        `Cognito refused the call: "Not authorized.". Check that your AWS credentials belong to the pool's account. [NotAuthorizedException, request id req-123]`,
    },
    {
      name: "TooManyRequestsException after retries",
      err: sdkError("TooManyRequestsException", "Rate exceeded", { attempts: 3 }),
      ctx: TOKEN_CTX,
      transient: true,
      message:
        PREFIX_TOKEN +
        "Cognito throttled the call after 3 attempts (the UserResourceUpdate quota is 25 requests per second per account and region, shared by every feedback call). Run pulumi up again: resending feedback is harmless. If it keeps happening, other clients share the quota: lower cognito-feedback:writesPerSecond or raise cognito-feedback:maxAttempts in the stack config. [TooManyRequestsException, request id req-123]",
    },
    {
      name: "InternalErrorException after retries",
      err: sdkError("InternalErrorException", "Internal error", { attempts: 3 }),
      ctx: ADMIN_CTX,
      transient: true,
      message:
        PREFIX_ADMIN +
        "Cognito had an internal error after 3 attempts. Run pulumi up again: resending feedback is harmless. [InternalErrorException, request id req-123]",
    },
    {
      name: "AccessDeniedException (IAM)",
      err: sdkError(
        "AccessDeniedException",
        "User: arn:aws:iam::000000000000:user/ci is not authorized to perform: cognito-idp:AdminUpdateAuthEventFeedback",
      ),
      ctx: ADMIN_CTX,
      transient: false,
      message:
        PREFIX_ADMIN +
        `your AWS identity may not call AdminUpdateAuthEventFeedback: "User: arn:aws:iam::000000000000:user/ci is not authorized to perform: cognito-idp:AdminUpdateAuthEventFeedback". Grant it cognito-idp:AdminUpdateAuthEventFeedback on arn:aws:cognito-idp:us-east-1:<account-id>:userpool/us-east-1_AbC123xyZ, or set feedbackToken to use token mode, which needs no IAM. [AccessDeniedException, request id req-123]`,
    },
    {
      name: "no credentials in admin mode",
      err: Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
      ctx: ADMIN_CTX,
      transient: false,
      message:
        PREFIX_ADMIN +
        "no AWS credentials were found, and AdminUpdateAuthEventFeedback needs them (admin mode: no feedbackToken). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or set feedbackToken to use token mode, which needs none. [CredentialsProviderError]",
    },
    {
      name: "credentials rejected (unknown access key)",
      err: sdkError(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      ),
      ctx: ADMIN_CTX,
      transient: false,
      message:
        PREFIX_ADMIN +
        `AWS rejected the credentials: "The security token included in the request is invalid.". Refresh them (aws sso login, AWS_PROFILE, or the AWS_* variables), or set feedbackToken to use token mode, which needs none. [UnrecognizedClientException, request id req-123]`,
    },
    {
      name: "connection refused",
      err: networkError("ECONNREFUSED"),
      ctx: { ...TOKEN_CTX, endpoint: "http://127.0.0.1:9" },
      transient: true,
      message:
        PREFIX_TOKEN +
        "could not reach http://127.0.0.1:9 (ECONNREFUSED) after 3 attempts. Check your network or proxy, and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL if you set one. Run pulumi up again: resending feedback is harmless. [ECONNREFUSED]",
    },
    {
      name: "DNS failure with the code on the cause",
      err: Object.assign(new Error("fetch failed"), { cause: { code: "ENOTFOUND" } }),
      ctx: { ...TOKEN_CTX, endpoint: undefined },
      transient: true,
      message:
        PREFIX_TOKEN +
        "could not reach the Cognito endpoint for us-east-1 (ENOTFOUND). Check your network or proxy, and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL if you set one. Run pulumi up again: resending feedback is harmless. [ENOTFOUND]",
    },
    {
      name: "an error nobody anticipated",
      err: sdkError("SomethingNewException", "new failure"),
      ctx: TOKEN_CTX,
      transient: false,
      message:
        PREFIX_TOKEN +
        `SomethingNewException: "new failure". [SomethingNewException, request id req-123]`,
    },
  ];

  for (const c of cases) {
    it(`GIVEN ${c.name} THEN the user reads what to do`, () => {
      const mapped = describeCognitoFailure(c.err, c.ctx);
      assert.equal(mapped.message, c.message);
      assert.equal(mapped.transient, c.transient);
      assert.ok(!mapped.message.includes(TOKEN));
    });
  }

  it("GIVEN a service message echoing the token THEN it is replaced by [secret]", () => {
    const mapped = describeCognitoFailure(
      sdkError("InvalidParameterException", `bad token ${TOKEN}`),
      TOKEN_CTX,
    );
    assert.ok(!mapped.message.includes(TOKEN));
    assert.match(mapped.message, /bad token \[secret\]/);
  });

  it("GIVEN the endpoint guard's refusal THEN it shows verbatim (quotes, backslashes)", () => {
    const refusal = Object.assign(new Error(`refusing "http://host\\x": use https`), {
      name: "InsecureEndpointError",
    });
    assert.equal(
      describeCognitoFailure(refusal, TOKEN_CTX).message,
      `UpdateAuthEventFeedback failed for event evt-1 in user pool us-east-1_AbC123xyZ: refusing "http://host\\x": use https [InsecureEndpointError]`,
    );
  });

  it("GIVEN a thrown non-Error value THEN it is still described", () => {
    const mapped = describeCognitoFailure("boom", TOKEN_CTX);
    assert.equal(mapped.code, "Error");
    assert.match(
      mapped.message,
      /^UpdateAuthEventFeedback failed for event evt-1 in user pool us-east-1_AbC123xyZ: Error: "boom"\./,
    );
  });

  describe("GIVEN a listing (no event) THEN it names the pool, for refresh or the events CLI", () => {
    const LIST_CTX: CallContext = {
      operation: "AdminListUserAuthEvents",
      userPoolId: "us-east-1_AbC123xyZ",
      region: "us-east-1",
    };
    const PREFIX = "AdminListUserAuthEvents failed for user pool us-east-1_AbC123xyZ: ";
    const cases: [string, unknown, string][] = [
      [
        "throttled",
        sdkError("TooManyRequestsException", "Rate exceeded", { attempts: 2 }),
        "Cognito throttled the call after 2 attempts (the UserResourceRead quota is 50 requests per second per account and region). Run it again. If it keeps happening, other clients share the quota: lower cognito-feedback:readsPerSecond or raise cognito-feedback:maxAttempts in the stack config. [TooManyRequestsException, request id req-123]",
      ],
      [
        "no credentials",
        Object.assign(new Error("Could not load credentials from any providers"), {
          name: "CredentialsProviderError",
        }),
        "no AWS credentials were found, and AdminListUserAuthEvents needs them (a feedback token cannot list events). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) of an identity allowed cognito-idp:AdminListUserAuthEvents on arn:aws:cognito-idp:us-east-1:<account-id>:userpool/us-east-1_AbC123xyZ. [CredentialsProviderError]",
      ],
      [
        "no such pool (a listing names no event, so only the pool can be missing)",
        sdkError("ResourceNotFoundException", "User pool us-east-1_AbC123xyZ does not exist."),
        `Cognito found no such user pool in us-east-1: "User pool us-east-1_AbC123xyZ does not exist.". Check the user pool id, and that your AWS account, region and endpoint are the pool's. [ResourceNotFoundException, request id req-123]`,
      ],
      [
        "unreachable",
        networkError("ECONNREFUSED"),
        "could not reach the Cognito endpoint for us-east-1 (ECONNREFUSED) after 3 attempts. Check your network or proxy, and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL if you set one. Run it again. [ECONNREFUSED]",
      ],
    ];
    for (const [name, err, message] of cases) {
      it(name, () => assert.equal(describeCognitoFailure(err, LIST_CTX).message, PREFIX + message));
    }
  });

  describe("GIVEN ListUsers (a sweep) THEN its quota, its action and no token mode", () => {
    const USERS_CTX: CallContext = {
      operation: "ListUsers",
      userPoolId: "us-east-1_AbC123xyZ",
      region: "us-east-1",
    };
    const PREFIX = "ListUsers failed for user pool us-east-1_AbC123xyZ: ";
    const cases: [string, unknown, string][] = [
      [
        "throttled",
        sdkError("TooManyRequestsException", "Rate exceeded", { attempts: 10 }),
        "Cognito throttled the call after 10 attempts (the UserList quota is 30 requests per second per account and region). Run it again. If it keeps happening, other clients share the quota: lower cognito-feedback:readsPerSecond or raise cognito-feedback:maxAttempts in the stack config. [TooManyRequestsException, request id req-123]",
      ],
      [
        "access denied",
        sdkError("AccessDeniedException", "not allowed"),
        `your AWS identity may not call ListUsers: "not allowed". Grant it cognito-idp:ListUsers on arn:aws:cognito-idp:us-east-1:<account-id>:userpool/us-east-1_AbC123xyZ. [AccessDeniedException, request id req-123]`,
      ],
      [
        "no credentials",
        Object.assign(new Error("Could not load credentials from any providers"), {
          name: "CredentialsProviderError",
        }),
        "no AWS credentials were found, and ListUsers needs them (a feedback token cannot list users). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) of an identity allowed cognito-idp:ListUsers on arn:aws:cognito-idp:us-east-1:<account-id>:userpool/us-east-1_AbC123xyZ. [CredentialsProviderError]",
      ],
    ];
    for (const [name, err, message] of cases) {
      it(name, () =>
        assert.equal(describeCognitoFailure(err, USERS_CTX).message, PREFIX + message),
      );
    }
  });

  it("redact removes every occurrence and ignores empty secrets", () => {
    assert.equal(redact("a-x-b-x", ["x", ""]), "a-[secret]-b-[secret]");
  });
});
