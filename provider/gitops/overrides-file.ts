// Thin wiring: reads an overrides file from disk and hands its text to the pure loader.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { OverridesError, parseOverrides, type Override, type OverridesOptions } from "./overrides";

/**
 * Reads and validates an overrides file (YAML or JSON).
 * @throws OverridesError listing every problem with file, line and column; Error when unreadable.
 */
export function loadOverridesFile(file: string, options: OverridesOptions = {}): Override[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read the overrides file ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  // Messages name the file as the user would type it: relative to where the program runs.
  const relative = path.relative(process.cwd(), file);
  const name = relative === "" || relative.startsWith("..") ? file : relative;
  const result = parseOverrides(text, name, options);
  if (!result.ok) throw new OverridesError(name, result.problems);
  return result.overrides;
}
