import assert from "node:assert/strict";
import fc from "fast-check";
import type { AuthEventSummary } from "../../../../provider/cognito/operations";
import {
  CheckpointError,
  parseCheckpoint,
  scopeMismatch,
  serializeCheckpoint,
  type Checkpoint,
} from "../../../../provider/sweep/checkpoint";

const AT = new Date("2026-11-05T12:00:00Z");
const EVENT: AuthEventSummary = {
  eventId: "e-1",
  creationDate: new Date("2026-11-03T22:41:09.000Z"),
  eventType: "SignIn",
  eventResponse: "Fail",
  riskLevel: "High",
  riskDecision: "Block",
  compromisedCredentialsDetected: false,
  ipAddress: "198.51.100.23",
  city: "Lagos",
  country: "Nigeria",
  deviceName: "Chrome, Linux",
  feedbackValue: "Valid",
  feedbackProvider: "Admin",
  feedbackDate: new Date("2026-11-04T00:00:00.000Z"),
};
const CHECKPOINT: Checkpoint = {
  scope: { userPoolId: "us-east-1_Sweep1", users: "pool", filterFlags: ["--ip 198.51.100.0/24"] },
  since: "2026-11-01T00:00:00.000Z",
  complete: false,
  done: [
    { username: "alice", events: 40, matches: [EVENT] },
    { username: "bob", events: 0, matches: [] },
  ],
  gone: ["carol"],
  failed: [{ username: "dave", code: "TooManyRequestsException" }],
};

describe("sweep checkpoint: what is done, to resume from", () => {
  it("GIVEN a checkpoint THEN its file: a header, then one done user per line", () => {
    const text = serializeCheckpoint(CHECKPOINT, AT);
    const lines = text.split("\n");
    assert.deepEqual(lines.slice(0, 4), [
      "{",
      '  "format": "cognito-feedback sweep checkpoint",',
      '  "version": 1,',
      '  "note": "Holds usernames and the IP addresses of matching events: keep it as private as the overrides file. No token or secret.",',
    ]);
    assert.deepEqual(lines.slice(-6), [
      '  "done": [',
      '    {"username":"alice","events":40,"matches":[{"eventId":"e-1","creationDate":"2026-11-03T22:41:09.000Z","eventType":"SignIn","eventResponse":"Fail","riskLevel":"High","riskDecision":"Block","compromisedCredentialsDetected":false,"ipAddress":"198.51.100.23","city":"Lagos","country":"Nigeria","deviceName":"Chrome, Linux","feedback":{"value":"Valid","provider":"Admin","date":"2026-11-04T00:00:00.000Z"}}]},',
      '    {"username":"bob","events":0,"matches":[]}',
      "  ]",
      "}",
      "",
    ]);
  });

  it("GIVEN the file THEN it reads back to the same checkpoint", () => {
    assert.deepEqual(parseCheckpoint(serializeCheckpoint(CHECKPOINT, AT), "c.json"), CHECKPOINT);
  });

  it("GIVEN any done users and events THEN they read back the same", () => {
    const text = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
    const event = fc.record(
      {
        eventId: fc.string({ minLength: 1, maxLength: 8 }),
        creationDate: fc.date({
          min: new Date("2020-01-01"),
          max: new Date("2030-01-01"),
          noInvalidDate: true,
        }),
        eventType: text,
        ipAddress: text,
        country: text,
        compromisedCredentialsDetected: fc.option(fc.boolean(), { nil: undefined }),
      },
      { requiredKeys: ["eventId"] },
    );
    const done = fc.array(
      fc.record({
        username: fc.string({ minLength: 1 }),
        events: fc.nat(),
        matches: fc.array(event, { maxLength: 3 }),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(done, (users) => {
        const clean = users.map((u) => ({
          ...u,
          matches: u.matches.map(
            (m) =>
              JSON.parse(JSON.stringify(m), (k: string, v: unknown): unknown =>
                k === "creationDate" ? new Date(v as string) : v,
              ) as AuthEventSummary,
          ),
        }));
        const checkpoint = { ...CHECKPOINT, done: clean };
        assert.deepEqual(
          parseCheckpoint(serializeCheckpoint(checkpoint, AT), "c.json"),
          checkpoint,
        );
      }),
    );
  });

  describe("GIVEN a file that is no checkpoint THEN it is refused, saying what to do", () => {
    const table: [string, string, string][] = [
      ["not JSON", "{", "it is not JSON"],
      ["another JSON file", '{"overrides": []}', "no format field"],
      [
        "a later version",
        '{"format": "cognito-feedback sweep checkpoint", "version": 2}',
        "version 2; this is 1",
      ],
      [
        "a broken done list",
        serializeCheckpoint(CHECKPOINT, AT).replace('"events":40', '"events":"40"'),
        "a done user is unreadable",
      ],
    ];
    for (const [name, text, why] of table) {
      it(`WHEN ${name} THEN CheckpointError (${why.slice(0, 20)}...)`, () => {
        assert.throws(
          () => parseCheckpoint(text, "c.json"),
          (err: unknown) => {
            assert.ok(err instanceof CheckpointError);
            assert.equal(
              err.message,
              `--checkpoint: c.json is not a sweep checkpoint (${why}); name another file, or delete it to start over.`,
            );
            return true;
          },
        );
      });
    }
  });

  describe("GIVEN a checkpoint and a sweep to resume", () => {
    it("WHEN pool, users and filters agree THEN it can resume", () => {
      assert.equal(scopeMismatch(CHECKPOINT, { ...CHECKPOINT.scope }, "c.json"), undefined);
    });
    it("WHEN the filters differ THEN both are named", () => {
      assert.equal(
        scopeMismatch(
          CHECKPOINT,
          { ...CHECKPOINT.scope, users: "file", filterFlags: [] },
          "c.json",
        ),
        "--checkpoint: c.json is the checkpoint of another sweep (pool us-east-1_Sweep1, every user, filters: --ip 198.51.100.0/24); this one is pool us-east-1_Sweep1, --users-from, filters: none. Run it with the same pool and filters to resume, or name another file.",
      );
    });
  });

  it("GIVEN the file THEN no field is a token, pagination or otherwise", () => {
    const text = serializeCheckpoint(CHECKPOINT, AT);
    assert.doesNotMatch(text, /"[^"]*(token|secret|key)[^"]*"\s*:/i);
  });
});
