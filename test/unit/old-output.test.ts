/** The last build's output is renamed aside before Astro runs and deleted beside the later steps. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setOldOutputAside } from '../../src/build/old-output.ts';

describe('setting the old output aside', () => {
  let parent: string;
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('empties the output folder at once and deletes the old files by the time the removal is awaited', async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'rolebook-old-output-'));
    const dist = path.join(parent, 'dist');
    mkdirSync(path.join(dist, 'roles/a'), { recursive: true });
    writeFileSync(path.join(dist, 'roles/a/index.html'), '<p>old</p>');
    const removed = setOldOutputAside(dist);
    expect(existsSync(dist)).toBe(false);
    await removed();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('does nothing when there is no output folder yet', async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'rolebook-old-output-'));
    await setOldOutputAside(path.join(parent, 'dist'))();
    expect(readdirSync(parent)).toEqual([]);
  });
});
