// Pure: overrides text -> a value, and where each path of that value starts in the text.
// Three readers, one result. The shape nearly every overrides file has (a mapping of one-line
// scalars and a block list of flat entries) is read line by line, without a YAML parser: a
// 50,000-entry file in about a fifth of js-yaml's time, with no parser events in memory. js-yaml
// reads everything else it can, and its events carry the offsets problems are reported at (parsed
// again only when a problem needs a position). `yaml`'s Document parser takes over whenever
// js-yaml refuses the text (syntax errors, aliases, tags, an empty document): its messages and
// positions are the ones users have always seen.
import {
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  load,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarTagDefinition,
} from "js-yaml";
import type * as Yaml from "yaml";

/** A step of a path into the document: a mapping key or a list index. */
export type Segment = string | number;

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Where a path starts in the text: its own node, else the nearest ancestor that exists. */
export type Locate = (at: readonly Segment[]) => Position;

/** The text as a value plus its locator, when the fast parser accepts it. */
export interface FastParse {
  value: Record<string, unknown>;
  /** Built on first use: a valid file never pays for positions. */
  locate: Locate;
}

/**
 * Parses `text` with the line reader ({@link readFlatBlocks}) when it has the usual shape, else with
 * js-yaml (YAML 1.2 core schema, the same as `yaml`'s default). Undefined when js-yaml refuses it,
 * or when it holds an alias (aliases are left to `yaml`, which bounds their expansion), or its
 * document is not a mapping: the caller then takes the `yaml` path.
 */
export function fastParse(text: string): FastParse | undefined {
  const flat = readFlatBlocks(text);
  if (flat !== undefined) return flat;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  // The events are parsed again only when a problem needs a position: keeping them from the
  // first parse would hold hundreds of thousands of objects through validation.
  let locate: Locate | undefined;
  return {
    value: value as Record<string, unknown>,
    locate: (at) => (locate ??= eventLocator(text, parseEvents(text, {})))(at),
  };
}

// The core schema's implicit scalar tags (null, bool, int, float), in the order js-yaml tries them
// on a plain scalar, and the first characters any of them can match: every other plain scalar is
// a string.
const IMPLICIT_TAGS = CORE_SCHEMA.tags.filter(
  (t): t is ScalarTagDefinition => t.nodeKind === "scalar" && t.implicit,
);
const IMPLICIT_FIRST = IMPLICIT_TAGS.some((t) => t.implicitFirstChars === null)
  ? undefined
  : new Set(IMPLICIT_TAGS.flatMap((t) => t.implicitFirstChars ?? []));

/** A plain scalar's value, as js-yaml's core schema resolves it. */
function resolvePlain(source: string): unknown {
  const first = source.charAt(0);
  if (IMPLICIT_FIRST?.has(first) === false) return source;
  for (const tag of IMPLICIT_TAGS) {
    if (tag.implicitFirstChars !== null && !tag.implicitFirstChars.includes(first)) continue;
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}

// Characters the line reader leaves to js-yaml: controls and tabs, NEL, the Unicode line and
// paragraph separators, surrogates (lone ones are errors), byte-order marks, non-characters, and a
// carriage return that does not end a line.
const LEFT_TO_JS_YAML =
  /[^\n\r\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|\r(?!\n)/;
// Printable ASCII and line feeds only: the usual text, which needs no closer look (twice as fast).
const NOT_PLAIN_ASCII = /[^\n\x20-\x7E]/;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const QUESTION = 0x3f;
// What a plain scalar cannot start with; `-`, `?` and `:` only before a blank.
const INDICATORS = new Set([...",[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));
const isKeyStart = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
const isKeyChar = (c: number) => isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === DASH;

/** How many different keys the line reader keeps for reuse. */
const MAX_KEYS_KEPT = 32;

/** Returned by the line reader's steps for anything outside its shape. */
const UNREAD = Symbol("unread");

/**
 * The shape nearly every overrides file has, read line by line: a top-level mapping of `key:
 * scalar` lines, where a key without a value holds a block list of flat mappings (`- key: scalar`,
 * then `key: scalar` under the first key), with blank and comment lines anywhere. Keys are plain
 * names; scalars are plain (resolved by js-yaml's own core-schema tags) or quoted on one line
 * without escapes. Undefined for anything else, js-yaml then reads the text. For every text this
 * accepts, the value is js-yaml's and the positions are `yaml`'s (tests/unit/overrides-yaml.spec.ts
 * holds them to it): a path starts at its key, a list entry at its first key.
 */
export function readFlatBlocks(text: string): FastParse | undefined {
  if (NOT_PLAIN_ASCII.test(text) && LEFT_TO_JS_YAML.test(text)) return undefined;
  let stop = 0; // end of the current line, without its line break
  // The next `#` and `:` at or after the scalar being read (text.length: none), found by indexOf
  // and kept: a plain scalar ends at ` #` and must not hold `: `, and most hold neither.
  let hashAt = -1;
  let colonAt = -1;
  const next = (c: string, from: number): number => {
    const at = text.indexOf(c, from);
    return at === -1 ? text.length : at;
  };

  // After a quoted scalar: blanks, then the end of the line or a comment.
  const endsLine = (q: number): boolean => {
    let r = q;
    while (r < stop && text.charCodeAt(r) === SPACE) r++;
    return r === stop || (r > q && text.charCodeAt(r) === HASH);
  };
  // The scalar from `q` to the end of the line (or its comment).
  const scalar = (q: number): unknown => {
    const c = text.charCodeAt(q);
    if (c === DOUBLE_QUOTE) {
      const close = text.indexOf('"', q + 1);
      if (close === -1 || close >= stop || !endsLine(close + 1)) return UNREAD;
      const value = text.slice(q + 1, close);
      return value.includes("\\") ? UNREAD : value;
    }
    if (c === SINGLE_QUOTE) {
      let value = "";
      for (let from = q + 1; ;) {
        const close = text.indexOf("'", from);
        if (close === -1 || close >= stop) return UNREAD;
        value += text.slice(from, close);
        if (close + 1 < stop && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
          value += "'";
          from = close + 2;
        } else {
          return endsLine(close + 1) ? value : UNREAD;
        }
      }
    }
    if (INDICATORS.has(c)) return UNREAD;
    if (
      (c === DASH || c === QUESTION || c === COLON) &&
      (q + 1 === stop || text.charCodeAt(q + 1) === SPACE)
    ) {
      return UNREAD;
    }
    if (hashAt < q) hashAt = next("#", q);
    while (hashAt < stop && text.charCodeAt(hashAt - 1) !== SPACE) hashAt = next("#", hashAt + 1);
    let end = Math.min(hashAt, stop);
    if (colonAt < q) colonAt = next(":", q);
    for (; colonAt < end; colonAt = next(":", colonAt + 1)) {
      // `: ` would start a mapping inside the value, which only js-yaml can refuse.
      if (colonAt + 1 === stop || text.charCodeAt(colonAt + 1) === SPACE) return UNREAD;
    }
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return resolvePlain(text.slice(q, end));
  };
  // The keys read so far, each checked once (a plain name the core schema reads as a string) and
  // reused: every entry has the same few, and a key string seen before is a cheap property name
  // where a new slice of the text is hashed and looked up on every use.
  const keys: string[] = [];
  const keyAt = (p: number, q: number): string | undefined => {
    for (const key of keys) if (key.length === q - p && text.startsWith(key, p)) return key;
    const key = text.slice(p, q);
    if (key === "__proto__" || resolvePlain(key) !== key) return undefined;
    // A file of many different keys is read all the same, without a longer search each time.
    if (keys.length < MAX_KEYS_KEPT) keys.push(key);
    return key;
  };
  const root: Record<string, unknown> = {};
  let listKey: string | undefined; // a top-level key without a value: its list comes next
  // `key: scalar` from `p` into `target`: the key, or undefined outside the shape. A top-level key
  // without a value becomes `listKey`.
  const pair = (target: Record<string, unknown>, p: number, top: boolean): string | undefined => {
    if (!isKeyStart(text.charCodeAt(p))) return undefined;
    let q = p + 1;
    while (q < stop && isKeyChar(text.charCodeAt(q))) q++;
    if (q === stop || text.charCodeAt(q) !== COLON) return undefined;
    const key = keyAt(p, q);
    if (key === undefined || Object.hasOwn(target, key)) return undefined;
    if (++q < stop && text.charCodeAt(q) !== SPACE) return undefined;
    while (q < stop && text.charCodeAt(q) === SPACE) q++;
    if (q === stop || text.charCodeAt(q) === HASH) {
      if (top) listKey = key;
      return top ? key : undefined;
    }
    const value = scalar(q);
    if (value === UNREAD) return undefined;
    target[key] = value;
    return key;
  };

  // Where things start: the top-level keys, and each list's entries (at their first key).
  const keyStarts = new Map<string, number>();
  const entryStarts = new Map<string, number[]>();
  let starts: number[] = [];
  let list: unknown[] | undefined;
  let listIndent = 0; // the column of the list's dashes
  let entry: Record<string, unknown> | undefined;
  let entryIndent = 0; // the column of the entry's keys
  for (let start = 0; start < text.length;) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    stop = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    let p = start;
    while (p < stop && text.charCodeAt(p) === SPACE) p++;
    const indent = p - start;
    start = end + 1;
    const c = text.charCodeAt(p);
    if (p === stop || c === HASH) continue;
    if (c === DASH && (p + 1 === stop || text.charCodeAt(p + 1) === SPACE)) {
      if (listKey !== undefined) {
        root[listKey] = list = [];
        entryStarts.set(listKey, (starts = []));
        listKey = undefined;
        listIndent = indent;
      } else if (list === undefined || indent !== listIndent) {
        return undefined;
      }
      let q = p + 1;
      while (q < stop && text.charCodeAt(q) === SPACE) q++;
      entry = {};
      list.push(entry);
      starts.push(q);
      entryIndent = q - (p - indent);
      if (q === p + 1 || pair(entry, q, false) === undefined) return undefined;
    } else if (indent === 0 && listKey === undefined) {
      // A document marker (`---`, `...`) or directive is js-yaml's.
      if (text.startsWith("---", p) || text.startsWith("...", p)) return undefined;
      list = entry = undefined;
      const key = pair(root, p, true);
      if (key === undefined) return undefined;
      keyStarts.set(key, p);
    } else if (entry !== undefined && indent === entryIndent) {
      if (pair(entry, p, false) === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  if (listKey !== undefined || keyStarts.size === 0) return undefined;

  // An entry's key: on the entry's first line, or on a line of its own at the first key's column
  // (the entry ends at the first line with another indentation).
  const keyInEntry = (first: number, key: string): number | undefined => {
    const column = first - (text.lastIndexOf("\n", first - 1) + 1);
    for (let p = first, line = first - column; ;) {
      if (p - line === column && text.startsWith(`${key}:`, p)) return p;
      line = text.indexOf("\n", p) + 1;
      if (line === 0) return undefined;
      for (p = line; text.charCodeAt(p) === SPACE;) p++;
      const c = text.charCodeAt(p);
      const blank = p === text.length || c === 0x0a || c === 0x0d || c === HASH;
      if (!blank && p - line !== column) return undefined;
    }
  };
  const rootStart = keyStarts.values().next().value as number;
  const offsetOf = (at: readonly Segment[]): number => {
    const [key, index, field] = at;
    const keyStart = typeof key === "string" ? keyStarts.get(key) : undefined;
    if (keyStart === undefined) return rootStart;
    const entries = typeof index === "number" ? entryStarts.get(key as string) : undefined;
    const first = entries?.[index as number];
    if (first === undefined) return keyStart;
    return typeof field === "string" ? (keyInEntry(first, field) ?? first) : first;
  };
  let position: ((offset: number) => Position) | undefined;
  return {
    value: root,
    locate: (at) => (position ??= positionOf(text))(offsetOf(at)),
  };
}

/** Line starts of `text`, for offset -> line and column by binary search. */
function positionOf(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

const keyOf = (at: readonly Segment[]) =>
  at.map((s) => (typeof s === "number" ? `#${s}` : `.${s}`)).join("\u0000");

const COMPLEX_KEY = "\u0000complex key";

interface Frame {
  path: Segment[];
  mapping: boolean;
  /** In a mapping: the key just read, waiting for its value. */
  key?: string;
  /** In a sequence: the next item's index. */
  index: number;
}

// A field starts at its key, a list item at the item itself (a mapping item at its first key),
// as with `yaml`; a quoted scalar at its opening quote.
function eventLocator(text: string, events: readonly Event[]): Locate {
  const starts = new Map<string, number>();
  const stack: Frame[] = [];
  const begin = (offset: number): Segment[] => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      starts.set(keyOf([]), offset);
      return [];
    }
    if (top.mapping) {
      // A collection as a key (rare, and never valid here) files its value under a placeholder.
      if (top.key === undefined) return [...top.path, (top.key = COMPLEX_KEY)];
      const path = [...top.path, top.key];
      top.key = undefined;
      return path;
    }
    const path = [...top.path, top.index++];
    starts.set(keyOf(path), offset);
    return path;
  };
  for (const e of events) {
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      const path = begin(e.start);
      stack.push({ path, mapping: e.type === EVENT_ID.MAPPING, index: 0 });
    } else if (e.type === EVENT_ID.SCALAR) {
      const quoted =
        e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const offset = quoted ? e.valueStart - 1 : e.valueStart;
      const top = stack[stack.length - 1];
      if (top?.mapping === true && top.key === undefined) {
        top.key = getScalarValue(text, e);
        starts.set(keyOf([...top.path, top.key]), offset);
      } else {
        begin(offset);
      }
    } else if (e.type === EVENT_ID.POP) {
      stack.pop();
    }
  }
  const position = positionOf(text);
  return (at) => {
    for (let n = at.length; n >= 0; n--) {
      const offset = starts.get(keyOf(at.slice(0, n)));
      if (offset !== undefined) return position(offset);
    }
    return { line: 1, column: 1 };
  };
}

/** The same locator over `yaml`'s Document, for text only `yaml` parses. */
export function documentLocator(doc: Yaml.Document, counter: Yaml.LineCounter): Locate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMap, isScalar, isSeq } = require("yaml") as typeof Yaml;
  const startOf = (at: readonly Segment[]): number | undefined => {
    if (at.length === 0) return (doc.contents as { range?: number[] } | null)?.range?.[0];
    const parent = at.length === 1 ? doc.contents : doc.getIn(at.slice(0, -1), true);
    const last = at[at.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    }
    if (isSeq(parent) && typeof last === "number") {
      return (parent.items[last] as { range?: number[] } | undefined)?.range?.[0];
    }
    return undefined;
  };
  return (at) => {
    for (let n = at.length; n >= 0; n--) {
      const offset = startOf(at.slice(0, n));
      if (offset !== undefined) {
        const { line, col } = counter.linePos(offset);
        return { line, column: col };
      }
    }
    // An empty document has no node to point at: its start is the place to fix.
    return { line: 1, column: 1 };
  };
}

/** A place the text cannot be parsed: the parser's message and where, with that line's text. */
export interface YamlSyntaxError {
  /** The parser's first line of message (it may quote the text: scan it before showing it). */
  message: string;
  line: number;
  column: number;
  /** The whole line the error is on, for an excerpt. */
  source: string;
  /** False for well-formed YAML that cannot be resolved (an alias to no anchor, too many aliases). */
  syntax: boolean;
}

/** What {@link parseLocated} gives: the value and its locator, or every syntax error. */
export type Located =
  { ok: true; value: unknown; locate: Locate } | { ok: false; errors: YamlSyntaxError[] };

/**
 * Parses YAML (or JSON) text into a value and a {@link Locate} for its paths: the fast path when
 * js-yaml accepts the text, else `yaml`'s Document, whose messages and positions users see. An
 * empty document is `{}`. Never throws for bad text: syntax errors, and aliases that cannot be
 * resolved, come back as errors with their positions.
 */
export function parseLocated(text: string): Located {
  const fast = fastParse(text);
  if (fast !== undefined) return { ok: true, value: fast.value, locate: fast.locate };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter, parseDocument, visit } = require("yaml") as typeof Yaml;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const errorAt = (message: string, offset: number, syntax: boolean): YamlSyntaxError => {
    const { line, col } = counter.linePos(offset);
    const source = text.slice(
      counter.lineStarts[line - 1],
      counter.lineStarts[line] ?? text.length,
    );
    return { message: message.split("\n")[0], line, column: col, source, syntax };
  };
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => errorAt(e.message, e.pos[0], true)) };
  }
  try {
    const value: unknown = doc.contents === null ? {} : doc.toJS();
    return { ok: true, value, locate: documentLocator(doc, counter) };
  } catch (err) {
    // Reported at the first alias: the one place such a failure can come from.
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return { ok: false, errors: [errorAt((err as Error).message, offset, false)] };
  }
}
