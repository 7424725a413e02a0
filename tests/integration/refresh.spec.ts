// Refresh (read) against the emulator: the live verdict from AdminListUserAuthEvents, drift, events
// that are gone, no credentials, no permission, pagination, and one listing per user per process.
import assert from "node:assert/strict";
import { listUserAuthEvents, type AuthEventSummary } from "../../provider/cognito/operations";
import { provider } from "../../provider";
import { useEmulator } from "../support/emulator";
import { captureLog, credentialEnv, withEnv } from "../support/env";
import { CREDENTIALS, manyEvents, pool, seedOf, user } from "../support/seeds";

const POOL = "us-east-1_DriftPool1";
/** A pool only the once-per-pool test refreshes: lines are printed once per process and pool. */
const DENIED_POOL = "us-east-1_DriftPool2";
const LOG = "[cognito-auth-event-feedback]";

const SEED = seedOf([
  pool(POOL, [user("alice", manyEvents("a", 3)), user("many", manyEvents("m", 130))]),
  pool(DENIED_POOL, [user("bob", manyEvents("b", 2)), user("carol", manyEvents("c", 2))]),
]);

/** Stored outputs of a resource on `eventId`, as create returned them. */
function state(eventId: string, username = "alice", feedbackValue = "Invalid") {
  return { userPoolId: POOL, username, eventId, feedbackValue, region: "us-east-1", mode: "admin" };
}

describe("refresh: drift detection against the emulator", () => {
  const emulator = useEmulator({ seed: SEED, each: true });

  const listings = () =>
    emulator().store.requests.filter((r) => r.operation === "AdminListUserAuthEvents").length;

  // In outputs and inputs; a line tells the user.
  it("GIVEN a verdict changed outside the stack THEN the live one is recorded; told", async () => {
    emulator().store.setFeedback(POOL, "a-1", "Valid", "Admin");
    let result: Awaited<ReturnType<NonNullable<typeof provider.read>>> | undefined;
    const lines = await captureLog(async () => {
      result = await provider.read!(`${POOL}/a-1`, state("a-1"));
    });
    assert.deepEqual(result, {
      id: `${POOL}/a-1`,
      props: { ...state("a-1"), feedbackValue: "Valid" },
      inputs: {
        userPoolId: POOL,
        username: "alice",
        eventId: "a-1",
        feedbackValue: "Valid",
        region: "us-east-1",
      },
    });
    assert.deepEqual(lines, [
      `${LOG} AuthEventFeedback ${POOL}/a-1: drift: Cognito records Valid feedback (given by Admin) on this event, the stack recorded Invalid; refresh records Valid, and the next pulumi up sends the declared verdict again.`,
    ]);
    // The next `up`: diff(refreshed outputs, declared inputs) must send the declared verdict again.
    const diff = await provider.diff!(result.id, result.props, {
      ...state("a-1"),
      mode: undefined,
    });
    assert.equal(diff.changes, true);
  });

  it("GIVEN the same verdict live THEN state comes back unchanged, silently, no inputs", async () => {
    emulator().store.setFeedback(POOL, "a-0", "Invalid", "Admin");
    const lines = await captureLog(async () => {
      assert.deepEqual(await provider.read!(`${POOL}/a-0`, state("a-0")), {
        id: `${POOL}/a-0`,
        props: state("a-0"),
      });
    });
    assert.deepEqual(lines, []);
  });

  it("GIVEN the event has no feedback THEN feedbackValue is dropped; up sends it again", async () => {
    const lines = await captureLog(async () => {
      const { props, inputs } = await provider.read!("", state("a-2"));
      assert.equal(props?.feedbackValue, undefined);
      assert.equal(inputs?.feedbackValue, undefined);
      assert.equal((await provider.diff!("x", props, state("a-2"))).changes, true);
    });
    assert.deepEqual(lines, [
      `${LOG} AuthEventFeedback ${POOL}/a-2: Cognito has no feedback on this event, though the stack recorded Invalid; refresh records none, and the next pulumi up sends the declared verdict again.`,
    ]);
  });

  it("GIVEN the event is gone THEN state and id are kept, and the user is told why", async () => {
    const lines = await captureLog(async () => {
      assert.deepEqual(await provider.read!(`${POOL}/a-gone`, state("a-gone")), {
        id: `${POOL}/a-gone`,
        props: state("a-gone"),
      });
    });
    assert.deepEqual(lines, [
      `${LOG} AuthEventFeedback ${POOL}/a-gone: event not found among the user's 3 auth events (Cognito keeps events for two years, and the username may now name another user); state kept unchanged.`,
    ]);
  });

  it("GIVEN the user is gone THEN state is kept; the line never echoes the username", async () => {
    const lines = await captureLog(async () => {
      const read = await provider.read!(`${POOL}/x-1`, state("x-1", "mallory"));
      assert.deepEqual(read, { id: `${POOL}/x-1`, props: state("x-1", "mallory") });
    });
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^\[cognito-auth-event-feedback\] AuthEventFeedback us-east-1_DriftPool1\/x-1: drift not checked, state kept unchanged: AdminListUserAuthEvents failed for user pool us-east-1_DriftPool1: no user in the pool matches the username given\./,
    );
    assert.ok(!lines[0].includes("mallory"));
  });

  it("GIVEN no AWS credentials WHEN many refresh THEN state is kept; one line says why", async () => {
    const lines = await withEnv(
      { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
      () =>
        captureLog(async () => {
          for (const id of ["a-0", "a-1", "a-2"]) {
            assert.deepEqual(await provider.read!(`${POOL}/${id}`, state(id)), {
              id: `${POOL}/${id}`,
              props: state(id),
            });
          }
        }),
    );
    assert.deepEqual(lines, [
      `${LOG} drift not checked, state kept unchanged: AdminListUserAuthEvents failed for user pool ${POOL}: no AWS credentials were found, and AdminListUserAuthEvents needs them (a feedback token cannot list events). Configure credentials (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) of an identity allowed cognito-idp:AdminListUserAuthEvents on arn:aws:cognito-idp:us-east-1:<account-id>:userpool/${POOL}. [CredentialsProviderError]`,
    ]);
    assert.equal(listings(), 0);
  });

  it("GIVEN the list permission denied THEN state is kept, and the line names it", async () => {
    const lines = await withEnv(credentialEnv(CREDENTIALS.listDenied), () =>
      captureLog(async () => {
        assert.deepEqual(await provider.read!(`${POOL}/a-0`, state("a-0")), {
          id: `${POOL}/a-0`,
          props: state("a-0"),
        });
      }),
    );
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^\[cognito-auth-event-feedback\] drift not checked, state kept unchanged: AdminListUserAuthEvents failed for user pool us-east-1_DriftPool1: your AWS identity may not call AdminListUserAuthEvents: .*Grant it cognito-idp:AdminListUserAuthEvents on arn:aws:cognito-idp:us-east-1:<account-id>:userpool\/us-east-1_DriftPool1\. \[AccessDeniedException/,
    );
  });

  it("GIVEN the list permission denied WHEN two users of a pool refresh THEN one line", async () => {
    const stateIn = (username: string, eventId: string) => ({
      ...state(eventId, username),
      userPoolId: DENIED_POOL,
    });
    const lines = await withEnv(credentialEnv(CREDENTIALS.listDenied), () =>
      captureLog(async () => {
        for (const [username, eventId] of [
          ["bob", "b-0"],
          ["carol", "c-0"],
          ["bob", "b-1"],
        ]) {
          assert.deepEqual(
            await provider.read!(`${DENIED_POOL}/${eventId}`, stateIn(username, eventId)),
            {
              id: `${DENIED_POOL}/${eventId}`,
              props: stateIn(username, eventId),
            },
          );
        }
      }),
    );
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(
      lines[0],
      /^\[cognito-auth-event-feedback\] drift not checked, state kept unchanged: AdminListUserAuthEvents failed for user pool us-east-1_DriftPool2: your AWS identity may not call AdminListUserAuthEvents: .*\[AccessDeniedException/,
    );
  });

  it("GIVEN more events than one page WHEN an old one is refreshed THEN it is found", async () => {
    emulator().store.setFeedback(POOL, "m-0", "Valid", "Admin");
    const { props } = await provider.read!(`${POOL}/m-0`, state("m-0", "many"));
    assert.equal(props?.feedbackValue, "Valid");
    assert.equal(listings(), 3, "130 events at 60 per page");
  });

  it("GIVEN 40 resources of one user, refreshed at once THEN one listing of that user", async () => {
    await captureLog(async () => {
      const reads = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          provider.read!(`${POOL}/m-${i}`, state(`m-${i}`, "many")),
        ),
      );
      assert.equal(reads.length, 40);
      assert.equal(listings(), 3, "one listing of three pages");
      await provider.read!(`${POOL}/a-0`, state("a-0"));
    });
    assert.equal(listings(), 4, "another user is a new listing");
  });

  it("GIVEN a throttled listing that never recovers THEN refresh fails with the reason", async () => {
    emulator().store.injectFault({
      operation: "AdminListUserAuthEvents",
      error: "TooManyRequestsException",
      times: Infinity,
    });
    await withEnv({ AWS_MAX_ATTEMPTS: "2", AWS_RETRY_MODE: "standard" }, async () => {
      await assert.rejects(provider.read!(`${POOL}/a-0`, state("a-0")), {
        name: "CognitoCallError",
        message:
          /^AdminListUserAuthEvents failed for user pool us-east-1_DriftPool1: Cognito throttled the call after 2 attempts .* Run it again\./,
      });
    });
  });
});

describe("listUserAuthEvents (for refresh and the events command)", () => {
  const emulator = useEmulator({ seed: SEED });
  before(() => {
    emulator().store.setFeedback(POOL, "a-1", "Valid", "Admin", new Date("2026-11-02T09:00:00Z"));
  });

  it("GIVEN a user WHEN listed THEN every event comes back newest first, summarized", async () => {
    const listed = await listUserAuthEvents({ userPoolId: POOL, username: "alice" });
    const expected: AuthEventSummary[] = [
      {
        eventId: "a-2",
        creationDate: new Date("2026-10-01T00:02:00Z"),
        eventType: "SignIn",
        eventResponse: "Pass",
      },
      {
        eventId: "a-1",
        creationDate: new Date("2026-10-01T00:01:00Z"),
        eventType: "SignIn",
        eventResponse: "Pass",
        feedbackValue: "Valid",
        feedbackProvider: "Admin",
        feedbackDate: new Date("2026-11-02T09:00:00Z"),
      },
      {
        eventId: "a-0",
        creationDate: new Date("2026-10-01T00:00:00Z"),
        eventType: "SignIn",
        eventResponse: "Pass",
      },
    ];
    assert.deepEqual(listed, expected);
  });

  it("GIVEN a page size WHEN listed THEN onPage reports each page and the total so far", async () => {
    const pages: [number, number, number][] = [];
    const listed = await listUserAuthEvents({
      userPoolId: POOL,
      username: "many",
      pageSize: 50,
      onPage: ({ page, events, total }) => pages.push([page, events.length, total]),
    });
    assert.equal(listed.length, 130);
    assert.deepEqual(pages, [
      [1, 50, 50],
      [2, 50, 100],
      [3, 30, 130],
    ]);
    assert.equal(listed[0].eventId, "m-129");
  });

  it("GIVEN a pool id without a region and no region THEN it refuses before calling", async () => {
    await assert.rejects(listUserAuthEvents({ userPoolId: "local_Pool", username: "alice" }), {
      message: 'user pool id "local_Pool" has no region prefix (<region>_<id>); pass region.',
    });
  });
});
