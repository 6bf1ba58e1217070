/** The last build's output is renamed aside before Astro runs and deleted beside the later steps. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renameFails, withFsFailing } from '../helpers/fs-failing.ts';
import { removeFolderOnAThread, setOldOutputAside } from '../../src/build/old-output.ts';

describe('setting the old output aside', () => {
  let parent: string;
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  /** A last build's output folder, in a temporary folder of its own. */
  function oldOutput(): string {
    parent = mkdtempSync(path.join(os.tmpdir(), 'rolebook-old-output-'));
    const dist = path.join(parent, 'dist');
    mkdirSync(path.join(dist, 'roles/a'), { recursive: true });
    writeFileSync(path.join(dist, 'roles/a/index.html'), '<p>old</p>');
    writeFileSync(path.join(dist, 'index.html'), '<p>old</p>');
    return dist;
  }

  it('empties the output folder at once and deletes the old files by the time the removal is awaited', async () => {
    const dist = oldOutput();
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

  it('removes a whole tree on a thread of its own, and a folder already gone is no error', async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'rolebook-old-output-'));
    const tree = path.join(parent, 'tree');
    for (let index = 0; index < 20; index++) {
      mkdirSync(path.join(tree, `folder-${index}`, 'inner'), { recursive: true });
      writeFileSync(path.join(tree, `folder-${index}`, 'inner', 'index.html'), '<p>old</p>');
      writeFileSync(path.join(tree, `folder-${index}`, 'page.json'), '{}');
    }
    await removeFolderOnAThread(tree);
    expect(existsSync(tree)).toBe(false);
    await expect(removeFolderOnAThread(tree)).resolves.toBeUndefined();
  });

  it('empties a folder that cannot be renamed (a mount point, say) in place, keeping the folder, as Astro would', async () => {
    // Astro, run by `rolebook build`, no longer empties the folder itself (src/build/reused-pages.ts).
    await withFsFailing(renameFails, () => import('../../src/build/old-output.ts'), async ({ setOldOutputAside: setAsideWithoutRename }) => {
      const dist = oldOutput();
      await setAsideWithoutRename(dist)();
      expect(readdirSync(parent)).toEqual(['dist']);
      expect(readdirSync(dist)).toEqual([]);
    });
  });
});
