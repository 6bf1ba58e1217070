/**
 * The pages Astro will reuse are hard-linked into the output folder before it runs (Astro keeps a
 * file it finds there instead of copying it), and what this build did not produce goes afterwards.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirFails, renameFails, withFsFailing } from '../helpers/fs-failing.ts';
import { linkReusedPages, prepareOutput, stageReusedPages } from '../../src/build/reused-pages.ts';

let root: string;
let cache: string;
let out: string;

/** Astro's cache as its incremental build leaves it: a manifest and a copy of each page it lists. */
function astroCache(pages: Record<string, string>, manifestPaths = Object.keys(pages)): void {
  mkdirSync(cache, { recursive: true });
  writeManifest(manifestPaths, 'k');
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(cache, 'dist', file)), { recursive: true });
    writeFileSync(path.join(cache, 'dist', file), text);
    // Written by an earlier build, as Astro's copies are.
    const earlier = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(cache, 'dist', file), earlier, earlier);
  }
}

/** Astro's manifest, listing `files` as one route's paths. */
function writeManifest(files: string[], cacheKey: string): void {
  const paths = Object.fromEntries(files.map((file) => [`/${file}`, { cacheKey, outputFile: file }]));
  writeFileSync(path.join(cache, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/[...id].astro': { dependencyHash: 'h', paths } } }));
}

/** What Astro's next manifest lists. */
const nextManifest = (files: string[]) => writeManifest(files, 'k2');

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-reused-pages-'));
  cache = path.join(root, 'cache/astro');
  out = path.join(root, 'dist');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('pages Astro will reuse, linked in before it runs', () => {
  it('links each file of the manifest that Astro has a copy of, and nothing outside the output folder', () => {
    astroCache({ 'roles/a/index.html': '<p>a</p>', 'rubric.json': '[]\n' }, ['roles/a/index.html', 'rubric.json', 'roles/gone/index.html', '../escape.html']);
    const linked = linkReusedPages(cache, out);
    expect(linked.linked).toBe(2);
    expect(readFileSync(path.join(out, 'roles/a/index.html'), 'utf8')).toBe('<p>a</p>');
    // The same file, not a copy.
    expect(statSync(path.join(out, 'rubric.json')).ino).toBe(statSync(path.join(cache, 'dist/rubric.json')).ino);
    expect(existsSync(path.join(out, 'roles/gone'))).toBe(false);
    expect(existsSync(path.join(root, 'escape.html'))).toBe(false);
  });

  it('afterwards removes what this build did not produce, with its empty folders, and keeps what Astro wrote or listed', () => {
    astroCache({ 'roles/a/index.html': 'a', 'roles/deleted/index.html': 'deleted', 'health/index.html': 'old' });
    const linked = linkReusedPages(cache, out);
    // Astro: keeps a/, renders health/ again without a key (written over the link), drops deleted/.
    writeFileSync(path.join(out, 'health/index.html'), 'new');
    nextManifest(['roles/a/index.html']);
    expect(linked.settle()).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['health', 'roles']);
    expect(readdirSync(path.join(out, 'roles'))).toEqual(['a']);
    expect(readFileSync(path.join(out, 'health/index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(false);
  });

  it('after a run with links out that never finished, drops Astro’s manifest and links nothing', () => {
    astroCache({ 'roles/a/index.html': 'a' });
    linkReusedPages(cache, out);
    // Astro stopped half-way: settle() never ran.
    rmSync(out, { recursive: true });
    const next = linkReusedPages(cache, out);
    expect(next.linked).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(cache, 'incremental-build.json'))).toBe(false);
    next.settle();
    expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(false);
  });

  it('links nothing without a manifest (a first build) or with an unreadable one', () => {
    expect(linkReusedPages(cache, out).linked).toBe(0);
    astroCache({ 'index.html': 'x' });
    writeFileSync(path.join(cache, 'incremental-build.json'), '{ not json');
    expect(linkReusedPages(cache, out).linked).toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});

describe('pages linked while the content is checked, beside the output folder', () => {
  const staged = () => readdirSync(root).filter((entry) => entry.startsWith('.dist-next-'));

  it('leaves the last output as it is until placed, then makes the links the output folder', () => {
    astroCache({ 'roles/a/index.html': 'a', 'rubric.json': '[]' });
    mkdirSync(out);
    writeFileSync(path.join(out, 'old.html'), 'last build');
    const staging = stageReusedPages(cache, out);
    expect(readdirSync(out)).toEqual(['old.html']);
    expect(staged()).toEqual([`.dist-next-${process.pid}`]);

    // As src/build/old-output.ts leaves it once the check passed.
    rmSync(out, { recursive: true });
    const linked = staging.place();
    expect(linked.linked).toBe(2);
    expect(staged()).toEqual([]);
    expect(statSync(path.join(out, 'roles/a/index.html')).ino).toBe(statSync(path.join(cache, 'dist/roles/a/index.html')).ino);
    nextManifest(['roles/a/index.html']);
    expect(linked.settle()).toBe(1);
    expect(readdirSync(out)).toEqual(['roles']);
  });

  it('when the check fails, removes its links and leaves the output and Astro’s cache as they were', () => {
    astroCache({ 'roles/a/index.html': 'a' });
    mkdirSync(out);
    writeFileSync(path.join(out, 'old.html'), 'last build');
    stageReusedPages(cache, out).discard();
    expect(staged()).toEqual([]);
    expect(readdirSync(out)).toEqual(['old.html']);
    expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(false);
    // Nothing is out, so the next build links again rather than dropping Astro's manifest.
    expect(linkReusedPages(cache, path.join(root, 'next')).linked).toBe(1);
  });

  it('removes the folder a build that stopped before placing it left behind', () => {
    mkdirSync(path.join(root, '.dist-next-1', 'roles'), { recursive: true });
    astroCache({ 'roles/a/index.html': 'a' });
    stageReusedPages(cache, out);
    expect(staged()).toEqual([`.dist-next-${process.pid}`]);
  });

  it('links into the output folder once the check passed where nothing can be made beside it (a read-only parent, say)', async () => {
    await withFsFailing(mkdirFails(/\.dist-next-/), () => import('../../src/build/reused-pages.ts'), ({ stageReusedPages: stageWithoutFolder }) => {
      astroCache({ 'roles/a/index.html': 'a' });
      const staging = stageWithoutFolder(cache, out);
      expect(staged()).toEqual([]);
      // Nothing of Astro's is out, and nothing was linked yet.
      expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(false);
      expect(existsSync(out)).toBe(false);
      const linked = staging.place();
      expect(linked.linked).toBe(1);
      expect(statSync(path.join(out, 'roles/a/index.html')).ino).toBe(statSync(path.join(cache, 'dist/roles/a/index.html')).ino);
      expect(existsSync(path.join(cache, 'incremental-build.json'))).toBe(true);
    });
  });

  it('links into the output folder itself where the staged folder cannot take its place (a mount point, say)', async () => {
    await withFsFailing(renameFails, () => import('../../src/build/reused-pages.ts'), ({ stageReusedPages: stageWithoutRename }) => {
      astroCache({ 'roles/a/index.html': 'a' });
      // Emptied in place by src/build/old-output.ts.
      mkdirSync(out);
      const linked = stageWithoutRename(cache, out).place();
      expect(linked.linked).toBe(1);
      expect(staged()).toEqual([]);
      expect(statSync(path.join(out, 'roles/a/index.html')).ino).toBe(statSync(path.join(cache, 'dist/roles/a/index.html')).ino);
      expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(true);
    });
  });
});

describe('the last output kept in place for Astro to build into', () => {
  /** The last build's output: each file written an hour ago. */
  function lastOutput(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      writeFileSync(path.join(out, file), text);
      const earlier = new Date(Date.now() - 3_600_000);
      utimesSync(path.join(out, file), earlier, earlier);
    }
  }

  it('keeps what Astro keeps or writes, and removes what this build did not produce', async () => {
    astroCache({ 'roles/a/index.html': 'a', 'roles/gone/index.html': 'gone' });
    lastOutput({ 'roles/a/index.html': 'a', 'roles/gone/index.html': 'gone', '_astro/old.css': 'old', 'pagefind/part.pf': 'x' });
    const prepared = prepareOutput(cache, out, true);
    // Nothing is touched while the content is checked.
    expect(readdirSync(out).sort()).toEqual(['_astro', 'pagefind', 'roles']);
    const placed = prepared.place();
    expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(true);
    // The search index, written whole after Astro, is set aside at once, outside the folder, and deleted beside Astro.
    expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
    await placed.oldOutputRemoved();
    expect(readdirSync(root).filter((entry) => entry.startsWith('.dist-old-'))).toEqual([]);
    // Astro: keeps a/, renders b/, writes its assets; gone/ is no longer a page.
    mkdirSync(path.join(out, 'roles/b'));
    writeFileSync(path.join(out, 'roles/b/index.html'), 'b');
    writeFileSync(path.join(out, '_astro/new.css'), 'new');
    nextManifest(['roles/a/index.html', 'roles/b/index.html']);
    expect(placed.settle()).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['_astro', 'roles']);
    expect(readdirSync(path.join(out, 'roles')).sort()).toEqual(['a', 'b']);
    expect(readdirSync(path.join(out, '_astro'))).toEqual(['new.css']);
    expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(false);
  });

  it('touches nothing when the check fails', () => {
    astroCache({ 'roles/a/index.html': 'a' });
    lastOutput({ 'roles/a/index.html': 'a' });
    prepareOutput(cache, out, true).discard();
    expect(readdirSync(path.join(out, 'roles'))).toEqual(['a']);
    expect(existsSync(path.join(cache, 'rolebook-links-out'))).toBe(false);
    expect(existsSync(path.join(cache, 'incremental-build.json'))).toBe(true);
  });

  it('after a run that never finished, drops Astro’s manifest: every page is rendered again', () => {
    astroCache({ 'roles/a/index.html': 'a' });
    lastOutput({ 'roles/a/index.html': 'a' });
    prepareOutput(cache, out, true).place();
    // Astro stopped half-way: settle() never ran.
    prepareOutput(cache, out, true).place();
    expect(existsSync(path.join(cache, 'incremental-build.json'))).toBe(false);
  });

  it('otherwise sets the last output aside and puts the linked pages in its place', async () => {
    astroCache({ 'roles/a/index.html': 'a' });
    lastOutput({ 'stale.html': 'edited by hand' });
    const placed = prepareOutput(cache, out, false).place();
    expect(readdirSync(out)).toEqual(['roles']);
    await placed.oldOutputRemoved();
    expect(readdirSync(root).filter((entry) => entry.startsWith('.dist-'))).toEqual([]);
  });
});
