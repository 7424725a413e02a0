// Pure: overrides text -> a value, and where each path of that value starts in the text.
// Two parsers, one result. js-yaml's event parser is the fast path (a 50,000-entry file in a
// fraction of a second) and its events carry the offsets problems are reported at. `yaml`'s
// Document parser takes over whenever js-yaml refuses the text (syntax errors, aliases, tags,
// an empty document): its messages and positions are the ones users have always seen.
import {
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  load,
  parseEvents,
  SCALAR_STYLE,
  type Event,
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
 * Parses `text` with js-yaml (YAML 1.2 core schema, the same as `yaml`'s default). Undefined when
 * js-yaml refuses it, or when it holds an alias (aliases are left to `yaml`, which bounds their
 * expansion), or its document is not a mapping: the caller then takes the `yaml` path.
 */
export function fastParse(text: string): FastParse | undefined {
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
