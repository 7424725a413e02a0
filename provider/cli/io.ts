// Where the command line reads and writes, how a subcommand reports its exit code, and how every
// usage error ends. A leaf: the program and each subcommand import it, not each other.
import { readFileSync, renameSync, writeFileSync } from "node:fs";

/** Where the command line reads and writes, so tests can run it in process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8 text; throws when it cannot. */
  readFile(path: string): string;
  /** Reads all of standard input as UTF-8 text. */
  readStdin(): Promise<string>;
  /** Writes a file as UTF-8 text (`review --full-output`); throws when it cannot. */
  writeFile(path: string, text: string): void;
  /**
   * Replaces a file atomically (a sweep's checkpoint, `--merge-into`): readers and a crash see the
   * old text or the new, never half of it. @default writeFile
   */
  replaceFile?(path: string, text: string): void;
  /** True when stderr is a terminal (progress is shown there). @default false */
  stderrIsTTY?: boolean;
  /** The clock, for relative dates such as `--since 7d`. @default () => new Date() */
  now?: () => Date;
}

/** The exit code a subcommand's action settles on (0 unless it sets one). */
export interface ExitCode {
  code: number;
}

/** The real process's streams and file system. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    replaceFile: (path, text) => {
      // A temporary file next to it, then a rename: atomic on the same file system.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, text, "utf8");
      renameSync(temporary, path);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    stderrIsTTY: process.stderr.isTTY === true,
    now: () => new Date(),
  };
}

/** `(see cognito-feedback check --help)`: the line after a usage error of `command`. */
export function usageHint(command: string): string {
  return `(see ${command} --help)`;
}
