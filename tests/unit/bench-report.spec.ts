// The benchmark's pure reduction: medians, ratios computed within a run, and the targets.
import assert from "node:assert/strict";
import type { PreviewSample, UpSample } from "../../bench/measure";
import { checkTargets, median, medianOf, ratiosOf, type RunSamples } from "../../bench/report";

function up(overrides: Partial<UpSample> = {}): UpSample {
  return {
    wholeUpMs: 60_000,
    updateMs: 50_000,
    callSpanMs: 43_000,
    failedSteps: 0,
    notApplied: 0,
    throttled: 0,
    internalErrors: 0,
    dropped: 0,
    hostPeakRssBytes: 150 * 2 ** 20,
    stateBytesPerResource: 5200,
    providerBytes: 2033,
    ...overrides,
  };
}

const preview = (newStackMs: number, unchangedMs: number, updateMs: number): PreviewSample => ({
  newStackMs,
  unchangedMs,
  updateMs,
});

function run(overrides: Partial<RunSamples> = {}): RunSamples {
  return {
    trivial: preview(8000, 9000, 7000),
    provider: preview(8800, 9900, 20_000),
    up: up(),
    up64: up({ updateMs: 51_000 }),
    naive: up({ failedSteps: 700 }),
    faults: up({ updateMs: 55_000, internalErrors: 80 }),
    sweep: { "23": up() },
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

  it("GIVEN samples of the same shape THEN every number gets its median, nested ones too, and all-null stays null", () => {
    const samples = [
      { a: 1, b: { c: 10 }, d: null },
      { a: 3, b: { c: 30 }, d: null },
      { a: 2, b: { c: 20 }, d: null },
    ];
    assert.deepEqual(medianOf(samples), { a: 2, b: { c: 20 }, d: null });
  });

  it("GIVEN one run of 1000 resources THEN its ratios compare within the run: update with N/25 s, with the no-op floor taken off, and preview with the no-op provider's", () => {
    const r = ratiosOf(run(), 1000);
    assert.equal(r.updateVsBound, 50_000 / 40_000);
    assert.equal(r.updateOverFloorVsBound, (50_000 - 7000) / 40_000);
    assert.equal(r.callSpanVsBound, 43_000 / 40_000);
    assert.equal(r.previewNewVsTrivial, 1.1);
    assert.equal(r.previewUnchangedVsTrivial, 1.1);
    assert.equal(r.parallel64VsDefault, 1.02);
    assert.equal(r.faultsVsDefault, 1.1);
  });

  it("GIVEN a fault run with a resource not applied THEN the zero-failures target is not met and says which variant", () => {
    const medians = run({ faults: up({ notApplied: 1 }) });
    const zero = checkTargets(medians, ratiosOf(medians, 1000))[0];
    assert.deepEqual(zero, {
      target: "zero failures (default, parallel 64, all faults on)",
      measured: "0, 0, 1",
      met: false,
    });
  });

  it("GIVEN the sizes of a resource THEN the provider is held to 2 KB and the state to 6 KB per resource", () => {
    const medians = run({ up: up({ providerBytes: 2049, stateBytesPerResource: 6 * 1024 }) });
    const targets = checkTargets(medians, ratiosOf(medians, 1000)).slice(-2);
    assert.deepEqual(targets, [
      { target: "serialized provider at most 2 KB", measured: "2049 bytes", met: false },
      { target: "state at most 6 KB per resource", measured: "6.00 KB", met: true },
    ]);
  });
});
