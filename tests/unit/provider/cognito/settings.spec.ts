// The call settings: stack config first, then environment variables, then the defaults.
import assert from "node:assert/strict";
import { resolveSettings } from "../../../../provider/cognito/settings";

const none = () => undefined;
const config = (values: Record<string, string>) => (key: string) => values[key];

/** Short words for the settings' keys in titles. */
const WORDS: Record<string, string> = {
  writesPerSecond: "writes",
  readsPerSecond: "reads",
  maxAttempts: "attempts",
  discoverLimits: "discovery",
  retryMode: "retry",
};
/** Expected settings in words, e.g. `writes 5, reads 6, attempts unset`. */
const described = (then: Record<string, string | number | boolean | undefined>) =>
  Object.entries(then)
    .map(([key, value]) => `${WORDS[key] ?? key} ${value ?? "unset"}`)
    .join(", ");

describe("settings: stack config, environment and defaults", () => {
  // Discovery or the defaults decide the rates.
  it("GIVEN nothing set THEN no rates set, discovery on, 10 attempts, adaptive retries", () => {
    assert.deepEqual(resolveSettings(none, {}), {
      discoverLimits: true,
      maxAttempts: 10,
      retryMode: "adaptive",
    });
  });

  const table: {
    given: string;
    config?: Record<string, string>;
    env?: Record<string, string>;
    then: Record<string, string | number | boolean | undefined>;
  }[] = [
    {
      given: "stack config for all three keys",
      config: {
        "cognito-feedback:writesPerSecond": "12.5",
        "cognito-feedback:readsPerSecond": "30",
        "cognito-feedback:maxAttempts": "4",
      },
      then: { writesPerSecond: 12.5, readsPerSecond: 30, maxAttempts: 4 },
    },
    {
      given: "the environment variables",
      env: {
        COGNITO_FEEDBACK_WRITES_PER_SECOND: "5",
        COGNITO_FEEDBACK_READS_PER_SECOND: "6",
        COGNITO_FEEDBACK_MAX_ATTEMPTS: "7",
      },
      then: { writesPerSecond: 5, readsPerSecond: 6, maxAttempts: 7 },
    },
    {
      given: "both stack config and an environment variable",
      config: { "cognito-feedback:writesPerSecond": "8" },
      env: { COGNITO_FEEDBACK_WRITES_PER_SECOND: "5" },
      then: { writesPerSecond: 8 },
    },
    {
      given: "discovery off in stack config, any letter case",
      config: { "cognito-feedback:discoverLimits": "FALSE" },
      env: { COGNITO_FEEDBACK_DISCOVER_LIMITS: "true" },
      then: { discoverLimits: false },
    },
    {
      given: "discovery off in the environment",
      env: { COGNITO_FEEDBACK_DISCOVER_LIMITS: "false" },
      then: { discoverLimits: false, writesPerSecond: undefined },
    },
    {
      given: "a rate of 0",
      config: { "cognito-feedback:writesPerSecond": "0" },
      then: { writesPerSecond: Infinity },
    },
    {
      given: "AWS_MAX_ATTEMPTS and AWS_RETRY_MODE only",
      env: { AWS_MAX_ATTEMPTS: "2", AWS_RETRY_MODE: "standard" },
      then: { maxAttempts: undefined, retryMode: undefined },
    },
    {
      given: "AWS_MAX_ATTEMPTS and stack config maxAttempts",
      config: { "cognito-feedback:maxAttempts": "6" },
      env: { AWS_MAX_ATTEMPTS: "2" },
      then: { maxAttempts: 6 },
    },
  ];
  for (const row of table) {
    it(`GIVEN ${row.given} THEN ${described(row.then)}`, () => {
      const settings = resolveSettings(config(row.config ?? {}), row.env ?? {});
      for (const [key, value] of Object.entries(row.then)) {
        assert.equal(settings[key as keyof typeof settings], value, key);
      }
    });
  }

  describe("GIVEN a bad value THEN the message names the key, the rule and the default", () => {
    const cases: {
      config?: Record<string, string>;
      env?: Record<string, string>;
      message: string;
    }[] = [
      {
        config: { "cognito-feedback:writesPerSecond": "fast" },
        message:
          'stack config cognito-feedback:writesPerSecond is "fast", but it must be a number from 0 to 10000 (feedback calls per second (0 = no pacing); Cognito allows 25). Set it to a valid value or remove it to use the default, 23.',
      },
      {
        config: { "cognito-feedback:readsPerSecond": "-1" },
        message:
          'stack config cognito-feedback:readsPerSecond is "-1", but it must be a number from 0 to 10000 (AdminListUserAuthEvents calls per second (0 = no pacing); Cognito allows 50). Set it to a valid value or remove it to use the default, 40.',
      },
      {
        config: { "cognito-feedback:maxAttempts": "2.5" },
        message:
          'stack config cognito-feedback:maxAttempts is "2.5", but it must be a whole number from 1 to 100 (attempts per Cognito call, retries included). Set it to a valid value or remove it to use the default, 10.',
      },
      {
        env: { COGNITO_FEEDBACK_MAX_ATTEMPTS: "0" },
        message:
          'environment variable COGNITO_FEEDBACK_MAX_ATTEMPTS is "0", but it must be a whole number from 1 to 100 (attempts per Cognito call, retries included). Set it to a valid value or remove it to use the default, 10.',
      },
      {
        config: { "cognito-feedback:discoverLimits": "no" },
        message:
          'stack config cognito-feedback:discoverLimits is "no", but it must be true or false (read the account\'s request-rate limits with GetProvisionedLimit). Set it to a valid value or remove it to use the default, true.',
      },
      {
        env: { COGNITO_FEEDBACK_DISCOVER_LIMITS: "1" },
        message:
          'environment variable COGNITO_FEEDBACK_DISCOVER_LIMITS is "1", but it must be true or false (read the account\'s request-rate limits with GetProvisionedLimit). Set it to a valid value or remove it to use the default, true.',
      },
      {
        config: { "cognito-feedback:writesPerSecond": "" },
        message:
          'stack config cognito-feedback:writesPerSecond is "", but it must be a number from 0 to 10000 (feedback calls per second (0 = no pacing); Cognito allows 25). Set it to a valid value or remove it to use the default, 23.',
      },
    ];
    for (const c of cases) {
      it(Object.keys(c.config ?? c.env ?? {}).join(), () => {
        assert.throws(() => resolveSettings(config(c.config ?? {}), c.env ?? {}), {
          name: "SettingsError",
          message: c.message,
        });
      });
    }
  });
});
