// The per-region rates: explicit settings, the account's discovered limits, the defaults; and the
// lines discovery prints. Pure: no SDK, no emulator.
import assert from "node:assert/strict";
import {
  discoveredLimitsMessage,
  discoveryFallbackMessage,
  enforcedLimit,
  pacedRate,
  regionRates,
  reportsDiscoveryFailure,
  sweepRates,
  SWEEP_SHARE,
  wantsDiscovery,
  type LimitCategory,
  type RegionLimits,
} from "../../../../provider/cognito/limits";
import { resolveSettings } from "../../../../provider/cognito/settings";

const settings = (values: Record<string, string> = {}) => resolveSettings((key) => values[key], {});

/** Rates in words, e.g. `writes 46/s, reads unpaced`. */
function paces({ writesPerSecond, readsPerSecond }: Record<string, number>): string {
  const pace = (n: number) => (n === Infinity ? "unpaced" : `${n}/s`);
  return `writes ${pace(writesPerSecond)}, reads ${pace(readsPerSecond)}`;
}

/** Stack config in short, e.g. `writesPerSecond=10 readsPerSecond=0`, or `no settings`. */
function settingsLabel(config: Record<string, string>): string {
  const pairs = Object.entries(config).map(
    ([k, v]) => `${k.replace("cognito-feedback:", "")}=${v}`,
  );
  return pairs.join(" ") || "no settings";
}

describe("limits: the rates each region is paced at", () => {
  describe("GIVEN an enforced limit THEN the pace keeps the defaults' share (23/25, 40/50)", () => {
    const table: [LimitCategory, number, number][] = [
      ["UserResourceUpdate", 25, 23],
      ["UserResourceUpdate", 50, 46],
      ["UserResourceUpdate", 100, 92],
      ["UserResourceRead", 50, 40],
      ["UserResourceRead", 120, 96],
    ];
    for (const [category, enforced, paced] of table) {
      it(`${category} ${enforced}/s -> ${paced}/s`, () => {
        assert.equal(pacedRate(category, enforced), paced);
      });
    }
    it("GIVEN any write limit THEN limit + 1 evenly paced calls span a second and 87 ms", () => {
      for (const limit of [25, 40, 50, 75, 100]) {
        const spanMs = (limit * 1000) / pacedRate("UserResourceUpdate", limit);
        assert.ok(Math.abs(spanMs - 1086.96) < 0.01, `${limit}/s: ${spanMs} ms`);
      }
    });
  });

  describe("GIVEN settings and discovered limits THEN setting, then discovery, then default", () => {
    const table: {
      given: string;
      config?: Record<string, string>;
      discovered?: RegionLimits;
      then: { writesPerSecond: number; readsPerSecond: number };
    }[] = [
      { given: "nothing", then: { writesPerSecond: 23, readsPerSecond: 40 } },
      {
        given: "discovered 50 writes/s and 100 reads/s",
        discovered: { UserResourceUpdate: 50, UserResourceRead: 100 },
        then: { writesPerSecond: 46, readsPerSecond: 80 },
      },
      {
        given: "only the write limit discovered",
        discovered: { UserResourceUpdate: 50 },
        then: { writesPerSecond: 46, readsPerSecond: 40 },
      },
      {
        given: "writesPerSecond 10 and a discovered 50/s",
        config: { "cognito-feedback:writesPerSecond": "10" },
        discovered: { UserResourceUpdate: 50, UserResourceRead: 100 },
        then: { writesPerSecond: 10, readsPerSecond: 80 },
      },
      {
        given: "pacing off (0) and a discovered limit",
        config: { "cognito-feedback:readsPerSecond": "0" },
        discovered: { UserResourceRead: 100 },
        then: { writesPerSecond: 23, readsPerSecond: Infinity },
      },
    ];
    for (const row of table) {
      it(`GIVEN ${row.given} THEN ${paces(row.then)}`, () => {
        assert.deepEqual(regionRates(settings(row.config), row.discovered), row.then);
      });
    }
  });

  describe("GIVEN settings THEN discovery runs only when it can change a rate", () => {
    const table: [Record<string, string>, boolean][] = [
      [{}, true],
      [{ "cognito-feedback:writesPerSecond": "10" }, true],
      [{ "cognito-feedback:writesPerSecond": "10", "cognito-feedback:readsPerSecond": "0" }, false],
      [{ "cognito-feedback:discoverLimits": "false" }, false],
    ];
    for (const [config, wanted] of table) {
      it(`${settingsLabel(config)} -> ${wanted}`, () => {
        assert.equal(wantsDiscovery(settings(config)), wanted);
      });
    }
  });

  describe("GIVEN a GetProvisionedLimit answer THEN only a positive number is a limit", () => {
    const table: [unknown, number | undefined][] = [
      [{ Limit: { ProvisionedLimitValue: 50, FreeLimitValue: 25 } }, 50],
      [{ Limit: { ProvisionedLimitValue: 0 } }, undefined],
      [{ Limit: {} }, undefined],
      [{}, undefined],
      [undefined, undefined],
    ];
    for (const [output, limit] of table) {
      it(`${JSON.stringify(output)} -> ${limit}`, () => assert.equal(enforcedLimit(output), limit));
    }
  });

  describe("GIVEN a failed discovery THEN only failures worth a line are reported", () => {
    const table: [string, boolean][] = [
      ["AccessDeniedException", true],
      ["UnknownOperationException", true],
      ["InternalErrorException", true],
      ["CredentialsProviderError", false],
      ["InsecureEndpointError", false],
    ];
    for (const [code, reported] of table) {
      it(`${code} -> ${reported ? "one line" : "silent"}`, () => {
        assert.equal(reportsDiscoveryFailure(code), reported);
      });
    }
  });

  it("GIVEN discovery denied THEN a line: region, error, defaults, permission, switch", () => {
    assert.equal(
      discoveryFallbackMessage("eu-west-1", "AccessDeniedException"),
      "eu-west-1: could not read the account's request-rate limits with GetProvisionedLimit (AccessDeniedException), so calls there are paced for Cognito's default quotas (UserResourceUpdate 25/s, UserResourceRead 50/s). Grant cognito-idp:GetProvisionedLimit to pace for the account's enforced limits, or set cognito-feedback:discoverLimits to false to stop asking.",
    );
  });

  describe("GIVEN discovered limits THEN a line only when they differ from the free ones", () => {
    const table: [RegionLimits, string | undefined][] = [
      [{ UserResourceUpdate: 25, UserResourceRead: 50 }, undefined],
      [{}, undefined],
      [
        { UserResourceUpdate: 50, UserResourceRead: 50 },
        "us-east-1: the account's enforced limits are UserResourceUpdate 50/s (pacing at 46/s), read with GetProvisionedLimit.",
      ],
      [
        { UserResourceUpdate: 30, UserResourceRead: 75 },
        "us-east-1: the account's enforced limits are UserResourceUpdate 30/s (pacing at 27.6/s), UserResourceRead 75/s (pacing at 60/s), read with GetProvisionedLimit.",
      ],
    ];
    for (const [limits, line] of table) {
      it(JSON.stringify(limits), () =>
        assert.equal(discoveredLimitsMessage("us-east-1", limits), line),
      );
    }
  });
});

describe("a sweep's rates: close to the read quota, or as told; ListUsers at 28.8/s", () => {
  const table: [string, number | undefined, number | undefined, number | undefined, number][] = [
    ["the free limit", undefined, undefined, undefined, 48],
    ["a discovered limit of 200/s", undefined, undefined, 200, 192],
    ["--reads-per-second 30", 30, undefined, 200, 30],
    ["--reads-per-second 0 (no pacing)", 0, undefined, undefined, Infinity],
    ["COGNITO_FEEDBACK_READS_PER_SECOND=20", undefined, 20, 200, 20],
  ];
  for (const [name, flag, setting, discovered, reads] of table) {
    it(`GIVEN ${name} THEN reads at ${reads}/s`, () => {
      const rates = sweepRates(
        flag,
        setting === undefined ? {} : { readsPerSecond: setting },
        discovered === undefined ? {} : { UserResourceRead: discovered },
      );
      assert.deepEqual(rates, { readsPerSecond: reads, usersPerSecond: 28.8 });
    });
  }
  it("GIVEN the sweep's share THEN it is 96% of the quota", () => assert.equal(SWEEP_SHARE, 0.96));
});
