// Pure request pacing: decides when each call may start so a process stays below a per-second
// quota. No timers and no I/O: the caller passes the time and does the waiting, so tests drive it
// with a fake clock.

/** Options of a {@link Pacer}. */
export interface PacerOptions {
  /** Calls per second; 0 (or Infinity) switches pacing off. */
  ratePerSecond: number;
  /** Calls that may start at once after an idle spell. @default 1 (evenly spaced calls) */
  burst?: number;
  /**
   * Calls wait in line (./client.ts waitTurn): each reserves its slot once the one before it has
   * started, and no slot is given that would put more than `floor(ratePerSecond)` actual starts
   * (see {@link Pacer.started}) in any one second. Evenly spaced as usual, catching up after a
   * late start, but a stalled event loop never sends the calls it delayed faster than the quota
   * counts them over any one-second window. @default false
   */
  inLine?: boolean;
}

/**
 * An interval scheduler (the generic cell rate algorithm, a token bucket in reservation form):
 * call {@link reserve} once per call and wait the returned milliseconds before sending. With burst
 * `b` and rate `r`, no one-second window holds more than `b + r` starts, so `b + r` must stay
 * below the quota; the default burst of 1 keeps calls evenly spaced.
 */
export class Pacer {
  private intervalMs = 0;
  private toleranceMs = 0;
  // The theoretical start time of the next call when calls are evenly spaced.
  private nextMs = -Infinity;

  /** Whether calls wait in line (see {@link PacerOptions.inLine}). */
  readonly inLine: boolean;
  // In line: the actual start times of the last `windowCalls` calls, oldest first.
  private starts: number[] = [];
  private windowCalls = Infinity;

  constructor(options: PacerOptions) {
    this.inLine = options.inLine === true;
    this.configure(options);
  }

  /** Changes the rate (and burst) for calls reserved from now on. */
  configure(options: PacerOptions): void {
    const { ratePerSecond, burst = 1 } = options;
    if (!(ratePerSecond >= 0) || !(burst >= 1)) {
      throw new RangeError(`invalid pacing: ${ratePerSecond}/s, burst ${burst}`);
    }
    this.intervalMs = ratePerSecond === 0 || ratePerSecond === Infinity ? 0 : 1000 / ratePerSecond;
    this.toleranceMs = (Math.floor(burst) - 1) * this.intervalMs;
    this.windowCalls = this.intervalMs === 0 ? Infinity : Math.max(1, Math.floor(ratePerSecond));
  }

  /** Calls per second now in force (Infinity when pacing is off). */
  get ratePerSecond(): number {
    return this.intervalMs === 0 ? Infinity : 1000 / this.intervalMs;
  }

  /** In line: records that the call reserved last started at `nowMs` (after its wait). */
  started(nowMs: number): void {
    if (!this.inLine || this.windowCalls === Infinity) return;
    this.starts.push(nowMs);
    while (this.starts.length > this.windowCalls) this.starts.shift();
  }

  /** Reserves the next start slot for a call made at `nowMs`; returns how long to wait (ms, >= 0). */
  reserve(nowMs: number): number {
    if (this.intervalMs === 0) return 0;
    let start = Math.max(nowMs, this.nextMs - this.toleranceMs);
    // In line: a full window after the oldest of the last `windowCalls` starts.
    if (this.starts.length >= this.windowCalls) start = Math.max(start, this.starts[0] + 1000);
    this.nextMs = Math.max(this.nextMs, start) + this.intervalMs;
    return start - nowMs;
  }
}

/** The write pacer and the read pacer of one region. */
export interface RegionPacers {
  /** Feedback calls: the UserResourceUpdate quota. */
  write: Pacer;
  /** AdminListUserAuthEvents calls: the UserResourceRead quota. */
  read: Pacer;
}

/**
 * One {@link RegionPacers} per region, created on first use: Cognito counts its quotas per
 * account and region, so calls to different regions never wait for each other.
 */
export class RegionalPacers {
  private readonly byRegion = new Map<string, RegionPacers>();

  /** The pacers of `region`; new ones start at the given rates. */
  of(region: string, initial: { writesPerSecond: number; readsPerSecond: number }): RegionPacers {
    let pacers = this.byRegion.get(region);
    if (pacers === undefined) {
      pacers = {
        write: new Pacer({ ratePerSecond: initial.writesPerSecond }),
        read: new Pacer({ ratePerSecond: initial.readsPerSecond }),
      };
      this.byRegion.set(region, pacers);
    }
    return pacers;
  }
}
