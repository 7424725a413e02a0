// Pure naming of where feedback tokens live: one secret stack-config object, event id -> token.
// The overrides file is committed to Git, so tokens never go there; messages that reject a token
// in the file name the exact command that stores it instead.

/** Stack config key of the object that maps event ids to feedback tokens. */
export const DEFAULT_TOKENS_CONFIG_KEY = "feedbackTokens";

/**
 * The command that stores the token of `eventId` as a secret under `configKey`, e.g.
 * `pulumi config set --secret --path 'feedbackTokens["evt-1"]' <token>`.
 * @param configKey default {@link DEFAULT_TOKENS_CONFIG_KEY}
 */
export function tokenConfigCommand(
  eventId: string,
  configKey: string = DEFAULT_TOKENS_CONFIG_KEY,
): string {
  // Bracket form: event ids may start with a digit or hold '+', which the dotted --path form misreads.
  return `pulumi config set --secret --path '${configKey}["${eventId}"]' <token>`;
}
