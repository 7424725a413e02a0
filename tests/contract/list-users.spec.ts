/**
 * ListUsers through the plain AWS SDK (ListUsersCommand and paginateListUsers): the UserType
 * shape, each Filter form, AttributesToGet, paging with opaque tokens, the errors, IAM deny and
 * the UserList quota.
 */
import * as assert from "node:assert/strict";
import {
  AccessDeniedException,
  AdminListUserAuthEventsCommand,
  InvalidParameterException,
  ListUsersCommand,
  OperationNotEnabledException,
  ResourceNotFoundException,
  TooManyRequestsException,
  paginateListUsers,
  type CognitoIdentityProviderClient,
  type ListUsersCommandInput,
  type UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  defaultSub,
  generatedPool,
  startEmulator,
  type RunningEmulator,
  type Seed,
} from "../../emulator";
import { CREDENTIALS } from "../support/seeds";
import { clientFor, expectServiceError, rawPost } from "./support";

const ADMIN = CREDENTIALS.admin;
/** Denied ListUsers in this file's seed. */
const AUDITOR = CREDENTIALS.listDenied;

const PEOPLE = "us-east-1_People1";
const BIG = "us-east-1_Big1";
const PLAIN = "us-east-1_Plain1";
const REPLICA = "eu-west-1_Replica1";
const BIG_USERS = 130;

/** Five hand-made users for the filters, two generated pools' worth of paging, two edge pools. */
function listSeed(): Seed {
  return {
    credentials: [
      { ...ADMIN, name: "admin" },
      { ...AUDITOR, name: "auditor", deny: ["ListUsers"] },
    ],
    userPools: [
      {
        id: PEOPLE,
        threatProtection: "ENFORCED",
        users: [
          {
            username: "alice",
            attributes: {
              email: "alice@example.com",
              given_name: "Alice",
              family_name: "Reddy",
              phone_number: "+13125550100",
            },
            userCreateDate: "2026-02-01T09:00:00.500Z",
            userLastModifiedDate: "2026-03-01T09:00:00Z",
          },
          {
            username: "bob",
            attributes: {
              email: "Bob@Example.com",
              given_name: "Bob",
              family_name: "Reddy",
              phone_number: "+13125550101",
            },
            userStatus: "UNCONFIRMED",
          },
          {
            username: "carol",
            attributes: {
              email: "carol@example.org",
              given_name: "Carol",
              family_name: "Silva",
              phone_number: "+442071838750",
            },
            enabled: false,
            userStatus: "RESET_REQUIRED",
          },
          {
            username: "Dave",
            attributes: {
              email: "dave@example.com",
              given_name: "Dave",
              family_name: "reddy",
              phone_number: "+15550100",
            },
            userStatus: "FORCE_CHANGE_PASSWORD",
          },
          {
            username: "erin",
            attributes: {
              email: "erin@example.net",
              given_name: "Erin",
              name: 'Erin "EZ" Zed',
              preferred_username: "ez",
              phone_number: "+15550199",
              "custom:team": "blue",
            },
          },
        ],
      },
      generatedPool({ id: BIG, users: BIG_USERS }),
      { id: PLAIN, threatProtection: "OFF", users: [{ username: "frank" }] },
      { id: REPLICA, threatProtection: "ENFORCED", operationNotEnabled: true },
    ],
  };
}

const ALL_PEOPLE = ["Dave", "alice", "bob", "carol", "erin"];
const BIG_NAMES = Array.from({ length: BIG_USERS }, (_, n) => `user-${String(n).padStart(3, "0")}`);

const names = (users: UserType[] | undefined) => (users ?? []).map((u) => u.Username);

/** Lists the replica pool from its region: OperationNotEnabledException, once admitted. */
async function expectReplicaNotEnabled(emulator: RunningEmulator): Promise<void> {
  const west = clientFor(emulator, { region: "eu-west-1" });
  try {
    await expectServiceError(west.send(new ListUsersCommand({ UserPoolId: REPLICA })), {
      type: OperationNotEnabledException,
      name: "OperationNotEnabledException",
      status: 400,
      message: `ListUsers is not enabled for user pool ${REPLICA} in this region.`,
    });
  } finally {
    west.destroy();
  }
}

describe("ListUsers (AWS SDK against the emulator)", () => {
  let emulator: RunningEmulator;
  let admin: CognitoIdentityProviderClient;
  before(async () => {
    emulator = await startEmulator({ seed: listSeed() });
    admin = clientFor(emulator);
  });
  after(async () => {
    admin.destroy();
    await emulator.stop();
  });

  const list = (input: Partial<ListUsersCommandInput> = {}) =>
    admin.send(new ListUsersCommand({ UserPoolId: PEOPLE, ...input }));

  /** Follows PaginationToken by hand, as a sweep does; the usernames of each page. */
  async function walk(input: Partial<ListUsersCommandInput>): Promise<(string | undefined)[][]> {
    const pages: (string | undefined)[][] = [];
    let token: string | undefined;
    do {
      const out = await list({ ...input, PaginationToken: token });
      pages.push(names(out.Users));
      token = out.PaginationToken;
    } while (token !== undefined);
    return pages;
  }

  /** The usernames of each page the SDK's paginator yields. */
  async function paginated(
    pageSize: number,
    input: ListUsersCommandInput,
  ): Promise<(string | undefined)[][]> {
    const pages: (string | undefined)[][] = [];
    for await (const page of paginateListUsers({ client: admin, pageSize }, input)) {
      pages.push(names(page.Users));
    }
    return pages;
  }

  describe("GIVEN a pool of people with attributes, statuses and dates", () => {
    it("WHEN listed THEN every user comes once, by username, with no token", async () => {
      const out = await list();
      assert.deepEqual(names(out.Users), ALL_PEOPLE);
      assert.equal(out.PaginationToken, undefined);
    });

    it("WHEN listed THEN the SDK parses the whole UserType, sub first, dates as Dates", async () => {
      const out = await list({ Filter: 'username = "alice"' });
      const expected: UserType = {
        Username: "alice",
        Attributes: [
          { Name: "sub", Value: defaultSub(PEOPLE, "alice") },
          { Name: "email", Value: "alice@example.com" },
          { Name: "given_name", Value: "Alice" },
          { Name: "family_name", Value: "Reddy" },
          { Name: "phone_number", Value: "+13125550100" },
        ],
        UserCreateDate: new Date("2026-02-01T09:00:00.500Z"),
        UserLastModifiedDate: new Date("2026-03-01T09:00:00Z"),
        Enabled: true,
        UserStatus: "CONFIRMED",
      };
      assert.deepEqual(out.Users, [expected]);
    });

    it("WHEN a user has no seeded dates or status THEN the defaults come back", async () => {
      const out = await list({ Filter: 'username = "erin"' });
      const erin = out.Users?.[0];
      assert.equal(erin?.UserStatus, "CONFIRMED");
      assert.equal(erin?.Enabled, true);
      assert.deepEqual(erin?.UserCreateDate, new Date("2026-01-01T00:00:00Z"));
      assert.deepEqual(erin?.UserLastModifiedDate, erin?.UserCreateDate);
    });
  });

  describe("GIVEN each filter form THEN only the matching users come back", () => {
    const table: [filter: string, expected: string[]][] = [
      ['username = "alice"', ["alice"]],
      ['username = "ALICE"', []],
      ['username ^= "a"', ["alice"]],
      ['email = "bob@example.com"', ["bob"]],
      ['email ^= "ALICE"', ["alice"]],
      ['family_name = "Reddy"', ["Dave", "alice", "bob"]],
      ['given_name ^= "C"', ["carol"]],
      ['phone_number ^= "+1312"', ["alice", "bob"]],
      ['name = "Erin \\"EZ\\" Zed"', ["erin"]],
      ['preferred_username = "ez"', ["erin"]],
      ['cognito:user_status = "unconfirmed"', ["bob"]],
      ['cognito:user_status ^= "FORCE"', ["Dave"]],
      ['status = "Disabled"', ["carol"]],
      ['status = "disabled"', []],
      [`sub = "${defaultSub(PEOPLE, "carol")}"`, ["carol"]],
      ['"email" = "alice@example.com"', ["alice"]],
      ['email="alice@example.com"', ["alice"]],
      ['email ^= ""', ["alice", "bob", "carol", "Dave", "erin"]],
      ["", ALL_PEOPLE],
    ];
    for (const [filter, expected] of table) {
      it(`${JSON.stringify(filter)}: ${expected.join(", ") || "none"}`, async () => {
        assert.deepEqual(names((await list({ Filter: filter })).Users), expected);
      });
    }
  });

  describe("GIVEN a filter Cognito cannot use THEN 'Error while parsing filter.'", () => {
    const table: [given: string, filter: string][] = [
      ["a custom attribute", 'custom:team = "blue"'],
      ["a standard attribute that is not searchable", 'nickname = "ez"'],
      ["another operator", 'email != "alice@example.com"'],
      ["an unquoted value", "email = alice@example.com"],
      ["two conditions", 'email ^= "a" and given_name = "Alice"'],
    ];
    for (const [given, filter] of table) {
      it(given, async () => {
        await expectServiceError(list({ Filter: filter }), {
          type: InvalidParameterException,
          name: "InvalidParameterException",
          status: 400,
          message: "Error while parsing filter.",
        });
      });
    }
  });

  describe("GIVEN input that breaks the model THEN AWS's validation message", () => {
    const violation = (value: string, at: string, rule: string) =>
      `1 validation error detected: Value '${value}' at '${at}' failed to satisfy constraint: ${rule}`;
    const table: [given: string, input: Partial<ListUsersCommandInput>, message: string][] = [
      [
        "Limit 61",
        { Limit: 61 },
        violation("61", "limit", "Member must have value less than or equal to 60"),
      ],
      [
        "a 257-character Filter",
        { Filter: "x".repeat(257) },
        violation("x".repeat(257), "filter", "Member must have length less than or equal to 256"),
      ],
      [
        "a 33-character attribute name",
        { AttributesToGet: ["email", "a".repeat(33)] },
        violation(
          "a".repeat(33),
          "attributesToGet.2.member",
          "Member must have length less than or equal to 32",
        ),
      ],
    ];
    for (const [given, input, message] of table) {
      it(given, async () => {
        await expectServiceError(list(input), {
          type: InvalidParameterException,
          name: "InvalidParameterException",
          status: 400,
          message,
        });
      });
    }
  });

  describe("GIVEN AttributesToGet", () => {
    const table: [wanted: string[], filter: string | undefined, expected: string[]][] = [
      [["email"], undefined, ["email"]],
      [["given_name", "sub"], undefined, ["sub", "given_name"]],
      [[], undefined, []],
      [["family_name"], 'family_name = "reddy"', ["family_name"]],
    ];
    for (const [wanted, filter, expected] of table) {
      const title = `${JSON.stringify(wanted)}${filter === undefined ? "" : ` with ${filter}`}`;
      it(`${title} THEN users carry ${JSON.stringify(expected)}`, async () => {
        const out = await list({ AttributesToGet: wanted, Filter: filter });
        assert.ok((out.Users?.length ?? 0) > 0);
        for (const user of out.Users ?? []) {
          assert.deepEqual(
            user.Attributes?.map((a) => a.Name),
            expected,
          );
        }
      });
    }

    it("naming one a user of the page lacks THEN InvalidParameterException", async () => {
      await expectServiceError(list({ AttributesToGet: ["family_name"] }), {
        type: InvalidParameterException,
        name: "InvalidParameterException",
        status: 400,
        message: "One or more requested attributes do not exist.",
      });
    });
  });

  describe("GIVEN 130 generated users", () => {
    const big = (input: Partial<ListUsersCommandInput> = {}) => list({ UserPoolId: BIG, ...input });

    for (const [label, limit] of [
      ["no Limit", undefined],
      ["Limit 0", 0],
    ] as const) {
      it(`WHEN listed with ${label} THEN pages of 60, 60, 10 follow the tokens`, async () => {
        const pages = await walk({ UserPoolId: BIG, Limit: limit });
        assert.deepEqual(
          pages.map((p) => p.length),
          [60, 60, 10],
        );
        assert.deepEqual(pages.flat(), BIG_NAMES);
      });
    }

    it("WHEN paginateListUsers walks pages of 25 THEN each user comes once, in order", async () => {
      const pages = await paginated(25, { UserPoolId: BIG });
      assert.deepEqual(
        pages.map((p) => p.length),
        [25, 25, 25, 25, 25, 5],
      );
      assert.deepEqual(pages.flat(), BIG_NAMES);
    });

    it("WHEN a filter is paged by 10 THEN only its matches come, across pages", async () => {
      const pages = await paginated(10, { UserPoolId: BIG, Filter: 'status = "Disabled"' });
      assert.deepEqual(
        pages.map((p) => p.length),
        [10, 3],
      );
      assert.deepEqual(
        pages.flat(),
        BIG_NAMES.filter((_, n) => n % 10 === 9),
      );
    });

    it("WHEN a page ends exactly at the last user THEN it carries no token", async () => {
      const pages = await walk({ UserPoolId: BIG, Limit: 26 });
      assert.deepEqual(
        pages.map((p) => p.length),
        [26, 26, 26, 26, 26],
      );
      assert.equal(pages[4]?.[25], "user-129");
    });

    it("WHEN users are added mid-chain THEN no user comes twice and later ones come", async () => {
      // Its own emulator: the users it adds must not change the pool the other tests page.
      const own = await startEmulator({
        seed: { userPools: [generatedPool({ id: BIG, users: BIG_USERS })] },
      });
      const client = clientFor(own);
      try {
        const page = (PaginationToken?: string) =>
          client.send(new ListUsersCommand({ UserPoolId: BIG, Limit: 60, PaginationToken }));
        const first = await page();
        own.store.addUser(BIG, { username: "user-000a" }); // sorts before where the chain stands
        own.store.addUser(BIG, { username: "zed" }); // sorts after it
        const seen = names(first.Users);
        for (let token = first.PaginationToken; token !== undefined;) {
          const out = await page(token);
          seen.push(...names(out.Users));
          token = out.PaginationToken;
        }
        assert.deepEqual(seen, [...BIG_NAMES, "zed"]);
      } finally {
        client.destroy();
        await own.stop();
      }
    });

    describe("WHEN a token is not one this listing issued THEN InvalidParameterException", () => {
      const table: [given: string, token: () => Promise<string | undefined>, filter?: string][] = [
        ["a garbled token", () => Promise.resolve("not-a-token-we-issued")],
        [
          "a token of another filter",
          async () => (await big({ Limit: 1, Filter: 'email ^= "user"' })).PaginationToken,
          'given_name ^= "A"',
        ],
        ["a token of another pool", async () => (await list({ Limit: 1 })).PaginationToken],
      ];
      for (const [given, token, filter] of table) {
        it(given, async () => {
          const PaginationToken = await token();
          assert.ok(PaginationToken);
          await expectServiceError(big({ PaginationToken, Filter: filter }), {
            type: InvalidParameterException,
            name: "InvalidParameterException",
            status: 400,
            message: "Invalid pagination token.",
          });
        });
      }
    });
  });

  describe("GIVEN pools that are not plain", () => {
    it("WHEN threat protection is OFF THEN its users are still listed", async () => {
      assert.deepEqual(names((await list({ UserPoolId: PLAIN })).Users), ["frank"]);
    });

    it("WHEN the pool does not exist THEN ResourceNotFoundException", async () => {
      await expectServiceError(list({ UserPoolId: "us-east-1_Nope1" }), {
        type: ResourceNotFoundException,
        name: "ResourceNotFoundException",
        status: 400,
        message: "User pool us-east-1_Nope1 does not exist.",
      });
    });

    it("WHEN the pool is a replica without the operation THEN OperationNotEnabled", async () => {
      await expectReplicaNotEnabled(emulator);
    });
  });

  describe("GIVEN callers that may not list", () => {
    it("WHEN the credential is denied ListUsers THEN AccessDeniedException", async () => {
      const auditor = clientFor(emulator, { credentials: AUDITOR });
      try {
        await expectServiceError(auditor.send(new ListUsersCommand({ UserPoolId: PEOPLE })), {
          type: AccessDeniedException,
          name: "AccessDeniedException",
          status: 400,
          message:
            "User: arn:aws:iam::000000000000:user/auditor is not authorized to perform: " +
            `cognito-idp:ListUsers on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/${PEOPLE}`,
        });
      } finally {
        auditor.destroy();
      }
    });

    it("WHEN the request is unsigned THEN MissingAuthenticationTokenException", async () => {
      const res = await rawPost(emulator, "ListUsers", JSON.stringify({ UserPoolId: PEOPLE }));
      assert.equal(res.status, 400);
      assert.equal(res.json.__type, "MissingAuthenticationTokenException");
    });
  });
});

describe("ListUsers quota (AWS SDK against the emulator)", () => {
  let emulator: RunningEmulator;
  let admin: CognitoIdentityProviderClient;
  beforeEach(async () => {
    emulator = await startEmulator({ seed: listSeed(), faults: { quotas: "real" } });
    admin = clientFor(emulator);
  });
  afterEach(async () => {
    admin.destroy();
    await emulator.stop();
  });

  const listPeople = () => admin.send(new ListUsersCommand({ UserPoolId: PEOPLE, Limit: 1 }));

  describe('GIVEN quotas "real" (UserList 30/s)', () => {
    it("WHEN 40 calls burst at once THEN at least 30 pass and the rest are throttled", async () => {
      const settled = await Promise.allSettled(Array.from({ length: 40 }, listPeople));
      const ok = settled.filter((s) => s.status === "fulfilled").length;
      const throttled = settled.filter(
        (s) => s.status === "rejected" && (s.reason as Error).name === "TooManyRequestsException",
      ).length;
      // The window starts empty, so 30 always pass; a burst sent at once lands within a second.
      assert.ok(ok >= 30, `${ok} passed`);
      assert.ok(throttled >= 1, `${throttled} throttled`);
      assert.equal(ok + throttled, 40);
      assert.equal(emulator.store.counters().operations.ListUsers.throttled, throttled);
    });

    it("WHEN the region's UserList limit is used up THEN Cognito's throttling answer", async () => {
      emulator.store.setProvisionedLimit("us-east-1", "UserList", 1);
      await listPeople();
      await expectServiceError(listPeople(), {
        type: TooManyRequestsException,
        name: "TooManyRequestsException",
        status: 400,
        message: "Rate exceeded",
      });
    });

    it("WHEN UserList is used up THEN event listing and other regions still pass", async () => {
      emulator.store.setProvisionedLimit("us-east-1", "UserList", 1);
      await listPeople();
      await admin.send(new AdminListUserAuthEventsCommand({ UserPoolId: PEOPLE, Username: "bob" }));
      // eu-west-1 has its own window: the replica's answer comes only once it is admitted.
      await expectReplicaNotEnabled(emulator);
    });
  });
});
