// The Pulumi type tokens of this package's resources, as they appear in URNs and preview output.

/** Type token of AuthEventFeedback (built by pulumi.dynamic.Resource from module and type). */
export const FEEDBACK_RESOURCE_TYPE = "pulumi-nodejs:dynamic/cognito:AuthEventFeedback";

/** Type token of the AuthEventFeedbackSet component. */
export const FEEDBACK_SET_TYPE = "cognito-feedback:index:AuthEventFeedbackSet";
