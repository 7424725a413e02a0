// Pure `--merge-into`: adds a sweep's matches to an existing overrides file as text inserted at
// the end of its `overrides:` list, so every byte already there (entries, comments, blank lines,
// quoting) stays as it was; the document is read only to find the list and the events it holds.
// Events already in the file (same pool and event id) are skipped, not repeated.
import type * as Yaml from "yaml";
import { eventKey } from "../resource/inputs";
import { isRecord, plural } from "../shared/records";
import { sweepEntries, utcInstant, type Judgement, type SweepMatch } from "./render";

// Loaded on first use: the other subcommands start without it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = () => require("yaml") as typeof Yaml;

/** What a merge did: the new text, and how many matches it added and skipped. */
export interface MergeResult {
  text: string;
  added: number;
  /** Matches whose event the file already has an entry for. */
  skipped: number;
}

/** The file cannot take the entries (it is not YAML, or not an overrides file); nothing is written. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MergeError";
  }
}

/** Options of {@link mergeIntoOverrides}. */
export interface MergeOptions {
  /** The file's name, for messages. */
  fileName: string;
  /** The pool the matches are in. */
  userPoolId: string;
  /** The verdict, reason and ticket every new entry gets. */
  judgement: Judgement;
  /** The filter as flags, said in the comment above the new entries. */
  filterFlags: readonly string[];
  /** When the sweep ran. */
  now: Date;
}

interface Found {
  /** The parsed root mapping, or undefined for an empty document. */
  root?: Yaml.YAMLMap;
  /** Event keys (pool/event id) the file already has. */
  keys: Set<string>;
  /** The file's default pool. */
  defaultPool?: string;
}

function read(text: string, fileName: string): Found {
  const { isMap, LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const { line, col } = counter.linePos(doc.errors[0].pos[0]);
    throw new MergeError(
      `${fileName}:${line}:${col}: ${doc.errors[0].message.split("\n")[0]}; fix the YAML first (nothing was written).`,
    );
  }
  if (doc.contents === null) return { keys: new Set() };
  if (!isMap(doc.contents)) {
    throw new MergeError(
      `${fileName} is not an overrides file: its top level is not a mapping with overrides: (nothing was written).`,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    throw new MergeError(
      `${fileName}: ${(err as Error).message}; fix the YAML first (nothing was written).`,
    );
  }
  const top = isRecord(value) ? value : {};
  const defaultPool = typeof top.userPoolId === "string" ? top.userPoolId : undefined;
  const entries = Array.isArray(top.overrides) ? (top.overrides as unknown[]) : [];
  const keys = new Set<string>();
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    keys.add(eventKey(entry.userPoolId ?? defaultPool, entry.eventId));
  }
  return { root: doc.contents, keys, ...(defaultPool === undefined ? {} : { defaultPool }) };
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just past the line break ending the line at `offset` (or the text's end). */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Where to insert, how far to indent, and what to take out first (an empty `[]` or `null`). */
interface Insertion {
  at: number;
  indent: string;
  /** Text to remove before inserting, as [start, end), e.g. the `[]` of `overrides: []`. */
  remove?: [number, number];
  /** Lines to put before the entries (a missing `overrides:` key, or a whole file's top). */
  lead: string[];
}

function insertion(text: string, found: Found, options: MergeOptions): Insertion {
  const { isScalar, isSeq } = yaml();
  if (found.root === undefined) {
    return {
      at: text.length,
      indent: "  ",
      lead: ["version: 1", `userPoolId: ${options.userPoolId}`, "overrides:"],
    };
  }
  const list = found.root.get("overrides", true);
  if (list === undefined) return { at: text.length, indent: "  ", lead: ["overrides:"] };
  const [start, end] = list.range ?? [text.length, text.length];
  const empty = (isSeq(list) && list.items.length === 0) || (isScalar(list) && list.value === null);
  if (empty) {
    return {
      at: afterLine(text, end),
      indent: "  ",
      ...(start < end ? { remove: [start, end] as [number, number] } : {}),
      lead: [],
    };
  }
  if (!isSeq(list)) {
    throw new MergeError(
      `${options.fileName}: overrides is not a list, so no entry can be added; make it a list of entries (nothing was written).`,
    );
  }
  if (list.flow === true) {
    throw new MergeError(
      `${options.fileName}: overrides is a flow list ([...]); write it as a block list, one "- " entry per line, to add entries (nothing was written).`,
    );
  }
  // The first item's dash sets the indentation the new entries follow.
  const first = list.items[0] as { range?: [number, number, number] } | undefined;
  const dash = text.lastIndexOf("-", first?.range?.[0] ?? start);
  return { at: afterLine(text, end), indent: " ".repeat(dash - lineStart(text, dash)), lead: [] };
}

/**
 * `text` (an overrides file) with an entry for every match whose event it has no entry for yet,
 * inserted after the last entry of `overrides:`; every other byte unchanged. New entries name their
 * pool unless the file's default `userPoolId` is the sweep's pool.
 * @throws MergeError when the file is not YAML or has no list to add to
 */
export function mergeIntoOverrides(
  text: string,
  matches: readonly SweepMatch[],
  options: MergeOptions,
): MergeResult {
  const found = read(text, options.fileName);
  const fresh = matches.filter(
    (m) => !found.keys.has(eventKey(options.userPoolId, m.event.eventId)),
  );
  const skipped = matches.length - fresh.length;
  if (fresh.length === 0) return { text, added: 0, skipped };

  const where = insertion(text, found, options);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const pool =
    found.root === undefined || found.defaultPool === options.userPoolId
      ? undefined
      : options.userPoolId;
  const filters = options.filterFlags.length === 0 ? "every event" : options.filterFlags.join(" ");
  const lines = [
    ...where.lead,
    ...[
      `# Added by cognito-feedback sweep (${utcInstant(options.now)}; ${filters}): ${plural(fresh.length, "event")}${skipped > 0 ? `, ${plural(skipped, "event")} already here` : ""}.`,
      ...sweepEntries(fresh, options.judgement, pool),
    ].map((l) => where.indent + l),
  ];
  let before = text.slice(0, where.at);
  let after = text.slice(where.at);
  if (where.remove !== undefined) {
    const [start, end] = where.remove;
    before = text.slice(0, start).replace(/ +$/, "") + text.slice(end, where.at);
    after = text.slice(where.at);
  }
  if (before !== "" && !before.endsWith("\n")) before += eol;
  const merged = `${before}${lines.join(eol)}${eol}${after}`;
  return { text: merged, added: fresh.length, skipped };
}
