/**
 * Shared fixtures of the emulator contract tests: a seed built in code, plain AWS SDK clients
 * pointed at the emulator, and an assertion for modeled service errors.
 */
import * as assert from "node:assert/strict";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { startEmulator, type RunningEmulator, type Seed, type SeedEvent } from "../../emulator";

/** Threat protection ENFORCED, email alias; users alice, bob, many (65 events), ユーザー. */
export const POOL = "us-east-1_TestPool1";
/** Threat protection AUDIT; user dave. */
export const AUDIT_POOL = "us-east-1_AuditPool1";
/** Threat protection OFF; user carol. */
export const NO_THREAT_POOL = "us-east-1_NoThreat1";
/** `operationNotEnabled` (a secondary replica region); user alice. */
export const REPLICA_POOL = "eu-west-1_Replica1";

/** Alice's fixed sub in {@link POOL}. */
export const ALICE_SUB = "0f6a1c2e-5b7d-4e1a-9c3b-2d8e4f6a7b90";
/** Alice's email, an alias in {@link POOL}. */
export const ALICE_EMAIL = "alice@example.com";

/** Alice's events, newest first. */
export const ALICE_EVENTS = ["a-evt-5", "a-evt-4", "a-evt-3", "a-evt-2", "a-evt-1"] as const;
/** Alice's fully described event (with risk, context, challenges and a token). */
export const RICH_EVENT: SeedEvent = {
  eventId: "a-evt-5",
  eventType: "SignIn",
  creationDate: "2026-11-05T10:00:00.250Z",
  eventResponse: "Fail",
  risk: { level: "High", decision: "Block", compromisedCredentialsDetected: false },
  context: {
    ipAddress: "198.51.100.23",
    deviceName: "Chrome, Linux",
    timezone: "+01:00",
    city: "Berlin",
    country: "Germany",
  },
  challenges: [
    { name: "Password", response: "Success" },
    { name: "Mfa", response: "Failure" },
  ],
  feedbackToken: "fake-token-alice-5",
};

/** The admin credential listed in the test seed (made up). */
export const ADMIN = {
  accessKeyId: "AKIDEMULATORADMIN",
  secretAccessKey: "emulator-secret-not-real",
};
/** A seeded credential denied AdminUpdateAuthEventFeedback. */
export const AUDITOR = {
  accessKeyId: "AKIDEMULATORAUDITOR",
  secretAccessKey: "emulator-auditor-secret-not-real",
};

/** A seeded temporary credential: requests must carry exactly this (made-up) session token. */
export const TEMPORARY = {
  accessKeyId: "AKIDEMULATORTEMPORARY",
  secretAccessKey: "emulator-temporary-secret-not-real",
  sessionToken: "fake-session-token-not-real",
};

/** Input of a valid UpdateAuthEventFeedback call on bob's event `b-evt-1` in {@link POOL}. */
export function bobFeedback(value: "Valid" | "Invalid" = "Valid") {
  return {
    UserPoolId: POOL,
    Username: "bob",
    EventId: "b-evt-1",
    FeedbackToken: "fake-token-bob-1",
    FeedbackValue: value,
  };
}

/** `n` events named `<prefix>-<i>`, one minute apart, oldest first. */
export function manyEvents(prefix: string, n: number): SeedEvent[] {
  const start = Date.parse("2026-10-01T00:00:00Z");
  return Array.from({ length: n }, (_, i) => ({
    eventId: `${prefix}-${i}`,
    creationDate: new Date(start + i * 60_000).toISOString(),
  }));
}

/** A fresh copy of the seed every contract test starts from. */
export function testSeed(): Seed {
  return {
    credentials: [
      { ...ADMIN, name: "admin" },
      { ...AUDITOR, name: "auditor", deny: ["AdminUpdateAuthEventFeedback"] },
      { ...TEMPORARY, name: "temporary" },
    ],
    userPools: [
      {
        id: POOL,
        threatProtection: "ENFORCED",
        featurePlan: "PLUS",
        aliasAttributes: ["email"],
        users: [
          {
            username: "alice",
            sub: ALICE_SUB,
            attributes: { email: ALICE_EMAIL, phone_number: "+15550100" },
            events: [
              { eventId: "a-evt-1", creationDate: "2026-11-01T10:00:00Z" },
              {
                eventId: "a-evt-3",
                creationDate: "2026-11-03T10:00:00Z",
                feedbackToken: "fake-token-alice-3",
                feedback: { value: "Invalid", provider: "Admin", date: "2026-11-03T12:00:00Z" },
              },
              RICH_EVENT,
              { eventId: "a-evt-2", creationDate: "2026-11-02T10:00:00Z" },
              {
                eventId: "a-evt-4",
                creationDate: "2026-11-04T10:00:00Z",
                feedbackToken: "fake-token-alice-4",
              },
            ],
          },
          {
            username: "bob",
            events: [
              {
                eventId: "b-evt-1",
                creationDate: "2026-11-01T11:00:00Z",
                feedbackToken: "fake-token-bob-1",
              },
            ],
          },
          { username: "many", events: manyEvents("m", 65) },
          { username: "ユーザー", events: [] },
        ],
      },
      {
        id: AUDIT_POOL,
        threatProtection: "AUDIT",
        users: [
          {
            username: "dave",
            events: [
              {
                eventId: "d-evt-1",
                creationDate: "2026-11-01T10:00:00Z",
                feedbackToken: "fake-token-dave-1",
              },
            ],
          },
        ],
      },
      {
        id: NO_THREAT_POOL,
        threatProtection: "OFF",
        users: [
          {
            username: "carol",
            events: [
              {
                eventId: "c-evt-1",
                creationDate: "2026-11-01T10:00:00Z",
                feedbackToken: "fake-token-carol-1",
              },
            ],
          },
        ],
      },
      {
        id: REPLICA_POOL,
        threatProtection: "ENFORCED",
        operationNotEnabled: true,
        users: [
          {
            username: "alice",
            events: [
              {
                eventId: "r-evt-1",
                creationDate: "2026-11-01T10:00:00Z",
                feedbackToken: "fake-token-replica-1",
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A plain SDK client pointed at the emulator; only endpoint, region and credentials differ. */
export function clientFor(
  emulator: RunningEmulator,
  options: {
    region?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | "none";
    maxAttempts?: number;
  } = {},
): CognitoIdentityProviderClient {
  const credentials = options.credentials ?? ADMIN;
  return new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: options.region ?? "us-east-1",
    maxAttempts: options.maxAttempts ?? 1,
    // A copy: the SDK marks credential objects it uses (adds `$source`).
    ...(credentials === "none" ? {} : { credentials: { ...credentials } }),
  });
}

/** An emulator with {@link testSeed} and an admin client; `close()` stops both. */
export interface Fixture {
  emulator: RunningEmulator;
  admin: CognitoIdentityProviderClient;
  /** Client with no credentials configured at all. */
  anonymous: CognitoIdentityProviderClient;
  close(): Promise<void>;
}

/** Starts an emulator with {@link testSeed} (or `seed`) and the usual clients. */
export async function startFixture(seed: Seed = testSeed()): Promise<Fixture> {
  const emulator = await startEmulator({ seed });
  const admin = clientFor(emulator);
  const anonymous = clientFor(emulator, { credentials: "none" });
  return {
    emulator,
    admin,
    anonymous,
    async close() {
      admin.destroy();
      anonymous.destroy();
      await emulator.stop();
    },
  };
}

/** What a rejected SDK call must look like. */
export interface ExpectedError {
  /** The SDK class, e.g. NotAuthorizedException; omit for codes the SDK has no class for. */
  type?: abstract new (...args: never[]) => Error;
  name: string;
  status: number;
  /** Exact message, or a pattern. */
  message: string | RegExp;
  fault?: "client" | "server";
}

/** The parts of an SDK service exception the tests look at. */
export type SdkError = Error & {
  $fault?: string;
  $metadata: { httpStatusCode?: number; attempts?: number; requestId?: string };
};

/** Awaits `promise`, asserts it rejects as `expected`, and returns the error. */
export async function expectServiceError(
  promise: Promise<unknown>,
  expected: ExpectedError,
): Promise<SdkError> {
  let caught: SdkError | undefined;
  try {
    await promise;
  } catch (err) {
    caught = err as SdkError;
  }
  if (caught === undefined) assert.fail(`expected ${expected.name}, but the call succeeded`);
  if (expected.type !== undefined) {
    assert.ok(
      caught instanceof expected.type,
      `expected an instance of ${expected.type.name}, got ${caught.constructor.name}: ${caught.message}`,
    );
  }
  assert.equal(caught.name, expected.name, caught.message);
  assert.equal(caught.$metadata.httpStatusCode, expected.status);
  if (typeof expected.message === "string") assert.equal(caught.message, expected.message);
  else assert.match(caught.message, expected.message);
  assert.equal(caught.$fault, expected.fault ?? "client");
  return caught;
}

/** POSTs a raw AWS JSON 1.1 request (no signing unless `headers` carry it). */
export async function rawPost(
  emulator: RunningEmulator,
  operation: string | undefined,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(`${emulator.url}/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      ...(operation === undefined
        ? {}
        : { "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}` }),
      ...headers,
    },
    body,
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as Record<string, unknown>,
  };
}
