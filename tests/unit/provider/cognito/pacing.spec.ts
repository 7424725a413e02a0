// The pacer that spaces Cognito calls, with a fake clock, and its pacers per region.
import assert from "node:assert/strict";
import fc from "fast-check";
import { Pacer, RegionalPacers } from "../../../../provider/cognito/pacing";

/** Start times of calls made at `arrivals` (ms), each waiting what the pacer says. */
function starts(pacer: Pacer, arrivals: number[]): number[] {
  return arrivals.map((t) => t + pacer.reserve(t));
}

describe("pacing: the process-wide interval scheduler (fake clock)", () => {
  it("GIVEN 20 calls/s and 5 calls at once THEN they start 50 ms apart", () => {
    assert.deepEqual(
      starts(new Pacer({ ratePerSecond: 20 }), [0, 0, 0, 0, 0]),
      [0, 50, 100, 150, 200],
    );
  });

  it("GIVEN calls spaced wider than the interval THEN none waits", () => {
    assert.deepEqual(
      starts(new Pacer({ ratePerSecond: 20 }), [0, 60, 200, 1000]),
      [0, 60, 200, 1000],
    );
  });

  it("GIVEN a burst of 3 after an idle spell THEN 3 start at once, the rest spaced", () => {
    const pacer = new Pacer({ ratePerSecond: 10, burst: 3 });
    assert.deepEqual(starts(pacer, [1000, 1000, 1000, 1000, 1000]), [1000, 1000, 1000, 1100, 1200]);
  });

  describe("GIVEN pacing off THEN no call waits", () => {
    for (const rate of [0, Infinity]) {
      it(`rate ${rate}`, () => {
        const pacer = new Pacer({ ratePerSecond: rate });
        assert.deepEqual(starts(pacer, [0, 0, 0]), [0, 0, 0]);
        assert.equal(pacer.ratePerSecond, Infinity);
      });
    }
  });

  it("GIVEN the rate changes WHEN more calls come THEN they follow the new rate", () => {
    const pacer = new Pacer({ ratePerSecond: 10 });
    assert.deepEqual(starts(pacer, [0, 0]), [0, 100]);
    pacer.configure({ ratePerSecond: 50 });
    assert.deepEqual(starts(pacer, [100, 100, 100]), [200, 220, 240]);
  });

  describe("GIVEN a bad rate or burst THEN it refuses", () => {
    for (const options of [
      { ratePerSecond: -1 },
      { ratePerSecond: NaN },
      { ratePerSecond: 5, burst: 0 },
    ]) {
      it(JSON.stringify(options), () => assert.throws(() => new Pacer(options), RangeError));
    }
  });

  it("GIVEN any arrivals, rate and burst THEN no second holds over burst + rate starts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 300 }),
        (rate, burst, times) => {
          const pacer = new Pacer({ ratePerSecond: rate, burst });
          const arrivals = [...times].sort((a, b) => a - b);
          const begun = starts(pacer, arrivals);
          begun.forEach((t, i) =>
            assert.ok(t >= arrivals[i], "a call never starts before it arrives"),
          );
          const sorted = [...begun].sort((a, b) => a - b);
          for (let i = 0; i < sorted.length; i++) {
            const inWindow = sorted.filter((t) => t >= sorted[i] && t < sorted[i] + 1000).length;
            assert.ok(inWindow <= burst + rate, `${inWindow} starts in one second`);
          }
        },
      ),
    );
  });

  describe("per region", () => {
    const rates = { writesPerSecond: 20, readsPerSecond: 40 };

    it("GIVEN the same region twice THEN the same pacers, shared by its resources", () => {
      const pacers = new RegionalPacers();
      assert.equal(pacers.of("us-east-1", rates), pacers.of("us-east-1", rates));
    });

    it("GIVEN calls in two regions THEN each paces its own, and reads apart from writes", () => {
      const pacers = new RegionalPacers();
      const east = pacers.of("us-east-1", rates);
      const west = pacers.of("eu-west-1", rates);
      assert.deepEqual(starts(east.write, [0, 0, 0]), [0, 50, 100]);
      assert.deepEqual(starts(west.write, [0, 0, 0]), [0, 50, 100]);
      assert.deepEqual(starts(east.read, [0, 0]), [0, 25]);
    });
  });
});

describe("pacing in line: never more starts in a second than the rate (fake clock)", () => {
  /**
   * Calls taking their turn one after the other, as ../cognito/client.ts waitTurn does: each
   * reserves when the one before it started, then starts `late[i]` ms after its slot (a stalled
   * event loop), and the pacer is told.
   */
  function inLine(rate: number, arrivals: number[], late: number[]): number[] {
    const pacer = new Pacer({ ratePerSecond: rate, inLine: true });
    const out: number[] = [];
    let previous = -Infinity;
    arrivals.forEach((arrival, i) => {
      const now = Math.max(arrival, previous);
      const start = now + pacer.reserve(now) + (late[i] ?? 0);
      pacer.started(start);
      out.push(start);
      previous = start;
    });
    return out;
  }

  it("GIVEN 48/s and no stall THEN evenly spaced, as without the line", () => {
    const s = inLine(48, [0, 0, 0, 0], []);
    assert.deepEqual(
      s.map((t) => Math.round(t * 100) / 100),
      [0, 20.83, 41.67, 62.5],
    );
  });

  it("GIVEN 5/s and a 500 ms stall THEN one call catches up, no second holds 6", () => {
    const s = inLine(5, [0, 0, 0, 0, 0, 0, 0, 0], [0, 500]);
    assert.deepEqual(s, [0, 700, 700, 900, 1100, 1300, 1700, 1900]);
  });

  it("GIVEN any stalls THEN no second holds more than floor(rate) starts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.nat(3000), { minLength: 1, maxLength: 150 }),
        fc.array(fc.oneof(fc.constant(0), fc.nat(200)), { maxLength: 150 }),
        (rate, offsets, late) => {
          const s = inLine(
            rate,
            [...offsets].sort((a, b) => a - b),
            late,
          );
          for (let i = 0; i < s.length; i++) {
            // As Cognito's window: the starts less than a second before this one, and it.
            const inWindow = s.filter((t) => t + 1000 > s[i] && t <= s[i]).length;
            assert.ok(inWindow <= rate, `${inWindow} starts in the second before ${s[i]}`);
          }
        },
      ),
    );
  });

  it("GIVEN a pacer not in line THEN started changes nothing", () => {
    const pacer = new Pacer({ ratePerSecond: 1 });
    pacer.started(0);
    pacer.started(1);
    assert.deepEqual(starts(pacer, [0, 0]), [0, 1000]);
  });
});
