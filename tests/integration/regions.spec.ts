// Pacing per region and the account's real limits, through the provider implementation (no Pulumi
// engine) against the emulator with Cognito's real quotas: each region has its own pacers, the
// first call in a region reads GetProvisionedLimit once, explicit settings win, and a limit lowered
// mid-run is absorbed by the SDK's adaptive retries. Timing assertions are bounds with wide margins
// (pacing guarantees the lower ones), so a loaded 2-core machine cannot fail them by chance.
import assert from "node:assert/strict";
import type { RunningEmulator, Seed } from "../../emulator";
import { provider } from "../../provider";
import { discoveredLimitsMessage, discoveryFallbackMessage } from "../../provider/cognito/limits";
import {
  twoRegionCallSpanVsBound,
  twoRegionScenario,
  type RegionalOverride,
} from "../../bench/regions";
import { tokenAt } from "../../bench/scenario";
import { useEmulator, type EmulatorFixtureOptions } from "../support/emulator";
import { captureLog } from "../support/env";
import { CREDENTIALS, seededCredentials } from "../support/seeds";
import { configureProvider } from "../support/provider-config";

const TOKENS = "fake-token-regions-";
const EAST = "us-east-1_RegionPool1";
const WEST = "eu-west-1_RegionPool2";

/** The scenario's overrides split over EAST and WEST, seeded with the fake keys and `extra`. */
function scenario(count: number, extra: Partial<Seed> = {}) {
  const { seed, overrides } = twoRegionScenario(count, TOKENS, [EAST, WEST]);
  return { seed: { ...seed, credentials: seededCredentials(), ...extra }, overrides };
}

/** An account that bought 50 writes/s in us-east-1. */
const BOUGHT_50 = { provisionedLimits: { "us-east-1": { UserResourceUpdate: 50 } } };

interface Outcome {
  failures: string[];
  /** Seconds from the first create to the last one settled. */
  spanSeconds: number;
  /** Seconds from the start until the last create of each pool settled. */
  doneSeconds: Record<string, number>;
}

/** Creates every override at once, as `pulumi up` does with a high --parallel. */
async function createAll(overrides: RegionalOverride[], tokenMode?: boolean): Promise<Outcome> {
  const started = Date.now();
  const doneSeconds: Record<string, number> = {};
  const results = await Promise.allSettled(
    overrides.map(async (o) => {
      const token = tokenMode ?? o.tokenMode;
      try {
        await provider.create({
          userPoolId: o.userPoolId,
          username: o.username,
          eventId: o.eventId,
          feedbackValue: o.feedbackValue,
          region: o.userPoolId.slice(0, o.userPoolId.indexOf("_")),
          ...(token ? { feedbackToken: tokenAt(TOKENS, o.index) } : {}),
        });
      } finally {
        doneSeconds[o.userPoolId] = (Date.now() - started) / 1000;
      }
    }),
  );
  return {
    failures: results.flatMap((r) =>
      r.status === "rejected" ? [(r.reason as Error).message] : [],
    ),
    spanSeconds: (Date.now() - started) / 1000,
    doneSeconds,
  };
}

/** {@link createAll} with console.log captured: the outcome and the lines the provider printed. */
async function createLogged(
  overrides: RegionalOverride[],
  tokenMode?: boolean,
): Promise<Outcome & { lines: string[] }> {
  let outcome: Outcome = { failures: ["not run"], spanSeconds: 0, doneSeconds: {} };
  const lines = await captureLog(async () => {
    outcome = await createAll(overrides, tokenMode);
  });
  return { ...outcome, lines };
}

const eastOnly = (overrides: RegionalOverride[]) => overrides.filter((o) => o.userPoolId === EAST);

describe("pacing per region with the account's real limits (emulator's real quotas)", function () {
  this.timeout(60000);
  // The settings are process-wide: later specs get the defaults.
  afterEach(() => configureProvider({}));

  /** The suite's emulator, with Cognito's real quotas; signed as the fake admin by default. */
  const useRealQuotas = (seed: Seed, options: EmulatorFixtureOptions = {}) =>
    useEmulator({ seed, faults: { quotas: "real" }, ...options });

  const throttled = (emulator: RunningEmulator) => emulator.store.counterTotals().throttled;
  const discoveryCalls = (emulator: RunningEmulator) =>
    emulator.store.requests.filter((r) => r.operation === "GetProvisionedLimit").length;

  describe("GIVEN a burst of 60 in us-east-1 and 20 calls at once in eu-west-1", () => {
    const { seed, overrides } = scenario(120);
    const emulator = useRealQuotas(seed);

    it("THEN neither is throttled, and eu-west-1 does not wait for us-east-1", async () => {
      const east = overrides.filter((o) => o.userPoolId === EAST).slice(0, 60);
      const west = overrides.filter((o) => o.userPoolId === WEST).slice(0, 20);
      const outcome = await createAll([...east, ...west]);
      assert.deepEqual(outcome.failures, []);
      assert.equal(throttled(emulator()), 0);
      assert.equal(emulator().store.counters().feedbackWritesApplied, 80);
      // eu-west-1's 20 calls take 19/23 s at its own pace; behind us-east-1's 60 in one shared pacer
      // they could not finish before 79/23 = 3.4 s. us-east-1 is held to its own pace: >= 59/23 s.
      assert.ok(outcome.doneSeconds[WEST] < 60 / 23, JSON.stringify(outcome.doneSeconds));
      assert.ok(outcome.doneSeconds[EAST] >= 59 / 23 - 0.05, JSON.stringify(outcome.doneSeconds));
      assert.equal(
        discoveryCalls(emulator()),
        4,
        "one GetProvisionedLimit per category and region",
      );
    });
  });

  describe("GIVEN 200 feedback writes split over two regions", () => {
    const { seed, overrides } = scenario(200);
    const emulator = useRealQuotas(seed);

    it("THEN none fails, in about N / (23 + 23) seconds", async () => {
      const outcome = await createAll(overrides);
      assert.deepEqual(outcome.failures, []);
      assert.equal(emulator().store.counters().feedbackWritesApplied, 200);
      // The emulator shares this process's event loop: when it stalls, calls planned apart can
      // arrive together and meet a rare throttle, which the adaptive retries absorb.
      assert.ok(throttled(emulator()) <= 10, `${throttled(emulator())} throttled`);
      const ratio = twoRegionCallSpanVsBound(outcome.spanSeconds, 200);
      // 100 per region at 23/s: at least 99/23 s; one shared pacer would need 199/23 s (ratio 2.2).
      assert.ok(outcome.spanSeconds >= 99 / 23 - 0.05, `${outcome.spanSeconds} s`);
      assert.ok(ratio < 1.6, `span ${outcome.spanSeconds} s = ${ratio.toFixed(3)} x N / 50`);
    });
  });

  describe("GIVEN an identity denied GetProvisionedLimit", () => {
    const { seed, overrides } = scenario(60);
    const emulator = useRealQuotas(seed, { credential: CREDENTIALS.limitDenied });

    it("THEN calls use the defaults, and one line names the IAM permission", async () => {
      const { failures, lines, spanSeconds } = await createLogged(eastOnly(overrides));
      assert.deepEqual(failures, []);
      assert.deepEqual(lines, [
        `[cognito-auth-event-feedback] ${discoveryFallbackMessage("us-east-1", "AccessDeniedException")}`,
      ]);
      assert.match(lines[0], /Grant cognito-idp:GetProvisionedLimit /);
      assert.equal(discoveryCalls(emulator()), 2);
      assert.equal(throttled(emulator()), 0);
      assert.ok(spanSeconds >= 29 / 23 - 0.05, "paced at the default 23/s");
    });
  });

  describe("GIVEN the account bought 50 writes/s in us-east-1", () => {
    const { seed, overrides } = scenario(184, BOUGHT_50);
    const emulator = useRealQuotas(seed);

    it("WHEN 92 start at once THEN one discovery, no throttle, paced near 46/s", async () => {
      const { failures, lines, spanSeconds: span } = await createLogged(eastOnly(overrides));
      assert.deepEqual(failures, []);
      assert.equal(throttled(emulator()), 0);
      assert.equal(discoveryCalls(emulator()), 2, "concurrent first calls share one discovery");
      assert.deepEqual(lines, [
        `[cognito-auth-event-feedback] ${discoveredLimitsMessage("us-east-1", { UserResourceUpdate: 50, UserResourceRead: 50 })}`,
      ]);
      assert.ok(span >= 91 / 46 - 0.05, `${span} s: never faster than 46/s`);
      assert.ok(span < 91 / 23, `${span} s: faster than the default 23/s could be`);
    });
  });

  describe("GIVEN explicit settings THEN they win over discovery", () => {
    const table: {
      given: string;
      config: Record<string, string>;
      discoveryCalls: number;
      /** The slowest pace the settings allow, calls per second. */
      pace: number;
    }[] = [
      {
        given: "discoverLimits false",
        config: { "cognito-feedback:discoverLimits": "false" },
        discoveryCalls: 0,
        pace: 23,
      },
      {
        given: "writesPerSecond 10 (reads discovered)",
        config: { "cognito-feedback:writesPerSecond": "10" },
        discoveryCalls: 2,
        pace: 10,
      },
      {
        given: "both rates set",
        config: {
          "cognito-feedback:writesPerSecond": "10",
          "cognito-feedback:readsPerSecond": "0",
        },
        discoveryCalls: 0,
        pace: 10,
      },
    ];
    const { seed, overrides } = scenario(24, BOUGHT_50);
    const emulator = useRealQuotas(seed, { each: true });

    for (const row of table) {
      it(`${row.given}: ${row.discoveryCalls} GetProvisionedLimit calls, at most ${row.pace}/s`, async () => {
        await configureProvider(row.config);
        const outcome = await createAll(eastOnly(overrides));
        assert.deepEqual(outcome.failures, []);
        assert.equal(discoveryCalls(emulator()), row.discoveryCalls);
        assert.ok(outcome.spanSeconds >= 11 / row.pace - 0.05, `${outcome.spanSeconds} s`);
      });
    }
  });

  describe("GIVEN token mode and no AWS credentials", () => {
    const { seed, overrides } = scenario(20);
    const emulator = useRealQuotas(seed, { credential: "none" });

    it("THEN the defaults apply silently: no discovery request, no line", async () => {
      const { failures, lines } = await createLogged(overrides, true);
      assert.deepEqual(failures, []);
      assert.deepEqual(lines, []);
      assert.equal(discoveryCalls(emulator()), 0);
      assert.equal(emulator().store.counters().feedbackWritesApplied, 20);
    });
  });

  describe("GIVEN the provisioned limit lowered from 50/s to 25/s mid-run", () => {
    const { seed, overrides } = scenario(240, BOUGHT_50);
    const emulator = useRealQuotas(seed);

    it("THEN the adaptive retries absorb the throttles and nothing fails", async () => {
      const east = eastOnly(overrides);
      const lowered = new Promise<void>((resolve) =>
        setTimeout(() => {
          emulator().store.setProvisionedLimit("us-east-1", "UserResourceUpdate", 25);
          resolve();
        }, 1000),
      );
      const [{ failures }] = await Promise.all([createLogged(east), lowered]);
      assert.deepEqual(failures, []);
      assert.equal(emulator().store.counters().feedbackWritesApplied, 120);
      // Paced for 50/s (46/s) against 25/s: throttles must have happened, and been retried.
      assert.ok(throttled(emulator()) > 0, "the lowered limit throttled some calls");
      for (const o of east)
        assert.equal(emulator().store.feedbackOf(EAST, o.eventId)?.value, o.feedbackValue);
    });
  });
});
