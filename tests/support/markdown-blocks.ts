// Pure: the fenced code blocks of a Markdown file, and the marker that says how a shell block is
// covered. A marker is an HTML comment right before the block (Prettier puts a blank line between),
// visible to anyone who edits the Markdown:
//
//   <!-- offline: run by tests/integration/readme-blocks.spec.ts; emulator; output below -->
//   <!-- offline: run by .ci/run -->
//   <!-- offline: covered by tests/package/install.spec.ts (why that counts) -->
//   <!-- needs: aws (why) -->            needs: aws or network
//   <!-- manual: why -->
//
// "run by" names a spec that runs the block as written (the options say how: see RunOptions) or a
// script whose lines are the block's commands; "covered by" names a test that does what the block
// does in another form; "needs" and "manual" say why nothing runs it.

/** One fenced code block. */
export interface FencedBlock {
  /** The Markdown file, as the caller named it. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word, lower case; "" when there is none. */
  lang: string;
  /** The content, with the fence's indentation removed; each line ends with a newline. */
  text: string;
  /** The HTML comments right before the fence (blank lines may come between), in order. */
  comments: string[];
}

/** The languages whose blocks are shell commands. */
export const SHELL_LANGS: readonly string[] = ["sh", "bash", "shell", "zsh", "console"];

const OPEN = /^( *)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const COMMENT = /^\s*<!--(.*)-->\s*$/;

/** Every fenced code block of `markdown` (CommonMark fences; an unclosed one runs to the end). */
export function extractBlocks(file: string, markdown: string): FencedBlock[] {
  const lines = markdown.split("\n");
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]);
    if (open === null) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]); j++) {
      body.push(lines[j].replace(new RegExp(`^ {0,${indent.length}}`), ""));
    }
    const comments: string[] = [];
    for (let k = i - 1; k >= 0 && (lines[k].trim() === "" || COMMENT.test(lines[k])); k--) {
      const comment = COMMENT.exec(lines[k]);
      if (comment !== null) comments.unshift(comment[1].trim());
    }
    blocks.push({
      file,
      line: i + 1,
      lang: info.toLowerCase(),
      text: body.map((l) => `${l}\n`).join(""),
      comments,
    });
    i = j;
  }
  return blocks;
}

/**
 * How a "run by" spec runs a block. Without `checkout` or `stack` it runs in a user's project of
 * its own, with the package installed.
 */
export interface RunOptions {
  /** `checkout`: in a clean copy of the repository, as a contributor runs it. */
  checkout: boolean;
  /** `emulator`: a local Cognito with the demo seed, the environment pointed at it. */
  emulator: boolean;
  /** `stack`: the project is examples/gitops, with a stack selected on a local backend. */
  stack: boolean;
  /** `output below`: standard output must be the next fenced block, exactly. */
  outputBelow: boolean;
  /** `until TEXT`: the block runs until stopped; it is interrupted (Ctrl-C) once it prints TEXT. */
  until?: string;
  /** `<NAME> is VALUE`: the block's placeholders, filled in before it runs. */
  fill: Record<string, string>;
}

/** How a shell block is covered, as its marker says. */
export type Coverage =
  | { kind: "run"; by: string; options: RunOptions }
  | { kind: "covered"; by: string; why: string }
  | { kind: "needs"; what: "aws" | "network"; why: string }
  | { kind: "manual"; why: string };

/** A marker that does not follow the convention. */
export class MarkerError extends Error {}

const MARKER_FORMS =
  "offline: run by PATH[; OPTION]..., offline: covered by PATH (WHY), needs: aws|network (WHY) or manual: WHY";

function runOptions(parts: readonly string[]): RunOptions {
  const options: RunOptions = {
    checkout: false,
    emulator: false,
    stack: false,
    outputBelow: false,
    fill: {},
  };
  for (const part of parts) {
    const fill = /^(<[^<>]+>) is (\S+)$/.exec(part);
    if (part === "checkout") options.checkout = true;
    else if (part === "emulator") options.emulator = true;
    else if (part === "stack") options.stack = true;
    else if (part === "output below") options.outputBelow = true;
    else if (part.startsWith("until ") && part.length > 6) options.until = part.slice(6);
    else if (fill !== null) options.fill[fill[1]] = fill[2];
    else
      throw new MarkerError(
        `unknown option "${part}" (checkout, emulator, stack, output below, until TEXT, <NAME> is VALUE)`,
      );
  }
  if (options.checkout && options.stack)
    throw new MarkerError("checkout and stack exclude each other");
  return options;
}

/** The coverage a marker comment's text (without `<!--` and `-->`) declares. */
export function parseMarker(comment: string): Coverage {
  const text = comment.trim();
  const run = /^offline: run by ([^\s;]+)((?:;[^;]+)*)$/.exec(text);
  if (run !== null) {
    const parts = run[2].split(";").slice(1);
    return { kind: "run", by: run[1], options: runOptions(parts.map((p) => p.trim())) };
  }
  const covered = /^offline: covered by (\S+) \((.+)\)$/.exec(text);
  if (covered !== null) return { kind: "covered", by: covered[1], why: covered[2] };
  const needs = /^needs: (aws|network) \((.+)\)$/.exec(text);
  if (needs !== null) return { kind: "needs", what: needs[1] as "aws" | "network", why: needs[2] };
  const manual = /^manual: (.+)$/.exec(text);
  if (manual !== null) return { kind: "manual", why: manual[1] };
  throw new MarkerError(`"${text}" is not a marker; the forms are: ${MARKER_FORMS}`);
}

/** Whether a comment is meant as a marker (so a malformed one is reported, not ignored). */
function looksLikeMarker(comment: string): boolean {
  return /^(offline|needs|manual):/.test(comment);
}

/** A shell block with its coverage, or the reason its marker is missing or wrong. */
export interface ShellBlock extends FencedBlock {
  coverage?: Coverage;
  problem?: string;
  /** The next fenced block of the file, for `output below`. */
  next?: FencedBlock;
}

/** The shell blocks of `markdown`, each classified by its marker. */
export function shellBlocks(file: string, markdown: string): ShellBlock[] {
  const all = extractBlocks(file, markdown);
  return all.flatMap((block, index): ShellBlock[] => {
    if (!SHELL_LANGS.includes(block.lang)) return [];
    const next = all[index + 1];
    const marked = block.comments.filter(looksLikeMarker);
    const where = `${file}:${block.line}`;
    if (marked.length !== 1) {
      const problem =
        marked.length === 0
          ? `${where}: a ${block.lang} block without a marker; put one of these right before it: ${MARKER_FORMS} (tests/support/markdown-blocks.ts)`
          : `${where}: ${marked.length} markers; keep one`;
      return [{ ...block, next, problem }];
    }
    try {
      const coverage = parseMarker(marked[0]);
      if (coverage.kind === "run" && coverage.options.outputBelow && next === undefined) {
        return [{ ...block, problem: `${where}: "output below", but no block follows` }];
      }
      return [{ ...block, next, coverage }];
    } catch (err) {
      if (!(err instanceof MarkerError)) throw err;
      return [{ ...block, next, problem: `${where}: ${err.message}` }];
    }
  });
}

/**
 * The script a block runs: its text, or for a `console` block the lines after a `$ ` prompt (with
 * their continuation lines); every `<NAME>` of `fill` replaced by its value.
 */
export function scriptOf(block: FencedBlock, fill: Readonly<Record<string, string>> = {}): string {
  let script = block.text;
  if (block.lang === "console") {
    const kept: string[] = [];
    let continued = false;
    for (const line of block.text.split("\n")) {
      if (line.startsWith("$ ") || continued) kept.push(line.replace(/^\$ /, ""));
      continued = (line.startsWith("$ ") || continued) && line.endsWith("\\");
    }
    script = kept.map((l) => `${l}\n`).join("");
  }
  for (const [name, value] of Object.entries(fill)) script = script.split(name).join(value);
  return script;
}

/**
 * The commands of a script, one per entry: continuation lines joined, `#` comments and blank lines
 * dropped (a `#` that starts a word begins a comment; quoting is not considered).
 */
export function commandsOf(script: string): string[] {
  return script
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) =>
      line
        .replace(/(^|\s)#.*$/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((line) => line !== "");
}

/**
 * The commands of `block` that `script` (the text of a script such as .ci/run) does not run in
 * order: each must be a command of the script, or the start of one followed by more arguments.
 */
export function commandsNotRunBy(block: FencedBlock, script: string): string[] {
  const lines = commandsOf(script);
  let at = 0;
  const missing: string[] = [];
  for (const command of commandsOf(scriptOf(block))) {
    const found = lines.findIndex(
      (l, i) => i >= at && (l === command || l.startsWith(`${command} `)),
    );
    if (found === -1) missing.push(command);
    else at = found + 1;
  }
  return missing;
}

/** The fixed loopback ports a script names (`--port N`, `127.0.0.1:N`), 0 excepted, sorted. */
export function fixedPorts(script: string): number[] {
  const ports = new Set<number>();
  for (const m of script.matchAll(/(?:--port[ =]|127\.0\.0\.1:|localhost:)(\d{1,5})\b/g)) {
    if (Number(m[1]) !== 0) ports.add(Number(m[1]));
  }
  return [...ports].sort((a, b) => a - b);
}
