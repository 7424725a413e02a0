// AdminListUserAuthEvents through the plain AWS SDK: order, every member the SDK parses, the
// raw wire format, users named by alias or sub, and pagination with NextToken.
import * as assert from "node:assert/strict";
import {
  AdminListUserAuthEventsCommand,
  InvalidParameterException,
  paginateAdminListUserAuthEvents,
  type AuthEventType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  ALICE_EMAIL,
  ALICE_EVENTS,
  ALICE_SUB,
  CREDENTIALS,
  POOL,
  RICH_EVENT,
  testSeed,
} from "../support/seeds";
import { useEmulator } from "../support/emulator";
import { expectServiceError, useFixture } from "./support";

describe("AdminListUserAuthEvents", () => {
  const fx = useFixture();

  const list = (input: { Username?: string; MaxResults?: number; NextToken?: string } = {}) =>
    fx.admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "alice", ...input }),
    );

  it("GIVEN a user's events WHEN listed THEN they come newest first by CreationDate", async () => {
    const out = await list();
    assert.deepEqual(
      out.AuthEvents?.map((e) => e.EventId),
      [...ALICE_EVENTS],
    );
    const dates = (out.AuthEvents ?? []).map((e) => e.CreationDate?.getTime() ?? NaN);
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
    );
    assert.equal(out.NextToken, undefined);
  });

  // Every AuthEventType member, CreationDate as a Date.
  it("GIVEN a fully described event WHEN listed THEN the SDK parses every member", async () => {
    const out = await list({ MaxResults: 1 });
    const expected: AuthEventType = {
      EventId: RICH_EVENT.eventId,
      EventType: "SignIn",
      CreationDate: new Date("2026-11-05T10:00:00.250Z"),
      EventResponse: "Fail",
      EventRisk: {
        RiskDecision: "Block",
        RiskLevel: "High",
        CompromisedCredentialsDetected: false,
      },
      ChallengeResponses: [
        { ChallengeName: "Password", ChallengeResponse: "Success" },
        { ChallengeName: "Mfa", ChallengeResponse: "Failure" },
      ],
      EventContextData: {
        IpAddress: "198.51.100.23",
        DeviceName: "Chrome, Linux",
        Timezone: "+01:00",
        City: "Berlin",
        Country: "Germany",
      },
    };
    assert.deepEqual(out.AuthEvents?.[0], expected);
    assert.ok(out.AuthEvents?.[0]?.CreationDate instanceof Date);
  });

  // The defaults SignIn and Pass are filled in.
  it("GIVEN a sparse event THEN absent members are left out; seeded feedback is listed", async () => {
    const out = await list();
    assert.deepEqual(
      out.AuthEvents?.find((e) => e.EventId === "a-evt-3"),
      {
        EventId: "a-evt-3",
        EventType: "SignIn",
        CreationDate: new Date("2026-11-03T10:00:00Z"),
        EventResponse: "Pass",
        EventFeedback: {
          FeedbackValue: "Invalid",
          Provider: "Admin",
          FeedbackDate: new Date("2026-11-03T12:00:00Z"),
        },
      },
    );
  });

  describe("GIVEN a seed without credentials, so any well-formed signature passes", () => {
    const open = useEmulator({ seed: { ...testSeed(), credentials: undefined } });

    it("THEN the raw wire response has epoch-second numbers and no null", async () => {
      const res = await fetch(`${open().url}/`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": "AWSCognitoIdentityProviderService.AdminListUserAuthEvents",
          "X-Amz-Date": "20261101T100000Z",
          Authorization:
            `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.unknown.accessKeyId}/20261101/us-east-1/cognito-idp/aws4_request, ` +
            `SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
        },
        body: JSON.stringify({ UserPoolId: POOL, Username: "alice", MaxResults: 5 }),
      });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      assert.ok(!text.includes("null"), text);
      const body = JSON.parse(text);
      const rich = body.AuthEvents[0];
      assert.equal(rich.CreationDate, Date.parse("2026-11-05T10:00:00.250Z") / 1000);
      assert.equal(typeof body.AuthEvents[2].EventFeedback.FeedbackDate, "number");
      assert.equal(Object.keys(body).includes("NextToken"), false);
    });
  });

  it("GIVEN the user named by alias or by sub THEN the same events come back", async () => {
    const byName = await list();
    const byAlias = await list({ Username: ALICE_EMAIL });
    const bySub = await list({ Username: ALICE_SUB });
    assert.deepEqual(byAlias.AuthEvents, byName.AuthEvents);
    assert.deepEqual(bySub.AuthEvents, byName.AuthEvents);
  });

  it("GIVEN a user without events THEN AuthEvents is empty, and no NextToken", async () => {
    const out = await list({ Username: "ユーザー" });
    assert.deepEqual(out.AuthEvents, []);
    assert.equal(out.NextToken, undefined);
  });

  describe("pagination", () => {
    for (const [label, maxResults] of [
      ["MaxResults 0", 0],
      ["no MaxResults", undefined],
    ] as const) {
      it(`GIVEN 65 events and ${label} THEN a page of 60, and a NextToken to the rest`, async () => {
        const first = await list({ Username: "many", MaxResults: maxResults });
        assert.equal(first.AuthEvents?.length, 60);
        assert.equal(first.AuthEvents?.[0]?.EventId, "m-64");
        assert.ok(first.NextToken);
        const second = await list({ Username: "many", NextToken: first.NextToken });
        assert.deepEqual(
          second.AuthEvents?.map((e) => e.EventId),
          ["m-4", "m-3", "m-2", "m-1", "m-0"],
        );
        assert.equal(second.NextToken, undefined);
      });
    }

    // Newest first, and the last page has no NextToken.
    it("GIVEN pages of 2 WHEN the SDK paginator walks them THEN each event comes once", async () => {
      const pages = [];
      for await (const page of paginateAdminListUserAuthEvents(
        { client: fx.admin, pageSize: 2 },
        { UserPoolId: POOL, Username: "alice" },
      )) {
        pages.push(page);
      }
      assert.deepEqual(
        pages.map((p) => p.AuthEvents?.map((e) => e.EventId)),
        [["a-evt-5", "a-evt-4"], ["a-evt-3", "a-evt-2"], ["a-evt-1"]],
      );
      assert.ok(pages[0]?.NextToken);
      assert.ok(pages[1]?.NextToken);
      assert.equal(pages[2]?.NextToken, undefined);
    });

    it("GIVEN a page that ends exactly at the last event THEN it carries no NextToken", async () => {
      const first = await list({ MaxResults: 3 });
      const second = await list({ MaxResults: 2, NextToken: first.NextToken });
      assert.deepEqual(
        second.AuthEvents?.map((e) => e.EventId),
        ["a-evt-2", "a-evt-1"],
      );
      assert.equal(second.NextToken, undefined);
    });

    for (const [label, token] of [
      ["a garbled NextToken", "not-a-token-we-issued"],
      ["a NextToken with a tampered date", "a-evt-4#2020-01-01T00:00:00.000Z"],
    ] as const) {
      it(`GIVEN ${label} THEN InvalidParameterException`, async () => {
        await expectServiceError(list({ NextToken: token }), {
          type: InvalidParameterException,
          status: 400,
          message: "Invalid pagination token.",
        });
      });
    }

    it("GIVEN a NextToken issued for another user THEN InvalidParameterException", async () => {
      const other = await list({ Username: "many", MaxResults: 1 });
      await expectServiceError(list({ NextToken: other.NextToken }), {
        type: InvalidParameterException,
        status: 400,
        message: "Invalid pagination token.",
      });
    });
  });
});
