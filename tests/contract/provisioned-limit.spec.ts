// GetProvisionedLimit and the per-region quotas, through the plain AWS SDK: the account's limits
// come from the seed (per region, default the free limit), can be changed at run time with
// `store.setProvisionedLimit`, and `quotas: "real"` enforces them per region and category.
import * as assert from "node:assert/strict";
import {
  AccessDeniedException,
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  GetProvisionedLimitCommand,
  InvalidParameterException,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import type { Seed } from "../../emulator";
import { CREDENTIALS, pool, seedOf, user } from "../support/seeds";
import { clientFor, expectServiceError, rawPost, useFixture } from "./support";

const EAST = "us-east-1_Burst1";
const WEST = "eu-west-1_Calm1";

/** Two pools in two regions, one user with one event each; eu-west-1 bought 50 writes/s. */
function twoRegionSeed(): Seed {
  const oneEvent = (id: string) =>
    pool(id, [user("u", [{ eventId: "e-1", creationDate: "2026-11-01T10:00:00Z" }])]);
  return seedOf([oneEvent(EAST), oneEvent(WEST)], {
    provisionedLimits: { "eu-west-1": { UserResourceUpdate: 50 } },
  });
}

const limitOf = (Category: string, LimitClass = "API_CATEGORY") =>
  new GetProvisionedLimitCommand({
    LimitDefinition: { LimitClass: LimitClass as "API_CATEGORY", Attributes: { Category } },
  });

const feedback = (UserPoolId: string) =>
  new AdminUpdateAuthEventFeedbackCommand({
    UserPoolId,
    Username: "u",
    EventId: "e-1",
    FeedbackValue: "Invalid",
  });

/** Runs all calls at once; counts how they ended ("ok" or the error name). */
async function tally(calls: (() => Promise<unknown>)[]): Promise<Record<string, number>> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const out: Record<string, number> = {};
  for (const s of settled) {
    const key = s.status === "fulfilled" ? "ok" : (s.reason as Error).name;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe("GetProvisionedLimit and per-region quotas (AWS SDK against the emulator)", () => {
  const fx = useFixture({ seed: twoRegionSeed(), each: true });
  let east: CognitoIdentityProviderClient;
  let west: CognitoIdentityProviderClient;
  beforeEach(() => {
    east = fx.admin;
    west = clientFor(fx.emulator, { region: "eu-west-1" });
  });
  afterEach(() => west.destroy());

  describe("GIVEN limits bought in eu-west-1 only THEN each region and category has its own", () => {
    const table: [
      region: "us-east-1" | "eu-west-1",
      category: string,
      provisioned: number,
      free: number,
    ][] = [
      ["us-east-1", "UserResourceUpdate", 25, 25],
      ["us-east-1", "UserResourceRead", 50, 50],
      ["us-east-1", "UserList", 30, 30],
      ["eu-west-1", "UserResourceUpdate", 50, 25],
      ["eu-west-1", "UserResourceRead", 50, 50],
      ["eu-west-1", "UserList", 30, 30],
    ];
    for (const [region, category, provisioned, free] of table) {
      it(`${region} ${category}: provisioned ${provisioned}/s, free ${free}/s`, async () => {
        const client = region === "us-east-1" ? east : west;
        const out = await client.send(limitOf(category));
        assert.deepEqual(out.Limit, {
          LimitDefinition: { LimitClass: "API_CATEGORY", Attributes: { Category: category } },
          ProvisionedLimitValue: provisioned,
          FreeLimitValue: free,
        });
      });
    }
  });

  it("GIVEN the limit changed by store.setProvisionedLimit THEN the next answer has it", async () => {
    fx.emulator.store.setProvisionedLimit("us-east-1", "UserResourceUpdate", 80);
    const out = await east.send(limitOf("UserResourceUpdate"));
    assert.equal(out.Limit?.ProvisionedLimitValue, 80);
    assert.equal(out.Limit?.FreeLimitValue, 25);
    assert.throws(
      () => fx.emulator.store.setProvisionedLimit("us-east-1", "UserResourceUpdate", 0.5),
      {
        message: "A provisioned limit must be a whole number of requests per second >= 1, got 0.5.",
      },
    );
  });

  describe("GIVEN a bad limit definition THEN InvalidParameterException with the reason", () => {
    const table: [given: string, command: GetProvisionedLimitCommand, message: string][] = [
      [
        "an unknown category",
        limitOf("UserResourceWrite"),
        "Unknown API category 'UserResourceWrite'. Categories the emulator knows: UserResourceUpdate, UserResourceRead, UserList.",
      ],
      [
        "no Category attribute",
        new GetProvisionedLimitCommand({
          LimitDefinition: { LimitClass: "API_CATEGORY", Attributes: {} },
        }),
        'An API_CATEGORY limit needs the attribute Category, e.g. {"Category": "UserResourceUpdate"}.',
      ],
      [
        "another limit class",
        limitOf("UserResourceUpdate", "ACCOUNT"),
        "1 validation error detected: Value 'ACCOUNT' at 'limitDefinition.limitClass' failed to satisfy constraint: Member must satisfy enum value set: [API_CATEGORY]",
      ],
      [
        "no limit definition",
        new GetProvisionedLimitCommand({ LimitDefinition: undefined }),
        "1 validation error detected: Value null at 'limitDefinition' failed to satisfy constraint: Member must not be null",
      ],
    ];
    for (const [given, command, message] of table) {
      it(given, async () => {
        await expectServiceError(east.send(command), {
          type: InvalidParameterException,
          status: 400,
          message,
        });
      });
    }
  });

  // Like every admin call.
  it("GIVEN an unsigned GetProvisionedLimit THEN MissingAuthenticationTokenException", async () => {
    const res = await rawPost(
      fx.emulator,
      "GetProvisionedLimit",
      JSON.stringify({
        LimitDefinition: {
          LimitClass: "API_CATEGORY",
          Attributes: { Category: "UserResourceUpdate" },
        },
      }),
    );
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, {
      __type: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
  });

  it("GIVEN a key denied GetProvisionedLimit THEN AccessDeniedException naming it", async () => {
    const denied = clientFor(fx.emulator, { credentials: CREDENTIALS.limitDenied });
    try {
      await expectServiceError(denied.send(limitOf("UserResourceUpdate")), {
        type: AccessDeniedException,
        status: 400,
        message:
          "User: arn:aws:iam::000000000000:user/limit-denied is not authorized to perform: cognito-idp:GetProvisionedLimit on resource: *",
      });
    } finally {
      denied.destroy();
    }
  });

  describe('GIVEN quotas "real"', () => {
    beforeEach(() => fx.emulator.store.setFaults({ quotas: "real" }));

    it("WHEN 40 calls burst in us-east-1, 20 in eu-west-1 THEN only us-east-1 throttles", async () => {
      const [burst, calm] = await Promise.all([
        tally(Array.from({ length: 40 }, () => () => east.send(feedback(EAST)))),
        tally(Array.from({ length: 20 }, () => () => west.send(feedback(WEST)))),
      ]);
      // The window is empty at the start, so the first 25 always pass; the rest of a burst sent
      // at once arrives within the same second (a bound, not a timing: more would pass if not).
      assert.ok((burst.ok ?? 0) >= 25, JSON.stringify(burst));
      assert.ok((burst.TooManyRequestsException ?? 0) >= 1, JSON.stringify(burst));
      assert.equal((burst.ok ?? 0) + (burst.TooManyRequestsException ?? 0), 40);
      assert.deepEqual(calm, { ok: 20 });
    });

    // Windows per region and category.
    it("WHEN us-east-1's read quota is used up THEN its writes, eu-west-1's reads pass", async () => {
      fx.emulator.store.setProvisionedLimit("us-east-1", "UserResourceRead", 1);
      const list = (client: CognitoIdentityProviderClient, UserPoolId: string) => () =>
        client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: "u" }));
      assert.deepEqual(await tally([list(east, EAST), list(east, EAST)]), {
        ok: 1,
        TooManyRequestsException: 1,
      });
      assert.deepEqual(
        await tally([() => east.send(feedback(EAST)), list(west, WEST), list(west, WEST)]),
        { ok: 3 },
      );
    });

    it("WHEN the provisioned limit is lowered at run time THEN the next calls keep to it", async () => {
      fx.emulator.store.setProvisionedLimit("eu-west-1", "UserResourceUpdate", 3);
      assert.deepEqual(
        await tally(Array.from({ length: 5 }, () => () => west.send(feedback(WEST)))),
        {
          ok: 3,
          TooManyRequestsException: 2,
        },
      );
    });
  });
});
