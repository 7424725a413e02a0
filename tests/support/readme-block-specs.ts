// The mocha suites that run the documented shell blocks a spec's markers name (shell-blocks.ts):
// one test per block, each asserting what its marker promises, and that it left no process.
import assert from "node:assert/strict";
import { commandsOf, type RunOptions, type ShellBlock } from "./markdown-blocks";
import {
  blocksRunBy,
  runOptionsOf,
  runShellBlock,
  type BlockContext,
  type BlockRun,
  type RunBlockOptions,
} from "./shell-blocks";

/** A check of one kind of block, beyond its exit code: matched by its first command's start. */
export interface BlockCheck {
  /** The start of the first command of every block it applies to. */
  first: string;
  check: (run: BlockRun, context: BlockContext) => Promise<void> | void;
}

function title(options: RunOptions): string {
  if (options.until !== undefined)
    return `WHEN run until it prints ${options.until} THEN Ctrl-C stops it`;
  const where = [
    options.emulator ? "against the emulator" : "",
    options.stack ? "in a stack" : "",
    options.checkout ? "in a checkout" : "",
  ];
  const run = ["WHEN run", ...where.filter((w) => w !== "")].join(" ");
  return `${run} THEN it exits 0${options.outputBelow ? " printing the block below" : ""}`;
}

/**
 * Whether a block did what its marker promises: exit 0, or for `until TEXT`, print the line TEXT
 * and stop at Ctrl-C (the shell and npm end by the signal, or exit 0 or 130 once it is handled).
 */
function succeeded({ until }: RunOptions, run: BlockRun): boolean {
  if (until === undefined) return run.code === 0;
  const stopped = run.signal === "SIGINT" || run.code === 0 || run.code === 130;
  return run.interrupted && stopped && run.stdout.split("\n").includes(until);
}

function described(run: BlockRun): string {
  return `exit ${run.code ?? run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/**
 * Registers one test per block whose marker says `offline: run by <spec>`, and one that every check
 * of `checks` applies to a block.
 */
export function describeBlockRuns(
  spec: string,
  options: Omit<RunBlockOptions, "inspect" | "pulumiBinDir"> & {
    /** The Pulumi CLI's folder, asked for when the first block runs. */
    pulumiBinDir?: () => string;
    checks?: readonly BlockCheck[];
    /** Start every block when the first test runs (blocks on one fixed port still take turns). */
    concurrent?: boolean;
  },
): void {
  const blocks = blocksRunBy(spec);
  const checks = options.checks ?? [];
  const checksOf = (block: ShellBlock) =>
    checks.filter((c) => commandsOf(block.text)[0]?.startsWith(c.first));
  const start = (block: ShellBlock) => {
    const runOptions = runOptionsOf(block);
    return runShellBlock(block, {
      timeoutMs: options.timeoutMs,
      pulumiBinDir: options.pulumiBinDir?.(),
      // The checks look at what a block that worked left (the test's assertions say why not).
      inspect: async (result, context) => {
        if (!succeeded(runOptions, result)) return;
        for (const { check } of checksOf(block)) await check(result, context);
      },
    });
  };
  let started: Map<ShellBlock, Promise<BlockRun>> | undefined;
  const runOf = (block: ShellBlock): Promise<BlockRun> => {
    if (options.concurrent !== true) return start(block);
    started ??= new Map(blocks.map((b) => [b, start(b)]));
    // Each run's failure is its own test's; until that test awaits it, it is not unhandled.
    for (const run of started.values()) run.catch(() => {});
    return started.get(block)!;
  };

  describe(`GIVEN the blocks whose marker names ${spec}`, () => {
    it("WHEN listed THEN there are some, and each check matches one of them", () => {
      assert.ok(blocks.length > 0);
      const unused = checks.filter((c) => !blocks.some((b) => checksOf(b).includes(c)));
      assert.deepEqual(
        unused.map((c) => c.first),
        [],
        "a check that matches no block",
      );
    });
  });

  for (const block of blocks) {
    const runOptions = runOptionsOf(block);
    describe(`GIVEN the block at ${block.file}:${block.line}`, () => {
      it(title(runOptions), async function () {
        this.timeout(options.timeoutMs + 30_000);
        const run = await runOf(block);
        assert.equal(run.timedOut, false, `timed out\n${described(run)}`);
        assert.ok(succeeded(runOptions, run), described(run));
        if (runOptions.outputBelow) assert.equal(run.stdout, block.next?.text);
        assert.deepEqual(run.leftovers, [], "a process the block started outlived it");
      });
    });
  }
}
