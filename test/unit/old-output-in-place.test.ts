/**
 * An output folder that cannot be renamed (a mount point, say) is emptied where it is: Astro, run
 * by `rolebook build`, no longer empties it (src/build/reused-pages.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setOldOutputAside } from '../../src/build/old-output.ts';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync = () => {
    throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
  };
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});

describe('an output folder that cannot be renamed', () => {
  let parent: string;
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('is emptied in place, and the folder itself stays', async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'rolebook-old-output-'));
    const dist = path.join(parent, 'dist');
    mkdirSync(path.join(dist, 'roles/a'), { recursive: true });
    writeFileSync(path.join(dist, 'roles/a/index.html'), '<p>old</p>');
    writeFileSync(path.join(dist, 'index.html'), '<p>old</p>');
    await setOldOutputAside(dist)();
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(readdirSync(dist)).toEqual([]);
  });
});
