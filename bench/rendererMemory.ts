// Chromium renderer processes and their peak memory, read from /proc (Linux only): the page and
// its workers share one renderer, so its VmHWM is their peak together.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Renderer processes descending from `ancestor` (by default this process: the browser is its child). */
export function rendererPids(ancestor: number = process.pid): number[] {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'))
        renderers.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === ancestor) return true;
    return false;
  };
  return renderers.filter(under);
}

/** Starts a new peak measurement for these processes. */
export function resetPeaks(pids: number[]): void {
  for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The largest peak resident set among the processes, MB. */
export function peakMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    kb = Math.max(kb, Number(m?.[1] ?? 0));
  }
  return Math.round(kb / 1024);
}
