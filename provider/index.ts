// Package entry point: the resource class, its types and the shared provider object.
export { AuthEventFeedback } from "./resource";
export { provider } from "./provider";
export type {
  AuthEventFeedbackArgs,
  AuthEventFeedbackInputs,
  AuthEventFeedbackOutputs,
  FeedbackMode,
  FeedbackValue,
} from "./types";
