/**
 * The processes of `rolebook build`'s steps. `runStep` runs one to its end. A held step is started
 * before the step it depends on has finished: its process does its own start-up, then waits at the
 * gate (src/integrations/check-gate.ts) until `release()`; `stop()` ends it instead. `rolebook
 * build` starts `astro build` this way beside `rolebook check`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { GATE_GO, GATE_WAITING, HOLD_VARIABLE } from '../integrations/check-gate.ts';

/** The step's exit code; 1 when a signal ended it. */
function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Runs one step with this terminal; resolves to its exit code and duration. */
export async function runStep(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ exitCode: number; ms: number }> {
  const started = performance.now();
  const exitCode = await exitCodeOf(spawn(command, args, { cwd, env, stdio: 'inherit' }));
  return { exitCode, ms: Math.round(performance.now() - started) };
}

export interface HeldStep {
  /**
   * Lets the step go on; resolves to its exit code (1 when killed by a signal), the time from
   * release to exit, and how much of that it was still starting up (reaching its gate).
   */
  release(): Promise<{ exitCode: number; ms: number; startWaitMs: number }>;
  /** Ends the step without letting it go on; resolves once it has exited. */
  stop(): Promise<void>;
}

export function startHeldStep(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): HeldStep {
  const child = spawn(command, args, { cwd, env: { ...env, [HOLD_VARIABLE]: '1' }, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const exited = exitCodeOf(child);
  exited.catch(() => {});
  const waiting = new Promise<void>((resolve) => {
    child.on('message', (message) => {
      if (message === GATE_WAITING) resolve();
    });
  });
  return {
    async release() {
      const started = performance.now();
      // The step may also end before it reaches the gate (a broken config): its exit code says so.
      const reached = await Promise.race([waiting.then(() => true), exited.then(() => false)]);
      const startWaitMs = Math.round(performance.now() - started);
      if (reached && child.connected) child.send(GATE_GO);
      const exitCode = await exited;
      return { exitCode, ms: Math.round(performance.now() - started), startWaitMs };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited.catch(() => {});
    },
  };
}
