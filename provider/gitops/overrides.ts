// Pure loader of the overrides file: reviewed verdicts on Cognito auth events, kept in Git.
// The text is YAML or JSON (JSON is YAML). It is checked against schema/overrides.schema.json (the
// structure, which editors show too) and against the resource's own `check` rules (checkInputs), so
// a file that loads here passes `pulumi preview`. Every problem is reported at once, with its line
// and column. Tokens never belong in the file: they live in secret stack config (./token-config.ts).
import type { ErrorObject, ValidateFunction } from "ajv";
import { parseLocated, type Locate, type Segment } from "../shared/located-yaml";
import { isRecord } from "../shared/records";
import { looksLikeSecret, sourceExcerpt, withholdSecrets } from "../shared/secret-like";
import { DEFAULT_TOKENS_CONFIG_KEY, tokenConfigCommand } from "./token-config";
import type { FeedbackValue } from "../resource/types";
import { isEventId } from "../cognito/values";
import { checkInputs, eventKey, type InputProblem } from "../resource/inputs";
import { labelOf, PROPERTIES } from "../resource/properties";

// The schema's validators, compiled by Ajv ahead of time (`npm run schema:validators`; compiling
// on every start was a sixth of a `check` run). They are published next to the schema, at the
// package root (schema/), outside the compiled tree, so they are loaded by path relative to this
// module, which works from provider/ and dist/ alike. Errors are verbose: they carry the failing
// value and schema node, which messages describe.
interface CompiledValidators {
  /** A whole document. */
  validate: ValidateFunction;
  /** One entry of its `overrides` list. */
  validateEntry: ValidateFunction;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validators = require("../../schema/overrides.validate.js") as CompiledValidators;
const { validate: validateSchema, validateEntry } = validators;

/** One verdict from an overrides file, validated and normalized. */
export interface Override {
  /** The event's user pool: the entry's own, else the file's default. */
  userPoolId: string;
  username: string;
  eventId: string;
  /** Normalized to `Valid` or `Invalid`. */
  verdict: FeedbackValue;
  /** Why the verdict is right. */
  reason: string;
  /** Ticket reference, when given. */
  ticket?: string;
}

/** One problem in an overrides file: where it is and what to do about it. */
export interface OverridesProblem {
  /** Where in the document, e.g. `overrides[2].eventId`, or `(root)`. */
  path: string;
  /** What is wrong and what to do. */
  message: string;
  /** 1-based position in the file, when the overrides came from text. */
  line?: number;
  column?: number;
  /**
   * The source line a syntax error is on, as {@link sourceExcerpt} shows it: a line that looks
   * like it holds a credential is replaced by `<line N withheld: it looks like a secret>`.
   */
  excerpt?: string;
}

/** The outcome of loading: the overrides, or every problem found (never both). */
export type OverridesResult =
  { ok: true; overrides: Override[] } | { ok: false; problems: OverridesProblem[] };

/** Options of {@link parseOverrides} and {@link validateOverrides}. */
export interface OverridesOptions {
  /**
   * Stack config key of the secret object holding tokens, named in messages.
   * @default "feedbackTokens"
   */
  tokensConfigKey?: string;
}

/** How many problems an {@link OverridesError} message lists before it only counts the rest. */
export const DEFAULT_MAX_PROBLEMS = 100;

/**
 * Overrides that cannot be loaded; the message lists the first {@link DEFAULT_MAX_PROBLEMS}
 * problems, one per line, and counts the rest.
 */
export class OverridesError extends Error {
  /** Every problem found, in file order. */
  readonly problems: readonly OverridesProblem[];
  constructor(source: string, problems: readonly OverridesProblem[]) {
    const n = problems.length;
    const shown = problems.slice(0, DEFAULT_MAX_PROBLEMS);
    super(
      `${source} has ${n} problem${n === 1 ? "" : "s"}:\n` +
        shown.map((p) => indent(formatOverridesProblem(source, p))).join("\n") +
        (n > shown.length ? `\n  ${moreProblemsLine(n, shown.length, source)}` : ""),
    );
    this.name = "OverridesError";
    this.problems = problems;
  }
}

const indent = (text: string) => `  ${text.replace(/\n/g, "\n  ")}`;

/**
 * The line after a capped list of problems: how many were left out, and the command that lists
 * them all (`source` is the file as the user names it).
 */
export function moreProblemsLine(total: number, shown: number, source: string): string {
  const left = (total - shown).toLocaleString("en-US");
  return `... and ${left} more (${total.toLocaleString("en-US")} problems in all); list them all with: cognito-feedback check ${source} --max-problems ${total}`;
}

/**
 * `overrides.yaml:12:5: overrides[2].eventId: <message>` (without a position when none is known);
 * a syntax error's excerpt follows on a second line, `    | <source line>`.
 */
export function formatOverridesProblem(source: string, p: OverridesProblem): string {
  const where = p.line === undefined ? source : `${source}:${p.line}:${p.column ?? 1}`;
  const excerpt = p.excerpt === undefined ? "" : `\n    | ${p.excerpt}`;
  return `${where}: ${p.path}: ${p.message}${excerpt}`;
}

interface Found {
  at: Segment[];
  message: string;
}

/** `["overrides", 2, "eventId"]` -> `overrides[2].eventId`; a secret-looking key is withheld. */
function pathOf(at: readonly Segment[]): string {
  if (at.length === 0) return "(root)";
  const plain = /^[A-Za-z_$][\w$]*$/;
  return at
    .map((s, i) => {
      if (typeof s === "number") return `[${s}]`;
      if (looksLikeSecret(s) !== undefined) return "[<key withheld: it looks like a secret>]";
      // A key that is not a plain name is quoted, so the path still says where it is.
      if (!plain.test(s)) return `[${JSON.stringify(s)}]`;
      return i === 0 ? s : `.${s}`;
    })
    .join("");
}

const TOKEN_KEY = /token/i;
const SECRET_KEY = /secret|password|passwd|credential|api[-_]?key|private[-_]?key/i;
// Every string is searched for secrets, identity fields too: the resource's rules quote a bad
// userPoolId, eventId or verdict in full. The username is the exception: its rules never echo it,
// and a sub or an email must not be mistaken for a token.
const NOT_SCANNED = new Set(["username"]);

function eventIdOf(entry: unknown): string {
  const id = isRecord(entry) ? entry.eventId : undefined;
  return isEventId(id) && looksLikeSecret(id) === undefined ? id : "<eventId>";
}

/** What a field's name says: it looks like a secret itself, it names a token or a secret, or none. */
type KeyKind = { looks: string } | "token" | "secret" | undefined;

function keyKind(key: string): KeyKind {
  const looks = looksLikeSecret(key);
  if (looks !== undefined) return { looks };
  if (TOKEN_KEY.test(key)) return "token";
  return SECRET_KEY.test(key) ? "secret" : undefined;
}

/**
 * Token-like and secret-looking content anywhere in the document: a key that names a token or
 * secret, or free text that looks like one. The value itself is never echoed.
 */
function secretProblems(value: unknown, tokensKey: string): Found[] {
  const found: Found[] = [];
  // Every entry has the same few keys: each is judged once.
  const kinds = new Map<string, KeyKind>();
  const kindOf = (key: string): KeyKind => {
    if (kinds.has(key)) return kinds.get(key);
    const kind = keyKind(key);
    kinds.set(key, kind);
    return kind;
  };
  const command = (entry: unknown) => tokenConfigCommand(eventIdOf(entry), tokensKey);
  // The path of the node being visited; copied only into a problem.
  const at: Segment[] = [];
  const visit = (node: unknown, entry: unknown): void => {
    if (Array.isArray(node)) {
      const entries = at.length === 1;
      node.forEach((item, i) => {
        at.push(i);
        visit(item, entries ? item : entry);
        at.pop();
      });
      return;
    }
    if (!isRecord(node)) return;
    for (const key of Object.keys(node)) {
      const child = node[key];
      const kind = kindOf(key);
      let message: string | undefined;
      if (typeof kind === "object") {
        message = `a field name looks like a secret (${kind.looks}); this file is committed to Git, so secrets must stay out of it. Remove the field; if it is the event's feedback token, store it with: ${command(entry)}`;
      } else if (kind === "token") {
        message = `feedback tokens must not be in this file: it is committed to Git, and a token lets anyone give feedback on the event. Remove "${key}" and store the token as a stack secret instead: ${command(entry)}`;
      } else if (kind === "secret") {
        message = `secrets must not be in this file: it is committed to Git. Remove "${key}"; keep credentials in your secret store or in secret stack config (pulumi config set --secret).`;
      } else if (typeof child === "string" && !NOT_SCANNED.has(key)) {
        const what = looksLikeSecret(child);
        if (what !== undefined) {
          message = `${key} contains what looks like a secret (${what}); this file is committed to Git, so secrets must stay out of it. Remove it; if it is the event's feedback token, store it with: ${command(entry)}`;
        }
      } else {
        at.push(key);
        visit(child, entry);
        at.pop();
      }
      if (message !== undefined) found.push({ at: [...at, key], message });
    }
  };
  visit(value, undefined);
  return found;
}

function descriptionOf(parent: unknown, property: string): string | undefined {
  const props = isRecord(parent) && isRecord(parent.properties) ? parent.properties : {};
  const prop = props[property];
  return isRecord(prop) && typeof prop.description === "string" ? prop.description : undefined;
}

function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function schemaProblem(e: ErrorObject): Found {
  const at: Segment[] = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
  const parent: unknown = e.parentSchema;
  const description = isRecord(parent) ? parent.description : undefined;
  const expected = typeof description === "string" ? description : e.message;
  switch (e.keyword) {
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const what = descriptionOf(parent, missing);
      return {
        at: [...at, missing],
        message: `${missing} is required${what === undefined ? "" : `: ${what}`}.`,
      };
    }
    case "additionalProperties": {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const props = isRecord(parent) ? parent.properties : undefined;
      const allowed = isRecord(props) ? Object.keys(props) : [];
      return {
        at: [...at, extra],
        message: `unknown field "${extra}": check the spelling; allowed here: ${allowed.filter((k) => k !== "$schema").join(", ")}.`,
      };
    }
    default:
      return { at, message: `got ${show(e.data)}; expected ${expected}.` };
  }
}

// The document is validated without its entries, then entry by entry: one validation of a whole
// list gathers its errors by repeated concatenation, quadratic in their number.
function schemaErrors(value: unknown): ErrorObject[] {
  if (!isRecord(value) || !Array.isArray(value.overrides)) {
    return validateSchema(value) ? [] : (validateSchema.errors ?? []);
  }
  const entries: unknown[] = value.overrides;
  const errors = validateSchema({ ...value, overrides: [] })
    ? []
    : [...(validateSchema.errors ?? [])];
  entries.forEach((entry, i) => {
    if (validateEntry(entry)) return;
    for (const e of validateEntry.errors ?? []) {
      errors.push({ ...e, instancePath: `/overrides/${i}${e.instancePath}` });
    }
  });
  return errors;
}

function schemaProblems(value: unknown): Found[] {
  // Each failed $ref branch repeats its error through the reference; one per path and keyword.
  const seen = new Set<string>();
  return schemaErrors(value)
    .map(schemaProblem)
    .filter((f) => {
      const key = `${pathOf(f.at)} ${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

// The file names some properties its own way (feedbackValue is `verdict`); check's reasons start
// with the property's name.
function inFileTerms(problem: InputProblem): string {
  const label = labelOf(problem.property);
  const reason = problem.reason.startsWith(problem.property)
    ? `${label}${problem.reason.slice(problem.property.length)}`
    : problem.reason;
  return /must be a string, but it is a (number|boolean)\.$/.test(reason)
    ? `${reason} Put it in quotes.`
    : reason;
}

// The properties an entry sets, each under its field name.
const FILE_PROPERTIES = PROPERTIES.filter((p) => p.fileField !== undefined);

// An entry's fields as the resource's inputs.
function inputsOfEntry(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FILE_PROPERTIES.map((p) => [p.name, entry[p.fileField as string]]));
}

// Optional for the resource, required in the file: a verdict in Git says why.
const FILE_REQUIRES = ["reason"];

/** The resource's `check` rules on each entry, by the entry's fields. */
function checkProblems(value: unknown): { found: Found[]; overrides: (Override | undefined)[] } {
  const found: Found[] = [];
  const doc = isRecord(value) ? value : {};
  const entries = Array.isArray(doc.overrides) ? (doc.overrides as unknown[]) : [];

  // The default pool is checked once, where it is written, not once per entry that inherits it.
  const defaultPool = doc.userPoolId;
  const poolFailure =
    defaultPool === undefined
      ? undefined
      : checkInputs({ userPoolId: defaultPool }).failures.find((f) => f.property === "userPoolId");
  if (poolFailure !== undefined) found.push({ at: ["userPoolId"], message: poolFailure.reason });

  const overrides = entries.map((entry, i): Override | undefined => {
    if (!isRecord(entry)) return undefined;
    const inherits = entry.userPoolId === undefined;
    const { inputs, failures } = checkInputs(
      { ...inputsOfEntry(entry), userPoolId: inherits ? defaultPool : entry.userPoolId },
      { require: FILE_REQUIRES },
    );
    for (const f of failures) {
      if (f.property === "userPoolId" && inherits && defaultPool !== undefined) continue;
      const field = labelOf(f.property);
      const message =
        f.property === "userPoolId" && inherits
          ? `${f.reason.replace(/\.$/, "")}, or set userPoolId once at the top of the file for every entry.`
          : inFileTerms(f);
      found.push({ at: ["overrides", i, field], message });
    }
    if (failures.length > 0 || poolFailure !== undefined) return undefined;
    return {
      userPoolId: inputs.userPoolId as string,
      username: inputs.username as string,
      eventId: inputs.eventId as string,
      verdict: inputs.feedbackValue as FeedbackValue,
      reason: inputs.reason as string,
      ...(inputs.ticket !== undefined ? { ticket: inputs.ticket as string } : {}),
    };
  });
  return { found, overrides };
}

/** A second entry for the same pool and event, pointing back at the first. */
function duplicateProblems(
  overrides: readonly (Override | undefined)[],
  where: (at: Segment[]) => string,
): Found[] {
  const first = new Map<string, number>();
  const found: Found[] = [];
  overrides.forEach((o, i) => {
    if (o === undefined) return;
    const key = eventKey(o.userPoolId, o.eventId);
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      return;
    }
    found.push({
      at: ["overrides", i],
      message: `event ${o.eventId} in pool ${o.userPoolId} already has a verdict at ${where(["overrides", j])}; keep one entry per event (merge the reasons into one).`,
    });
  });
  return found;
}

function collect(
  value: unknown,
  options: OverridesOptions,
  locate: Locate | undefined,
): OverridesResult {
  const tokensKey = options.tokensConfigKey ?? DEFAULT_TOKENS_CONFIG_KEY;
  const secrets = secretProblems(value, tokensKey);
  const checked = checkProblems(value);
  const where = (at: Segment[]) => {
    const pos = locate?.(at);
    return pos === undefined ? pathOf(at) : `line ${pos.line} (${pathOf(at)})`;
  };
  // One problem per place: a secret first, then the resource's own rule (it says what to do),
  // then the schema's.
  const byPath = new Map<string, Found>();
  for (const f of [...secrets, ...checked.found, ...schemaProblems(value)]) {
    const key = pathOf(f.at);
    if (!byPath.has(key)) byPath.set(key, f);
  }
  // An entry with a secret-looking field is reported for that alone: a duplicate would quote it.
  const secretPool = secrets.some((f) => f.at.length === 1 && f.at[0] === "userPoolId");
  const secretEntries = new Set(secrets.filter((f) => f.at[0] === "overrides").map((f) => f.at[1]));
  const clean = checked.overrides.map((o, i) =>
    secretPool || secretEntries.has(i) ? undefined : o,
  );
  const found = [...byPath.values(), ...duplicateProblems(clean, where)];
  if (found.length === 0) {
    return { ok: true, overrides: checked.overrides as Override[] };
  }
  // Last line of defence: whatever a message quotes, nothing that looks like a secret leaves here.
  const problems = found.map((f) => ({
    path: pathOf(f.at),
    message: withholdSecrets(f.message),
    ...locate?.(f.at),
  }));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, problems };
}

/**
 * Validates an overrides document that is already parsed (e.g. built in code): the same rules as
 * {@link parseOverrides}, with paths but no positions.
 */
export function validateOverrides(value: unknown, options: OverridesOptions = {}): OverridesResult {
  return collect(value, options, undefined);
}

/**
 * Parses and validates overrides text (YAML or JSON). Pure: `fileName` is only used in messages.
 * Returns the overrides, or every problem with its line and column.
 */
export function parseOverrides(
  text: string,
  fileName: string,
  options: OverridesOptions = {},
): OverridesResult {
  const parsed = parseLocated(text);
  if (parsed.ok) return collect(parsed.value, options, parsed.locate);
  // The parser's messages may quote the text (an alias's name, say): scanned like any excerpt.
  return {
    ok: false,
    problems: parsed.errors.map((e) => {
      const excerpt = sourceExcerpt(e.source, e.line);
      const fix = e.syntax ? "fix the YAML (or JSON) syntax" : "fix the YAML (or JSON)";
      return {
        path: "(syntax)",
        message: `${withholdSecrets(e.message)}; ${fix} of ${fileName}.`,
        line: e.line,
        column: e.column,
        ...(excerpt === undefined ? {} : { excerpt }),
      };
    }),
  };
}
