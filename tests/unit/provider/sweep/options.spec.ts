import assert from "node:assert/strict";
import fc from "fast-check";
import {
  parseSweepOptions,
  parseUsersFile,
  SweepUsageError,
  type RawSweepOptions,
} from "../../../../provider/sweep/options";

const NOW = new Date("2026-11-05T12:00:00Z");
const POOL = "us-east-1_AbC123xyZ";

function problemsOf(raw: Partial<RawSweepOptions>): readonly string[] {
  try {
    parseSweepOptions({ userPoolId: POOL, ...raw }, NOW);
  } catch (err) {
    if (err instanceof SweepUsageError) return err.problems;
    throw err;
  }
  return assert.fail("expected the flags to be refused");
}

describe("sweep command flags: a checked request, or every problem naming its flag", () => {
  it("GIVEN only the pool THEN every user, no filter, a table, progress every 5 s", () => {
    assert.deepEqual(parseSweepOptions({ userPoolId: POOL }, NOW), {
      userPoolId: POOL,
      region: "us-east-1",
      filter: {},
      filterFlags: [],
      format: "table",
      progress: true,
      progressIntervalMs: 5000,
    });
  });

  it("GIVEN the incident's flags THEN the verdict is normalized and the rest kept", () => {
    const request = parseSweepOptions(
      {
        userPoolId: POOL,
        ip: ["198.51.100.0/24"],
        since: "2026-11-01",
        format: "yaml",
        verdict: "INVALID",
        reason: "Credential stuffing from 198.51.100.0/24",
        ticket: "SEC-1234",
        checkpoint: "sweep.json",
        readsPerSecond: "0",
        progress: false,
        progressInterval: "30",
      },
      NOW,
    );
    assert.deepEqual(
      { ...request, filter: undefined },
      {
        userPoolId: POOL,
        region: "us-east-1",
        filter: undefined,
        filterFlags: ["--ip 198.51.100.0/24", "--since 2026-11-01T00:00:00Z"],
        format: "yaml",
        verdict: "Invalid",
        reason: "Credential stuffing from 198.51.100.0/24",
        ticket: "SEC-1234",
        checkpoint: "sweep.json",
        readsPerSecond: Infinity,
        progress: false,
        progressIntervalMs: 30_000,
      },
    );
  });

  it("GIVEN --merge-into alone THEN the format is yaml", () => {
    const request = parseSweepOptions({ userPoolId: POOL, mergeInto: "overrides.yaml" }, NOW);
    assert.equal(request.format, "yaml");
    assert.equal(request.mergeInto, "overrides.yaml");
  });

  describe("GIVEN values that cannot be used", () => {
    const table: [string, Partial<RawSweepOptions>, string[]][] = [
      [
        "a pool id without a region",
        { userPoolId: "AbC123xyZ" },
        [
          '--user-pool-id: userPoolId "AbC123xyZ" is not a Cognito user pool id: it must be <region>_<id>, like "us-east-1_AbC123xyZ" (find it in the Cognito console or with `aws cognito-idp list-user-pools`).',
        ],
      ],
      [
        "a verdict that is none",
        { format: "yaml", verdict: "maybe" },
        [
          '--verdict: verdict "maybe" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.',
        ],
      ],
      [
        "a blank reason and a ticket with a space",
        { format: "yaml", reason: " ", ticket: "SEC 1" },
        [
          "--reason: reason is blank: say in a sentence why the verdict is right (who confirmed it, and how).",
          '--ticket: ticket contains whitespace: give one reference, like "SEC-1234" or a link to the ticket.',
        ],
      ],
      [
        "a verdict with a table",
        { verdict: "valid" },
        [
          "--verdict: only --format yaml (or --merge-into) writes overrides entries; add --format yaml, or drop --verdict.",
        ],
      ],
      [
        "--merge-into with json",
        { mergeInto: "o.yaml", format: "json" },
        [
          "--merge-into: it adds overrides entries, so it takes --format yaml only; drop --format json.",
        ],
      ],
      [
        "a rate and an interval out of range",
        { readsPerSecond: "fast", progressInterval: "0.5" },
        [
          '--reads-per-second: "fast" is not a number from 0 to 10000; for example --reads-per-second 45.',
          '--progress-interval: "0.5" is not a number from 1 to 3600; for example --progress-interval 10.',
        ],
      ],
      [
        "a bad range and a bad region",
        { ip: ["198.51.100.0/99"], region: "eu-west-1" },
        [
          '--region: region "eu-west-1" does not match userPoolId "us-east-1_AbC123xyZ", whose region is "us-east-1": set region to "us-east-1" or leave it out.',
          '--ip: "198.51.100.0/99" is not an IP address or CIDR range; use e.g. 198.51.100.0/24, 2001:db8::/32 or 203.0.113.7 (repeat the flag or separate ranges with commas).',
        ],
      ],
    ];
    for (const [name, raw, problems] of table) {
      it(`WHEN ${name} THEN exactly these problems`, () => {
        assert.deepEqual(problemsOf(raw), problems);
      });
    }
  });

  it("GIVEN a reason holding a token THEN it is refused without echoing it", () => {
    const token = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    const problems = problemsOf({ format: "yaml", reason: `see ${token}` });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^--reason: reason contains what looks like a secret/);
    assert.ok(!problems[0].includes(token));
  });
});

describe("--users-from: one username per line", () => {
  it("GIVEN blank lines, spaces, CRLF and repeats THEN each user once, in file order", () => {
    assert.deepEqual(parseUsersFile("alice\r\n\n  bob@example.com \nalice\n", "u.txt"), [
      "alice",
      "bob@example.com",
    ]);
  });

  it("GIVEN a line no username can be THEN its line is named, the value never echoed", () => {
    const problems = (() => {
      try {
        parseUsersFile("alice\nmallory\u0007x\n", "u.txt");
      } catch (err) {
        return (err as SweepUsageError).problems;
      }
      return [];
    })();
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^--users-from: u\.txt:2: username contains whitespace or control/);
    assert.ok(!problems[0].includes("mallory"));
  });

  it("GIVEN a file with no name THEN it says so", () => {
    assert.throws(() => parseUsersFile("\n \n", "u.txt"), {
      message: "--users-from: u.txt names no user; put one username per line.",
    });
  });

  it("GIVEN any usernames one per line THEN they read back, repeats dropped", () => {
    const username = fc.stringMatching(/^[a-z0-9._@+-]{1,20}$/);
    fc.assert(
      fc.property(fc.array(username, { minLength: 1, maxLength: 30 }), (names) => {
        assert.deepEqual(parseUsersFile(names.join("\n"), "u.txt"), [...new Set(names)]);
      }),
    );
  });
});
