import assert from "node:assert/strict";
import fc from "fast-check";
import {
  formatDuration,
  progressOutput,
  progressText,
  ProgressThrottle,
  type ProgressSnapshot,
} from "../../../../provider/sweep/progress";

const MID: ProgressSnapshot = {
  elapsedMs: 12_500,
  usersListed: 2000,
  listingDone: true,
  usersDone: 600,
  usersResumed: 0,
  eventsScanned: 24_000,
  matches: 12,
  reads: 600,
  toRetry: 0,
};

describe("sweep progress: one plain line a CI log can read", () => {
  describe("GIVEN where a sweep stands THEN the line", () => {
    const table: [string, Partial<ProgressSnapshot>, string][] = [
      [
        "midway",
        {},
        "sweep: 600 of 2,000 users scanned, 24,000 events, 12 match; 48.0 reads/s; about 30 s left",
      ],
      [
        "still listing",
        { listingDone: false, usersListed: 1200, usersDone: 60, reads: 60, elapsedMs: 1250 },
        "sweep: 60 of 1,200+ users scanned, still listing users, 24,000 events, 12 match; 48.0 reads/s; time left known once every user is listed",
      ],
      [
        "resumed, failures to retry",
        { usersDone: 1600, usersResumed: 1000, toRetry: 3, matches: 1 },
        "sweep: 1,600 of 2,000 users scanned (1,000 from the checkpoint), 24,000 events, 1 matches; 48.0 reads/s; about 9 s left; 3 to retry",
      ],
      [
        "every user done",
        { usersDone: 2000 },
        "sweep: 2,000 of 2,000 users scanned, 24,000 events, 12 match; 48.0 reads/s; finishing",
      ],
      [
        "nothing done yet",
        { usersDone: 0, reads: 0, elapsedMs: 0 },
        "sweep: 0 of 2,000 users scanned, 24,000 events, 12 match; 0.0 reads/s; time left not known yet",
      ],
    ];
    for (const [name, over, line] of table) {
      it(`WHEN ${name}`, () => assert.equal(progressText({ ...MID, ...over }), line));
    }
  });

  describe("GIVEN a duration THEN it reads", () => {
    const table: [number, string][] = [
      [0, "0 s"],
      [1, "1 s"],
      [59_000, "59 s"],
      [60_000, "1 min 0 s"],
      [125_400, "2 min 6 s"],
      [3_600_000, "1 h 0 min"],
      [7_530_000, "2 h 5 min"],
    ];
    for (const [ms, text] of table)
      it(`${ms} ms -> ${text}`, () => assert.equal(formatDuration(ms), text));
  });

  it("GIVEN a terminal THEN the line is redrawn in place, else it is a line", () => {
    assert.equal(progressOutput("sweep: x", true), "\rsweep: x\u001b[K");
    assert.equal(progressOutput("sweep: x", false), "sweep: x\n");
  });

  it("GIVEN any times THEN at most one line per interval, the first after one", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { maxLength: 200 }), (offsets) => {
        const times = [...offsets].sort((a, b) => a - b);
        const throttle = new ProgressThrottle(5000, 0);
        const shown = times.filter((t) => throttle.due(t));
        shown.forEach((t, i) => assert.ok(t - (i === 0 ? 0 : shown[i - 1]) >= 5000));
        // And none is held back longer than needed: every time 5 s after the last line shows one.
        let last = 0;
        for (const t of times) if (t - last >= 5000) last = t;
        assert.equal(shown[shown.length - 1] ?? 0, last === 0 ? 0 : last);
      }),
    );
  });
});
