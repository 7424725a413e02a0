import assert from "node:assert/strict";
import {
  classifyListingFailure,
  decideRead,
  type LiveEvent,
  type LiveFinding,
} from "../../../../provider/resource/drift";
import { TOKEN_MODE_OUTPUTS } from "../../../support/resource-state";

const STATE = TOKEN_MODE_OUTPUTS;
const INPUTS = {
  userPoolId: "us-east-1_AbC123xyZ",
  username: "alice",
  eventId: "evt-1",
  region: "us-east-1",
};

function listed(...events: LiveEvent[]): LiveFinding {
  return { kind: "listed", events };
}

describe("drift: what refresh records (decision table)", () => {
  const table: { given: string; finding: LiveFinding; then: ReturnType<typeof decideRead> }[] = [
    {
      given: "the event with the same verdict",
      finding: listed(
        { eventId: "evt-0" },
        { eventId: "evt-1", feedbackValue: "Invalid", feedbackProvider: "User" },
      ),
      then: { props: STATE },
    },
    {
      given: "the event with the other verdict (drift)",
      finding: listed({ eventId: "evt-1", feedbackValue: "Valid", feedbackProvider: "Admin" }),
      then: {
        props: { ...STATE, feedbackValue: "Valid" },
        inputs: { ...INPUTS, feedbackValue: "Valid" },
        log: "drift: Cognito records Valid feedback (given by Admin) on this event, the stack recorded Invalid; refresh records Valid, and the next pulumi up sends the declared verdict again.",
      },
    },
    {
      given: "the event with no feedback",
      finding: listed({ eventId: "evt-1" }),
      then: {
        props: {
          userPoolId: STATE.userPoolId,
          username: "alice",
          eventId: "evt-1",
          region: "us-east-1",
          mode: "token",
        },
        inputs: INPUTS,
        log: "Cognito has no feedback on this event, though the stack recorded Invalid; refresh records none, and the next pulumi up sends the declared verdict again.",
      },
    },
    {
      given: "a listing without the event",
      finding: listed({ eventId: "evt-0" }, { eventId: "evt-2" }),
      then: {
        props: STATE,
        log: "event not found among the user's 2 auth events (Cognito keeps events for two years, and the username may now name another user); state kept unchanged.",
      },
    },
    {
      given: "Cognito saying the user does not exist",
      finding: { kind: "missing", why: "AdminListUserAuthEvents failed for user pool P: no user." },
      then: {
        props: STATE,
        log: "drift not checked, state kept unchanged: AdminListUserAuthEvents failed for user pool P: no user.",
      },
    },
    {
      given: "no way to check (no credentials, access denied)",
      finding: {
        kind: "unchecked",
        code: "CredentialsProviderError",
        why: "AdminListUserAuthEvents failed for user pool P: no credentials.",
      },
      then: {
        props: STATE,
        log: "drift not checked, state kept unchanged: AdminListUserAuthEvents failed for user pool P: no credentials.",
        onceKey: "CredentialsProviderError us-east-1_AbC123xyZ",
      },
    },
  ];
  for (const row of table) {
    it(`GIVEN ${row.given} THEN ${row.then.inputs ? "the live verdict is recorded" : "state is kept"}`, () => {
      assert.deepEqual(decideRead(STATE, row.finding), row.then);
    });
  }

  it("GIVEN state without region WHEN drift is found THEN inputs get the pool's region", () => {
    const { region: _region, ...older } = STATE;
    const decision = decideRead(older, listed({ eventId: "evt-1", feedbackValue: "Valid" }));
    assert.equal(decision.inputs?.region, "us-east-1");
  });

  it("GIVEN audit notes in state WHEN drift is found THEN inputs keep reason, ticket", () => {
    const decision = decideRead(
      { ...STATE, reason: "Leaked credentials.", ticket: "SEC-1" },
      listed({ eventId: "evt-1", feedbackValue: "Valid" }),
    );
    assert.deepEqual(decision.inputs, {
      ...INPUTS,
      feedbackValue: "Valid",
      reason: "Leaked credentials.",
      ticket: "SEC-1",
    });
  });

  describe("GIVEN a failed listing THEN refresh keeps state; it fails only if transient", () => {
    const cases: [string, boolean, ReturnType<typeof classifyListingFailure>][] = [
      ["UserNotFoundException", false, "missing"],
      ["ResourceNotFoundException", false, "missing"],
      ["CredentialsProviderError", false, "unchecked"],
      ["AccessDeniedException", false, "unchecked"],
      ["UserPoolAddOnNotEnabledException", false, "unchecked"],
      ["TooManyRequestsException", true, "fail"],
      ["ECONNREFUSED", true, "fail"],
    ];
    for (const [code, transient, kind] of cases) {
      it(`${code} -> ${kind}`, () => assert.equal(classifyListingFailure(code, transient), kind));
    }
  });
});
