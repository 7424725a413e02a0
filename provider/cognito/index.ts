// Everything that talks to Cognito, and knows nothing of Pulumi. Also the package subpath
// "./cognito": list a user's auth events from a script, with the provider's pacing and errors.
export {
  listUserAuthEvents,
  sendFeedback,
  type AuthEventSummary,
  type FeedbackRequest,
  type ListingProgress,
  type ListUserAuthEventsRequest,
} from "./operations";
export { CognitoCallError } from "./errors";
export { normalizeFeedbackValue, regionOfPoolId, type FeedbackValue } from "./values";
