// `cognito-feedback events` end to end: the command line in process, the real AWS SDK over HTTP,
// the emulator as Cognito, an isolated environment with fake admin credentials.
import assert from "node:assert/strict";
import type { SeedEvent } from "../../emulator";
import { runCli, type CliIo } from "../../provider/cli/program";
import { parseOverrides } from "../../provider/gitops/overrides";
import { useEmulator } from "../support/emulator";
import { credentialEnv, withEnv } from "../support/env";
import { CREDENTIALS, pool, seedOf, user } from "../support/seeds";

const POOL = "us-east-1_EventsPool1";
const START = Date.parse("2026-10-01T00:00:00Z");
/** The clock of every run: ten minutes after the newest event. */
const NOW = new Date(START + 140 * 60_000);

const TYPES = ["SignIn", "SignIn", "SignUp", "ForgotPassword", "PasswordChange"] as const;
const LEVELS = ["Low", "Medium", "High"] as const;
const DECISIONS = ["NoRisk", "AccountTakeover", "Block", "NoRisk"] as const;

/**
 * Events number `from` to `to - 1`, one minute apart from START: types, risks and decisions
 * cycle with the number, and every 10th was judged Valid.
 */
function riskyEvents(prefix: string, from: number, to: number): SeedEvent[] {
  return range(from, to).map((i) => ({
    eventId: `${prefix}-${i}`,
    creationDate: new Date(START + i * 60_000).toISOString(),
    eventType: TYPES[i % TYPES.length],
    risk: { level: LEVELS[i % LEVELS.length], decision: DECISIONS[i % DECISIONS.length] },
    context: { ipAddress: "198.51.100.23", city: "Lagos", country: "Nigeria" },
    ...(i % 10 === 0
      ? { feedback: { value: "Valid" as const, provider: "Admin", date: "2026-10-02T00:00:00Z" } }
      : {}),
  }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

const SEED = seedOf([
  pool(POOL, [
    // Three pages at the default page size of 60.
    user("mallory.watch", riskyEvents("m", 0, 130)),
    // One page: the filters need no paging, and single pages are not paced.
    user("eve.few", riskyEvents("f", 100, 130)),
  ]),
]);
const USER = ["--user-pool-id", POOL, "--username", "mallory.watch"];
const FEW = ["--user-pool-id", POOL, "--username", "eve.few"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: () => assert.fail("events reads no file"),
    readStdin: () => assert.fail("events reads no stdin"),
    writeFile: () => assert.fail("events writes no file"),
    now: () => NOW,
    ...io,
  });
  return { code, stdout, stderr };
}

/** The event ids of a table, top to bottom. */
const idsOf = (table: string) =>
  table
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(" ")[0]);

/** `<prefix>-<i>` for each i, newest first. */
const expectIds = (indexes: number[], prefix = "m") =>
  indexes.sort((a, b) => b - a).map((i) => `${prefix}-${i}`);
const ALL = range(0, 130);

describe("cognito-feedback events (end to end against the emulator)", () => {
  const emulator = useEmulator({ seed: SEED });
  beforeEach(() => emulator().store.clearRequests());

  const pages = () =>
    emulator().store.requests.filter((r) => r.operation === "AdminListUserAuthEvents").length;

  it("GIVEN 130 events THEN three pages are fetched, each event a row, newest first", async () => {
    const r = await run(["events", ...USER]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, "", "no progress when stderr is not a terminal");
    assert.deepEqual(idsOf(r.stdout), expectIds([...ALL]));
    assert.match(
      r.stdout.split("\n")[1],
      /^m-129 +2026-10-01T02:09:00Z +PasswordChange +Pass +Low +AccountTakeover +198\.51\.100\.23 Lagos, Nigeria +-$/,
    );
    assert.equal(pages(), 3);
  });

  it("GIVEN --progress THEN each page is reported on stderr, never on stdout", async () => {
    const r = await run(["events", ...USER, "--progress", "--format", "json"]);
    assert.equal(
      r.stderr,
      [
        "fetched 60 events (1 page)…\n",
        "fetched 120 events (2 pages)…\n",
        "fetched 130 events (3 pages)…\n",
      ].join(""),
    );
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 130);
  });

  it("GIVEN stderr is a terminal and filters THEN progress there counts the matches", async () => {
    const r = await run(["events", ...USER, "--risk-level", "high"], { stderrIsTTY: true });
    assert.equal(
      r.stderr,
      [
        "fetched 60 events (1 page), 20 match…\n",
        "fetched 120 events (2 pages), 40 match…\n",
        "fetched 130 events (3 pages), 43 match…\n",
      ].join(""),
    );
  });

  const filters: [string, string[], (i: number) => boolean][] = [
    ["--since 30m (the clock is injected)", ["--since", "30m"], (i) => i >= 110],
    ["--since an ISO date-time", ["--since", "2026-10-01T02:00:00Z"], (i) => i >= 120],
    ["--risk-level in any case, as a list", ["--risk-level", "LOW,medium"], (i) => i % 3 !== 2],
    [
      "--risk-decision repeated",
      ["--risk-decision", "block", "--risk-decision", "AccountTakeover"],
      (i) => i % 4 === 1 || i % 4 === 2,
    ],
    ["--event-type", ["--event-type", "signup,ForgotPassword"], (i) => i % 5 === 2 || i % 5 === 3],
    ["--without-feedback", ["--without-feedback"], (i) => i % 10 !== 0],
    ["--ip, the events' range", ["--ip", "198.51.100.0/24"], () => true],
    ["--ip, other ranges", ["--ip", "2001:db8::/32,203.0.113.0/24"], () => false],
    ["--until an ISO date-time", ["--until", "2026-10-01T02:00:00Z"], (i) => i < 120],
    ["--country in any case", ["--country", "NIGERIA"], () => true],
    [
      "several filters (and)",
      ["--since", "1h", "--risk-level", "High", "--without-feedback"],
      (i) => i >= 80 && i % 3 === 2 && i % 10 !== 0,
    ],
  ];
  describe("GIVEN a filter flag THEN exactly the matching events are listed", () => {
    for (const [name, flags, keep] of filters) {
      it(name, async () => {
        const r = await run(["events", ...FEW, ...flags]);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(idsOf(r.stdout), expectIds(range(100, 130).filter(keep), "f"));
      });
    }
  });

  it("GIVEN --max-events 10 THEN the listing stops after a page, with the newest 10", async () => {
    const r = await run(["events", ...USER, "--max-events", "10", "--without-feedback"]);
    assert.deepEqual(idsOf(r.stdout), expectIds(ALL.filter((i) => i >= 119 && i % 10 !== 0)));
    assert.equal(pages(), 1);
  });

  it("GIVEN filters nothing matches THEN the table says so and it exits 0", async () => {
    const r = await run(["events", ...FEW, "--since", "2026-11-01"]);
    assert.deepEqual(r, {
      code: 0,
      stdout: "No auth events match the filters (30 listed).\n",
      stderr: "",
    });
  });

  it("GIVEN --format yaml WHEN a person fills the entries in THEN the file loads them", async () => {
    const r = await run([
      "events",
      ...FEW,
      "--since",
      "15m",
      "--without-feedback",
      "--format",
      "yaml",
    ]);
    assert.equal(r.code, 0);
    const filled = r.stdout
      .replace(/verdict: ""/g, 'verdict: "invalid"')
      .replace(/reason: ""/g, 'reason: "Impossible travel; SEC-7 confirmed."');
    const result = parseOverrides(`overrides:\n${filled}`, "overrides.yaml");
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.overrides.map((o) => [o.userPoolId, o.username, o.eventId, o.verdict]),
      [129, 128, 127, 126, 125].map((i) => [POOL, "eve.few", `f-${i}`, "Invalid"]),
    );
    assert.match(
      r.stdout,
      /# 2026-10-01T02:09:00Z PasswordChange Pass; risk Low, AccountTakeover; from 198\.51\.100\.23 Lagos, Nigeria; no feedback yet\n {2}- userPoolId: us-east-1_EventsPool1\n/,
    );
  });

  it("GIVEN a bad flag value THEN it names the flag and valid values; exit 2, no call", async () => {
    const r = await run(["events", ...USER, "--risk-decision", "allow"]);
    assert.deepEqual(r, {
      code: 2,
      stdout: "",
      stderr:
        'cognito-feedback events: --risk-decision: "allow" is not a risk decision; use NoRisk, AccountTakeover or Block (any letter case; repeat the flag or separate values with commas).\n' +
        "(see cognito-feedback events --help)\n",
    });
    assert.equal(pages(), 0);
  });

  it("GIVEN no --username THEN commander says the option is required and it exits 2", async () => {
    const r = await run(["events", "--user-pool-id", POOL]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^error: required option '--username <name>' not specified\n/);
  });

  const failures: [string, string[], Record<string, string | undefined>, RegExp][] = [
    [
      "an unknown pool",
      ["--user-pool-id", "us-east-1_Missing1", "--username", "mallory.watch"],
      {},
      /^cognito-feedback events: AdminListUserAuthEvents failed for user pool us-east-1_Missing1: Cognito found no such user pool in us-east-1: "User pool us-east-1_Missing1 does not exist\."\. Check the user pool id, .*\[ResourceNotFoundException, request id [\w-]+\]\n$/,
    ],
    [
      "an unknown user",
      ["--user-pool-id", POOL, "--username", "nobody.here"],
      {},
      /^cognito-feedback events: AdminListUserAuthEvents failed for user pool us-east-1_EventsPool1: no user in the pool matches the username given\. .*\[UserNotFoundException, request id [\w-]+\]\n$/,
    ],
    [
      "no credentials",
      USER,
      { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
      /^cognito-feedback events: AdminListUserAuthEvents failed for user pool us-east-1_EventsPool1: no AWS credentials were found, and AdminListUserAuthEvents needs them \(a feedback token cannot list events\)\. Configure credentials .* of an identity allowed cognito-idp:AdminListUserAuthEvents on arn:aws:cognito-idp:us-east-1:<account-id>:userpool\/us-east-1_EventsPool1\. \[CredentialsProviderError\]\n$/,
    ],
    [
      "an identity denied AdminListUserAuthEvents",
      USER,
      credentialEnv(CREDENTIALS.listDenied),
      /^cognito-feedback events: AdminListUserAuthEvents failed for user pool us-east-1_EventsPool1: your AWS identity may not call AdminListUserAuthEvents: .*Grant it cognito-idp:AdminListUserAuthEvents on arn:aws:cognito-idp:us-east-1:<account-id>:userpool\/us-east-1_EventsPool1\. \[AccessDeniedException, request id [\w-]+\]\n$/,
    ],
  ];
  it("GIVEN --help THEN every flag is documented, with examples, and it exits 0", async () => {
    const r = await run(["events", "--help"]);
    assert.equal(r.code, 0);
    for (const flag of [
      "--user-pool-id <id>",
      "--username <name>",
      "--region <region>",
      "--since <when>",
      "--risk-level <levels>",
      "--risk-decision <decisions>",
      "--event-type <types>",
      "--without-feedback",
      "--max-events <n>",
      "-f, --format <format>",
      "--omit-pool",
      "--progress",
    ]) {
      assert.ok(r.stdout.includes(`  ${flag}  `), flag);
    }
    assert.match(r.stdout, /\nExamples:\n {2}# every event of alice, as a table\n/);
    assert.match(
      (await run(["--help"])).stdout,
      /\n {2}events \[options\] +list a user's auth events/,
    );
  });

  describe("WHEN Cognito refuses THEN stderr says what to do, no username, exit 1", () => {
    useEmulator({ seed: SEED, each: true });

    for (const [name, argv, env, stderr] of failures) {
      it(`GIVEN ${name}`, async () => {
        const r = await withEnv(env, () => run(["events", ...argv, "--progress"]));
        assert.equal(r.code, 1);
        assert.equal(r.stdout, "");
        assert.match(r.stderr, stderr);
        assert.ok(!r.stderr.includes("mallory") && !r.stderr.includes("nobody"), r.stderr);
      });
    }
  });
});
