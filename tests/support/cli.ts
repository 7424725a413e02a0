// Runs the command line in process, as the CLI specs do: output captured, input given.
import { readFileSync } from "node:fs";
import { runCli, type CliIo } from "../../provider/cli/program";

/** What one run of the command line gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files the command wrote, by path (only when it wrote any). */
  written?: Record<string, string>;
}

/**
 * Runs `cognito-feedback <argv...>` in process with captured output, `stdin` as standard input,
 * and files read from `files` when named there, else from disk.
 */
export async function runInProcess(
  argv: string[],
  options: { stdin?: string; files?: Readonly<Record<string, string>> } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => options.files?.[p] ?? readFileSync(p, "utf8"),
    readStdin: () => Promise.resolve(options.stdin ?? ""),
    writeFile: (p, text) => void (written[p] = text),
  };
  const written: Record<string, string> = {};
  const code = await runCli(argv, io);
  return { code, stdout, stderr, ...(Object.keys(written).length > 0 ? { written } : {}) };
}
