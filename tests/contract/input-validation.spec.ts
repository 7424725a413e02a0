// Input validation as Cognito does it: InvalidParameterException with AWS's exact messages (the
// sensitive values left out), SerializationException for the wrong JSON types.
import * as assert from "node:assert/strict";
import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  InvalidParameterException,
  UpdateAuthEventFeedbackCommand,
  UserNotFoundException,
  type FeedbackValueType,
  type UpdateAuthEventFeedbackCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { POOL } from "../support/seeds";
import { expectServiceError, rawPost, useFixture } from "./support";

const POOL_PATTERN = "[\\w-]+_[0-9a-zA-Z]+";
const USERNAME_PATTERN = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

/** A valid UpdateAuthEventFeedback input; each case overrides one member. */
const VALID: UpdateAuthEventFeedbackCommandInput = {
  UserPoolId: POOL,
  Username: "alice",
  EventId: "a-evt-4",
  FeedbackToken: "fake-token-alice-4",
  FeedbackValue: "Valid",
};

/** `member: undefined` removes it. */
interface Case {
  label: string;
  input: Record<string, unknown>;
  message: string;
}

const single = (text: string): string => `1 validation error detected: ${text}`;

const UPDATE_CASES: Case[] = [
  {
    label: "a pool id with a leading space (patterns match the whole value)",
    input: { UserPoolId: ` ${POOL}` },
    message: single(
      `Value ' ${POOL}' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${POOL_PATTERN}`,
    ),
  },
  {
    label: "a pool id of 56 characters",
    input: { UserPoolId: `us-east-1_${"a".repeat(46)}` },
    message: single(
      `Value 'us-east-1_${"a".repeat(46)}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55`,
    ),
  },
  {
    label: "an empty pool id (two constraints fail)",
    input: { UserPoolId: "" },
    message:
      "2 validation errors detected: " +
      "Value '' at 'userPoolId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
      `Value '' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${POOL_PATTERN}`,
  },
  {
    label: "a username with a space (value left out: sensitive)",
    input: { Username: "alice smith" },
    message: single(
      `Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: ${USERNAME_PATTERN}`,
    ),
  },
  {
    label: "a username of 129 characters",
    input: { Username: "u".repeat(129) },
    message: single(
      "Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
    ),
  },
  {
    label: "an event id with a slash",
    input: { EventId: "evt/1" },
    message: single(
      "Value 'evt/1' at 'eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+-]+",
    ),
  },
  {
    label: "an event id of 51 characters",
    input: { EventId: "e".repeat(51) },
    message: single(
      `Value '${"e".repeat(51)}' at 'eventId' failed to satisfy constraint: Member must have length less than or equal to 50`,
    ),
  },
  {
    label: "a feedback token with '/' (value left out: sensitive)",
    input: { FeedbackToken: "fake/token+base64" },
    message: single(
      "Value at 'feedbackToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+",
    ),
  },
  {
    label: "FeedbackValue 'valid' (the enum is case-sensitive)",
    input: { FeedbackValue: "valid" },
    message: single(
      "Value 'valid' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]",
    ),
  },
  {
    label: "FeedbackValue 'INVALID'",
    input: { FeedbackValue: "INVALID" },
    message: single(
      "Value 'INVALID' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]",
    ),
  },
  {
    label: "no EventId",
    input: { EventId: undefined },
    message: single(
      "Value null at 'eventId' failed to satisfy constraint: Member must not be null",
    ),
  },
  {
    label: "no FeedbackToken",
    input: { FeedbackToken: undefined },
    message: single(
      "Value null at 'feedbackToken' failed to satisfy constraint: Member must not be null",
    ),
  },
  {
    label: "no Username and a lower-case value (errors listed in model order)",
    input: { Username: undefined, FeedbackValue: "invalid" },
    message:
      "2 validation errors detected: " +
      "Value null at 'username' failed to satisfy constraint: Member must not be null; " +
      "Value 'invalid' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]",
  },
];

function withOverrides(base: Record<string, unknown>, overrides: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return merged;
}

describe("Input validation (InvalidParameterException in AWS's format)", () => {
  const fx = useFixture();

  describe("UpdateAuthEventFeedback", () => {
    describe("GIVEN one bad member THEN the exact InvalidParameterException; nothing stored", () => {
      for (const c of UPDATE_CASES) {
        it(c.label, async () => {
          const input = withOverrides({ ...VALID }, c.input);
          await expectServiceError(
            fx.anonymous.send(new UpdateAuthEventFeedbackCommand(input as never)),
            {
              type: InvalidParameterException,
              status: 400,
              message: c.message,
            },
          );
          assert.equal(fx.emulator.store.feedbackOf(POOL, "a-evt-4"), undefined);
        });
      }
    });

    // The pattern is Unicode-aware.
    it("GIVEN a username of non-Latin letters and a combining mark THEN it is valid", async () => {
      await expectServiceError(
        fx.anonymous.send(
          new UpdateAuthEventFeedbackCommand({ ...VALID, Username: "jose\u0301-유저" }),
        ),
        {
          type: UserNotFoundException,
          status: 400,
          message: "User does not exist.",
        },
      );
    });

    it("GIVEN a member sent as JSON null THEN it counts as missing", async () => {
      const res = await rawPost(
        fx.emulator,
        "UpdateAuthEventFeedback",
        JSON.stringify({ ...VALID, EventId: null }),
      );
      assert.equal(res.status, 400);
      assert.deepEqual(res.json, {
        __type: "InvalidParameterException",
        message: single(
          "Value null at 'eventId' failed to satisfy constraint: Member must not be null",
        ),
      });
    });

    it("GIVEN a member of the wrong JSON type THEN SerializationException", async () => {
      const res = await rawPost(
        fx.emulator,
        "UpdateAuthEventFeedback",
        JSON.stringify({ ...VALID, UserPoolId: 42 }),
      );
      assert.equal(res.status, 400);
      assert.equal(res.json.__type, "SerializationException");
      assert.equal(
        res.json.message,
        "Cannot read member 'userPoolId': expected a string, got number.",
      );
    });
  });

  describe("AdminUpdateAuthEventFeedback", () => {
    it("GIVEN FeedbackValue 'valid' and no EventId THEN both problems are reported", async () => {
      await expectServiceError(
        fx.admin.send(
          new AdminUpdateAuthEventFeedbackCommand({
            UserPoolId: POOL,
            Username: "alice",
            FeedbackValue: "valid" as FeedbackValueType,
          } as never),
        ),
        {
          type: InvalidParameterException,
          status: 400,
          message:
            "2 validation errors detected: " +
            "Value null at 'eventId' failed to satisfy constraint: Member must not be null; " +
            "Value 'valid' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Valid, Invalid]",
        },
      );
    });
  });

  describe("AdminListUserAuthEvents", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "MaxResults 61",
        { MaxResults: 61 },
        single(
          "Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
        ),
      ],
      [
        "MaxResults -1",
        { MaxResults: -1 },
        single(
          "Value '-1' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0",
        ),
      ],
      [
        "a NextToken with a space",
        { NextToken: "a b" },
        single(
          "Value 'a b' at 'nextToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
        ),
      ],
      [
        "no Username",
        { Username: undefined },
        single("Value null at 'username' failed to satisfy constraint: Member must not be null"),
      ],
    ];
    describe("GIVEN one bad member THEN InvalidParameterException with the exact message", () => {
      for (const [label, overrides, message] of cases) {
        it(label, async () => {
          const input = withOverrides({ UserPoolId: POOL, Username: "alice" }, overrides);
          await expectServiceError(
            fx.admin.send(new AdminListUserAuthEventsCommand(input as never)),
            {
              type: InvalidParameterException,
              status: 400,
              message,
            },
          );
        });
      }
    });

    it("GIVEN MaxResults 60 (the upper edge) THEN it is accepted", async () => {
      const out = await fx.admin.send(
        new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "many", MaxResults: 60 }),
      );
      assert.equal(out.AuthEvents?.length, 60);
    });

    it("GIVEN a fractional MaxResults THEN SerializationException", async () => {
      const err = await expectServiceError(
        fx.admin.send(
          new AdminListUserAuthEventsCommand({
            UserPoolId: POOL,
            Username: "alice",
            MaxResults: 1.5,
          }),
        ),
        {
          name: "SerializationException",
          status: 400,
          message: "Cannot read member 'maxResults': expected an integer, got a fractional number.",
        },
      );
      assert.equal(err.constructor.name, "CognitoIdentityProviderServiceException");
    });
  });
});
