/**
 * When a step's report appears in the build's step folder (`writeStepStats`, written whole by a
 * rename). Astro writes its report in `astro:build:done`, after its last page and its incremental
 * build's manifest (src/integrations/build-stats.ts); its process then still takes ≈ 0.1 s to end,
 * which the build's last step need not wait for.
 */
import { existsSync, watch } from 'node:fs';
import path from 'node:path';

export interface ReportWatch {
  /** Resolves once `<step>.json` is in the folder. */
  written: Promise<void>;
  /** Stops watching (the promise then never resolves). */
  close(): void;
}

export function watchStepReport(folder: string, step: string): ReportWatch {
  const file = `${step}.json`;
  let close = () => {};
  const written = new Promise<void>((resolve) => {
    const found = () => {
      if (!existsSync(path.join(folder, file))) return false;
      close();
      resolve();
      return true;
    };
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name === null || name === file) found();
      });
      watcher.on('error', () => close());
      close = () => watcher.close();
    } catch {
      // No watching here: the step's exit is what the build waits for.
      return;
    }
    found();
  });
  return { written, close: () => close() };
}

/** A step as the build sees it: its time until it reported (or ended), and its exit code once it has ended. */
export interface ReportedRun {
  ms: number;
  /** A held step's start-up left after the build let it go (src/build/held-step.ts). */
  startWaitMs?: number;
  exitCode: Promise<number>;
}

/**
 * Starts a step (`start` is given what to call when a held step passes its gate) and returns once
 * its report is in `folder` or it has ended, whichever comes first.
 */
export async function runUntilReported(
  start: (onGate: (startWaitMs: number) => void) => Promise<{ exitCode: number; ms: number }>,
  folder: string,
  step: string,
): Promise<ReportedRun> {
  const started = performance.now();
  let startWaitMs: number | undefined;
  const report = watchStepReport(folder, step);
  const run = start((ms) => (startWaitMs = ms));
  const ended = await Promise.race([run, report.written.then(() => undefined)]).finally(() => report.close());
  const exitCode = run.then((result) => result.exitCode);
  // Awaited once the build's last step is done; a failure to run the step is thrown there, not reported as unhandled before.
  exitCode.catch(() => {});
  return { ms: ended?.ms ?? Math.round(performance.now() - started), ...(startWaitMs === undefined ? {} : { startWaitMs }), exitCode };
}
