// Package entry point: the resource class, its types and the shared provider object; the
// overrides file (loader, component), the events JSON shape and the preview review summary.
export { AuthEventFeedback } from "./resource";
export { provider } from "./provider";
export {
  AuthEventFeedbackSet,
  type AuthEventFeedbackSetArgs,
  type OverrideInput,
} from "./feedback-set";
export { FEEDBACK_RESOURCE_TYPE, FEEDBACK_SET_TYPE } from "./type-tokens";
export {
  formatOverridesProblem,
  OverridesError,
  parseOverrides,
  validateOverrides,
  type Override,
  type OverridesOptions,
  type OverridesProblem,
  type OverridesResult,
} from "./overrides";
export { loadOverridesFile } from "./overrides-file";
export { renderEventsJson, toEventJson, type EventJson } from "./events-render";
export { DEFAULT_TOKENS_CONFIG_KEY, tokenConfigCommand } from "./token-config";
export {
  displayValue,
  NotAPreviewError,
  REVIEW_ACTIONS,
  summarizePreview,
  type ReviewAction,
  type ReviewDiagnostic,
  type ReviewRow,
  type ReviewSummary,
} from "./preview-summary";
export {
  maskUsername,
  renderReviewJson,
  renderReviewMarkdown,
  type RenderOptions,
} from "./review-render";
export type {
  AuthEventFeedbackArgs,
  AuthEventFeedbackInputs,
  AuthEventFeedbackOutputs,
  FeedbackMode,
  FeedbackValue,
} from "./types";
