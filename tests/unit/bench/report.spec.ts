// The benchmark's pure reduction: medians, ratios computed within a run, and the targets.
import assert from "node:assert/strict";
import type { ProgramSample, UpSample } from "../../../bench/measure";
import {
  BUDGETS,
  checkTargets,
  median,
  medianOf,
  ratiosOf,
  scalingPerResource,
  summarize,
  type BenchOptions,
  type MachineFacts,
  type RegionSamples,
  type RunSamples,
} from "../../../bench/report";

function up(overrides: Partial<UpSample> = {}): UpSample {
  return {
    wholeUpMs: 60_000,
    callSpanMs: 43_000,
    failedSteps: 0,
    notApplied: 0,
    throttled: 0,
    internalErrors: 0,
    dropped: 0,
    hostPeakRssBytes: 150 * 2 ** 20,
    stateBytesPerResource: 5200,
    exportBytesPerResource: 5000,
    providerBytes: 2033,
    ...overrides,
  };
}

function program(
  previewNewMs: number,
  upMs: number,
  previewUnchangedMs: number,
  refreshMs: number,
): ProgramSample {
  return {
    previewNewMs,
    up: up({ wholeUpMs: upMs }),
    previewUnchangedMs,
    refresh: { wallMs: refreshMs, listingsPerUser: 2, failedSteps: 0 },
    refreshSkipPreview: { wallMs: refreshMs / 2, listingsPerUser: 1, failedSteps: 0 },
  };
}

function run(overrides: Partial<RunSamples> = {}): RunSamples {
  return {
    fixed: { previewNewMs: 3000, upMs: 10_000 },
    trivial: program(8000, 30_000, 9000, 10_000),
    provider: { ...program(8800, 60_000, 9900, 15_000), up: up() },
    up64: up({ callSpanMs: 43_860 }),
    naive: up({ failedSteps: 700 }),
    faults: up({ callSpanMs: 47_300, internalErrors: 80 }),
    skipCheckpoints: up({ callSpanMs: 41_000 }),
    sweep: { "23": up() },
    ...overrides,
  };
}

/** Two regions: N / (25 + 25) = 20 s at N = 1000; provisioned: N / 50 = 20 s. */
function regions(overrides: Partial<RegionSamples> = {}): RegionSamples {
  return {
    twoRegionWithCheckpoints: up({ callSpanMs: 40_000 }),
    twoRegionSkipCheckpoints: up({ callSpanMs: 22_000 }),
    provisionedWithCheckpoints: up({ callSpanMs: 44_000 }),
    provisionedSkipCheckpoints: up({ callSpanMs: 21_000 }),
    ...overrides,
  };
}

describe("bench report: medians, side-by-side ratios and targets", () => {
  const medians: { given: number[]; then: number }[] = [
    { given: [3], then: 3 },
    { given: [5, 1, 3], then: 3 },
    { given: [4, 1, 3, 2], then: 2.5 },
  ];
  for (const { given, then } of medians) {
    it(`GIVEN ${JSON.stringify(given)} THEN the median is ${then}`, () => {
      assert.equal(median(given), then);
    });
  }

  it("GIVEN samples of one shape THEN each number gets its median; all-null stays null", () => {
    const samples = [
      { a: 1, b: { c: 10 }, d: null },
      { a: 3, b: { c: 30 }, d: null },
      { a: 2, b: { c: 20 }, d: null },
    ];
    assert.deepEqual(medianOf(samples), { a: 2, b: { c: 20 }, d: null });
  });

  // Calls with N/25 s, the engine's cost per resource above the fixed cost, ours above the
  // floor, preview and refresh with the no-op provider's.
  it("GIVEN one run of 1000 resources THEN its ratios compare within the run", () => {
    const r = ratiosOf(run(), 1000);
    assert.equal(r.callSpanVsBound, 43_000 / 40_000);
    assert.equal(r.wholeUpVsBound, 60_000 / 40_000);
    assert.equal(r.skipCheckpointsCallSpanVsBound, 41_000 / 40_000);
    assert.equal(r.upVsTrivial, 2);
    assert.equal(r.engineUpMsPerResource, 20_000 / 999);
    assert.equal(r.enginePreviewMsPerResource, 5000 / 999);
    assert.equal(r.providerUpMsPerResource, 30);
    assert.equal(r.previewNewVsTrivial, 1.1);
    assert.equal(r.previewUnchangedVsTrivial, 1.1);
    assert.equal(r.parallel64VsDefault, 1.02);
    assert.equal(r.faultsVsDefault, 1.1);
    assert.equal(r.refreshVsTrivial, 1.5);
    assert.equal(r.refreshSkipPreviewVsRefresh, 0.5);
  });

  // The target says which variant failed.
  it("GIVEN a fault run with a resource not applied THEN zero failures is not met", () => {
    const medians = run({ faults: up({ notApplied: 1 }) });
    const zero = checkTargets(medians, ratiosOf(medians, 1000))[0];
    assert.deepEqual(zero, {
      target: "zero failures (default, parallel 64, all faults on)",
      measured: "0, 0, 1",
      met: false,
    });
  });

  it("GIVEN a refresh listing a user twice per host process THEN its target is not met", () => {
    const medians = run();
    medians.provider.refreshSkipPreview = { wallMs: 1, listingsPerUser: 2, failedSteps: 0 };
    const listing = checkTargets(medians, ratiosOf(medians, 1000))[3];
    assert.deepEqual(listing, {
      target:
        "refresh lists each user once per host process (2 with its preview, 1 with --skip-preview)",
      measured: "2.00, 2.00 per user",
      met: false,
    });
  });

  it("GIVEN the sizes of a resource THEN provider and checkpoint are held to budgets", () => {
    const medians = run({
      provider: {
        ...program(1, 1, 1, 1),
        up: up({ providerBytes: BUDGETS.providerBytes + 1, stateBytesPerResource: 6 * 1024 }),
      },
    });
    const targets = checkTargets(medians, ratiosOf(medians, 1000)).slice(-2);
    assert.deepEqual(targets, [
      {
        target: "serialized provider at most 2,304 bytes",
        measured: `${BUDGETS.providerBytes + 1} bytes`,
        met: false,
      },
      { target: "checkpoint file at most 6 KB per resource", measured: "6.00 KB", met: true },
    ]);
  });

  it("GIVEN scaling samples THEN the first N's times are taken off before dividing", () => {
    const sample = (count: number, ms: number) => ({
      count,
      providerMs: 2 * ms,
      providerSkipCheckpointsMs: ms,
      stateBytesPerResource: 5000,
    });
    assert.deepEqual(scalingPerResource([sample(1, 10_000), sample(101, 20_000)]), [
      {
        count: 101,
        providerMs: 200,
        providerSkipCheckpointsMs: 100,
        stateBytesPerResource: 5000,
      },
    ]);
  });

  it("GIVEN a run without the region scenarios THEN no region ratios or targets", () => {
    const r = ratiosOf(run(), 1000);
    assert.equal("twoRegionCallSpanVsBound" in r, false);
    assert.equal("provisionedCallSpanVsBound" in r, false);
    assert.equal(checkTargets(run(), r).length, 6);
  });

  // Against N/(25+25) s and N/50 s; the with-checkpoints ones have their own names.
  it("GIVEN a run with the region scenarios THEN ratios use spans without checkpoints", () => {
    const r = ratiosOf(run({ regions: regions() }), 1000);
    assert.equal(r.twoRegionCallSpanVsBound, 1.1);
    assert.equal(r.twoRegionWithCheckpointsCallSpanVsBound, 2);
    assert.equal(r.provisionedCallSpanVsBound, 1.05);
    assert.equal(r.provisionedWithCheckpointsCallSpanVsBound, 2.2);
  });

  // Met on the spans without checkpoints; the measurement shows both.
  it("GIVEN regions slow only with checkpoints THEN their 1.15 targets are met", () => {
    const medians = run({ regions: regions() });
    const targets = checkTargets(medians, ratiosOf(medians, 1000)).slice(6);
    assert.deepEqual(targets, [
      {
        target:
          "zero failures (two regions, provisioned 50/s; each with checkpoints, then PULUMI_SKIP_CHECKPOINTS=true)",
        measured: "0, 0, 0, 0",
        met: true,
      },
      {
        target:
          "two regions: feedback calls within 1.15 x N / (25 + 25) s (PULUMI_SKIP_CHECKPOINTS=true)",
        measured: "1.10 x (with checkpoints: 2.00 x)",
        met: true,
      },
      {
        target:
          "provisioned 50/s: feedback calls within 1.15 x N / 50 s (PULUMI_SKIP_CHECKPOINTS=true)",
        measured: "1.05 x (with checkpoints: 2.20 x)",
        met: true,
      },
    ]);
  });

  it("GIVEN a region run failing or over 1.15 x its bound THEN its target is not met", () => {
    const medians = run({
      regions: regions({
        provisionedWithCheckpoints: up({ notApplied: 2 }),
        twoRegionSkipCheckpoints: up({ callSpanMs: 23_200 }),
      }),
    });
    const [zero, two, provisioned] = checkTargets(medians, ratiosOf(medians, 1000)).slice(6);
    assert.equal(zero.measured, "0, 0, 2, 0");
    assert.equal(zero.met, false);
    assert.equal(two.met, false);
    assert.equal(provisioned.met, true);
  });

  describe("summarize over several runs", () => {
    const machine = { cpuModel: "test" } as MachineFacts;
    const options = { count: 1000, runs: 3 } as BenchOptions;

    it("GIVEN only some runs with the region scenarios THEN summarize refuses them", () => {
      assert.throws(
        () => summarize(machine, options, [run({ regions: regions() }), run()]),
        /1 of 2 runs have the two-region and provisioned samples/,
      );
    });

    it("GIVEN every run with them THEN the ratios are the per-run ratios' medians", () => {
      const spans = [30_000, 22_000, 21_000];
      const results = summarize(
        machine,
        options,
        spans.map((callSpanMs) =>
          run({ regions: regions({ twoRegionSkipCheckpoints: up({ callSpanMs }) }) }),
        ),
        undefined,
        machine,
      );
      assert.equal(results.ratios.twoRegionCallSpanVsBound, 1.1);
      assert.equal(results.regionsMachine, machine);
    });
  });
});
