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

/**
 * The event ids that have a token in the tokens config object, or a message saying how to fix the
 * object when it is not a mapping of event ids to strings. Values are never echoed.
 * @param value the parsed config value; undefined when the key is not set (no tokens)
 */
export function tokenEventIds(
  value: unknown,
  configKey: string = DEFAULT_TOKENS_CONFIG_KEY,
): { eventIds: Set<string> } | { problem: string } {
  if (value === undefined) return { eventIds: new Set() };
  const isMapping = value !== null && typeof value === "object" && !Array.isArray(value);
  const entries = isMapping ? Object.entries(value as Record<string, unknown>) : [];
  const bad = entries.filter(([, token]) => typeof token !== "string").map(([id]) => id);
  if (!isMapping || bad.length > 0) {
    return {
      problem:
        `stack config ${configKey} must map event ids to feedback tokens` +
        (bad.length > 0 ? `, but the value for ${bad.join(", ")} is not a string` : "") +
        `. Set each token with: ${tokenConfigCommand("<eventId>", configKey)}`,
    };
  }
  return { eventIds: new Set(entries.map(([id]) => id)) };
}
