// The pure fault logic (FaultPlan) with a fake clock: quotas, the sliding window, the seeded PRNG
// and option validation. No emulator is started; tests/contract/faults.spec.ts checks the wire.
import assert from "node:assert/strict";
import { EmulatorStore, FaultPlan, type FaultOptions } from "../../../emulator";

describe("simulated faults: the fault plan (pure, fake clock)", () => {
  describe("quotas", () => {
    it('GIVEN quotas "real" THEN the plan holds 25/s updates, 50/s reads, 30/s lists', () => {
      assert.deepEqual(new FaultPlan({ quotas: "real" }).quotas, {
        UserResourceUpdate: 25,
        UserResourceRead: 50,
        UserList: 30,
      });
    });

    it("GIVEN a sliding one-second window THEN a slot frees 1000 ms after its request", () => {
      const plan = new FaultPlan({ quotas: { UserResourceRead: 2 } });
      const at = (ms: number) => plan.admit("AdminListUserAuthEvents", ms) ?? "ok";
      assert.deepEqual(
        [at(0), at(400), at(999), at(1000), at(1001), at(1399), at(1400)],
        ["ok", "ok", "throttled", "ok", "throttled", "throttled", "ok"],
      );
    });
  });

  describe("windows per region and category", () => {
    // At one instant, the outcomes of requests in each region: the windows never share a slot.
    const burst = (
      plan: FaultPlan,
      calls: [string, "AdminUpdateAuthEventFeedback" | "AdminListUserAuthEvents"][],
      provisioned?: (region: string) => number,
    ) =>
      calls.map(
        ([region, op]) =>
          plan.admit(op, 0, region, provisioned && (() => provisioned(region))) ?? "ok",
      );

    it("GIVEN a fixed quota of 1/s THEN each region and each category gets its own slot", () => {
      const plan = new FaultPlan({ quotas: { UserResourceUpdate: 1, UserResourceRead: 1 } });
      assert.deepEqual(
        burst(plan, [
          ["us-east-1", "AdminUpdateAuthEventFeedback"],
          ["us-east-1", "AdminUpdateAuthEventFeedback"],
          ["eu-west-1", "AdminUpdateAuthEventFeedback"],
          ["us-east-1", "AdminListUserAuthEvents"],
        ]),
        ["ok", "throttled", "ok", "ok"],
      );
    });

    it('GIVEN quotas "real" THEN each region is held to its own provisioned limit', () => {
      const plan = new FaultPlan({ quotas: "real" });
      const limits: Record<string, number> = { "us-east-1": 2, "eu-west-1": 3 };
      const calls = (region: string) =>
        Array.from(
          { length: 4 },
          () =>
            [region, "AdminUpdateAuthEventFeedback"] as [string, "AdminUpdateAuthEventFeedback"],
        );
      assert.deepEqual(
        burst(plan, [...calls("us-east-1"), ...calls("eu-west-1")], (r) => limits[r]),
        ["ok", "ok", "throttled", "throttled", "ok", "ok", "ok", "throttled"],
      );
    });

    it("GIVEN GetProvisionedLimit THEN it counts against no simulated quota", () => {
      const plan = new FaultPlan({ quotas: { UserResourceUpdate: 1, UserResourceRead: 1 } });
      assert.deepEqual(
        [0, 0, 0].map(() => plan.admit("GetProvisionedLimit", 0, "us-east-1") ?? "ok"),
        ["ok", "ok", "ok"],
      );
    });
  });

  // Reproducible runs.
  it("GIVEN the same seed THEN the same requests meet the same faults", () => {
    const run = (options: FaultOptions) => {
      const plan = new FaultPlan(options);
      return Array.from({ length: 200 }, (_, i) => {
        const { drop, delayMs } = plan.arrive();
        return `${drop}/${delayMs.toFixed(3)}/${plan.admit("AdminUpdateAuthEventFeedback", i * 10) ?? "ok"}`;
      });
    };
    const options = {
      internalErrorRate: 0.2,
      dropRate: 0.1,
      latencyMs: { min: 1, max: 9 },
      seed: 42,
    };
    assert.deepEqual(run(options), run(options));
    assert.notDeepEqual(run(options), run({ ...options, seed: 43 }));
  });

  describe("GIVEN bad fault options THEN they are refused, naming the option", () => {
    const cases: [FaultOptions, string][] = [
      [{ internalErrorRate: 1.5 }, "internalErrorRate must be a number from 0 to 1, got 1.5."],
      [{ dropRate: -0.1 }, "dropRate must be a number from 0 to 1, got -0.1."],
      [
        { latencyMs: { min: 10, max: 5 } },
        'latencyMs must be a number of milliseconds >= 0, or { min, max } with 0 <= min <= max; got {"min":10,"max":5}.',
      ],
      [
        { quotas: { UserResourceWrite: 5 } as never },
        'quotas: unknown category "UserResourceWrite"; use UserResourceUpdate, UserResourceRead or UserList.',
      ],
      [
        { quotas: { UserResourceRead: 0.5 } },
        "quotas.UserResourceRead must be a whole number of requests per second >= 1, got 0.5.",
      ],
      [{ seed: 1.5 }, "seed must be a whole number, got 1.5."],
    ];
    for (const [options, message] of cases) {
      it(JSON.stringify(options), () => {
        assert.throws(() => new FaultPlan(options), { name: "FaultOptionsError", message });
      });
    }

    it("WHEN given to store.setFaults THEN it throws the same; the old faults stay", () => {
      const store = new EmulatorStore();
      store.setFaults({ quotas: { UserResourceRead: 3 } });
      assert.throws(() => store.setFaults({ dropRate: 2 }), {
        name: "FaultOptionsError",
        message: "dropRate must be a number from 0 to 1, got 2.",
      });
      assert.deepEqual(store.faultPlan.quotas, { UserResourceRead: 3 });
    });
  });
});
