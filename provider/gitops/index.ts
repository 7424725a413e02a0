// The GitOps feature: an overrides file in Git (parsed, validated, located) becomes an
// AuthEventFeedbackSet of AuthEventFeedback resources.
export {
  AuthEventFeedbackSet,
  type AuthEventFeedbackSetArgs,
  type OverrideInput,
} from "./feedback-set";
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
export { DEFAULT_TOKENS_CONFIG_KEY, tokenConfigCommand } from "./token-config";
