/**
 * A step started before the check that gates it (src/build/held-step.ts, the build's side, and
 * src/integrations/check-gate.ts, the held process's side), with a real child process in place of
 * `astro build`: it goes on only when released, is stopped while it waits, and never waits forever
 * for a build that has gone away.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHeldStep } from '../../src/build/held-step.ts';
import { HOLD_VARIABLE } from '../../src/integrations/check-gate.ts';
import { projectRoot } from '../helpers/site.ts';

const gate = path.join(projectRoot, 'src/integrations/check-gate.ts');
/** Waits `argv[1]` ms, then at the gate; writes `argv[2]` once past it. */
const HELD_SCRIPT = `
import { writeFileSync } from 'node:fs';
import { whenCheckPassed } from ${JSON.stringify(gate)};
await new Promise((resolve) => setTimeout(resolve, Number(process.argv[1])));
await whenCheckPassed();
writeFileSync(process.argv[2], 'passed');
`;

const folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-held-'));
let runs = 0;
const marker = () => path.join(folder, `passed-${++runs}`);
const heldArgs = (delayMs: number, file: string) => ['--input-type=module', '-e', HELD_SCRIPT, String(delayMs), file];

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a held step', () => {
  it('waits at the gate until released, then goes on', async () => {
    const file = marker();
    const step = startHeldStep(process.execPath, heldArgs(0, file), projectRoot, process.env);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(existsSync(file), 'not past the gate before its release').toBe(false);
    const { exitCode } = await step.release();
    expect(exitCode).toBe(0);
    expect(existsSync(file)).toBe(true);
  });

  it('is released even when the release comes before it reached the gate', async () => {
    const file = marker();
    const step = startHeldStep(process.execPath, heldArgs(500, file), projectRoot, process.env);
    expect((await step.release()).exitCode).toBe(0);
    expect(existsSync(file)).toBe(true);
  });

  it('when stopped, never goes past the gate', async () => {
    const file = marker();
    const step = startHeldStep(process.execPath, heldArgs(0, file), projectRoot, process.env);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await step.stop();
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['before it reaches the gate', 800],
    ['while it waits at the gate', 0],
  ])('ends on its own when the build goes away %s', async (_when, delayMs) => {
    const file = marker();
    const child = spawn(process.execPath, heldArgs(delayMs, file), {
      cwd: projectRoot,
      env: { ...process.env, [HOLD_VARIABLE]: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Gone before the child asks, or after: either way the channel closes without an answer.
    await new Promise((resolve) => (delayMs > 0 ? resolve(undefined) : child.once('message', resolve)));
    child.disconnect();
    expect(await exited).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it('lets a process that was not started held through at once', async () => {
    const file = marker();
    const child = spawn(process.execPath, heldArgs(0, file), { cwd: projectRoot, env: { ...process.env, [HOLD_VARIABLE]: '' }, stdio: 'ignore' });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});
