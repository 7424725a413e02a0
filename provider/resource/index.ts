// The AuthEventFeedback resource: the class a program declares, its types, and the provider that
// Pulumi stores in state (./serialized-provider.ts), which loads ./implementation.ts by package name.
export { AuthEventFeedback } from "./resource";
export { provider } from "./serialized-provider";
export type {
  AuthEventFeedbackArgs,
  AuthEventFeedbackInputs,
  AuthEventFeedbackOutputs,
  FeedbackMode,
  FeedbackValue,
} from "./types";
