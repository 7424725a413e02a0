// Package entry point. Each feature folder's index says what it offers:
//   resource/  the AuthEventFeedback resource and the provider Pulumi stores in state
//   gitops/    the overrides file and the AuthEventFeedbackSet component
//   review/    `pulumi preview --json` -> a pull-request comment
//   events/    a user's auth events as a table, JSON or overrides entries
//   cognito/   the Cognito calls (also the "./cognito" subpath)
export * from "./resource";
export * from "./gitops";
export * from "./review";
export * from "./events";
export { FEEDBACK_RESOURCE_TYPE, FEEDBACK_SET_TYPE } from "./type-tokens";
