/**
 * Runs once in Vitest's main process before the site and browser tests: gives this run an id, so
 * builds cached by test/helpers/site.ts are shared within a run but never reused from an old one.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

export default function setup() {
  if (process.env.ROLEBOOK_TEST_RUN) return;
  process.env.ROLEBOOK_TEST_RUN = `${process.pid}-${Date.now()}`;
  rmSync(path.resolve(import.meta.dirname, '../.output'), { recursive: true, force: true });
}
