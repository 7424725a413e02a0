// The emulator CLI's fault flags, parsed without starting anything: what each accepts, and the
// exact usage message for what it refuses (commander prefixes it with the flag and the value).
import assert from "node:assert/strict";
import { FaultPlan } from "../../../emulator";
import {
  faultLines,
  parseFaultSeed,
  parseLatency,
  parseQuotas,
  parseRate,
} from "../../../emulator/fault-flags";

const QUOTA_HINT =
  "expected real, off, or Category=N pairs like UserResourceUpdate=25,UserResourceRead=50.";
const RATE_HINT = "expected a number from 0 to 1, e.g. 0.05.";
const LATENCY_HINT = "expected milliseconds (e.g. 20) or min..max (e.g. 5..50).";
const SEED_HINT = "expected a whole number.";

describe("emulator CLI: fault flags (pure parsing)", () => {
  const valid: [string, (value: string) => unknown, string, unknown][] = [
    ["--quotas", parseQuotas, "real", "real"],
    ["--quotas", parseQuotas, "off", "off"],
    [
      "--quotas",
      parseQuotas,
      "UserResourceUpdate=25, UserResourceRead=50",
      { UserResourceUpdate: 25, UserResourceRead: 50 },
    ],
    ["--drop-rate", parseRate, "0", 0],
    ["--drop-rate", parseRate, "0.05", 0.05],
    ["--drop-rate", parseRate, "1", 1],
    ["--latency", parseLatency, "20", 20],
    ["--latency", parseLatency, "0", 0],
    ["--latency", parseLatency, "5..50", { min: 5, max: 50 }],
    ["--latency", parseLatency, "2.5..2.5", { min: 2.5, max: 2.5 }],
    ["--fault-seed", parseFaultSeed, "42", 42],
    ["--fault-seed", parseFaultSeed, "-7", -7],
  ];
  for (const [flag, parse, value, expected] of valid) {
    it(`GIVEN ${flag} ${JSON.stringify(value)} THEN it is accepted`, () => {
      assert.deepEqual(parse(value), expected);
    });
  }

  const invalid: [string, (value: string) => unknown, string, string][] = [
    ["--quotas", parseQuotas, "unknown", QUOTA_HINT],
    ["--quotas", parseQuotas, "UserResourceUpdate=fast", QUOTA_HINT],
    [
      "--quotas",
      parseQuotas,
      "UserResourceWrite=5",
      'quotas: unknown category "UserResourceWrite"; use UserResourceUpdate, UserResourceRead or UserList.',
    ],
    [
      "--quotas",
      parseQuotas,
      "UserResourceUpdate=0",
      "quotas.UserResourceUpdate must be a whole number of requests per second >= 1, got 0.",
    ],
    ["--drop-rate", parseRate, "2", RATE_HINT],
    ["--drop-rate", parseRate, "-0.1", RATE_HINT],
    ["--drop-rate", parseRate, "", RATE_HINT],
    ["--drop-rate", parseRate, "often", RATE_HINT],
    ["--latency", parseLatency, "50..5", LATENCY_HINT],
    ["--latency", parseLatency, "-5", LATENCY_HINT],
    ["--latency", parseLatency, "fast", LATENCY_HINT],
    ["--latency", parseLatency, "5..", LATENCY_HINT],
    ["--fault-seed", parseFaultSeed, "1.5", SEED_HINT],
    ["--fault-seed", parseFaultSeed, "seven", SEED_HINT],
  ];
  for (const [flag, parse, value, message] of invalid) {
    it(`GIVEN ${flag} ${JSON.stringify(value)} THEN refused, saying what is valid`, () => {
      assert.throws(() => parse(value), { name: "InvalidArgumentError", message });
    });
  }

  it("GIVEN no faults THEN the summary has no fault line", () => {
    assert.deepEqual(faultLines(new FaultPlan()), []);
  });

  it("GIVEN every fault THEN the summary names each, with the seed", () => {
    const plan = new FaultPlan({
      quotas: "real",
      internalErrorRate: 0.05,
      dropRate: 0.01,
      latencyMs: { min: 5, max: 50 },
      seed: 9,
    });
    assert.deepEqual(faultLines(plan), [
      "Simulated faults (seed 9): quotas UserResourceUpdate 25/s, UserResourceRead 50/s, UserList 30/s; internal errors 0.05; dropped connections 0.01; latency 5..50 ms.",
    ]);
  });
});
