/**
 * The seed: the emulator's initial state, written in YAML or JSON and checked against
 * `seed.schema.json` plus the cross-field rules a schema cannot express. Every problem is
 * reported at once with its path (and file position when known) and a hint how to fix it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import { parseLocated, type Segment } from "../provider/shared/located-yaml";
import { isRecord } from "../provider/shared/records";
import schema from "./seed.schema.json";

/** Threat protection (advanced security) mode of a pool. */
export type ThreatProtectionMode = "OFF" | "AUDIT" | "ENFORCED";
/** Feature plan (tier) of a pool. */
export type FeaturePlan = "LITE" | "ESSENTIALS" | "PLUS";
/** Attributes a pool may accept in place of the username. */
export type AliasAttribute = "email" | "phone_number" | "preferred_username";
/** SigV4 actions a seeded credential can be denied. */
export type DeniableAction =
  "AdminUpdateAuthEventFeedback" | "AdminListUserAuthEvents" | "GetProvisionedLimit" | "ListUsers";
/**
 * A user's account status (`UserStatusType`), the values Cognito still uses; the model's
 * `ARCHIVED`, `COMPROMISED` and `UNKNOWN` are documented as no longer used.
 */
export type UserStatus =
  "UNCONFIRMED" | "CONFIRMED" | "EXTERNAL_PROVIDER" | "RESET_REQUIRED" | "FORCE_CHANGE_PASSWORD";
/** Auth event type. */
export type EventType = "SignIn" | "SignUp" | "ForgotPassword" | "PasswordChange" | "ResendCode";
/** Outcome of an auth event. */
export type EventResponse = "Pass" | "Fail" | "InProgress";
/** Feedback value, case-sensitive as on the wire. */
export type FeedbackValue = "Valid" | "Invalid";

/** A SigV4 credential the emulator accepts when the seed lists any. */
export interface SeedCredential {
  accessKeyId: string;
  /** Made up; used to verify signatures. */
  secretAccessKey: string;
  /** IAM-style user name in AccessDenied messages; default: the access key id. */
  name?: string;
  /**
   * Made up; when set, a request with this key must carry exactly this session token
   * (`X-Amz-Security-Token`); when unset, it must carry none.
   */
  sessionToken?: string;
  /** Actions answered with AccessDeniedException for this credential; default none. */
  deny?: DeniableAction[];
}

/** Requests per second the account may make in one region, per quota category. */
export interface SeedProvisionedLimits {
  UserResourceUpdate?: number;
  UserResourceRead?: number;
  UserList?: number;
}

/** Risk assessment of an event. */
export interface SeedRisk {
  level?: "Low" | "Medium" | "High";
  decision?: "NoRisk" | "AccountTakeover" | "Block";
  compromisedCredentialsDetected?: boolean;
}

/** Where an event came from. */
export interface SeedEventContext {
  ipAddress?: string;
  deviceName?: string;
  timezone?: string;
  city?: string;
  country?: string;
}

/** Feedback already recorded on an event. */
export interface SeedFeedback {
  value: FeedbackValue;
  /** Who gave it; default `Admin`. */
  provider?: string;
  /** ISO 8601 date-time with time zone. */
  date: string;
}

/** An auth event of a user. */
export interface SeedEvent {
  /** Unique within the pool; 1-50 of `[\w+-]`. */
  eventId: string;
  /** Default `SignIn`. */
  eventType?: EventType;
  /** ISO 8601 date-time with time zone; sent as epoch seconds on the wire. */
  creationDate: string;
  /** Default `Pass`. */
  eventResponse?: EventResponse;
  risk?: SeedRisk;
  context?: SeedEventContext;
  challenges?: { name: "Password" | "Mfa"; response: "Success" | "Failure" }[];
  /** Token that `UpdateAuthEventFeedback` must present for this event; none = token mode refused. */
  feedbackToken?: string;
  feedback?: SeedFeedback;
}

/** A user of a pool. */
export interface SeedUser {
  username: string;
  /** Lower-case UUID; default derived from pool id and username (stable across runs). */
  sub?: string;
  /** User attributes, e.g. `{ email: "alice@example.com" }`. */
  attributes?: Record<string, string>;
  /** Whether the account is enabled (`status` "Enabled" in ListUsers filters); default true. */
  enabled?: boolean;
  /** Account status; default `CONFIRMED`. */
  userStatus?: UserStatus;
  /** ISO 8601 date-time with time zone; default {@link DEFAULT_USER_CREATE_DATE}. */
  userCreateDate?: string;
  /** ISO 8601 date-time with time zone, not before `userCreateDate`; default `userCreateDate`. */
  userLastModifiedDate?: string;
  events?: SeedEvent[];
}

/** A user pool. */
export interface SeedUserPool {
  /** `<region>_<id>`, e.g. `us-east-1_DemoPool1`. */
  id: string;
  /** Default `OFF`, as for a new pool in AWS. */
  threatProtection?: ThreatProtectionMode;
  /** Default `PLUS` when threat protection is on, else `ESSENTIALS`. */
  featurePlan?: FeaturePlan;
  /** Attributes accepted in place of the username; default none. */
  aliasAttributes?: AliasAttribute[];
  /** `true` answers every call on the pool with OperationNotEnabledException; default false. */
  operationNotEnabled?: boolean;
  users?: SeedUser[];
}

/** The whole seed; every field is optional, `{}` is an empty emulator. */
export interface Seed {
  /** Ignored; lets JSON seeds point editors at the schema. */
  $schema?: string;
  /** When present, only these keys are accepted and signatures are verified. */
  credentials?: SeedCredential[];
  /**
   * The account's provisioned request-rate limits per region (e.g. `us-east-1`), as
   * GetProvisionedLimit reports them and `quotas: "real"` enforces them; a region or category left
   * out has Cognito's free limit.
   */
  provisionedLimits?: Record<string, SeedProvisionedLimits>;
  userPools?: SeedUserPool[];
}

/** One problem found in a seed. */
export interface SeedProblem {
  /** Where, e.g. `userPools[0].users[1].events[0].eventId`, or `(root)`. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** 1-based position in the file, when the seed came from text. */
  line?: number;
  column?: number;
}

/** A seed that cannot be loaded; `problems` lists every problem found. */
export class SeedError extends Error {
  readonly problems: readonly SeedProblem[];

  constructor(source: string, problems: readonly SeedProblem[]) {
    const lines = problems.map((p) => {
      const where = p.line === undefined ? source : `${source}:${p.line}:${p.column ?? 1}`;
      return `  - ${where} ${p.path}: ${p.message}`;
    });
    const n = problems.length;
    super(`Seed ${source} has ${n} problem${n === 1 ? "" : "s"}:\n${lines.join("\n")}`);
    this.name = "SeedError";
    this.problems = problems;
  }
}

interface RawProblem {
  segments: Segment[];
  message: string;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
const validateSchema = ajv.compile<Seed>(schema);

/** A validator for one part of the schema, e.g. `user` or `userPool/properties/id`. */
function definition<T>(pointer: string): (value: unknown) => value is T {
  const validate = ajv.getSchema<T>(`${schema.$id}#/definitions/${pointer}`);
  if (validate === undefined) throw new Error(`seed.schema.json has no #/definitions/${pointer}`);
  return (value: unknown): value is T => validate(value) === true;
}
const isValidCredential = definition<SeedCredential>("credential");
const isValidPoolId = definition<string>("userPool/properties/id");
const isValidMode = definition<ThreatProtectionMode>("userPool/properties/threatProtection");
const isValidPlan = definition<FeaturePlan>("userPool/properties/featurePlan");
const isValidAliases = definition<AliasAttribute[]>("userPool/properties/aliasAttributes");
const isValidUser = definition<SeedUser>("user");
const isValidEvent = definition<SeedEvent>("event");

/** Values under these keys are never echoed in problem messages. */
const SECRET_KEYS = new Set(["feedbackToken", "secretAccessKey", "sessionToken"]);

function pointerToSegments(pointer: string, root: unknown): Segment[] {
  if (pointer === "") return [];
  const out: Segment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const seg: Segment = Array.isArray(node) ? Number(key) : key;
    out.push(seg);
    node =
      node !== null && typeof node === "object"
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return out;
}

/** `["userPools", 0, "id"]` -> `userPools[0].id`. */
export function formatPath(segments: readonly Segment[]): string {
  if (segments.length === 0) return "(root)";
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join("");
}

function show(value: unknown, key: Segment | undefined): string {
  if (typeof key === "string" && SECRET_KEYS.has(key)) return "(value hidden)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}

/** The `description` of a schema node, following a local `$ref` if needed. */
function describe(schemaNode: unknown): string | undefined {
  if (schemaNode === null || typeof schemaNode !== "object") return undefined;
  const { description, $ref } = schemaNode as { description?: unknown; $ref?: unknown };
  if (typeof description === "string") return description;
  const name = typeof $ref === "string" ? /^#\/definitions\/(\w+)$/.exec($ref)?.[1] : undefined;
  return name === undefined
    ? undefined
    : describe((schema.definitions as Record<string, unknown>)[name]);
}

function schemaProblem(e: ErrorObject, root: unknown): RawProblem {
  const segments = pointerToSegments(e.instancePath, root);
  const last = segments[segments.length - 1];
  const expected = describe(e.parentSchema);
  const got = show(e.data, last);
  switch (e.keyword) {
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const props = (e.parentSchema as { properties?: Record<string, unknown> }).properties ?? {};
      const what = describe(props[missing]);
      return {
        segments,
        message: `missing required field "${missing}"; add ${what === undefined ? "it" : `${missing}: ${what}`}`,
      };
    }
    case "additionalProperties": {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const props = (e.parentSchema as { properties?: Record<string, unknown> }).properties ?? {};
      const allowed = Object.keys(props).filter((k) => k !== "$schema");
      return {
        segments: [...segments, extra],
        message: `unknown field "${extra}"; check the spelling, allowed fields here: ${allowed.join(", ")}`,
      };
    }
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      return {
        segments,
        message: `got ${got}; use one of ${allowed.map(String).join(", ")} (case-sensitive)`,
      };
    }
    case "type":
      return {
        segments,
        message: `got ${got}; expected ${expected ?? (e.params as { type: string }).type}`,
      };
    case "uniqueItems": {
      const { i, j } = e.params as { i: number; j: number };
      return { segments, message: `items ${j} and ${i} are the same; list each value once` };
    }
    case "pattern":
      // The description says in words what the regex means; the regex itself helps nobody.
      return expected === undefined
        ? { segments, message: `got ${got}, which ${e.message ?? "is invalid"}` }
        : { segments, message: `got ${got}; expected ${expected}` };
    default:
      return {
        segments,
        message: `got ${got}, which ${e.message ?? "is invalid"}; expected ${expected ?? "a valid value"}`,
      };
  }
}

/**
 * The `sub` a seeded user gets when the seed gives none: derived from pool id and username, so it
 * is stable across runs (tests and docs can rely on it), shaped as a version-5-style UUID.
 */
export function defaultSub(poolId: string, username: string): string {
  const h = createHash("sha1").update(`${poolId}/${username}`).digest("hex");
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** When a seeded user was created if the seed does not say: fixed, so listings are stable. */
export const DEFAULT_USER_CREATE_DATE = "2026-01-01T00:00:00Z";

/** The feature plan a pool gets when the seed gives none. */
export function defaultFeaturePlan(threatProtection: ThreatProtectionMode): FeaturePlan {
  return threatProtection === "OFF" ? "ESSENTIALS" : "PLUS";
}

/** Remembers where a value was first seen so a duplicate can point back at it. */
class FirstSeen {
  private readonly seen = new Map<string, Segment[]>();

  /** The path where `key` was seen before, or undefined (and records `at`). */
  check(key: string, at: Segment[]): Segment[] | undefined {
    const before = this.seen.get(key);
    if (before === undefined) this.seen.set(key, at);
    return before;
  }
}

function listAt(value: unknown, key: string): unknown[] {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? (list as unknown[]) : [];
}

/**
 * Rules across fields and items that JSON Schema cannot express. Each rule looks only at parts
 * that are schema-valid on their own, so it is reported together with the schema problems
 * instead of after they are fixed.
 */
function crossFieldProblems(value: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  const dup = (at: Segment[], what: string, before: Segment[]): void => {
    out.push({
      segments: at,
      message: `${what}, already used at ${formatPath(before)}; make it unique`,
    });
  };

  const keys = new FirstSeen();
  listAt(value, "credentials").forEach((c, i) => {
    if (!isValidCredential(c)) return;
    const at: Segment[] = ["credentials", i, "accessKeyId"];
    const before = keys.check(c.accessKeyId, at);
    if (before !== undefined) dup(at, `duplicate access key id "${c.accessKeyId}"`, before);
  });

  const poolIds = new FirstSeen();
  listAt(value, "userPools").forEach((pool, p) => {
    if (!isRecord(pool)) return;
    const poolAt: Segment[] = ["userPools", p];
    const id = isValidPoolId(pool.id) ? pool.id : undefined;
    if (id !== undefined) {
      const before = poolIds.check(id, [...poolAt, "id"]);
      if (before !== undefined) dup([...poolAt, "id"], `duplicate user pool id "${id}"`, before);
    }

    const mode = isValidMode(pool.threatProtection) ? pool.threatProtection : "OFF";
    const plan = isValidPlan(pool.featurePlan) ? pool.featurePlan : undefined;
    if (mode !== "OFF" && plan !== undefined && plan !== "PLUS") {
      out.push({
        segments: [...poolAt, "featurePlan"],
        message:
          `threat protection ${mode} needs the PLUS feature plan, got ${plan}; ` +
          `set featurePlan: PLUS (or threatProtection: OFF)`,
      });
    }
    const aliasAttributes = isValidAliases(pool.aliasAttributes) ? pool.aliasAttributes : [];

    const usernames = new FirstSeen();
    const subs = new FirstSeen();
    const aliases = new FirstSeen();
    const eventIds = new FirstSeen();
    listAt(pool, "users").forEach((user, u) => {
      const userAt: Segment[] = [...poolAt, "users", u];
      // The user's own fields are checked apart from its events, which have their own rules.
      const header = isRecord(user)
        ? Object.fromEntries(Object.entries(user).filter(([key]) => key !== "events"))
        : undefined;
      if (isValidUser(header)) {
        const seenName = usernames.check(header.username, [...userAt, "username"]);
        if (seenName !== undefined) {
          dup(
            [...userAt, "username"],
            `duplicate username "${header.username}" in this pool`,
            seenName,
          );
        }
        const sub = header.sub ?? defaultSub(id ?? "", header.username);
        const seenSub = subs.check(sub, [...userAt, "sub"]);
        if (seenSub !== undefined) dup([...userAt, "sub"], `duplicate sub "${sub}"`, seenSub);

        const attributes = header.attributes ?? {};
        if (Object.prototype.hasOwnProperty.call(attributes, "sub")) {
          out.push({
            segments: [...userAt, "attributes", "sub"],
            message: `set the user's sub with the "sub" field next to "username", not as an attribute`,
          });
        }
        for (const attr of aliasAttributes) {
          const alias = attributes[attr];
          if (alias === undefined) continue;
          const at: Segment[] = [...userAt, "attributes", attr];
          const seen = aliases.check(`${attr}=${alias}`, at);
          if (seen !== undefined) dup(at, `alias ${attr} "${alias}" belongs to another user`, seen);
        }
        out.push(...userDateProblems(header, userAt));
      }

      listAt(user, "events").forEach((event, e) => {
        if (!isValidEvent(event)) return;
        const eventAt: Segment[] = [...userAt, "events", e];
        const seenEvent = eventIds.check(event.eventId, [...eventAt, "eventId"]);
        if (seenEvent !== undefined) {
          dup(
            [...eventAt, "eventId"],
            `duplicate event id "${event.eventId}" in this pool`,
            seenEvent,
          );
        }
        if (Number.isNaN(Date.parse(event.creationDate))) {
          out.push({
            segments: [...eventAt, "creationDate"],
            message: `"${event.creationDate}" is not a real date-time; use e.g. 2026-11-01T10:00:00Z`,
          });
        }
        if (event.feedback !== undefined && Number.isNaN(Date.parse(event.feedback.date))) {
          out.push({
            segments: [...eventAt, "feedback", "date"],
            message: `"${event.feedback.date}" is not a real date-time; use e.g. 2026-11-02T09:00:00Z`,
          });
        }
      });
    });
  });
  return out;
}

/** A seeded user's dates must be real, and it cannot have been modified before it was created. */
function userDateProblems(user: SeedUser, userAt: Segment[]): RawProblem[] {
  const out: RawProblem[] = [];
  const real = (key: "userCreateDate" | "userLastModifiedDate"): number | undefined => {
    const text = user[key];
    if (text === undefined) return undefined;
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) {
      out.push({
        segments: [...userAt, key],
        message: `"${text}" is not a real date-time; use e.g. ${DEFAULT_USER_CREATE_DATE}`,
      });
      return undefined;
    }
    return ms;
  };
  const created = real("userCreateDate") ?? Date.parse(DEFAULT_USER_CREATE_DATE);
  const modified = real("userLastModifiedDate");
  if (modified !== undefined && modified < created) {
    out.push({
      segments: [...userAt, "userLastModifiedDate"],
      message: `a user cannot be modified before it was created (${user.userCreateDate ?? DEFAULT_USER_CREATE_DATE}); use a later date or leave it out`,
    });
  }
  return out;
}

function rawProblems(value: unknown): RawProblem[] {
  const schemaProblems = validateSchema(value)
    ? []
    : (validateSchema.errors ?? [])
        // A bad property name is already reported by its own pattern error.
        .filter((e) => e.keyword !== "propertyNames")
        .map((e) => schemaProblem(e, value));
  return [...schemaProblems, ...crossFieldProblems(value)];
}

/**
 * Checks a seed object (e.g. one built in code) and returns it typed.
 * @param source name used in the error message; default `seed`.
 * @throws SeedError listing every problem.
 */
export function validateSeed(value: unknown, source = "seed"): Seed {
  const problems = rawProblems(value);
  if (problems.length > 0) {
    throw new SeedError(
      source,
      problems.map((p) => ({ path: formatPath(p.segments), message: p.message })),
    );
  }
  return value as Seed;
}

/**
 * Parses seed text (YAML or JSON; JSON is YAML) and validates it.
 * @param fileName used in messages and positions.
 * @throws SeedError listing every problem, with line and column.
 */
export function parseSeed(text: string, fileName: string): Seed {
  const parsed = parseLocated(text);
  if (!parsed.ok) {
    throw new SeedError(
      fileName,
      parsed.errors.map((e) => ({
        path: "(syntax)",
        message: `${e.message}; fix the YAML/JSON${e.syntax ? " syntax" : ""}`,
        line: e.line,
        column: e.column,
      })),
    );
  }
  const problems = rawProblems(parsed.value);
  if (problems.length > 0) {
    const located: SeedProblem[] = problems.map((p) => ({
      path: formatPath(p.segments),
      message: p.message,
      ...parsed.locate(p.segments),
    }));
    // In file order, which is how a reader fixes them.
    located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new SeedError(fileName, located);
  }
  return parsed.value as Seed;
}

/**
 * Reads and validates a seed file (`.yaml`, `.yml` or `.json`).
 * @throws SeedError listing every problem; Error when the file cannot be read.
 */
export function loadSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`Cannot read seed file ${file}: ${(err as Error).message}`, { cause: err });
  }
  const relative = path.relative(process.cwd(), file);
  return parseSeed(text, relative === "" || relative.startsWith("..") ? file : relative);
}
