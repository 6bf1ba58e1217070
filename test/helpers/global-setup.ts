/**
 * Runs once in Vitest's main process before the site and browser tests: gives this run an id, so
 * builds cached by test/helpers/site.ts are shared within a run but never reused from an old one.
 * Old runs' builds are removed; a run going on beside this one keeps its own.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const KEEP_MS = 2 * 60 * 60 * 1000;

export default function setup() {
  if (process.env.ROLEBOOK_TEST_RUN) return;
  process.env.ROLEBOOK_TEST_RUN = `${process.pid}-${Date.now()}`;
  const output = path.resolve(import.meta.dirname, '../.output');
  if (!existsSync(output)) return;
  for (const entry of readdirSync(output)) {
    const folder = path.join(output, entry);
    if (Date.now() - statSync(folder).mtimeMs > KEEP_MS) rmSync(folder, { recursive: true, force: true });
  }
}
