import assert from "node:assert/strict";
import fc from "fast-check";
import type { AuthEventSummary } from "../../../../provider/cognito/operations";
import type { EventFilter } from "../../../../provider/events/filter";
import {
  checkpointOf,
  failureKind,
  runSweep,
  sortedMatches,
  type SweepClock,
  type SweepSource,
} from "../../../../provider/sweep/run";

/** A failed call as ../cognito/errors.ts CognitoCallError has it. */
function failure(code: string, transient: boolean): Error {
  return Object.assign(new Error(`${code}: made up`), { code, transient });
}

/** A clock that never waits, recording how long the sweep asked to sleep. */
function fakeClock(): SweepClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

/** Users `u0..` with their events; `fails` says what a listing of a user throws, call by call. */
function fakeSource(
  events: Record<string, AuthEventSummary[]>,
  options: { pageSize?: number; fails?: Record<string, Error[]>; listingFails?: Error } = {},
): SweepSource & { calls: string[] } {
  const calls: string[] = [];
  const names = Object.keys(events);
  return {
    calls,
    async *users() {
      const size = options.pageSize ?? 2;
      for (let i = 0; i < names.length; i += size) {
        await Promise.resolve();
        yield names.slice(i, i + size);
      }
      if (options.listingFails !== undefined) throw options.listingFails;
    },
    async events(username, onPage) {
      calls.push(username);
      await Promise.resolve();
      const next = options.fails?.[username]?.shift();
      if (next !== undefined) throw next;
      onPage();
      return events[username];
    },
  };
}

const ev = (eventId: string, ipAddress = "203.0.113.1"): AuthEventSummary => ({
  eventId,
  ipAddress,
});
const EVENTS = {
  u0: [ev("a", "198.51.100.1"), ev("b")],
  u1: [ev("c")],
  u2: [ev("d", "198.51.100.2"), ev("e", "198.51.100.3")],
  u3: [],
  u4: [ev("f", "198.51.100.4")],
};
const FILTER: EventFilter = {};
const fromRange = (e: AuthEventSummary) => e.ipAddress?.startsWith("198.51.100.") === true;

describe("sweep orchestration with fake listings (no Cognito, no clock)", () => {
  it("GIVEN every user answers THEN each is listed once and matches are sorted", async () => {
    const source = fakeSource(EVENTS);
    const { parseIpRange } = await import("../../../../provider/events/ip-range");
    const state = await runSweep({
      source,
      filter: { ipRanges: [parseIpRange("198.51.100.0/24")!] },
      clock: fakeClock(),
      concurrency: 3,
    });
    assert.deepEqual([...source.calls].sort(), ["u0", "u1", "u2", "u3", "u4"]);
    assert.equal(state.finished, true);
    assert.deepEqual(
      sortedMatches(state.done).map((m) => `${m.username}/${m.event.eventId}`),
      ["u0/a", "u2/d", "u2/e", "u4/f"],
    );
    assert.deepEqual(
      { ...state.progress, elapsedMs: undefined },
      {
        elapsedMs: undefined,
        usersListed: 5,
        listingDone: true,
        usersDone: 5,
        usersResumed: 0,
        eventsScanned: 6,
        matches: 4,
        reads: 5,
        toRetry: 0,
      },
    );
  });

  it("GIVEN a user deleted after it was listed THEN it is reported gone, not failed", async () => {
    const source = fakeSource(EVENTS, { fails: { u1: [failure("UserNotFoundException", false)] } });
    const state = await runSweep({ source, filter: FILTER, clock: fakeClock() });
    assert.deepEqual(state.gone, ["u1"]);
    assert.deepEqual(state.failed, []);
    assert.equal(state.finished, true);
  });

  it("GIVEN throttled listings THEN they are retried in later rounds until they pass", async () => {
    const throttled = () => failure("TooManyRequestsException", true);
    const source = fakeSource(EVENTS, {
      fails: { u2: [throttled(), throttled()], u4: [throttled()] },
    });
    const clock = fakeClock();
    const state = await runSweep({ source, filter: FILTER, clock, retryDelaysMs: [2000, 10_000] });
    assert.equal(state.finished, true);
    assert.deepEqual(clock.slept, [2000, 10_000]);
    assert.equal(source.calls.filter((u) => u === "u2").length, 3);
    assert.equal(state.done.length, 5);
  });

  it("GIVEN a listing failing on every try THEN reported failed after the rounds", async () => {
    const internal = () => failure("InternalErrorException", true);
    const source = fakeSource(EVENTS, { fails: { u3: [internal(), internal(), internal()] } });
    const state = await runSweep({ source, filter: FILTER, clock: fakeClock() });
    assert.equal(state.finished, false);
    assert.deepEqual(state.failed, [{ username: "u3", code: "InternalErrorException" }]);
    assert.equal(state.done.length, 4);
  });

  it("GIVEN access denied THEN the sweep stops, with what it has and why", async () => {
    const denied = failure("AccessDeniedException", false);
    const source = fakeSource(EVENTS, { fails: { u0: [denied] } });
    const state = await runSweep({ source, filter: FILTER, clock: fakeClock(), concurrency: 1 });
    assert.equal(state.stopped, "AccessDeniedException: made up");
    assert.equal(state.finished, false);
    assert.deepEqual(source.calls, ["u0"]);
  });

  it("GIVEN the user listing fails midway THEN the listed users are scanned, then stop", async () => {
    const source = fakeSource(EVENTS, {
      pageSize: 5,
      listingFails: failure("TooManyRequestsException", true),
    });
    const state = await runSweep({ source, filter: FILTER, clock: fakeClock() });
    assert.equal(state.done.length, 5);
    assert.equal(state.stopped, "TooManyRequestsException: made up");
    assert.equal(state.finished, false);
  });

  it("GIVEN a checkpoint's done users THEN not listed again, their matches kept", async () => {
    const source = fakeSource(EVENTS);
    const resume = {
      done: [{ username: "u0", events: 2, matches: [ev("a")] }],
      gone: ["u1"],
    };
    const state = await runSweep({ source, filter: FILTER, clock: fakeClock(), resume });
    assert.deepEqual([...source.calls].sort(), ["u2", "u3", "u4"]);
    assert.equal(state.progress.usersResumed, 2);
    assert.equal(state.progress.usersDone, 5);
    assert.deepEqual(
      sortedMatches(state.done).map((m) => m.event.eventId),
      ["a", "d", "e", "f"],
    );
    const checkpoint = checkpointOf(state, {
      scope: { userPoolId: "us-east-1_P1", users: "pool", filterFlags: [] },
    });
    assert.deepEqual(
      [checkpoint.complete, checkpoint.done.map((d) => d.username), checkpoint.gone],
      [true, ["u0", "u2", "u3", "u4"], ["u1"]],
    );
  });

  describe("GIVEN an error THEN how the sweep handles it", () => {
    const table: [unknown, string][] = [
      [failure("UserNotFoundException", false), "gone"],
      [failure("TooManyRequestsException", true), "retry"],
      [failure("ECONNRESET", true), "retry"],
      [failure("AccessDeniedException", false), "stop"],
      [new Error("a bad setting"), "stop"],
      [undefined, "stop"],
    ];
    for (const [err, kind] of table) {
      it(`${(err as Error | undefined)?.message ?? "undefined"} -> ${kind}`, () => {
        assert.equal(failureKind(err), kind);
      });
    }
  });

  it("GIVEN any pages, concurrency, throttles THEN exactly the filter's events", async () => {
    const user = fc.array(fc.boolean(), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(user, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.uniqueArray(fc.nat(11), { maxLength: 6 }),
        async (users, concurrency, pageSize, throttledUsers) => {
          const events: Record<string, AuthEventSummary[]> = {};
          users.forEach((flags, u) => {
            events[`u${u}`] = flags.map((inRange, e) =>
              ev(`${u}-${e}`, inRange ? "198.51.100.9" : "203.0.113.9"),
            );
          });
          const fails: Record<string, Error[]> = {};
          for (const u of throttledUsers) {
            // Twice: the first try and the first retry round fail, the second round passes.
            fails[`u${u}`] = [1, 2].map(() => failure("TooManyRequestsException", true));
          }
          const { parseIpRange } = await import("../../../../provider/events/ip-range");
          const state = await runSweep({
            source: fakeSource(events, { pageSize, fails }),
            filter: { ipRanges: [parseIpRange("198.51.100.0/24")!] },
            clock: fakeClock(),
            concurrency,
          });
          const expected = Object.entries(events)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .flatMap(([u, es]) => es.filter(fromRange).map((e) => `${u}/${e.eventId}`));
          assert.equal(state.finished, true);
          assert.deepEqual(
            sortedMatches(state.done).map((m) => `${m.username}/${m.event.eventId}`),
            expected,
          );
        },
      ),
    );
  });

  it("GIVEN a sweep THEN onChange reports progress as users are done", async () => {
    const seen: number[] = [];
    await runSweep({
      source: fakeSource(EVENTS),
      filter: FILTER,
      clock: fakeClock(),
      concurrency: 1,
      onChange: (p) => seen.push(p.usersDone),
    });
    assert.deepEqual(
      seen.filter((n, i) => n !== seen[i - 1]),
      [0, 1, 2, 3, 4, 5],
    );
  });
});
