// Pure: the bench's incident-sweep scenario (`npm run bench -- --only sweep`). A pool of U users
// with E events each, some of them from an attacker's range after the incident started; the
// bound a sweep of it cannot beat under Cognito's read quotas; the ratios and the report section.
// The measurement itself (the built CLI as a child process) is ./sweep-measure.ts.
import { REAL_QUOTAS } from "../emulator/faults";
import type { Seed, SeedEvent, SeedUser } from "../emulator";
import { BENCH_ADMIN } from "./scenario";

/** The swept pool. */
export const SWEEP_POOL = "us-east-1_BenchSweep1";
/** The attacker's range the sweep filters on. */
export const ATTACK_RANGE = "198.51.100.0/24";
/** The incident's start: `--since`. */
export const INCIDENT_SINCE = "2026-11-01";

/** The scenario's size. */
export interface SweepScenario {
  users: number;
  eventsPerUser: number;
}

/** The scenario: 2,000 users with 40 events each. */
export const DEFAULT_SWEEP_SCENARIO: SweepScenario = { users: 2000, eventsPerUser: 40 };

// Events 6 hours apart, the first 8 days before the incident started.
const FIRST_EVENT = Date.parse(`${INCIDENT_SINCE}T00:00:00Z`) - 8 * 86_400_000;
const EVENT_SPACING_MS = 6 * 3_600_000;

/** True when event `e` of user `u` came from the attacker's range (one in seven). */
function fromAttacker(u: number, e: number): boolean {
  return (u + e) % 7 === 0;
}

function eventOf(u: number, e: number, username: string): SeedEvent {
  const attack = fromAttacker(u, e);
  return {
    eventId: `${username}-e${e}`,
    creationDate: new Date(FIRST_EVENT + e * EVENT_SPACING_MS + u * 1000).toISOString(),
    eventResponse: attack ? "Fail" : "Pass",
    risk: attack ? { level: "High", decision: "Block" } : { level: "Low", decision: "NoRisk" },
    context: attack
      ? { ipAddress: `198.51.100.${(u + e) % 250}`, city: "Lagos", country: "Nigeria" }
      : { ipAddress: `203.0.113.${u % 250}`, city: "Hamburg", country: "Germany" },
  };
}

/** The username of user `u` of `users`, zero-padded so their order is their number's. */
export function sweepUsername(u: number, users: number): string {
  return `user-${String(u).padStart(String(Math.max(users - 1, 0)).length, "0")}`;
}

/** The emulator seed: one pool, threat protection on, the bench's made-up admin keys. */
export function sweepSeed(scenario: SweepScenario): Seed {
  const users: SeedUser[] = Array.from({ length: scenario.users }, (_, u) => {
    const username = sweepUsername(u, scenario.users);
    return {
      username,
      events: Array.from({ length: scenario.eventsPerUser }, (_, e) => eventOf(u, e, username)),
    };
  });
  return {
    credentials: [{ ...BENCH_ADMIN, name: "bench-admin" }],
    userPools: [{ id: SWEEP_POOL, threatProtection: "ENFORCED", users }],
  };
}

/** How many events the sweep must find: from the range, at or after the incident's start. */
export function expectedMatches(scenario: SweepScenario): number {
  const since = Date.parse(`${INCIDENT_SINCE}T00:00:00Z`);
  let n = 0;
  for (let u = 0; u < scenario.users; u++) {
    for (let e = 0; e < scenario.eventsPerUser; e++) {
      const at = FIRST_EVENT + e * EVENT_SPACING_MS + u * 1000;
      if (fromAttacker(u, e) && at >= since) n++;
    }
  }
  return n;
}

/** Page sizes: ListUsers and AdminListUserAuthEvents both return at most 60 a page. */
const PAGE = 60;

/** The calls a sweep needs, and the time Cognito's free read quotas allow them at best. */
export interface SweepBound {
  /** ListUsers pages: ceil(users / 60). */
  listUsersCalls: number;
  /** AdminListUserAuthEvents pages: users x ceil(events / 60). */
  eventCalls: number;
  /**
   * The lower bound, ms: the two categories are separate quotas (UserList 30/s,
   * UserResourceRead 50/s) a sweep uses at once, so the slower of the two sets it.
   */
  boundMs: number;
}

/** The bound of a sweep of `scenario` under Cognito's free quotas (or `quotas`). */
export function sweepBound(
  scenario: SweepScenario,
  quotas: { UserList: number; UserResourceRead: number } = REAL_QUOTAS,
): SweepBound {
  const listUsersCalls = Math.max(1, Math.ceil(scenario.users / PAGE));
  const eventCalls = scenario.users * Math.max(1, Math.ceil(scenario.eventsPerUser / PAGE));
  const boundMs =
    Math.max(listUsersCalls / quotas.UserList, eventCalls / quotas.UserResourceRead) * 1000;
  return { listUsersCalls, eventCalls, boundMs };
}

/** One run of the sweep through the built CLI. */
export interface SweepSample {
  /** The CLI process's wall time, spawn to exit. */
  wallMs: number;
  exitCode: number | null;
  /** Entries in the printed overrides file. */
  entries: number;
  /** Entries it should have ({@link expectedMatches}). */
  expectedEntries: number;
  /** True when `cognito-feedback check`'s rules accept the printed file. */
  checkPasses: boolean;
  /** Calls Cognito answered, per operation. */
  listUsersCalls: number;
  eventCalls: number;
  /** Throttled answers (all operations); the SDK retried them. */
  throttled: number;
  /** The summary line the CLI printed last on stderr. */
  summary: string;
}

/** The incident-sweep measurement as results.json keeps it. */
export interface IncidentSweepResults {
  /** The exact command, for RESULTS.md. */
  command: string;
  scenario: SweepScenario;
  bound: SweepBound;
  samples: SweepSample[];
  /** The machine facts of the measurement (it runs apart from the Pulumi runs). */
  machine: Record<string, unknown>;
}

/** Failures of a run: a bad exit, entries missing or extra, or a file check refuses. */
export function failuresOf(s: SweepSample): number {
  return (
    Math.abs(s.entries - s.expectedEntries) + (s.exitCode === 0 ? 0 : 1) + (s.checkPasses ? 0 : 1)
  );
}

/** The median of numbers (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The median wall time and its ratio to the bound, and the failures of every run. */
export function sweepFigures(results: IncidentSweepResults) {
  const wallMs = median(results.samples.map((s) => s.wallMs));
  const failures = results.samples.map(failuresOf);
  return {
    wallMs,
    ratio: wallMs / results.bound.boundMs,
    ratios: results.samples.map((s) => s.wallMs / results.bound.boundMs),
    failures,
    throttled: results.samples.map((s) => s.throttled),
  };
}

/** The sweep's targets: within 1.15 x the bound (median), no failure in any run. */
export function sweepTargets(results: IncidentSweepResults) {
  const f = sweepFigures(results);
  const { users, eventsPerUser } = results.scenario;
  return [
    {
      target: `incident sweep of ${users.toLocaleString("en-US")} users x ${eventsPerUser} events within 1.15 x the read quotas' bound`,
      measured: `${f.ratio.toFixed(2)} x`,
      met: f.ratio <= 1.15,
    },
    {
      target: "incident sweep: zero failures (every run: exit 0, every match, check passes)",
      measured: f.failures.join(", "),
      met: f.failures.every((n) => n === 0),
    },
  ];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The RESULTS.md section of the incident sweep; a pointer when it was not measured.
 * @param machine the measurement's machine facts as a sentence
 */
export function sweepSection(
  results: IncidentSweepResults | undefined,
  machine: (facts: Record<string, unknown>) => string,
): string[] {
  if (results === undefined) {
    return [
      "## Incident sweep",
      "",
      "Not measured yet: `npm run bench -- --only sweep` measures it and keeps it in results.json.",
      "",
    ];
  }
  const f = sweepFigures(results);
  const { scenario: sc, bound: b } = results;
  return [
    "## Incident sweep",
    "",
    `Measured apart (\`${results.command}\`): ${machine(results.machine)}`,
    "",
    `The built CLI, \`node dist/cli/index.js sweep --user-pool-id ${SWEEP_POOL} --ip ${ATTACK_RANGE} --since ${INCIDENT_SINCE} --format yaml --verdict invalid --reason ... --ticket ...\`, as a child process, ${results.samples.length} times, against the in-process emulator with Cognito's real quotas (\`faults: { quotas: "real" }\`: UserList 30/s, UserResourceRead 50/s), default settings. The pool: ${sc.users.toLocaleString("en-US")} users with ${sc.eventsPerUser} events each, one in seven from ${ATTACK_RANGE}.`,
    "",
    `Bound: ${b.listUsersCalls} ListUsers pages at 30/s and ${b.eventCalls.toLocaleString("en-US")} AdminListUserAuthEvents pages at 50/s, two quotas used at once, so max(${b.listUsersCalls} / 30, ${b.eventCalls.toLocaleString("en-US")} / 50) = ${seconds(b.boundMs)}.`,
    "",
    "| run | wall time | / bound | exit | entries (expected) | check | ListUsers calls | event calls | throttled |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.samples.map(
      (s, i) =>
        `| ${i + 1} | ${seconds(s.wallMs)} | ${(s.wallMs / b.boundMs).toFixed(2)} | ${s.exitCode} | ${s.entries} (${s.expectedEntries}) | ${s.checkPasses ? "passes" : "**fails**"} | ${s.listUsersCalls} | ${s.eventCalls} | ${s.throttled} |`,
    ),
    "",
    `- **Median ${seconds(f.wallMs)}, ${f.ratio.toFixed(2)} x the bound** (each run: ${f.ratios.map((r) => r.toFixed(2)).join(", ")}), failures ${f.failures.join(", ")}. The sweep paces AdminListUserAuthEvents at 96% of the limit (48/s): 1 / 0.96 = 1.04 x the bound, plus the CLI's start (Node, the AWS SDK) and the first ListUsers page; throttled answers (each run: ${f.throttled.join(", ")}) were retried by the SDK.`,
    `- The CLI's last line, run 1: \`${results.samples[0]?.summary ?? ""}\``,
    "",
  ];
}
