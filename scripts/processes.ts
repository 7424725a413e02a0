// The processes a CLI command starts, found in /proc (Linux): the CLI gives each plugin (the
// provider host, the language host) a process group of its own, so killing the command's group
// does not reach them, and their memory is not the command's. Elsewhere it finds nothing.
import * as fs from "node:fs";

interface ProcInfo {
  pid: number;
  ppid: number;
  /** Start time in clock ticks since boot: with the pid, names one process (pids are reused). */
  start: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), start: fields[19] };
  } catch {
    return undefined;
  }
}

function allProcs(): ProcInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  return names
    .filter((n) => /^\d+$/.test(n))
    .map((n) => readProc(Number(n)))
    .filter((p): p is ProcInfo => p !== undefined);
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/** Peak resident memory (VmHWM) of a process, in bytes; undefined once it is gone. */
function peakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Watches the descendants of CLI commands: the provider hosts' peak memory, and any leftover. */
export class ProcessWatch {
  private readonly seen = new Map<string, ProcInfo>();

  /**
   * Samples the descendants of `root` every `intervalMs` until the returned function is called;
   * that function gives the highest peak resident memory seen of a process whose command line
   * contains `match` (null when none was seen; `match` "" records the processes only).
   */
  sample(root: number, match: string, intervalMs = 250): () => number | null {
    let peak: number | null = null;
    const tick = () => {
      const procs = allProcs();
      const children = new Map<number, ProcInfo[]>();
      for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
      const queue = [...(children.get(root) ?? [])];
      while (queue.length > 0) {
        const p = queue.pop()!;
        this.seen.set(`${p.pid}/${p.start}`, p);
        queue.push(...(children.get(p.pid) ?? []));
        // No match asked for: the caller only wants the processes recorded, not their memory.
        if (match === "" || !cmdline(p.pid).includes(match)) continue;
        const rss = peakRss(p.pid);
        if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
      }
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearInterval(timer);
      return peak;
    };
  }

  /** The processes seen that are still alive (the same pid and start time), as pids. */
  alive(): number[] {
    return [...this.seen.values()]
      .filter((p) => readProc(p.pid)?.start === p.start)
      .map((p) => p.pid);
  }

  /** Kills every process seen that is still alive (the same pid and start time). */
  killLeftovers(): number {
    let killed = 0;
    for (const p of this.seen.values()) {
      if (readProc(p.pid)?.start !== p.start) continue;
      try {
        process.kill(p.pid, "SIGKILL");
        killed++;
      } catch {
        // Gone meanwhile.
      }
    }
    this.seen.clear();
    return killed;
  }
}
