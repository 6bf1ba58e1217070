/** A step's report, seen the moment it is in the build's step folder, whole. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runUntilReported, watchStepReport } from '../../src/build/step-report.ts';
import { STEP_STATS_VARIABLE, writeStepStats } from '../../src/content/cache.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-step-report-'));
  process.env[STEP_STATS_VARIABLE] = folder;
});
afterEach(() => {
  delete process.env[STEP_STATS_VARIABLE];
  rmSync(folder, { recursive: true, force: true });
});

const settled = (promise: Promise<void>, ms = 200) => Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

it('resolves when the step writes its report, which is whole by then, and not for another step', async () => {
  const watch = watchStepReport(folder, 'astro');
  writeStepStats('check', { parsed: 1 });
  expect(await settled(watch.written)).toBe(false);
  setTimeout(() => writeStepStats('astro', { pages: 3 }), 20);
  expect(await settled(watch.written, 5000)).toBe(true);
  expect(JSON.parse(readFileSync(path.join(folder, 'astro.json'), 'utf8'))).toEqual({ pages: 3 });
  expect(readdirSync(folder).sort()).toEqual(['astro.json', 'check.json']);
});

it('resolves at once for a report already written, and never once closed', async () => {
  writeStepStats('astro', { pages: 3 });
  expect(await settled(watchStepReport(folder, 'astro').written)).toBe(true);
  const closed = watchStepReport(folder, 'other');
  closed.close();
  writeStepStats('other', {});
  expect(await settled(closed.written)).toBe(false);
});

it('returns when a step reports, before it ends; its exit code once it has ended', async () => {
  let end = (_code: number) => {};
  const step = (onGate: (startWaitMs: number) => void) => {
    onGate(7);
    setTimeout(() => writeStepStats('astro', { pages: 3 }), 20);
    return new Promise<{ exitCode: number; ms: number }>((resolve) => (end = (exitCode) => resolve({ exitCode, ms: 5000 })));
  };
  const run = await runUntilReported(step, folder, 'astro');
  expect(run.ms).toBeLessThan(5000);
  expect(run.startWaitMs).toBe(7);
  // It fails after its report: the build learns it from the exit code.
  end(1);
  expect(await run.exitCode).toBe(1);
});

it('returns when a step ends without a report, with its own time', async () => {
  const run = await runUntilReported(async () => ({ exitCode: 2, ms: 42 }), folder, 'astro');
  expect(run).toMatchObject({ ms: 42 });
  expect(await run.exitCode).toBe(2);
});
