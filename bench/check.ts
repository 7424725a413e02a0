// `npm run bench:check`: how long `cognito-feedback check` takes, and how much memory it needs, on
// a valid and on a broken 50,000-entry overrides file. Runs the built CLI (dist/) as a child
// process several times per file, records the median wall time and the peak RSS of each run in
// bench/check-results.json, and prints them. Targets: valid in <= 1.5 s and <= 200 MB.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bigOverridesFile, type Breakage } from "./big-overrides";

const COUNT = 50_000;
const RUNS = 5;
const CLI = path.join(__dirname, "../dist/cli/index.js");
const RESULTS = path.join(__dirname, "check-results.json");
const TARGET = { seconds: 1.5, rssMB: 200 };

interface Run {
  seconds: number;
  peakRssMB: number;
  exitCode: number | null;
  stderrLines: number;
}

// The child reports its own peak RSS (ru_maxrss) on exit, through fd 3, from a preloaded module.
const REPORT_RSS =
  'process.on("exit", () => require("node:fs").writeSync(3, String(process.resourceUsage().maxRSS)));\n';

function runOnce(file: string, preload: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", preload, CLI, "check", file], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let rssKB = "";
    (child.stdio[2] as NodeJS.ReadableStream).on("data", (d: Buffer) => (stderr += d.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => (rssKB += d.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const lines = stderr.split("\n").filter((l) => l !== "").length;
      resolve({ seconds, peakRssMB: Number(rssKB) / 1024, exitCode, stderrLines: lines });
    });
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-check-"));
  try {
    const preload = path.join(dir, "report-rss.js");
    writeFileSync(preload, REPORT_RSS);
    const results: Record<string, unknown> = {};
    for (const breakage of ["valid", "broken"] as Breakage[]) {
      const file = path.join(dir, `${breakage}.yaml`);
      writeFileSync(file, bigOverridesFile(COUNT, breakage));
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(file, preload));
      const summary = {
        entries: COUNT,
        runs: runs.map((r) => ({
          ...r,
          seconds: round(r.seconds, 3),
          peakRssMB: round(r.peakRssMB, 1),
        })),
        medianSeconds: round(median(runs.map((r) => r.seconds)), 3),
        peakRssMB: round(Math.max(...runs.map((r) => r.peakRssMB)), 1),
      };
      results[breakage] = summary;
      console.log(
        `${breakage}: median ${summary.medianSeconds} s, peak RSS ${summary.peakRssMB} MB, exit ${runs[0].exitCode}, ${runs[0].stderrLines} lines on stderr (${RUNS} runs of ${COUNT} entries)`,
      );
    }
    const record = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      machine: { cpuModel: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length },
      target: TARGET,
      ...results,
    };
    writeFileSync(RESULTS, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`written: ${path.relative(process.cwd(), RESULTS)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
