// Fixtures of the emulator contract tests: plain AWS SDK clients pointed at the emulator (started
// by the shared fixture with the canonical seed), raw requests, and an assertion for modeled
// service errors.
import * as assert from "node:assert/strict";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { RunningEmulator } from "../../emulator";
import { useEmulator, type EmulatorFixtureOptions } from "../support/emulator";
import { CREDENTIALS, POOL, type FakeKey } from "../support/seeds";

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

/** A plain SDK client pointed at the emulator; only endpoint, region and credentials differ. */
export function clientFor(
  emulator: RunningEmulator,
  options: { region?: string; credentials?: FakeKey | "none"; maxAttempts?: number } = {},
): CognitoIdentityProviderClient {
  const credentials = options.credentials ?? CREDENTIALS.admin;
  return new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: options.region ?? "us-east-1",
    maxAttempts: options.maxAttempts ?? 1,
    // A copy: the SDK marks credential objects it uses (adds `$source`).
    ...(credentials === "none" ? {} : { credentials: { ...credentials } }),
  });
}

/** The emulator and the usual clients, live while the suite (or test) runs. */
export interface Fixture {
  readonly emulator: RunningEmulator;
  /** Client signing with the fake admin key. */
  readonly admin: CognitoIdentityProviderClient;
  /** Client with no credentials configured at all. */
  readonly anonymous: CognitoIdentityProviderClient;
}

/**
 * The shared emulator fixture (default seed: the canonical one; no credentials in the process
 * environment, so only the clients sign) plus an admin and an anonymous client, built after the
 * emulator starts and destroyed after it stops.
 */
export function useFixture(options: EmulatorFixtureOptions = {}): Fixture {
  const emulator = useEmulator({ credential: "none", ...options });
  let clients: { admin: CognitoIdentityProviderClient; anonymous: CognitoIdentityProviderClient };
  (options.each ? beforeEach : before)(() => {
    clients = {
      admin: clientFor(emulator()),
      anonymous: clientFor(emulator(), { credentials: "none" }),
    };
  });
  (options.each ? afterEach : after)(() => {
    clients.admin.destroy();
    clients.anonymous.destroy();
  });
  return {
    get emulator() {
      return emulator();
    },
    get admin() {
      return clients.admin;
    },
    get anonymous() {
      return clients.anonymous;
    },
  };
}

/** An SDK error class: a modeled exception, or the service's base class. */
type ErrorClass = abstract new (...args: never[]) => Error;

/** What a rejected SDK call must look like. */
export type ExpectedError = {
  status: number;
  /** Exact message, or a pattern. */
  message: string | RegExp;
  fault?: "client" | "server";
} & (
  | {
      /** The SDK's class for the code, e.g. NotAuthorizedException; the name is the class's. */
      type: ErrorClass;
      name?: undefined;
    }
  | {
      /** A code the SDK has no class for, e.g. InvalidSignatureException. */
      name: string;
      /** At most the service's base class (CognitoIdentityProviderServiceException). */
      type?: ErrorClass;
    }
);

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
  const name = expected.name ?? expected.type.name;
  if (caught === undefined) assert.fail(`expected ${name}, but the call succeeded`);
  if (expected.type !== undefined) {
    assert.ok(
      caught instanceof expected.type,
      `expected an instance of ${expected.type.name}, got ${caught.constructor.name}: ${caught.message}`,
    );
  }
  assert.equal(caught.name, name, caught.message);
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
