// One AuthEventFeedback resource as specs of the lifecycle (diff) and of refresh (drift) see it.

/** The stored outputs of a resource created in token mode. */
export const TOKEN_MODE_OUTPUTS = {
  userPoolId: "us-east-1_AbC123xyZ",
  username: "alice",
  eventId: "evt-1",
  feedbackValue: "Invalid",
  region: "us-east-1",
  mode: "token",
};
