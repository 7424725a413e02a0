// Pure heuristic: does free text (a reason, a ticket, a stray field) carry something that looks like
// a credential? Such text is stored in plain text in state, shown in previews and committed to Git,
// so a pasted feedback token or key must be caught before it gets there.

// Prose and URLs are cut into pieces at whitespace, quotes, brackets and URL delimiters, so a token
// inside a link's query string or a sentence is looked at on its own.
const SEPARATORS = /[\s"'`()<>[\]{},;:/?&#|\\]+/;
const TOKEN_CHARS = /^[A-Za-z0-9+\-_=.~%]+$/;
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const AWS_ACCESS_KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
// Git object names (SHA-1, SHA-256) are public identifiers, often quoted in tickets.
const GIT_OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Shortest piece considered a token, and the longest run without `-`, `_` or `.` it must have. */
const MIN_TOKEN_LENGTH = 32;
const MIN_RANDOM_RUN = 24;

function describePiece(piece: string): string | undefined {
  if (AWS_ACCESS_KEY_ID.test(piece)) return "an AWS access key id";
  if (JWT.test(piece)) return "a JSON Web Token";
  if (piece.length < MIN_TOKEN_LENGTH || !TOKEN_CHARS.test(piece)) return undefined;
  if (GIT_OBJECT_NAME.test(piece)) return undefined;
  if (!/[A-Za-z]/.test(piece) || !/\d/.test(piece)) return undefined;
  // Slugs, UUIDs and dotted names are made of short parts; random tokens have long unbroken runs.
  const longestRun = Math.max(...piece.split(/[-_.]/).map((part) => part.length));
  return longestRun >= MIN_RANDOM_RUN ? `a ${piece.length}-character token-like string` : undefined;
}

/**
 * Describes what in `text` looks like a secret (e.g. `a 64-character token-like string`, `an AWS
 * access key id`), or returns undefined when nothing does. Never returns the secret itself.
 */
export function looksLikeSecret(text: string): string | undefined {
  for (const piece of text.split(SEPARATORS)) {
    const found = describePiece(piece);
    if (found !== undefined) return found;
  }
  return undefined;
}
