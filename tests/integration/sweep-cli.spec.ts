// `cognito-feedback sweep` end to end: the command line in process, the real AWS SDK over HTTP,
// the emulator as Cognito (ListUsers and AdminListUserAuthEvents, paging, quotas, faults), an
// isolated environment with fake admin credentials.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { SeedEvent, SeedUser } from "../../emulator";
import { runCli, type CliIo } from "../../provider/cli/program";
import { parseOverrides } from "../../provider/gitops/overrides";
import { useEmulator } from "../support/emulator";
import { withEnv } from "../support/env";
import { CREDENTIALS, demoSeed, pool, seedOf } from "../support/seeds";

const POOL = "us-east-1_SweepPool1";
const START = Date.parse("2026-10-25T00:00:00Z");
const SINCE = "2026-11-01";
const NOW = new Date("2026-11-05T12:00:00Z");

/** `count` events `hours` apart from `start`; every third from the attacker's range. */
function events(prefix: string, count: number, start = START, hours = 2): SeedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: `${prefix}-${i}`,
    creationDate: new Date(start + i * hours * 3_600_000).toISOString(),
    eventResponse: i % 3 === 0 ? "Fail" : "Pass",
    risk: i % 3 === 0 ? { level: "High", decision: "Block" } : { level: "Low", decision: "NoRisk" },
    context:
      i % 3 === 0
        ? { ipAddress: `198.51.100.${i % 200}`, city: "Lagos", country: "Nigeria" }
        : { ipAddress: "203.0.113.5", city: "Hamburg", country: "Germany" },
  }));
}

const USERS: SeedUser[] = [
  // Three pages of events (60 a page), matches on the first two (newest first).
  { username: "mallory.busy", events: events("m", 130, Date.parse("2026-10-30T00:00:00Z"), 1) },
  { username: "alice@example.com", events: events("a", 100) },
  { username: "bob", events: events("b", 2) },
  // Enough users for two pages of ListUsers.
  ...Array.from({ length: 70 }, (_, n) => ({
    username: `user-${String(n).padStart(2, "0")}`,
    events: events(`u${n}`, n % 10 === 0 ? 90 : 1),
  })),
];
/** A fake key denied ListUsers (the shared ones are not): may list events, not users. */
const USERS_DENIED = {
  accessKeyId: "AKIDFAKEUSERSDENIED",
  secretAccessKey: "fake-secret-users-denied",
};
const SEED = seedOf([pool(POOL, USERS)]);
SEED.credentials?.push({ ...USERS_DENIED, name: "users-denied", deny: ["ListUsers"] });

/** What the issue asks for, computed from the seed: `username/eventId`, in the file's order. */
function expected(users: readonly SeedUser[] = USERS): string[] {
  const since = Date.parse(`${SINCE}T00:00:00Z`);
  return [...users]
    .sort((a, b) => (a.username < b.username ? -1 : 1))
    .flatMap((u) =>
      [...(u.events ?? [])]
        .reverse()
        .filter(
          (e) =>
            e.context?.ipAddress?.startsWith("198.51.100.") === true &&
            Date.parse(e.creationDate) >= since,
        )
        .map((e) => `${u.username}/${e.eventId}`),
    );
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Files the runs read and write, by name (no disk). */
type Files = Record<string, string>;

async function run(argv: string[], files: Files = {}, io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => {
      if (files[p] === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: "ENOENT" });
      }
      return files[p];
    },
    readStdin: () => assert.fail("sweep reads no stdin"),
    writeFile: () => assert.fail("sweep replaces files, atomically"),
    replaceFile: (p, text) => void (files[p] = text),
    now: () => NOW,
    ...io,
  });
  return { code, stdout, stderr };
}

const SWEEP = ["sweep", "--user-pool-id", POOL];
const INCIDENT = ["--ip", "198.51.100.0/24", "--since", SINCE];
const EVENTS = USERS.reduce((n, u) => n + (u.events ?? []).length, 0).toLocaleString("en-US");
const JUDGED = [
  "--verdict",
  "invalid",
  "--reason",
  "Credential stuffing (SEC-77)",
  "--ticket",
  "SEC-77",
];
// Most tests do not need the pace: they run unpaced against an emulator without quotas.
const FAST = ["--reads-per-second", "0", "--no-progress"];

/** `username/eventId` of each entry of an overrides file (check's rules must accept it). */
function entriesOf(yaml: string): string[] {
  const result = parseOverrides(yaml, "sweep.yaml");
  assert.ok(result.ok, JSON.stringify(result).slice(0, 500));
  return result.overrides.map((o) => `${o.username}/${o.eventId}`);
}

describe("cognito-feedback sweep (end to end against the emulator)", () => {
  const emulator = useEmulator({ seed: SEED });
  beforeEach(() => {
    emulator().store.clearRequests();
    emulator().store.resetCounters();
    emulator().store.clearFaults();
    emulator().store.setFaults({});
  });
  const calls = (operation: string) =>
    emulator().store.requests.filter((r) => r.operation === operation).length;

  it("GIVEN the incident's flags THEN a file check accepts, with exactly its events", async () => {
    emulator().store.setFaults({ quotas: "real" });
    const r = await run([...SWEEP, ...INCIDENT, "--format", "yaml", ...JUDGED]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(entriesOf(r.stdout), expected());
    assert.ok(expected().includes("mallory.busy/m-51"), "the user's second page is included");
    const check = await run(["check", "incident.yaml"], { "incident.yaml": r.stdout });
    assert.deepEqual(check, {
      code: 0,
      stdout: `incident.yaml: ${expected().length} overrides, OK\n`,
      stderr: "",
    });
    // Paced under both real quotas: every call answered at the first attempt.
    assert.equal(emulator().store.counterTotals().throttled, 0);
    assert.equal(calls("ListUsers"), 2);
    const pages = USERS.reduce(
      (n, u) => n + Math.max(1, Math.ceil((u.events ?? []).length / 60)),
      0,
    );
    assert.equal(calls("AdminListUserAuthEvents"), pages);
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(
      lines[0],
      `sweep: listing the users of ${POOL} (ListUsers at 28.8/s) and their events (AdminListUserAuthEvents at 48/s).`,
    );
    assert.equal(
      lines[lines.length - 1],
      `sweep: done after 0 s: 73 users and ${EVENTS} events scanned; ${expected().length} events of 9 users match; ${pages} event listing calls at 0.0/s.`,
    );
  });

  it("GIVEN the file's header THEN it says what was swept, when and how much", async () => {
    const r = await run([...SWEEP, ...INCIDENT, "--format", "yaml", ...JUDGED, ...FAST]);
    assert.deepEqual(r.stdout.split("\n").slice(0, 12), [
      `# Incident sweep of user pool ${POOL} (cognito-feedback sweep, 2026-11-05T12:00:00Z).`,
      "# Filters: --ip 198.51.100.0/24 --since 2026-11-01T00:00:00Z",
      `# ${expected().length} events of 9 users match; 73 users and ${EVENTS} events scanned.`,
      "# Every entry has the verdict and reason given on the command line: review each one, and delete the events that are not part of the incident.",
      "version: 1",
      `userPoolId: ${POOL}`,
      "overrides:",
      "  # 2026-11-02T06:00:00Z SignIn Fail; risk High, Block; from 198.51.100.99 Lagos, Nigeria; no feedback yet",
      "  - username: alice@example.com",
      "    eventId: a-99",
      "    verdict: invalid",
      "    reason: Credential stuffing (SEC-77)",
    ]);
  });

  it("GIVEN no verdict THEN drafts, and check names what each one lacks", async () => {
    const r = await run([...SWEEP, ...INCIDENT, "--format", "yaml", ...FAST]);
    assert.equal(r.code, 0);
    const check = await run(["check", "drafts.yaml"], { "drafts.yaml": r.stdout });
    assert.equal(check.code, 2);
    assert.equal(
      check.stderr.split("\n")[0],
      'drafts.yaml:11:5: overrides[0].verdict: verdict is required: set it to "Valid" or "Invalid".',
    );
    assert.equal(check.stderr.trimEnd().split("\n").length, 2 * expected().length);
  });

  it("GIVEN --format json THEN each match with its username, in file order", async () => {
    const r = await run([...SWEEP, ...INCIDENT, "--format", "json", ...FAST]);
    const rows = JSON.parse(r.stdout) as { username: string; eventId: string; ipAddress: string }[];
    assert.deepEqual(
      rows.map((m) => `${m.username}/${m.eventId}`),
      expected(),
    );
  });

  it("GIVEN the default table and more filters THEN one row per match, user first", async () => {
    const r = await run([
      ...SWEEP,
      "--ip",
      "198.51.100.0/25",
      "--until",
      "2026-10-26T00:00:00Z",
      "--country",
      "NIGERIA",
      "--event-response",
      "fail",
      ...FAST,
    ]);
    assert.equal(r.code, 0);
    const rows = r.stdout.trimEnd().split("\n");
    assert.match(
      rows[0],
      /^USER +EVENT ID +DATE \(UTC\) +TYPE +RESPONSE +RISK +DECISION +FROM +FEEDBACK$/,
    );
    const until = Date.parse("2026-10-26T00:00:00Z");
    const wanted = USERS.flatMap((u) => u.events ?? []).filter((e) => {
      const host = Number(e.context?.ipAddress?.split(".")[3]);
      return (
        e.context?.ipAddress?.startsWith("198.51.100.") === true &&
        host < 128 &&
        Date.parse(e.creationDate) < until &&
        e.eventResponse === "Fail"
      );
    });
    assert.equal(rows.length - 1, wanted.length);
    assert.match(
      rows[1],
      /^alice@example\.com +a-9 +2026-10-25T18:00:00Z +SignIn +Fail +High +Block +198\.51\.100\.9 Lagos, Nigeria +-$/,
    );
  });

  it("GIVEN --users-from THEN only those users; a name not in the pool is reported", async () => {
    const r = await run(
      [...SWEEP, "--users-from", "suspects.txt", ...INCIDENT, "--format", "json", ...FAST],
      {
        "suspects.txt": "bob\nnobody.here\nmallory.busy\n",
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { username: string; eventId: string }[];
    assert.deepEqual(
      rows.map((m) => `${m.username}/${m.eventId}`),
      expected(USERS.filter((u) => u.username === "bob" || u.username === "mallory.busy")),
    );
    assert.equal(calls("ListUsers"), 0);
    assert.deepEqual(r.stderr.trimEnd().split("\n").slice(1), [
      "sweep: 1 username of --users-from is not in the pool (UserNotFoundException): check the file.",
    ]);
    assert.match(r.stderr, /^sweep: done after 0 s: 3 users and 132 events scanned;/);
  });

  describe("GIVEN --merge-into an overrides file with one of the events already", () => {
    const EXISTING = [
      "# Reviewed verdicts; every change goes through a pull request.",
      "version: 1",
      `userPoolId: ${POOL} # the default pool`,
      "",
      "overrides:",
      "  - username: mallory.busy",
      "    eventId: m-129 # first seen in SEC-70",
      "    verdict: Invalid",
      "    reason: 'Part of SEC-70, confirmed by the user.'",
      "",
      "# end of the reviewed entries",
      "",
    ].join("\n");

    it("WHEN merged THEN the rest is added, the file's bytes kept, and both are counted", async () => {
      const files = { "overrides.yaml": EXISTING };
      const r = await run(
        [...SWEEP, ...INCIDENT, ...JUDGED, "--merge-into", "overrides.yaml", ...FAST],
        files,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, "");
      const merged = files["overrides.yaml"];
      // Every byte of the file is still there, in order, around the inserted entries.
      let head = 0;
      while (EXISTING[head] === merged[head]) head++;
      assert.ok(merged.endsWith(EXISTING.slice(head)), "the file's bytes are kept");
      assert.match(
        merged.slice(head),
        /^ {2}# Added by cognito-feedback sweep \(2026-11-05T12:00:00Z; /,
      );
      assert.deepEqual(entriesOf(merged), [
        "mallory.busy/m-129",
        ...expected().filter((e) => e !== "mallory.busy/m-129"),
      ]);
      assert.equal(
        r.stderr.trimEnd().split("\n").pop(),
        `sweep: overrides.yaml: ${expected().length - 1} entries added, 1 event skipped (already in the file).`,
      );
      const again = await run(
        [...SWEEP, ...INCIDENT, ...JUDGED, "--merge-into", "overrides.yaml", ...FAST],
        files,
      );
      assert.equal(files["overrides.yaml"], merged);
      assert.ok(
        again.stderr.endsWith(
          `overrides.yaml: 0 entries added, ${expected().length} events skipped (already in the file).
`,
        ),
      );
    });

    it("WHEN the file is not YAML THEN nothing is called or written, exit 2", async () => {
      const files = { "overrides.yaml": "overrides:\n  - [\n" };
      const r = await run([...SWEEP, ...INCIDENT, "--merge-into", "overrides.yaml"], files);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /^cognito-feedback sweep: --merge-into: overrides\.yaml:3:1: .*; fix the YAML first \(nothing was written\)\.\n\(see cognito-feedback sweep --help\)\n$/,
      );
      assert.equal(files["overrides.yaml"], "overrides:\n  - [\n");
      assert.equal(emulator().store.requests.length, 0);
    });
  });

  it("GIVEN an interrupted sweep and its checkpoint THEN the rerun scans only the rest", async () => {
    const files: Files = {};
    const argv = [
      ...SWEEP,
      ...INCIDENT,
      "--format",
      "yaml",
      ...JUDGED,
      "--checkpoint",
      "sweep.json",
      ...FAST,
    ];
    emulator().store.injectFault({
      operation: "AdminListUserAuthEvents",
      error: "AccessDeniedException",
    });
    const first = await run(argv, files);
    assert.equal(first.code, 1);
    assert.match(
      first.stderr,
      /\nsweep: stopped early: AdminListUserAuthEvents failed for user pool us-east-1_SweepPool1: your AWS identity may not call AdminListUserAuthEvents: /,
    );
    assert.match(
      first.stdout,
      /\n# INCOMPLETE: the sweep stopped early \(its summary on stderr says why\), so some users' events are missing here; run the sweep again with --checkpoint sweep\.json to finish\.\n/,
    );
    const checkpoint = JSON.parse(files["sweep.json"]) as { complete: boolean; done: unknown[] };
    assert.equal(checkpoint.complete, false);
    const doneFirst = checkpoint.done.length;
    for (const secret of [
      CREDENTIALS.admin.accessKeyId,
      CREDENTIALS.admin.secretAccessKey,
      "PaginationToken",
      "NextToken",
    ]) {
      assert.ok(!files["sweep.json"].includes(secret), secret);
    }

    emulator().store.clearRequests();
    const second = await run(argv, files);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(entriesOf(second.stdout), expected());
    const pagesOf = (u: SeedUser) => Math.max(1, Math.ceil((u.events ?? []).length / 60));
    const done = new Set((checkpoint.done as { username: string }[]).map((d) => d.username));
    const rest = USERS.filter((u) => !done.has(u.username)).reduce((n, u) => n + pagesOf(u), 0);
    assert.equal(calls("AdminListUserAuthEvents"), rest);
    assert.ok(rest < USERS.reduce((n, u) => n + pagesOf(u), 0) || doneFirst === 0);
    assert.match(
      second.stderr,
      new RegExp(`scanned \\(${doneFirst} users? from the checkpoint\\)`),
    );
    assert.equal((JSON.parse(files["sweep.json"]) as { complete: boolean }).complete, true);
  });

  it("GIVEN a checkpoint of other filters THEN it is refused before any call, exit 2", async () => {
    const files: Files = {};
    await run([...SWEEP, ...INCIDENT, "--checkpoint", "sweep.json", ...FAST], files);
    emulator().store.clearRequests();
    const r = await run(
      [...SWEEP, "--ip", "203.0.113.0/24", "--checkpoint", "sweep.json", ...FAST],
      files,
    );
    assert.deepEqual(r, {
      code: 2,
      stdout: "",
      stderr:
        "cognito-feedback sweep: --checkpoint: sweep.json is the checkpoint of another sweep (pool us-east-1_SweepPool1, every user, filters: --ip 198.51.100.0/24 --since 2026-11-01T00:00:00Z); this one is pool us-east-1_SweepPool1, every user, filters: --ip 203.0.113.0/24. Run it with the same pool and filters to resume, or name another file.\n" +
        "(see cognito-feedback sweep --help)\n",
    });
    assert.equal(emulator().store.requests.length, 0);
  });

  it("GIVEN throttled pages THEN the SDK retries them and no event is missing", async () => {
    emulator().store.injectFault({
      operation: "AdminListUserAuthEvents",
      error: "TooManyRequestsException",
    });
    emulator().store.injectFault({
      operation: "ListUsers",
      error: "TooManyRequestsException",
    });
    const r = await run([...SWEEP, ...INCIDENT, "--format", "yaml", ...JUDGED, ...FAST]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(entriesOf(r.stdout), expected());
    assert.equal(emulator().store.counterTotals().throttled, 2);
  });

  it("GIVEN a listing failing on its only attempt THEN a later round retries it", async () => {
    emulator().store.injectFault({
      operation: "AdminListUserAuthEvents",
      error: "InternalErrorException",
    });
    const r = await withEnv({ COGNITO_FEEDBACK_MAX_ATTEMPTS: "1" }, () =>
      run([...SWEEP, ...INCIDENT, "--format", "yaml", ...JUDGED, "--reads-per-second", "0"]),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(entriesOf(r.stdout), expected());
  });

  describe("GIVEN a clock a second on at every look", () => {
    const ticking = () => {
      let t = NOW.getTime();
      return () => new Date((t += 1000));
    };
    const PROGRESS =
      /^sweep: \d+ of \d+\+? users scanned(, still listing users)?, [\d,]+ events?, \d+ match(es)?; [\d.]+ reads\/s; .+$/;

    it("WHEN stderr is a log THEN plain progress lines, no carriage return", async () => {
      const r = await run(
        [...SWEEP, ...INCIDENT, "--reads-per-second", "0"],
        {},
        { now: ticking() },
      );
      const lines = r.stderr.trimEnd().split("\n");
      const progress = lines.slice(1, -1);
      assert.ok(progress.length >= 10, r.stderr);
      for (const line of progress) assert.match(line, PROGRESS);
      assert.ok(!r.stderr.includes("\r"));
      assert.match(lines[lines.length - 1], /^sweep: done after \d+ min \d+ s: 73 users /);
    });

    it("WHEN stderr is a terminal THEN one line redrawn in place, then the summary", async () => {
      const r = await run(
        [...SWEEP, ...INCIDENT, "--reads-per-second", "0"],
        {},
        {
          now: ticking(),
          stderrIsTTY: true,
        },
      );
      const [start, drawn, summary] = r.stderr.split("\n").filter((l) => l !== "");
      assert.match(start, /^sweep: listing the users of /);
      const frames = drawn.split("\r").slice(1);
      assert.ok(frames.length >= 50, drawn);
      for (const frame of frames)
        assert.match(frame.endsWith("\u001b[K") ? frame.slice(0, -3) : frame, PROGRESS);
      assert.match(summary, /^sweep: done after /);
    });
  });

  it("GIVEN bad flag values THEN each is named, nothing is called, exit 2", async () => {
    const r = await run([...SWEEP, "--ip", "198.51.100.0/33", "--verdict", "valid"]);
    assert.deepEqual(r, {
      code: 2,
      stdout: "",
      stderr:
        'cognito-feedback sweep: --ip: "198.51.100.0/33" is not an IP address or CIDR range; use e.g. 198.51.100.0/24, 2001:db8::/32 or 203.0.113.7 (repeat the flag or separate ranges with commas).\n' +
        "cognito-feedback sweep: --verdict: only --format yaml (or --merge-into) writes overrides entries; add --format yaml, or drop --verdict.\n" +
        "(see cognito-feedback sweep --help)\n",
    });
    assert.equal(emulator().store.requests.length, 0);
  });

  it("GIVEN --help THEN every flag is documented, with examples, and it exits 0", async () => {
    const r = await run(["sweep", "--help"]);
    assert.equal(r.code, 0);
    for (const flag of [
      "--user-pool-id <id>",
      "--region <region>",
      "--users-from <file>",
      "--ip <ranges>",
      "--since <when>",
      "--until <when>",
      "--risk-level <levels>",
      "--risk-decision <decisions>",
      "--event-type <types>",
      "--event-response <responses>",
      "--country <name>",
      "--without-feedback",
      "-f, --format <format>",
      "--verdict <verdict>",
      "--reason <text>",
      "--ticket <ref>",
      "--merge-into <file>",
      "--checkpoint <file>",
      "--reads-per-second <n>",
      "--no-progress",
      "--progress-interval <seconds>",
    ]) {
      assert.ok(r.stdout.includes(`  ${flag}  `), flag);
    }
    assert.match(r.stdout, /\nExit codes: 0 every user scanned \(even when nothing matched\); 1 /);
    assert.match(
      (await run(["--help"])).stdout,
      /\n {2}sweep \[options\] +find every event of an attack/,
    );
  });
});

describe("cognito-feedback sweep: an identity denied ListUsers", () => {
  useEmulator({ seed: SEED, each: true, credential: USERS_DENIED });

  it("GIVEN no --users-from THEN the actionable message, an empty file, exit 1", async () => {
    const r = await run([...SWEEP, ...INCIDENT, "--format", "yaml", ...FAST]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /\nsweep: stopped early: ListUsers failed for user pool us-east-1_SweepPool1: your AWS identity may not call ListUsers: .*Grant it cognito-idp:ListUsers on arn:aws:cognito-idp:us-east-1:<account-id>:userpool\/us-east-1_SweepPool1\. \[AccessDeniedException, request id [\w-]+\]\n/,
    );
    assert.match(r.stdout, /\noverrides: \[\] # no event matched\n$/);
  });

  it("GIVEN --users-from THEN no ListUsers is needed and the sweep succeeds", async () => {
    const r = await run([...SWEEP, "--users-from", "u.txt", ...INCIDENT, ...FAST], {
      "u.txt": "bob\n",
    });
    assert.equal(r.code, 0, r.stderr);
  });
});

describe("cognito-feedback sweep: the documented sample (docs/sweep-cli.md)", () => {
  const root = path.join(__dirname, "../..");
  const doc = readFileSync(path.join(root, "docs/sweep-cli.md"), "utf8");
  // The demo seed with its made-up admin keys, as the docs tell readers to use them.
  const demo = demoSeed();
  useEmulator({ seed: demo.seed, credential: demo.admin });

  /** The words of a shell command line: spaces split, double quotes group, `\` joins lines. */
  const words = (command: string) =>
    [...command.replace(/\\\n/g, " ").matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

  it("GIVEN the demo seed WHEN the documented command runs THEN the documented file", async () => {
    const pattern =
      /```sh\n(npx cognito-feedback sweep [^`]*?)```\n\n<!-- prettier-ignore -->\n```yaml\n([^`]*)```/;
    const [, command, output] = pattern.exec(doc) ?? assert.fail("a sample in docs/sweep-cli.md");
    const r = await run(
      words(command).slice(2),
      {},
      { now: () => new Date("2026-11-05T09:30:00Z") },
    );
    assert.equal(r.stdout, output);
    assert.equal(r.code, 0, r.stderr);
  });
});
