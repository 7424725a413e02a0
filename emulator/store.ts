/**
 * In-memory state of the emulator: pools, users, auth events and feedback, the seeded
 * credentials, a log of requests (metadata only) and injected faults. No I/O.
 */
import { ServiceError } from "./errors";
import {
  FaultPlan,
  QUOTA_CATEGORIES,
  REAL_QUOTAS,
  isQuotaCategory,
  quotaCategoryChoice,
  type FaultOptions,
  type QuotaCategory,
} from "./faults";
import { AUTH_EVENT_OPERATIONS, IMPLEMENTED_OPERATIONS, type OperationName } from "./model";
import {
  DEFAULT_USER_CREATE_DATE,
  defaultFeaturePlan,
  defaultSub,
  validateSeed,
  type AliasAttribute,
  type EventResponse,
  type EventType,
  type FeaturePlan,
  type FeedbackValue,
  type Seed,
  type SeedCredential,
  type SeedEvent,
  type SeedEventContext,
  type SeedRisk,
  type SeedUser,
  type SeedUserPool,
  type ThreatProtectionMode,
  type UserStatus,
} from "./seed";

/** Feedback recorded on an event. */
export interface FeedbackRecord {
  value: FeedbackValue;
  /** `Admin` for AdminUpdateAuthEventFeedback, `User` for UpdateAuthEventFeedback, or as seeded. */
  provider: string;
  date: Date;
}

/** An auth event as stored. */
export interface AuthEventRecord {
  eventId: string;
  eventType: EventType;
  creationDate: Date;
  eventResponse: EventResponse;
  risk?: SeedRisk;
  context?: SeedEventContext;
  challenges?: { name: string; response: string }[];
  feedbackToken?: string;
  feedback?: FeedbackRecord;
}

/** A user as stored. */
export interface UserRecord {
  username: string;
  sub: string;
  attributes: Record<string, string>;
  enabled: boolean;
  userStatus: UserStatus;
  userCreateDate: Date;
  userLastModifiedDate: Date;
  events: AuthEventRecord[];
}

/** A user pool as stored, defaults applied. */
export interface PoolRecord {
  id: string;
  /** The part of the id before `_`. */
  region: string;
  threatProtection: ThreatProtectionMode;
  featurePlan: FeaturePlan;
  aliasAttributes: AliasAttribute[];
  operationNotEnabled: boolean;
  users: UserRecord[];
}

/** What the emulator remembers about one request: never its body, token or username. */
export interface RequestRecord {
  /** Value sent back in `x-amzn-RequestId`. */
  requestId: string;
  /** Operation named by `X-Amz-Target`, without the service prefix; undefined when absent. */
  operation?: string;
  /** Whether the request carried an `Authorization` header. */
  signed: boolean;
  /** HTTP status sent back; 0 when the connection was dropped with no answer. */
  status: number;
  /** `__type` of the error response; undefined on success. */
  errorType?: string;
  /** `true` when the connection was destroyed with no answer (simulated drop); absent otherwise. */
  dropped?: true;
  /** Milliseconds from arrival to answer (or to the drop). */
  durationMs: number;
}

/** A failure to inject into upcoming requests. */
export interface FaultSpec {
  /**
   * Operation to fail (e.g. `AdminUpdateAuthEventFeedback`); default any of the three auth-event
   * operations (GetProvisionedLimit and ListUsers only when named).
   */
  operation?: string;
  /** Error name sent as `__type`, e.g. `TooManyRequestsException`. */
  error: string;
  /** Default `Rate exceeded` for TooManyRequestsException, else a text naming the injection. */
  message?: string;
  /** How many matching requests fail; default 1; `Infinity` until {@link EmulatorStore.clearFaults}. */
  times?: number;
  /** HTTP status; default 500 for InternalErrorException, else 400 (as real Cognito). */
  status?: number;
}

/** How the requests for one operation ended. */
export interface OperationCounters {
  /** Answered with HTTP 200. */
  succeeded: number;
  /** Answered TooManyRequestsException (quota or injected). */
  throttled: number;
  /** Answered InternalErrorException (random or injected). */
  internalErrors: number;
  /** Connection destroyed with no answer. */
  dropped: number;
  /** Answered with any other error. */
  otherErrors: number;
}

/** Counters since start (or {@link EmulatorStore.resetCounters}). */
export interface EmulatorCounters {
  operations: Record<OperationName, OperationCounters>;
  /** Feedback writes actually recorded by either feedback operation. */
  feedbackWritesApplied: number;
}

/** The outcome of one request, as counted. */
export type RequestOutcome = keyof OperationCounters;

function emptyCounters(): EmulatorCounters {
  const operations = {} as Record<OperationName, OperationCounters>;
  for (const op of IMPLEMENTED_OPERATIONS) {
    operations[op] = { succeeded: 0, throttled: 0, internalErrors: 0, dropped: 0, otherErrors: 0 };
  }
  return { operations, feedbackWritesApplied: 0 };
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

function toEventRecord(event: SeedEvent): AuthEventRecord {
  return {
    eventId: event.eventId,
    eventType: event.eventType ?? "SignIn",
    creationDate: new Date(event.creationDate),
    eventResponse: event.eventResponse ?? "Pass",
    ...(event.risk === undefined ? {} : { risk: { ...event.risk } }),
    ...(event.context === undefined ? {} : { context: { ...event.context } }),
    ...(event.challenges === undefined
      ? {}
      : { challenges: event.challenges.map((c) => ({ ...c })) }),
    ...(event.feedbackToken === undefined ? {} : { feedbackToken: event.feedbackToken }),
    ...(event.feedback === undefined
      ? {}
      : {
          feedback: {
            value: event.feedback.value,
            provider: event.feedback.provider ?? "Admin",
            date: new Date(event.feedback.date),
          },
        }),
  };
}

/** The emulator's state. Every method is synchronous; requests are handled one at a time. */
export class EmulatorStore {
  /** One record per request handled, oldest first. */
  readonly requests: RequestRecord[] = [];
  private readonly pools = new Map<string, PoolRecord>();
  private readonly credentialList: SeedCredential[] = [];
  // Region -> category -> requests per second; what is not here has the free limit.
  private readonly provisioned = new Map<string, Map<QuotaCategory, number>>();
  private faults: ActiveFault[] = [];
  private plan = new FaultPlan();
  private counts = emptyCounters();

  /**
   * Adds everything in a seed (validated first). Throws if the seed is invalid or names a pool
   * or access key that is already loaded; nothing is added then.
   */
  load(seed: Seed): void {
    validateSeed(seed);
    for (const pool of seed.userPools ?? []) {
      if (this.pools.has(pool.id)) throw new Error(`User pool ${pool.id} is already loaded.`);
    }
    for (const c of seed.credentials ?? []) {
      if (this.credential(c.accessKeyId) !== undefined) {
        throw new Error(`Access key ${c.accessKeyId} is already loaded.`);
      }
    }
    for (const c of seed.credentials ?? []) {
      this.credentialList.push({ ...c, deny: [...(c.deny ?? [])] });
    }
    for (const [region, limits] of Object.entries(seed.provisionedLimits ?? {})) {
      for (const category of QUOTA_CATEGORIES) {
        const value = limits[category];
        if (value !== undefined) this.setProvisionedLimit(region, category, value);
      }
    }
    for (const pool of seed.userPools ?? []) this.insertPool(pool);
  }

  /**
   * The account's enforced request rate for `category` in `region`: as seeded or set with
   * {@link setProvisionedLimit}, else Cognito's free limit. GetProvisionedLimit answers it, and
   * `quotas: "real"` enforces it.
   */
  provisionedLimit(region: string, category: QuotaCategory): number {
    return this.provisioned.get(region)?.get(category) ?? this.freeLimit(category);
  }

  /** Cognito's free (default) request rate for `category`. */
  freeLimit(category: QuotaCategory): number {
    return REAL_QUOTAS[category];
  }

  /**
   * Changes the account's enforced rate for `category` in `region` at run time (a team buying
   * capacity, or AWS lowering it); with `quotas: "real"` it applies from the next request.
   * @throws Error for an unknown category or a rate that is not a whole number >= 1.
   */
  setProvisionedLimit(region: string, category: QuotaCategory, requestsPerSecond: number): void {
    if (!isQuotaCategory(category)) {
      throw new Error(
        `Unknown quota category ${JSON.stringify(category)}; use ${quotaCategoryChoice()}.`,
      );
    }
    if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1)) {
      throw new Error(
        `A provisioned limit must be a whole number of requests per second >= 1, got ${requestsPerSecond}.`,
      );
    }
    let limits = this.provisioned.get(region);
    if (limits === undefined) {
      limits = new Map();
      this.provisioned.set(region, limits);
    }
    limits.set(category, requestsPerSecond);
  }

  /** Adds one pool (with its users and events), validated like a seed. */
  addPool(pool: SeedUserPool): void {
    this.load({ userPools: [pool] });
  }

  /** Adds one user (with its events) to a loaded pool, validated like a seed. */
  addUser(userPoolId: string, user: SeedUser): void {
    validateSeed({ userPools: [{ id: userPoolId, users: [user] }] });
    const pool = this.requirePool(userPoolId);
    const taken = [user.username, user.sub ?? defaultSub(userPoolId, user.username)];
    for (const attr of pool.aliasAttributes) {
      const v = user.attributes?.[attr];
      if (v !== undefined) taken.push(v);
    }
    if (taken.some((name) => this.findUser(pool, name) !== undefined)) {
      throw new Error(`A user with that username, sub or alias already exists in ${userPoolId}.`);
    }
    for (const e of user.events ?? []) this.requireNewEventId(pool, e.eventId);
    this.insertUser(pool, user);
  }

  /** Adds one event to a loaded user (found by username, alias or sub), validated like a seed. */
  addEvent(userPoolId: string, username: string, event: SeedEvent): void {
    validateSeed({ userPools: [{ id: userPoolId, users: [{ username, events: [event] }] }] });
    const pool = this.requirePool(userPoolId);
    const user = this.findUser(pool, username);
    if (user === undefined) throw new Error(`No such user in ${userPoolId}.`);
    this.requireNewEventId(pool, event.eventId);
    user.events.push(toEventRecord(event));
  }

  /** The pool with this id, or undefined. */
  pool(userPoolId: string): PoolRecord | undefined {
    return this.pools.get(userPoolId);
  }

  /** Ids of all loaded pools, in load order. */
  poolIds(): string[] {
    return [...this.pools.keys()];
  }

  /**
   * The user that `name` designates, as Cognito resolves `Username`: the username itself, else a
   * value of one of the pool's alias attributes, else the user's `sub`. Matching is exact.
   */
  findUser(pool: PoolRecord, name: string): UserRecord | undefined {
    return (
      pool.users.find((u) => u.username === name) ??
      pool.users.find((u) => pool.aliasAttributes.some((a) => u.attributes[a] === name)) ??
      pool.users.find((u) => u.sub === name)
    );
  }

  /** The event with this id in a pool, with its user. */
  findEvent(
    userPoolId: string,
    eventId: string,
  ): { user: UserRecord; event: AuthEventRecord } | undefined {
    for (const user of this.pools.get(userPoolId)?.users ?? []) {
      const event = user.events.find((e) => e.eventId === eventId);
      if (event !== undefined) return { user, event };
    }
    return undefined;
  }

  /** Seeded credentials; empty means any well-formed signature is accepted. */
  get credentials(): readonly SeedCredential[] {
    return this.credentialList;
  }

  /** The seeded credential with this access key id, or undefined. */
  credential(accessKeyId: string): SeedCredential | undefined {
    return this.credentialList.find((c) => c.accessKeyId === accessKeyId);
  }

  /** Feedback currently recorded on an event (a copy), or undefined when none or no such event. */
  feedbackOf(userPoolId: string, eventId: string): FeedbackRecord | undefined {
    const fb = this.findEvent(userPoolId, eventId)?.event.feedback;
    return fb === undefined ? undefined : { ...fb, date: new Date(fb.date) };
  }

  /**
   * Records feedback on an event directly, e.g. to simulate a change made outside a stack.
   * @param date default now.
   * @throws Error when the pool or event does not exist.
   */
  setFeedback(
    userPoolId: string,
    eventId: string,
    value: FeedbackValue,
    provider: string,
    date: Date = new Date(),
  ): void {
    const found = this.findEvent(userPoolId, eventId);
    if (found === undefined) throw new Error(`No event ${eventId} in user pool ${userPoolId}.`);
    found.event.feedback = { value, provider, date: new Date(date) };
  }

  /** Makes the next `times` requests for `operation` (default: any) fail with `error`. */
  injectFault(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
      throw new Error(`Fault "times" must be a positive integer or Infinity, got ${times}.`);
    }
    this.faults.push({ spec: { ...spec }, remaining: times });
  }

  /**
   * Replaces the simulated faults (quotas, internal-error and drop rates, latency, seed); `{}`
   * turns them all off. Restarts the PRNG and the quota windows.
   * @throws FaultOptionsError naming a bad option; the previous faults stay in force then.
   */
  setFaults(options: FaultOptions): void {
    this.plan = new FaultPlan(options);
  }

  /** The simulated faults in force (see {@link setFaults}). */
  get faultPlan(): FaultPlan {
    return this.plan;
  }

  /** A copy of the counters. */
  counters(): EmulatorCounters {
    return structuredClone(this.counts);
  }

  /** Every operation's counters added up. */
  counterTotals(): OperationCounters {
    const total: OperationCounters = {
      succeeded: 0,
      throttled: 0,
      internalErrors: 0,
      dropped: 0,
      otherErrors: 0,
    };
    for (const op of Object.values(this.counts.operations)) {
      for (const key of Object.keys(total) as (keyof OperationCounters)[]) total[key] += op[key];
    }
    return total;
  }

  /** Sets every counter back to 0. */
  resetCounters(): void {
    this.counts = emptyCounters();
  }

  /** Counts one request's outcome. @internal Called by the server only. */
  countRequest(operation: OperationName, outcome: RequestOutcome): void {
    this.counts.operations[operation][outcome] += 1;
  }

  /** Counts one feedback write recorded on an event. @internal Called by the operations only. */
  countFeedbackWrite(): void {
    this.counts.feedbackWritesApplied += 1;
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    this.faults = [];
  }

  /** Empties {@link requests}. */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /**
   * Consumes one pending fault matching `operation` and returns the error to answer with,
   * or undefined when none is pending. Faults fire in the order they were injected.
   */
  takeFault(operation: string): ServiceError | undefined {
    // A fault for "any" operation means the auth-event ones: the provider's limit discovery
    // (GetProvisionedLimit) or a sweep's ListUsers must not use up a fault a test meant for a
    // feedback or event-listing call.
    const active = this.faults.find((f) =>
      f.spec.operation === undefined
        ? (AUTH_EVENT_OPERATIONS as readonly string[]).includes(operation)
        : f.spec.operation === operation,
    );
    if (active === undefined) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.faults = this.faults.filter((f) => f !== active);
    const { error, message, status } = active.spec;
    const text =
      message ??
      (error === "TooManyRequestsException"
        ? "Rate exceeded"
        : `${error} injected by the emulator.`);
    return status === undefined
      ? new ServiceError(error, text)
      : new ServiceError(error, text, status);
  }

  /** Counts of loaded pools, users and events. */
  summary(): { pools: number; users: number; events: number } {
    let users = 0;
    let events = 0;
    for (const pool of this.pools.values()) {
      users += pool.users.length;
      for (const u of pool.users) events += u.events.length;
    }
    return { pools: this.pools.size, users, events };
  }

  private requirePool(userPoolId: string): PoolRecord {
    const pool = this.pools.get(userPoolId);
    if (pool === undefined) throw new Error(`User pool ${userPoolId} is not loaded.`);
    return pool;
  }

  private requireNewEventId(pool: PoolRecord, eventId: string): void {
    if (this.findEvent(pool.id, eventId) !== undefined) {
      throw new Error(`Event ${eventId} already exists in ${pool.id}.`);
    }
  }

  private insertPool(pool: SeedUserPool): void {
    const threatProtection = pool.threatProtection ?? "OFF";
    const record: PoolRecord = {
      id: pool.id,
      region: pool.id.slice(0, pool.id.indexOf("_")),
      threatProtection,
      featurePlan: pool.featurePlan ?? defaultFeaturePlan(threatProtection),
      aliasAttributes: [...(pool.aliasAttributes ?? [])],
      operationNotEnabled: pool.operationNotEnabled ?? false,
      users: [],
    };
    this.pools.set(pool.id, record);
    for (const user of pool.users ?? []) this.insertUser(record, user);
  }

  private insertUser(pool: PoolRecord, user: SeedUser): void {
    const created = new Date(user.userCreateDate ?? DEFAULT_USER_CREATE_DATE);
    pool.users.push({
      username: user.username,
      sub: user.sub ?? defaultSub(pool.id, user.username),
      attributes: { ...(user.attributes ?? {}) },
      enabled: user.enabled ?? true,
      userStatus: user.userStatus ?? "CONFIRMED",
      userCreateDate: created,
      userLastModifiedDate:
        user.userLastModifiedDate === undefined ? created : new Date(user.userLastModifiedDate),
      events: (user.events ?? []).map(toEventRecord),
    });
  }
}
