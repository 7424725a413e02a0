import assert from "node:assert/strict";
import type { SweepState } from "../../../../provider/sweep/run";
import { incompleteReason, summaryLines } from "../../../../provider/sweep/summary";

const DONE: SweepState = {
  done: [
    { username: "alice", events: 40, matches: [{ eventId: "a" }, { eventId: "b" }] },
    { username: "bob", events: 40, matches: [] },
  ],
  gone: [],
  failed: [],
  finished: true,
  progress: {
    elapsedMs: 42_300,
    usersListed: 2,
    listingDone: true,
    usersDone: 2,
    usersResumed: 0,
    eventsScanned: 80,
    matches: 2,
    reads: 2,
    toRetry: 0,
  },
};
const FAILED: SweepState = {
  ...DONE,
  failed: [
    { username: "carol", code: "TooManyRequestsException" },
    { username: "dave", code: "TooManyRequestsException" },
    { username: "erin", code: "InternalErrorException" },
  ],
  finished: false,
};

describe("sweep summary: what was scanned, and nothing left out unsaid", () => {
  it("GIVEN a finished sweep THEN one line", () => {
    assert.deepEqual(summaryLines(DONE, { usersFrom: false }), [
      "sweep: done after 43 s: 2 users and 80 events scanned; 2 events of 1 user match; 2 event listing calls at 0.0/s.",
    ]);
  });

  it("GIVEN users deleted meanwhile THEN they are counted, not named", () => {
    const lines = summaryLines({ ...DONE, gone: ["frank"] }, { usersFrom: false });
    assert.equal(
      lines[1],
      "sweep: 1 user was deleted while the sweep ran (listed, then not found): nothing of theirs is left to judge.",
    );
    assert.ok(!lines.join("\n").includes("frank"));
  });

  it("GIVEN --users-from names users not in the pool THEN it says to check the file", () => {
    const lines = summaryLines(
      { ...DONE, gone: ["x", "y"] },
      { usersFrom: true, checkpoint: "c.json" },
    );
    assert.equal(
      lines[1],
      'sweep: 2 usernames of --users-from are not in the pool (UserNotFoundException): check the file (the checkpoint lists them under "gone").',
    );
  });

  describe("GIVEN users that failed after every retry", () => {
    it("WHEN there is a checkpoint THEN by code, and how to finish with it", () => {
      assert.deepEqual(summaryLines(FAILED, { usersFrom: false, checkpoint: "c.json" }).slice(1), [
        "sweep: 3 users could not be scanned (TooManyRequestsException x2, InternalErrorException); the output lacks their events. Run the same command again (same --checkpoint c.json) to scan only the rest. Throttled: other clients share the quota, so lower --reads-per-second.",
      ]);
    });
    it("WHEN there is none THEN it says to add one", () => {
      assert.match(
        summaryLines(FAILED, { usersFrom: false })[1],
        / Add --checkpoint <file> to keep what is done, and run again to scan only the rest\./,
      );
      assert.match(summaryLines(FAILED, { usersFrom: false })[0], /^sweep: stopped after 43 s: /);
    });
    it("WHEN the output is a file THEN its header says it is incomplete", () => {
      assert.equal(
        incompleteReason(FAILED, { usersFrom: false, checkpoint: "c.json" }),
        "3 users could not be scanned (TooManyRequestsException x2, InternalErrorException), so some users' events are missing here; run the sweep again with --checkpoint c.json to finish.",
      );
      assert.equal(incompleteReason(DONE, { usersFrom: false }), undefined);
    });
  });

  it("GIVEN a sweep Cognito refused THEN why, and that the output is partial", () => {
    const stopped = { ...DONE, finished: false, stopped: "ListUsers failed for user pool P: ..." };
    assert.deepEqual(summaryLines(stopped, { usersFrom: false }).slice(1), [
      "sweep: stopped early: ListUsers failed for user pool P: ...",
      "sweep: the output is partial. Add --checkpoint <file> to keep what is done, and run again to scan only the rest.",
    ]);
    assert.equal(
      incompleteReason(stopped, { usersFrom: false }),
      "the sweep stopped early (its summary on stderr says why), so some users' events are missing here; run the sweep again with --checkpoint to finish.",
    );
  });
});
