// Pure parsing of the provider's tunables from Pulumi stack config and environment variables.
// No I/O: the caller passes a config reader and the environment.

/** Namespace of the stack-config keys (`pulumi config set cognito-feedback:<key> <value>`). */
export const CONFIG_NAMESPACE = "cognito-feedback";

/** How fast and how persistently the provider calls Cognito. */
export interface CallSettings {
  /**
   * Feedback calls per second per region, shared by every resource of that region in the
   * process; Infinity = no pacing. Undefined when not set: the account's discovered limit, or the
   * default, decides (see ./limits.ts).
   */
  writesPerSecond?: number;
  /** AdminListUserAuthEvents calls per second per region, as {@link writesPerSecond}. */
  readsPerSecond?: number;
  /**
   * Whether to read the account's enforced limits with GetProvisionedLimit on the first call in
   * a region (for the rates not set explicitly).
   */
  discoverLimits: boolean;
  /**
   * Attempts per call (first try plus retries); undefined leaves it to the AWS SDK, which then
   * reads `AWS_MAX_ATTEMPTS`.
   */
  maxAttempts?: number;
  /** The SDK retry mode; undefined leaves it to the SDK, which then reads `AWS_RETRY_MODE`. */
  retryMode?: "adaptive";
}

/**
 * Defaults: below the UserResourceUpdate (25/s) and UserResourceRead (50/s) quotas. Writes at 23/s:
 * 26 evenly paced calls then span 1087 ms, 87 ms of slack against Cognito's one-second window for
 * timer and network jitter; at 24/s and 25/s the benchmark measured throttles, each of which also
 * slows the adaptive retry mode's client-side rate limiter (bench/RESULTS.md).
 */
export const DEFAULT_SETTINGS: Readonly<Required<CallSettings>> = {
  writesPerSecond: 23,
  readsPerSecond: 40,
  discoverLimits: true,
  maxAttempts: 10,
  retryMode: "adaptive",
};

/** Stack-config key and environment variable of the limit-discovery switch. */
export const DISCOVER_LIMITS = {
  key: "discoverLimits",
  env: "COGNITO_FEEDBACK_DISCOVER_LIMITS",
} as const;

interface Setting {
  key: "writesPerSecond" | "readsPerSecond" | "maxAttempts";
  env: string;
  integer: boolean;
  min: number;
  max: number;
  meaning: string;
}

const SETTINGS: readonly Setting[] = [
  {
    key: "writesPerSecond",
    env: "COGNITO_FEEDBACK_WRITES_PER_SECOND",
    integer: false,
    min: 0,
    max: 10_000,
    meaning: "feedback calls per second (0 = no pacing); Cognito allows 25",
  },
  {
    key: "readsPerSecond",
    env: "COGNITO_FEEDBACK_READS_PER_SECOND",
    integer: false,
    min: 0,
    max: 10_000,
    meaning: "AdminListUserAuthEvents calls per second (0 = no pacing); Cognito allows 50",
  },
  {
    key: "maxAttempts",
    env: "COGNITO_FEEDBACK_MAX_ATTEMPTS",
    integer: true,
    min: 1,
    max: 100,
    meaning: "attempts per Cognito call, retries included",
  },
];

/** Thrown when a setting has a value the provider cannot use; the message names the key. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

function parse(setting: Setting, raw: string, source: string): number {
  const value = Number(raw.trim());
  const ok =
    raw.trim() !== "" &&
    Number.isFinite(value) &&
    value >= setting.min &&
    value <= setting.max &&
    (!setting.integer || Number.isInteger(value));
  if (!ok) {
    const kind = setting.integer ? "a whole number" : "a number";
    throw new SettingsError(
      `${source} is ${JSON.stringify(raw)}, but it must be ${kind} from ${setting.min} to ${setting.max} (${setting.meaning}). Set it to a valid value or remove it to use the default, ${DEFAULT_SETTINGS[setting.key]}.`,
    );
  }
  return value;
}

/** A setting's raw value and where it came from: stack config first, then its variable. */
function lookup(
  get: (key: string) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  key: string,
  variable: string,
): { raw: string; source: string } | undefined {
  const fullKey = `${CONFIG_NAMESPACE}:${key}`;
  const fromConfig = get(fullKey);
  if (fromConfig !== undefined) return { raw: fromConfig, source: `stack config ${fullKey}` };
  const fromEnv = env[variable];
  if (fromEnv !== undefined && fromEnv !== "") {
    return { raw: fromEnv, source: `environment variable ${variable}` };
  }
  return undefined;
}

function parseSwitch(raw: string, source: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value === "true" || value === "false") return value === "true";
  throw new SettingsError(
    `${source} is ${JSON.stringify(raw)}, but it must be true or false (read the account's request-rate limits with GetProvisionedLimit). Set it to a valid value or remove it to use the default, ${DEFAULT_SETTINGS.discoverLimits}.`,
  );
}

/**
 * Reads the settings. Precedence per setting: stack config `cognito-feedback:<key>` (read through
 * `get`), then the `COGNITO_FEEDBACK_*` environment variable, then the default. For attempts and
 * retry mode, the AWS SDK's own `AWS_MAX_ATTEMPTS` / `AWS_RETRY_MODE` come before our default.
 * A rate of 0 switches pacing off; a rate not set stays undefined (discovery or the default).
 * @throws SettingsError naming the key (or variable) and what to set.
 */
export function resolveSettings(
  get: (key: string) => string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): CallSettings {
  const found: Partial<Record<Setting["key"], number>> = {};
  for (const setting of SETTINGS) {
    const given = lookup(get, env, setting.key, setting.env);
    if (given !== undefined) found[setting.key] = parse(setting, given.raw, given.source);
  }
  const rate = (key: "writesPerSecond" | "readsPerSecond") => {
    const value = found[key];
    return value === undefined ? {} : { [key]: value === 0 ? Infinity : value };
  };
  const discovery = lookup(get, env, DISCOVER_LIMITS.key, DISCOVER_LIMITS.env);
  const discoverLimits =
    discovery === undefined
      ? DEFAULT_SETTINGS.discoverLimits
      : parseSwitch(discovery.raw, discovery.source);
  const sdkAttempts = env.AWS_MAX_ATTEMPTS !== undefined && env.AWS_MAX_ATTEMPTS !== "";
  const sdkMode = env.AWS_RETRY_MODE !== undefined && env.AWS_RETRY_MODE !== "";
  return {
    ...rate("writesPerSecond"),
    ...rate("readsPerSecond"),
    discoverLimits,
    ...(found.maxAttempts !== undefined
      ? { maxAttempts: found.maxAttempts }
      : sdkAttempts
        ? {}
        : { maxAttempts: DEFAULT_SETTINGS.maxAttempts }),
    ...(sdkMode ? {} : { retryMode: DEFAULT_SETTINGS.retryMode }),
  };
}
