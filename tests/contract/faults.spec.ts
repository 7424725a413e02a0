// Simulated faults against the plain AWS SDK: quotas answered like Cognito, internal errors,
// dropped connections, latency and the counters. SDK retries are off (maxAttempts 1) wherever the
// raw answer is checked. tests/unit/emulator/faults.spec.ts specifies the pure fault logic.
import * as assert from "node:assert/strict";
import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  InternalErrorException,
  TooManyRequestsException,
  UpdateAuthEventFeedbackCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { EmulatorCounters } from "../../emulator";
import { POOL } from "../support/seeds";
import { bobFeedback, clientFor, expectServiceError, useFixture } from "./support";

const listAlice = () => new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "alice" });
const adminFeedback = () =>
  new AdminUpdateAuthEventFeedbackCommand({
    UserPoolId: POOL,
    Username: "alice",
    EventId: "a-evt-1",
    FeedbackValue: "Valid",
  });

/** Runs all `calls` at once; returns how each ended: "ok" or the error's name. */
async function outcomes(calls: (() => Promise<unknown>)[]): Promise<string[]> {
  const settled = await Promise.allSettled(calls.map((c) => c()));
  return settled.map((s) => (s.status === "fulfilled" ? "ok" : (s.reason as Error).name));
}

function count(names: string[], name: string): number {
  return names.filter((n) => n === name).length;
}

describe("simulated faults (AWS SDK against the emulator)", () => {
  const fx = useFixture({ each: true });

  describe("quotas", () => {
    // UserResourceUpdate 5/s: 5 pass, and 3 get Cognito's throttling answer.
    it("GIVEN 5 writes/s WHEN 8 feedback calls of both kinds come at once THEN 5 pass", async () => {
      fx.emulator.store.setFaults({ quotas: { UserResourceUpdate: 5 } });
      const calls = Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? () => fx.anonymous.send(new UpdateAuthEventFeedbackCommand(bobFeedback()))
          : () => fx.admin.send(adminFeedback()),
      );
      const names = await outcomes(calls);
      assert.equal(count(names, "ok"), 5, names.join());
      assert.equal(count(names, "TooManyRequestsException"), 3, names.join());
      const c = fx.emulator.store.counters();
      assert.equal(
        c.operations.UpdateAuthEventFeedback.throttled +
          c.operations.AdminUpdateAuthEventFeedback.throttled,
        3,
      );
      assert.equal(c.feedbackWritesApplied, 5);
    });

    it("GIVEN a throttled call THEN 400 TooManyRequestsException, a client fault", async () => {
      fx.emulator.store.setFaults({ quotas: { UserResourceRead: 1 } });
      await fx.admin.send(listAlice());
      await expectServiceError(fx.admin.send(listAlice()), {
        type: TooManyRequestsException,
        status: 400,
        message: "Rate exceeded",
      });
    });

    it("GIVEN the read quota used up THEN feedback calls still pass (own category)", async () => {
      fx.emulator.store.setFaults({ quotas: { UserResourceRead: 1, UserResourceUpdate: 1 } });
      assert.deepEqual(
        await outcomes([() => fx.admin.send(listAlice()), () => fx.admin.send(adminFeedback())]),
        ["ok", "ok"],
      );
    });
  });

  it("GIVEN internalErrorRate 1 THEN every call is a 500 server fault, nothing written", async () => {
    fx.emulator.store.setFaults({ internalErrorRate: 1 });
    await expectServiceError(fx.anonymous.send(new UpdateAuthEventFeedbackCommand(bobFeedback())), {
      type: InternalErrorException,
      status: 500,
      message: "Internal error (simulated by the emulator).",
      fault: "server",
    });
    assert.equal(fx.emulator.store.feedbackOf(POOL, "b-evt-1"), undefined);
    assert.equal(fx.emulator.store.counters().operations.UpdateAuthEventFeedback.internalErrors, 1);
  });

  it("GIVEN dropRate 1 THEN the SDK sees ECONNRESET, a transient error it retries", async () => {
    fx.emulator.store.setFaults({ dropRate: 1 });
    const client = clientFor(fx.emulator, { maxAttempts: 3 });
    try {
      const err = (await client.send(listAlice()).then(
        () => assert.fail("a dropped connection cannot succeed"),
        (e: unknown) => e,
      )) as Error & { code?: string; $metadata?: { attempts?: number } };
      assert.equal(err.code, "ECONNRESET");
      assert.match(err.message, /socket hang up/);
      assert.equal(err.$metadata?.attempts, 3, "retried as a transient error");
    } finally {
      client.destroy();
    }
    assert.equal(fx.emulator.store.counters().operations.AdminListUserAuthEvents.dropped, 3);
  });

  it("GIVEN dropRate 1 WHEN a call is dropped THEN it is recorded: status 0, dropped", async () => {
    fx.emulator.store.setFaults({ dropRate: 1 });
    fx.emulator.store.clearRequests();
    const client = clientFor(fx.emulator, { maxAttempts: 2 });
    try {
      await assert.rejects(client.send(listAlice()), { code: "ECONNRESET" });
    } finally {
      client.destroy();
    }
    const records = fx.emulator.store.requests;
    assert.equal(records.length, 2, "one record per attempt");
    for (const r of records) {
      assert.deepEqual(
        { operation: r.operation, signed: r.signed, status: r.status, dropped: r.dropped },
        { operation: "AdminListUserAuthEvents", signed: true, status: 0, dropped: true },
      );
      assert.equal(r.errorType, undefined);
      assert.ok(r.durationMs >= 0);
    }
    assert.notEqual(records[0].requestId, records[1].requestId);
  });

  it("GIVEN some drops WHEN the SDK retries THEN it succeeds on a fresh connection", async () => {
    fx.emulator.store.setFaults({ dropRate: 0.5, seed: 7 });
    const client = clientFor(fx.emulator, { maxAttempts: 10 });
    try {
      for (let i = 0; i < 5; i++) await client.send(listAlice());
    } finally {
      client.destroy();
    }
    const c = fx.emulator.store.counters().operations.AdminListUserAuthEvents;
    assert.equal(c.succeeded, 5);
    assert.ok(c.dropped > 0, "seed 7 drops some of the first attempts");
  });

  // A lower bound, which cannot flake.
  it("GIVEN 60 ms latency THEN a call takes at least that long", async () => {
    fx.emulator.store.setFaults({ latencyMs: 60 });
    const started = Date.now();
    await fx.admin.send(listAlice());
    assert.ok(Date.now() - started >= 55);
  });

  // And {} turns them off.
  it("GIVEN faults changed at run time THEN they apply from the next request", async () => {
    await fx.admin.send(listAlice());
    fx.emulator.store.setFaults({ internalErrorRate: 1 });
    assert.deepEqual(await outcomes([() => fx.admin.send(listAlice())]), [
      "InternalErrorException",
    ]);
    fx.emulator.store.setFaults({});
    await fx.admin.send(listAlice());
  });

  it("GIVEN requests of every kind THEN counters say how each ended; reset zeroes them", async () => {
    await fx.anonymous.send(new UpdateAuthEventFeedbackCommand(bobFeedback()));
    await outcomes([
      () =>
        fx.admin.send(new AdminListUserAuthEventsCommand({ UserPoolId: POOL, Username: "nobody" })),
    ]);
    const expected: EmulatorCounters = {
      operations: {
        UpdateAuthEventFeedback: {
          succeeded: 1,
          throttled: 0,
          internalErrors: 0,
          dropped: 0,
          otherErrors: 0,
        },
        AdminUpdateAuthEventFeedback: {
          succeeded: 0,
          throttled: 0,
          internalErrors: 0,
          dropped: 0,
          otherErrors: 0,
        },
        AdminListUserAuthEvents: {
          succeeded: 0,
          throttled: 0,
          internalErrors: 0,
          dropped: 0,
          otherErrors: 1,
        },
        GetProvisionedLimit: {
          succeeded: 0,
          throttled: 0,
          internalErrors: 0,
          dropped: 0,
          otherErrors: 0,
        },
        ListUsers: {
          succeeded: 0,
          throttled: 0,
          internalErrors: 0,
          dropped: 0,
          otherErrors: 0,
        },
      },
      feedbackWritesApplied: 1,
    };
    assert.deepEqual(fx.emulator.store.counters(), expected);
    fx.emulator.store.resetCounters();
    assert.equal(fx.emulator.store.counters().feedbackWritesApplied, 0);
  });
});
