// Many overrides at once: the provider's pacing and retries against the emulator's quotas and
// faults. Quotas differ from Cognito's so the suite stays fast; the ratio to the quota is what
// matters.
import assert from "node:assert/strict";
import type { Seed } from "../../emulator";
import { provider } from "../../provider";
import { useEmulator, type EmulatorFixtureOptions } from "../support/emulator";
import { withEnv } from "../support/env";
import { manyEvents, pool, seedOf, user } from "../support/seeds";
import { configureProvider } from "../support/provider-config";

const POOL = "us-east-1_ScalePool1";

/** One user with `n` events `bulk-<i>`. */
function bulkSeed(n: number): Seed {
  return seedOf([pool(POOL, [user("bulk", manyEvents("bulk", n, 1000))])]);
}

/** Creates `n` resources at once (admin mode), as `pulumi up` does with a high --parallel. */
async function createAll(n: number): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      provider.create({
        userPoolId: POOL,
        username: "bulk",
        eventId: `bulk-${i}`,
        feedbackValue: i % 2 === 0 ? "Invalid" : "Valid",
        region: "us-east-1",
      }),
    ),
  );
}

function failures(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
}

describe("many overrides at once: pacing and retries against quotas and faults", function () {
  this.timeout(30000);
  // The settings are process-wide: later specs get the defaults.
  afterEach(() => configureProvider({}));

  /** The emulator for this suite, with one user of `n` events and `options`' faults. */
  const useBulk = (n: number, options: EmulatorFixtureOptions = {}) =>
    useEmulator({ seed: bulkSeed(n), ...options });

  describe("GIVEN a 45/s quota and pacing at 30/s", () => {
    const emulator = useBulk(55, { faults: { quotas: { UserResourceUpdate: 45 } } });

    it("WHEN 55 are created at once THEN none fails or is throttled, all applied", async () => {
      // 55 at once is more than the window admits in one second (unpaced, 10 would be throttled),
      // so only the pacing (evenly spaced, 30 a second, leaving room for calls delayed up to half
      // a second on a loaded machine) keeps every call under the quota; 55 at 30/s take under 2 s.
      await configureProvider({ "cognito-feedback:writesPerSecond": "30" });
      const results = await createAll(55);
      assert.deepEqual(failures(results), []);
      const counters = emulator().store.counters();
      assert.equal(counters.feedbackWritesApplied, 55);
      assert.equal(counters.operations.AdminUpdateAuthEventFeedback.throttled, 0);
      for (let i = 0; i < 55; i++) {
        assert.equal(
          emulator().store.feedbackOf(POOL, `bulk-${i}`)?.value,
          i % 2 === 0 ? "Invalid" : "Valid",
        );
      }
    });
  });

  describe("GIVEN a 1/s quota and the SDK's naive defaults (no pacing, 3 attempts)", () => {
    const emulator = useBulk(40, { faults: { quotas: { UserResourceUpdate: 1 } } });

    it("WHEN 40 are created at once THEN throttling failures happen", async () => {
      await configureProvider({ "cognito-feedback:writesPerSecond": "0" });
      // Every attempt arrives while this test runs, i.e. within its 30 s timeout, and a 1/s sliding
      // window admits at most 1 request per second of that: at most 30 of the 40 can succeed,
      // however slow the machine or long the SDK's backoff (about 1.5 s here). At least 10 fail.
      // (40 calls x 2 retries x 5 tokens = 400 of the SDK's 500 retry tokens: every call that
      // fails has made all 3 attempts.)
      const results = await withEnv({ AWS_RETRY_MODE: "standard", AWS_MAX_ATTEMPTS: "3" }, () =>
        createAll(40),
      );
      const failed = failures(results);
      assert.ok(failed.length >= 10, `${failed.length} failures`);
      assert.match(
        failed[0],
        /^AdminUpdateAuthEventFeedback failed for event bulk-\d+ in user pool us-east-1_ScalePool1: Cognito throttled the call after 3 attempts \(the UserResourceUpdate quota is 25 requests per second per account and region, shared by every feedback call\)\./,
      );
      assert.ok(emulator().store.counters().operations.AdminUpdateAuthEventFeedback.throttled > 0);
    });
  });

  describe("GIVEN 5% internal errors, 5% dropped connections and 1-10 ms latency", () => {
    const emulator = useBulk(60, {
      faults: {
        quotas: { UserResourceUpdate: 100 },
        internalErrorRate: 0.05,
        dropRate: 0.05,
        latencyMs: { min: 1, max: 10 },
        seed: 2026,
      },
    });

    it("WHEN 60 are created at once THEN every verdict is applied", async () => {
      await configureProvider({ "cognito-feedback:writesPerSecond": "80" });
      const results = await createAll(60);
      assert.deepEqual(failures(results), []);
      const c = emulator().store.counters();
      const writes = c.operations.AdminUpdateAuthEventFeedback;
      assert.equal(c.feedbackWritesApplied, 60);
      assert.ok(writes.internalErrors + writes.dropped > 0, "seed 2026 injects some faults");
      for (let i = 0; i < 60; i++)
        assert.ok(emulator().store.feedbackOf(POOL, `bulk-${i}`) !== undefined);
    });
  });

  describe("GIVEN a bad stack config value", () => {
    const emulator = useBulk(1);

    it("WHEN configured THEN check and every call fail with one line naming the key", async () => {
      // Check fails once, on no property, naming the key and its range; every Cognito call fails
      // with the same line.
      const message =
        'stack config cognito-feedback:maxAttempts is "0", but it must be a whole number from 1 to 100 (attempts per Cognito call, retries included). Set it to a valid value or remove it to use the default, 10.';
      await configureProvider({ "cognito-feedback:maxAttempts": "0" }); // resolves: see configure
      const inputs = {
        userPoolId: POOL,
        username: "bulk",
        eventId: "bulk-0",
        feedbackValue: "Valid",
      };
      assert.deepEqual((await provider.check!({}, inputs)).failures, [
        { property: "", reason: message },
      ]);
      await assert.rejects(provider.create(inputs), { name: "SettingsError", message });
      assert.equal(emulator().store.requests.length, 0);
    });
  });
});
