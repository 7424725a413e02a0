/**
 * The slice of the Cognito user-pool API model (botocore cognito-idp 2016-04-18) that the emulator
 * implements: operation names, how each is authenticated, and the input member constraints.
 * Written from the API reference on purpose, never imported from the provider, so that the
 * provider's validation and the emulator's check each other.
 */

/** `X-Amz-Target` prefix of every Cognito user-pool operation. */
export const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

/** Operations the emulator implements. */
export const IMPLEMENTED_OPERATIONS = [
  "UpdateAuthEventFeedback",
  "AdminUpdateAuthEventFeedback",
  "AdminListUserAuthEvents",
  "GetProvisionedLimit",
  "ListUsers",
] as const;

/** Name of an implemented operation. */
export type OperationName = (typeof IMPLEMENTED_OPERATIONS)[number];

/** Type guard for {@link OperationName}. */
export function isImplementedOperation(name: string): name is OperationName {
  return (IMPLEMENTED_OPERATIONS as readonly string[]).includes(name);
}

/** The three auth-event operations: what an injected fault without an `operation` applies to. */
export const AUTH_EVENT_OPERATIONS: readonly OperationName[] = [
  "UpdateAuthEventFeedback",
  "AdminUpdateAuthEventFeedback",
  "AdminListUserAuthEvents",
];

/**
 * Whether an operation needs SigV4. `UpdateAuthEventFeedback` is `smithy.api#noAuth`: the SDK sends
 * it unsigned and IAM is not evaluated.
 */
export function requiresSignature(operation: OperationName): boolean {
  return operation !== "UpdateAuthEventFeedback";
}

/** Constraints of a string member, as in the model; `pattern` is the model's unanchored regex. */
export interface StringShape {
  kind: "string";
  min?: number;
  max?: number;
  pattern?: string;
  /** Regex flags; `u` is needed for `\p{..}` classes. */
  flags?: string;
  enumValues?: readonly string[];
  /** Sensitive members are never echoed in error messages. */
  sensitive?: boolean;
}

/** Constraints of an integer member. */
export interface IntegerShape {
  kind: "integer";
  min: number;
  max: number;
}

/** A string or integer member: the shapes a single value is checked against. */
export type ScalarShape = StringShape | IntegerShape;

/** A list member whose items are strings, e.g. `AttributesToGet`; the model sets no length. */
export interface ListShape {
  kind: "list";
  member: StringShape;
}

/** Constraints of one input member. */
export type MemberShape = ScalarShape | ListShape;

/** Input member shapes from the model (reference §1.2). */
export const SHAPES = {
  UserPoolIdType: { kind: "string", min: 1, max: 55, pattern: "[\\w-]+_[0-9a-zA-Z]+" },
  UsernameType: {
    kind: "string",
    min: 1,
    max: 128,
    pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    flags: "u",
    sensitive: true,
  },
  EventIdType: { kind: "string", min: 1, max: 50, pattern: "[\\w+-]+" },
  TokenModelType: { kind: "string", pattern: "[A-Za-z0-9-_=.]+", sensitive: true },
  FeedbackValueType: { kind: "string", enumValues: ["Valid", "Invalid"] },
  QueryLimitType: { kind: "integer", min: 0, max: 60 },
  PaginationKey: { kind: "string", min: 1, max: 131072, pattern: "[\\S]+" },
  // ListUsers: its token has no maximum length, unlike PaginationKey.
  SearchPaginationTokenType: { kind: "string", min: 1, pattern: "[\\S]+" },
  UserFilterType: { kind: "string", max: 256 },
  SearchedAttributeNamesListType: {
    kind: "list",
    member: {
      kind: "string",
      min: 1,
      max: 32,
      pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+",
      flags: "u",
    },
  },
} as const satisfies Record<string, MemberShape>;

/** One member of an operation's input structure. */
export interface InputMember {
  /** Member name on the wire (PascalCase), e.g. `UserPoolId`. */
  name: string;
  required: boolean;
  shape: MemberShape;
}

/** Input members per operation, in model order (the order validation errors are listed in). */
export const OPERATION_INPUTS: Record<OperationName, readonly InputMember[]> = {
  UpdateAuthEventFeedback: [
    { name: "UserPoolId", required: true, shape: SHAPES.UserPoolIdType },
    { name: "Username", required: true, shape: SHAPES.UsernameType },
    { name: "EventId", required: true, shape: SHAPES.EventIdType },
    { name: "FeedbackToken", required: true, shape: SHAPES.TokenModelType },
    { name: "FeedbackValue", required: true, shape: SHAPES.FeedbackValueType },
  ],
  AdminUpdateAuthEventFeedback: [
    { name: "UserPoolId", required: true, shape: SHAPES.UserPoolIdType },
    { name: "Username", required: true, shape: SHAPES.UsernameType },
    { name: "EventId", required: true, shape: SHAPES.EventIdType },
    { name: "FeedbackValue", required: true, shape: SHAPES.FeedbackValueType },
  ],
  AdminListUserAuthEvents: [
    { name: "UserPoolId", required: true, shape: SHAPES.UserPoolIdType },
    { name: "Username", required: true, shape: SHAPES.UsernameType },
    { name: "MaxResults", required: false, shape: SHAPES.QueryLimitType },
    { name: "NextToken", required: false, shape: SHAPES.PaginationKey },
  ],
  // Its one member is a structure (LimitDefinition), checked by validateLimitDefinition.
  GetProvisionedLimit: [],
  ListUsers: [
    { name: "UserPoolId", required: true, shape: SHAPES.UserPoolIdType },
    { name: "AttributesToGet", required: false, shape: SHAPES.SearchedAttributeNamesListType },
    { name: "Limit", required: false, shape: SHAPES.QueryLimitType },
    { name: "PaginationToken", required: false, shape: SHAPES.SearchPaginationTokenType },
    { name: "Filter", required: false, shape: SHAPES.UserFilterType },
  ],
};

/**
 * Every operation of the installed SDK's Cognito user-pool client (3.1169). A target naming one of
 * these that the emulator does not implement gets a message saying so instead of a bare "unknown".
 */
export const COGNITO_OPERATIONS: ReadonlySet<string> = new Set([
  "AddCustomAttributes",
  "AddUserPoolClientSecret",
  "AdminAddUserToGroup",
  "AdminConfirmSignUp",
  "AdminCreateUser",
  "AdminDeleteSoftwareToken",
  "AdminDeleteUserAttributes",
  "AdminDeleteUser",
  "AdminDisableProviderForUser",
  "AdminDisableUser",
  "AdminEnableUser",
  "AdminForgetDevice",
  "AdminGetDevice",
  "AdminGetUserAuthFactors",
  "AdminGetUser",
  "AdminInitiateAuth",
  "AdminLinkProviderForUser",
  "AdminListDevices",
  "AdminListGroupsForUser",
  "AdminListUserAuthEvents",
  "AdminListUserSessions",
  "AdminRemoveUserFromGroup",
  "AdminResetUserPassword",
  "AdminRespondToAuthChallenge",
  "AdminRevokeUserSession",
  "AdminSetUserMFAPreference",
  "AdminSetUserPassword",
  "AdminSetUserSettings",
  "AdminUpdateAuthEventFeedback",
  "AdminUpdateDeviceStatus",
  "AdminUpdateUserAttributes",
  "AdminUserGlobalSignOut",
  "AssociateSoftwareToken",
  "ChangePassword",
  "CompleteWebAuthnRegistration",
  "ConfirmDevice",
  "ConfirmForgotPassword",
  "ConfirmSignUp",
  "CreateGroup",
  "CreateIdentityProvider",
  "CreateManagedLoginBranding",
  "CreateResourceServer",
  "CreateTerms",
  "CreateUserImportJob",
  "CreateUserPoolClient",
  "CreateUserPool",
  "CreateUserPoolDomain",
  "CreateUserPoolReplica",
  "DeleteGroup",
  "DeleteIdentityProvider",
  "DeleteManagedLoginBranding",
  "DeleteResourceServer",
  "DeleteTerms",
  "DeleteUserAttributes",
  "DeleteUser",
  "DeleteUserPoolClient",
  "DeleteUserPoolClientSecret",
  "DeleteUserPool",
  "DeleteUserPoolDomain",
  "DeleteUserPoolReplica",
  "DeleteWebAuthnCredential",
  "DescribeIdentityProvider",
  "DescribeManagedLoginBrandingByClient",
  "DescribeManagedLoginBranding",
  "DescribeResourceServer",
  "DescribeRiskConfiguration",
  "DescribeTermsByClient",
  "DescribeTerms",
  "DescribeUserImportJob",
  "DescribeUserPoolClient",
  "DescribeUserPool",
  "DescribeUserPoolDomain",
  "ForgetDevice",
  "ForgotPassword",
  "GetCSVHeader",
  "GetClientToken",
  "GetDevice",
  "GetGroup",
  "GetIdentityProviderByIdentifier",
  "GetLogDeliveryConfiguration",
  "GetProvisionedLimit",
  "GetSigningCertificate",
  "GetTokensFromRefreshToken",
  "GetUICustomization",
  "GetUserAttributeVerificationCode",
  "GetUserAuthFactors",
  "GetUser",
  "GetUserPoolClientSessionConfiguration",
  "GetUserPoolMfaConfig",
  "GetUserPoolSessionConfiguration",
  "GlobalSignOut",
  "InitiateAuth",
  "ListDevices",
  "ListGroups",
  "ListIdentityProviders",
  "ListResourceServers",
  "ListTagsForResource",
  "ListTerms",
  "ListUserImportJobs",
  "ListUserPoolClientSecrets",
  "ListUserPoolClients",
  "ListUserPoolReplicas",
  "ListUserPools",
  "ListUserSessions",
  "ListUsers",
  "ListUsersInGroup",
  "ListWebAuthnCredentials",
  "ResendConfirmationCode",
  "RespondToAuthChallenge",
  "RevokeToken",
  "RevokeUserSession",
  "SetLogDeliveryConfiguration",
  "SetRiskConfiguration",
  "SetUICustomization",
  "SetUserMFAPreference",
  "SetUserPoolClientSessionConfiguration",
  "SetUserPoolMfaConfig",
  "SetUserPoolSessionConfiguration",
  "SetUserSettings",
  "SignUp",
  "StartUserImportJob",
  "StartWebAuthnRegistration",
  "StopUserImportJob",
  "TagResource",
  "UntagResource",
  "UpdateAuthEventFeedback",
  "UpdateDeviceStatus",
  "UpdateGroup",
  "UpdateIdentityProvider",
  "UpdateManagedLoginBranding",
  "UpdateProvisionedLimit",
  "UpdateResourceServer",
  "UpdateTerms",
  "UpdateUserAttributes",
  "UpdateUserPoolClient",
  "UpdateUserPool",
  "UpdateUserPoolDomain",
  "UpdateUserPoolReplica",
  "VerifySoftwareToken",
  "VerifyUserAttribute",
]);
