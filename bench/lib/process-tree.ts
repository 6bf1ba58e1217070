/**
 * Runs a command and measures it from the outside: wall time, and the peak resident memory of the
 * whole process tree (npm → sh → node → esbuild/pagefind …), sampled from /proc every `pollMs`.
 *
 * Summing RSS over processes counts pages they share (libraries, a forked parent's pages) more than
 * once, so the figure errs on the high side — the same way `ps`/`top` totals do, and the same way an
 * out-of-memory killer in a CI container counts.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const PAGE_SIZE = 4096;
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds of this process's waited-for children (cutime + cstime). A child's figure includes its
 * own waited-for children, so the difference across a run is the CPU time of the whole tree.
 */
function childrenCpuSeconds(): number {
  const text = readFileSync('/proc/self/stat', 'latin1');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: cutime is field 16 and cstime field 17 of the full line (indexes 13 and 14 here).
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
}

export interface ProcessLifetime {
  pid: number;
  /** The command line, shortened. */
  command: string;
  /** Milliseconds after the start of the run when it was first / last seen by the sampler. */
  firstSeenMs: number;
  lastSeenMs: number;
  peakRssBytes: number;
}

export interface OutputLine {
  /** Milliseconds after the start of the run. */
  t: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface MeasuredRun {
  exitCode: number;
  wallMs: number;
  /** User + system CPU seconds of the whole process tree (less sensitive to a busy machine than wall time). */
  cpuSeconds: number;
  peakRssBytes: number;
  /** When the peak was seen, and which processes made it up. */
  peakAtMs: number;
  peakProcesses: { pid: number; command: string; rssBytes: number }[];
  samples: number;
  /** Total tree RSS about every 500 ms: [seconds since start, MB]. */
  rssTimeline: [number, number][];
  processes: ProcessLifetime[];
  lines: OutputLine[];
  output: string;
}

interface ProcStat {
  ppid: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name is in parentheses and may contain spaces or parentheses itself.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) … rss is field 24 of the full line, index 21 here.
    return { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE };
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

function readCommand(pid: number): string {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // Keep the interesting part: drop the node binary path, shorten paths to their last parts.
    const short = raw.map((arg) => (arg.includes('/') ? arg.split('/').slice(-2).join('/') : arg));
    return short.join(' ').slice(0, 160);
  } catch {
    return '?';
  }
}

/** The pids of `root` and all its descendants, with their stat, from one pass over /proc. */
function sampleTree(root: number): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    const first = entry.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    const pid = Number(entry);
    const stat = readStat(pid);
    if (stat) all.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of all) {
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const tree = new Map<number, ProcStat>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const stat = all.get(pid);
    if (!stat) continue;
    tree.set(pid, stat);
    for (const child of children.get(pid) ?? []) queue.push(child);
  }
  return tree;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  pollMs?: number;
  /** Write the timestamped output here as well. */
  logFile?: string;
  /** Echo output lines to our stderr as they arrive. */
  echo?: boolean;
}

export function runMeasured(command: string, args: string[], options: RunOptions): Promise<MeasuredRun> {
  const pollMs = options.pollMs ?? 50;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: OutputLine[] = [];
    const lifetimes = new Map<number, ProcessLifetime>();
    let peakRssBytes = 0;
    let peakAtMs = 0;
    let peakProcesses: MeasuredRun['peakProcesses'] = [];
    let samples = 0;
    const rssTimeline: [number, number][] = [];
    let nextTimelineMs = 0;

    const sample = () => {
      if (child.pid === undefined) return;
      const now = performance.now() - start;
      const tree = sampleTree(child.pid);
      samples++;
      let total = 0;
      for (const [pid, stat] of tree) {
        total += stat.rssBytes;
        let life = lifetimes.get(pid);
        if (!life) {
          life = { pid, command: readCommand(pid), firstSeenMs: now, lastSeenMs: now, peakRssBytes: 0 };
          lifetimes.set(pid, life);
        }
        life.lastSeenMs = now;
        life.peakRssBytes = Math.max(life.peakRssBytes, stat.rssBytes);
      }
      if (now >= nextTimelineMs) {
        rssTimeline.push([Math.round(now / 100) / 10, Math.round(total / 1e6)]);
        nextTimelineMs = now + 500;
      }
      if (total > peakRssBytes) {
        peakRssBytes = total;
        peakAtMs = now;
        peakProcesses = [...tree].map(([pid, stat]) => ({
          pid,
          command: lifetimes.get(pid)?.command ?? '?',
          rssBytes: stat.rssBytes,
        }));
      }
    };
    const timer = setInterval(sample, pollMs);
    sample();

    const pending = { stdout: '', stderr: '' };
    const push = (stream: 'stdout' | 'stderr', text: string) => {
      lines.push({ t: performance.now() - start, stream, text });
      if (options.echo) process.stderr.write(`    │ ${text}\n`);
    };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const parts = (pending[stream] + chunk.toString('utf8')).split('\n');
      pending[stream] = parts.pop() ?? '';
      for (const text of parts) push(stream, text);
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - start;
      clearInterval(timer);
      for (const stream of ['stdout', 'stderr'] as const) if (pending[stream]) push(stream, pending[stream]);
      const output = lines.map((line) => line.text).join('\n');
      if (options.logFile) {
        const log = lines.map((line) => `${(line.t / 1000).toFixed(3).padStart(8)} ${line.stream === 'stderr' ? '!' : ' '} ${line.text}`);
        writeFileSync(options.logFile, `${log.join('\n')}\n`);
      }
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        wallMs,
        cpuSeconds: childrenCpuSeconds() - cpuBefore,
        peakRssBytes,
        peakAtMs,
        peakProcesses: peakProcesses.sort((a, b) => b.rssBytes - a.rssBytes),
        samples,
        rssTimeline,
        processes: [...lifetimes.values()].sort((a, b) => a.firstSeenMs - b.firstSeenMs),
        lines,
        output,
      });
    });
  });
}

/** The processes at a tree's peak as a log line shows them: `bin/node bin/astro.mjs 474, node bin/rolebook.mjs 82, …`. */
export function describePeak(processes: readonly { command: string; rssMB: number }[]): string {
  return processes.map((process) => `${process.command.split(' ').slice(0, 3).join(' ')} ${process.rssMB}`).join(', ');
}
