import * as assert from "node:assert/strict";
import {
  AdminListUserAuthEventsCommand,
  UserPoolAddOnNotEnabledException,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  EmulatorStore,
  SeedError,
  defaultSub,
  loadSeedFile,
  parseSeed,
  startEmulator,
  validateSeed,
  type SeedProblem,
} from "../../emulator";
import { DEMO_SEED_FILE as DEMO, POOL, demoSeed } from "../support/seeds";
import { clientFor, expectServiceError, useFixture } from "./support";

function problemsOf(fn: () => unknown): readonly SeedProblem[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SeedError, String(err));
    return err.problems;
  }
  assert.fail("expected a SeedError");
}

describe("Seed loading", () => {
  it("GIVEN the demo seed THEN it loads its three pools, and the emulator serves it", async () => {
    const { seed, admin } = demoSeed();
    assert.deepEqual(
      seed.userPools?.map((p) => p.id),
      ["us-east-1_DemoPool1", "us-east-1_NoThreat1", "eu-west-1_Replica1"],
    );
    const emulator = await startEmulator({ seed });
    const client = clientFor(emulator, { credentials: admin });
    try {
      const out = await client.send(
        new AdminListUserAuthEventsCommand({
          UserPoolId: "us-east-1_DemoPool1",
          Username: "alice@example.com",
        }),
      );
      assert.ok((out.AuthEvents?.length ?? 0) >= 3);
      assert.ok(out.AuthEvents?.some((e) => e.EventFeedback !== undefined));
    } finally {
      client.destroy();
      await emulator.stop();
    }
  });

  // Secrets are not echoed.
  it("GIVEN a YAML seed with problems THEN each is reported with path, line and a hint", () => {
    const text = [
      "userPools:", // 1
      "  - id: not-a-pool", // 2
      "    threatProtection: ENFORCE", // 3
      "    users:", // 4
      "      - username: alice", // 5
      "        nickname: al", // 6
      "        events:", // 7
      "          - eventId: bad id", // 8
      "            creationDate: yesterday", // 9
      "            feedbackToken: secret/token+value", // 10
      "          - creationDate: 2026-11-01T10:00:00Z", // 11
    ].join("\n");
    let error: unknown;
    try {
      parseSeed(text, "broken.yaml");
    } catch (err) {
      error = err;
    }
    assert.ok(error instanceof SeedError);
    const byPath = new Map(error.problems.map((p) => [p.path, p]));
    const expectations: [string, number, RegExp][] = [
      ["userPools[0].id", 2, /got "not-a-pool".*<region>_<id>/],
      ["userPools[0].threatProtection", 3, /got "ENFORCE"; use one of OFF, AUDIT, ENFORCED/],
      [
        "userPools[0].users[0].nickname",
        6,
        /unknown field "nickname".*username, sub, attributes, events/,
      ],
      ["userPools[0].users[0].events[0].eventId", 8, /got "bad id"/],
      ["userPools[0].users[0].events[0].creationDate", 9, /ISO 8601 date-time/],
      ["userPools[0].users[0].events[0].feedbackToken", 10, /\(value hidden\)/],
      ["userPools[0].users[0].events[1]", 11, /missing required field "eventId"/],
    ];
    for (const [where, line, message] of expectations) {
      const p = byPath.get(where);
      assert.ok(p, `no problem reported at ${where}; got ${[...byPath.keys()].join(", ")}`);
      assert.equal(p.line, line, where);
      assert.match(p.message, message);
    }
    assert.equal(error.problems.length, expectations.length, error.message);
    assert.match(error.message, /^Seed broken\.yaml has 7 problems:\n {2}- broken\.yaml:2:/);
    assert.ok(!error.message.includes("secret/token"), error.message);
  });

  it("GIVEN ENFORCED on a non-PLUS feature plan THEN the seed is refused with the fix", () => {
    const problems = problemsOf(() =>
      validateSeed({
        userPools: [
          { id: "us-east-1_Tier1", threatProtection: "ENFORCED", featurePlan: "ESSENTIALS" },
        ],
      }),
    );
    assert.deepEqual(problems, [
      {
        path: "userPools[0].featurePlan",
        message:
          "threat protection ENFORCED needs the PLUS feature plan, got ESSENTIALS; set featurePlan: PLUS (or threatProtection: OFF)",
      },
    ]);
  });

  // The token is not echoed.
  it("GIVEN bad provisioned limits and an empty session token THEN each says the fix", () => {
    const problems = problemsOf(() =>
      validateSeed({
        credentials: [{ accessKeyId: "AKIDX", secretAccessKey: "fake-secret", sessionToken: "" }],
        provisionedLimits: {
          "us-east-1": { UserResourceUpdate: 0, UserResourceWrite: 5 },
          Frankfurt: {},
        },
      }),
    );
    assert.deepEqual(
      problems.map((p) => `${p.path}: ${p.message}`),
      [
        "credentials[0].sessionToken: got (value hidden), which must NOT have fewer than 1 characters; expected a made-up session token such as fake-session-token-not-real; when set, requests with this key must carry exactly it, when unset none",
        'provisionedLimits: got "Frankfurt"; expected a region such as us-east-1',
        'provisionedLimits.us-east-1.UserResourceWrite: unknown field "UserResourceWrite"; check the spelling, allowed fields here: UserResourceUpdate, UserResourceRead, UserList',
        "provisionedLimits.us-east-1.UserResourceUpdate: got 0, which must be >= 1; expected a whole number >= 1 of feedback calls per second (Cognito's free limit: 25)",
      ],
    );
  });

  // Event ids are unique across the pool's users.
  it("GIVEN duplicates (pool id, event id, alias) THEN each points at the first use", () => {
    const problems = problemsOf(() =>
      validateSeed({
        userPools: [
          {
            id: "us-east-1_Dup1",
            threatProtection: "AUDIT",
            aliasAttributes: ["email"],
            users: [
              {
                username: "a",
                attributes: { email: "same@example.com" },
                events: [{ eventId: "e1", creationDate: "2026-11-01T10:00:00Z" }],
              },
              {
                username: "b",
                attributes: { email: "same@example.com" },
                events: [{ eventId: "e1", creationDate: "2026-11-01T10:00:00Z" }],
              },
            ],
          },
          { id: "us-east-1_Dup1" },
        ],
      }),
    );
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      "userPools[0].users[1].attributes.email",
      "userPools[0].users[1].events[0].eventId",
      "userPools[1].id",
    ]);
    assert.equal(problems.length, 3);
    assert.ok(
      problems.every((p) => /already used at userPools\[0\]/.test(p.message)),
      JSON.stringify(problems),
    );
  });

  describe("GIVEN a user's ListUsers fields THEN a wrong one is reported with the fix", () => {
    const table: [given: string, user: Record<string, unknown>, path: string, message: RegExp][] = [
      ["an unknown status", { userStatus: "ARCHIVED" }, "userStatus", /use one of UNCONFIRMED,/],
      ["a string for enabled", { enabled: "no" }, "enabled", /expected whether the account/],
      [
        "a date that is not real",
        { userCreateDate: "2026-13-01T00:00:00Z" },
        "userCreateDate",
        /not a real/,
      ],
      [
        "a modification before creation",
        { userCreateDate: "2026-03-01T00:00:00Z", userLastModifiedDate: "2026-02-01T00:00:00Z" },
        "userLastModifiedDate",
        /cannot be modified before it was created \(2026-03-01T00:00:00Z\)/,
      ],
    ];
    for (const [given, fields, path, message] of table) {
      it(given, () => {
        const user = { username: "u", ...fields };
        const problems = problemsOf(() =>
          validateSeed({ userPools: [{ id: "us-east-1_Fields1", users: [user] }] }),
        );
        assert.deepEqual(
          problems.map((p) => p.path),
          [`userPools[0].users[0].${path}`],
        );
        assert.match(problems[0]?.message ?? "", message);
      });
    }
  });

  it("GIVEN broken YAML syntax THEN the position is reported", () => {
    const problems = problemsOf(() => parseSeed("userPools:\n  - id: [unclosed\n", "syntax.yaml"));
    assert.ok(problems.length >= 1);
    assert.equal(problems[0]?.path, "(syntax)");
    assert.equal(typeof problems[0]?.line, "number");
  });

  const unresolved: [string, string, number][] = [
    ["an alias to no anchor", "userPools:\n  - id: us-east-1_A\n    name: *nowhere\n", 3],
    ["an alias used before its anchor", "userPools:\n  - id: *later\n  - id: &later x\n", 2],
  ];
  for (const [what, text, line] of unresolved) {
    it(`GIVEN ${what} THEN a SeedError at the alias`, () => {
      const problems = problemsOf(() => parseSeed(text, "alias.yaml"));
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.path, "(syntax)");
      assert.equal(problems[0]?.line, line);
      assert.match(problems[0]?.message ?? "", /; fix the YAML\/JSON$/);
    });
  }

  it("GIVEN a JSON seed with a $schema key THEN it is accepted (JSON is YAML)", () => {
    const seed = parseSeed(
      JSON.stringify({
        $schema: "../emulator/seed.schema.json",
        userPools: [{ id: "us-east-1_Json1" }],
      }),
      "seed.json",
    );
    assert.equal(seed.userPools?.[0]?.id, "us-east-1_Json1");
  });

  it("GIVEN an invalid seed object THEN startEmulator rejects with SeedError", async () => {
    await assert.rejects(
      startEmulator({ seed: { userPools: [{ id: "nope" }] } }),
      (err: unknown) => err instanceof SeedError && err.problems[0]?.path === "userPools[0].id",
    );
  });
});

describe("Seed defaults and EmulatorStore additions", () => {
  const fx = useFixture({ each: true });

  it("GIVEN a pool without threatProtection THEN it is OFF, as in AWS; no feedback", async () => {
    fx.emulator.store.addPool({ id: "us-east-1_Default1", users: [{ username: "erin" }] });
    assert.equal(fx.emulator.store.pool("us-east-1_Default1")?.featurePlan, "ESSENTIALS");
    await expectServiceError(
      fx.admin.send(
        new AdminListUserAuthEventsCommand({ UserPoolId: "us-east-1_Default1", Username: "erin" }),
      ),
      {
        type: UserPoolAddOnNotEnabledException,
        status: 400,
        message:
          "Threat protection (advanced security) is not enabled for user pool us-east-1_Default1.",
      },
    );
  });

  it("GIVEN a user without sub THEN a stable UUID from pool and username resolves it", async () => {
    const sub = defaultSub(POOL, "bob");
    assert.match(sub, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(defaultSub(POOL, "bob"), sub);
    assert.notEqual(defaultSub(POOL, "bobby"), sub);
    const out = await fx.admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: sub }),
    );
    assert.deepEqual(
      out.AuthEvents?.map((e) => e.EventId),
      ["b-evt-1"],
    );
  });

  it("GIVEN addUser and addEvent at run time THEN the newest event is listed first", async () => {
    const store = fx.emulator.store;
    store.addUser(POOL, { username: "frank", attributes: { email: "frank@example.com" } });
    store.addEvent(POOL, "frank@example.com", {
      eventId: "f-evt-1",
      creationDate: "2026-11-01T10:00:00Z",
    });
    store.addEvent(POOL, "frank", {
      eventId: "f-evt-2",
      creationDate: "2026-11-02T10:00:00Z",
      eventResponse: "InProgress",
    });
    const out = await fx.admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "frank" }),
    );
    assert.deepEqual(
      out.AuthEvents?.map((e) => [e.EventId, e.EventResponse]),
      [
        ["f-evt-2", "InProgress"],
        ["f-evt-1", "Pass"],
      ],
    );
  });

  it("GIVEN additions that clash with loaded state THEN the store refuses them", () => {
    const store = fx.emulator.store;
    assert.throws(() => store.addPool({ id: POOL }), /already loaded/);
    assert.throws(() => store.addUser(POOL, { username: "alice" }), /already exists/);
    assert.throws(
      () => store.addUser(POOL, { username: "x", attributes: { email: "alice@example.com" } }),
      /already exists/,
    );
    assert.throws(
      () =>
        store.addEvent(POOL, "bob", { eventId: "a-evt-1", creationDate: "2026-11-01T10:00:00Z" }),
      /already exists/,
    );
    assert.throws(
      () =>
        store.addEvent(POOL, "nobody", { eventId: "n-1", creationDate: "2026-11-01T10:00:00Z" }),
      /No such user/,
    );
    assert.throws(() => store.addUser("us-east-1_Missing1", { username: "x" }), /not loaded/);
    assert.throws(
      () =>
        store.addEvent(POOL, "bob", { eventId: "bad id", creationDate: "2026-11-01T10:00:00Z" }),
      SeedError,
    );
    assert.throws(() => store.setFeedback(POOL, "no-such-event", "Valid", "Admin"), /No event/);
    assert.throws(
      () => store.injectFault({ error: "InternalErrorException", times: 0 }),
      /positive integer/,
    );
  });

  it("GIVEN a fresh store THEN it is empty and summary counts what load adds", () => {
    const store = new EmulatorStore();
    assert.deepEqual(store.summary(), { pools: 0, users: 0, events: 0 });
    store.load(loadSeedFile(DEMO));
    assert.deepEqual(store.summary(), { pools: 3, users: 4, events: 8 });
    assert.equal(store.credentials.length, 2);
  });
});
