// Pure heuristic: does free text (a reason, a ticket, a stray field) carry something that looks like
// a credential? Such text is stored in plain text in state, shown in previews and committed to Git,
// so a pasted feedback token or key must be caught before it gets there.

// Prose and URLs are cut into pieces at whitespace, quotes, brackets and URL delimiters, so a token
// inside a link's query string or a sentence is looked at on its own.
// YAML's alias, anchor and tag marks (`*`, `!`) and `@`, `$`, `^` separate too.
const SEPARATORS = /[\s"'`()<>[\]{},;:/?&#|\\*!@$^]+/;
const SPLIT_KEEPING_SEPARATORS = new RegExp(`(${SEPARATORS.source})`);
const TOKEN_CHARS = /^[A-Za-z0-9+\-_=.~%]+$/;
// A JSON Web Token: a base64url JSON header (`{"` is `eyJ`), then a payload and a signature;
// either of those may be short.
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.(?:[A-Za-z0-9_-]{8,}|[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;
const AWS_ACCESS_KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
// Git object names (SHA-1, SHA-256) are public identifiers, often quoted in tickets.
const GIT_OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The pieces worth a look are runs between separators of at least 15 characters, the shortest a
 * JWT can be (`eyJ`, 8 characters, then `.a.b`); shorter pieces never look like a secret.
 */
const MIN_CANDIDATE_LENGTH = 15;

// SEPARATORS as a lookup table for ASCII; other characters are separators when they are blanks.
const ASCII_SEPARATOR = new Uint8Array(128).map((_, c) =>
  SEPARATORS.test(String.fromCharCode(c)) ? 1 : 0,
);
const isSeparator = (c: number) =>
  c < 128 ? ASCII_SEPARATOR[c] === 1 : SEPARATORS.test(String.fromCharCode(c));

/** Shortest piece considered a token, and the longest run without `-`, `_` or `.` it must have. */
const MIN_TOKEN_LENGTH = 32;
const MIN_RANDOM_RUN = 24;
const [HYPHEN, UNDERSCORE, DOT] = [..."-_."].map((c) => c.charCodeAt(0));

// One pass (the regex `[^-_.]{24}` retried at every start: several times slower on every UUID).
function hasLongRandomRun(piece: string): boolean {
  let run = 0;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    run = c === HYPHEN || c === UNDERSCORE || c === DOT ? 0 : run + 1;
    if (run === MIN_RANDOM_RUN) return true;
  }
  return false;
}

function describePiece(piece: string): string | undefined {
  if (AWS_ACCESS_KEY_ID.test(piece)) return "an AWS access key id";
  if (JWT.test(piece)) return "a JSON Web Token";
  if (piece.length < MIN_TOKEN_LENGTH || !TOKEN_CHARS.test(piece)) return undefined;
  if (GIT_OBJECT_NAME.test(piece)) return undefined;
  if (!/[A-Za-z]/.test(piece) || !/\d/.test(piece)) return undefined;
  // Slugs, UUIDs and dotted names are made of short parts; random tokens have long unbroken runs.
  return hasLongRandomRun(piece) ? `a ${piece.length}-character token-like string` : undefined;
}

/**
 * Describes what in `text` looks like a secret (e.g. `a 64-character token-like string`, `an AWS
 * access key id`), or returns undefined when nothing does. Never returns the secret itself.
 */
export function looksLikeSecret(text: string): string | undefined {
  if (text.length < MIN_CANDIDATE_LENGTH) return undefined;
  // One pass over the characters finds the runs between separators that are long enough to look
  // at (a regex over a negated class costs several times more on prose, and every reason is prose).
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSeparator(text.charCodeAt(i))) continue;
    if (i - start >= MIN_CANDIDATE_LENGTH) {
      const found = describePiece(text.slice(start, i));
      if (found !== undefined) return found;
    }
    start = i + 1;
  }
  return undefined;
}

/** What replaces a secret-looking piece of text in messages. */
export const WITHHELD = "<withheld: it looks like a secret>";

/**
 * `text` with every piece that looks like a credential replaced by {@link WITHHELD}, the rest as
 * it is. For messages that quote text someone wrote (a parser's message, a preview diagnostic).
 */
export function withholdSecrets(text: string): string {
  // The same pieces as looksLikeSecret's: its one pass over the characters settles the usual case
  // (nothing to withhold) without splitting every message of a long report.
  if (looksLikeSecret(text) === undefined) return text;
  const parts = text.split(SPLIT_KEEPING_SEPARATORS);
  // Even indexes are pieces, odd ones the separators between them.
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    if (describePiece(parts[i]) !== undefined) {
      parts[i] = WITHHELD;
      changed = true;
    }
  }
  return changed ? parts.join("") : text;
}

/** Longest excerpt of a source line shown, in characters. */
const MAX_EXCERPT = 120;

/**
 * How a message may quote line `line` of a source file: without its line break and trailing
 * blanks, shortened to 120 characters, or `<line N withheld: it looks like a secret>` when
 * anything in the whole line looks like a credential (scanned before shortening, so a cut token
 * cannot slip through). Undefined for a blank line: nothing to show.
 */
export function sourceExcerpt(text: string, line: number): string | undefined {
  const shown = text.replace(/[\r\n]+$/, "").trimEnd();
  if (shown.trim() === "") return undefined;
  if (looksLikeSecret(shown) !== undefined)
    return `<line ${line} withheld: it looks like a secret>`;
  const chars = [...shown];
  return chars.length > MAX_EXCERPT ? `${chars.slice(0, MAX_EXCERPT - 1).join("")}…` : shown;
}
