/**
 * Child processes of the test process, read from /proc (Linux): for tests that check a service they
 * started (Pagefind, esbuild) is stopped again. Zombies, ended but not yet reaped, do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of this process's running children whose command line matches `command`. */
export function runningChildren(command: (commandLine: string) => boolean): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(parent) === process.pid && state !== 'Z' && command(readFileSync(`/proc/${entry}/cmdline`, 'latin1'))) found.push(Number(entry));
    } catch {
      // The process ended while it was read.
    }
  }
  return found;
}
