/**
 * The caches of the build's last step (src/build): per-page results reused only for the same bytes
 * and the same code, and a search index reused only when every HTML file is what it was.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageResults } from '../../src/build/page-results.ts';
import { filesBelow } from '../../src/build/files-below.ts';
import { reuseSearchIndex, saveSearchIndex, searchIndexKey } from '../../src/build/search-cache.ts';
import { buildSearchIndex, startSearchIndex } from '../../src/site/search-index.ts';
import { BuildStatsSchema, readBuildStats, writeBuildStats, type BuildStats } from '../../src/build/stats.ts';
import { cacheRoot, CACHE_FOLDERS, DEFAULT_CACHE_DIR, hashBytes } from '../../src/content/cache.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-build-caches-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('per-page results', () => {
  it('computes a page once per bytes, and again for other bytes or other code', async () => {
    const file = path.join(root, 'pages.jsonl');
    let computed = 0;
    const scan = (text: string) => () => {
      computed++;
      return { length: text.length };
    };
    const first = new PageResults<{ length: number }>(file, 'v1');
    expect(first.get(hashBytes('<p>a</p>'), scan('<p>a</p>'))).toEqual({ length: 8 });
    expect(first.get(hashBytes('<p>bb</p>'), scan('<p>bb</p>'))).toEqual({ length: 9 });
    await first.save();
    expect(computed).toBe(2);

    const second = new PageResults<{ length: number }>(file, 'v1');
    expect(second.get(hashBytes('<p>a</p>'), scan('<p>a</p>'))).toEqual({ length: 8 });
    expect(second.get(hashBytes('<p>changed</p>'), scan('<p>changed</p>'))).toEqual({ length: 14 });
    expect([second.reused, second.computed, computed]).toEqual([1, 1, 3]);
    await second.save();
    // Only this build's pages are kept: the page that changed is gone from the file.
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);

    const otherCode = new PageResults<{ length: number }>(file, 'v2');
    otherCode.get(hashBytes('<p>a</p>'), scan('<p>a</p>'));
    expect([otherCode.reused, otherCode.computed]).toEqual([0, 1]);
  });

  it('treats a damaged file as an empty cache', () => {
    const file = path.join(root, 'pages.jsonl');
    writeFileSync(file, '{"not json\n');
    const results = new PageResults<number>(file, 'v1');
    expect(results.get('h', () => 1)).toBe(1);
    expect(results.computed).toBe(1);
  });
});

describe('search index reuse', () => {
  function site(pages: Record<string, string>): { dir: string; hashes: Map<string, string> } {
    const dir = mkdtempSync(path.join(root, 'site-'));
    const hashes = new Map<string, string>();
    for (const [file, html] of Object.entries(pages)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
      hashes.set(file, hashBytes(html));
    }
    return { dir, hashes };
  }

  function fakeIndex(dir: string): void {
    mkdirSync(path.join(dir, 'pagefind/fragment'), { recursive: true });
    writeFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), '{"languages":{"en":{"page_count":2}}}');
    writeFileSync(path.join(dir, 'pagefind/fragment/en_1.pf_fragment'), 'fragment');
  }

  it('puts the last index back only when every HTML file is unchanged', async () => {
    const cache = path.join(root, 'search');
    const before = site({ 'index.html': '<p>home</p>', 'roles/a/index.html': '<p>a</p>' });
    fakeIndex(before.dir);
    const key = searchIndexKey(before.hashes);
    await saveSearchIndex(cache, key, { fileCount: 2, pageCount: 2, outputPath: path.join(before.dir, 'pagefind') });

    const same = site({ 'index.html': '<p>home</p>', 'roles/a/index.html': '<p>a</p>' });
    const reused = await reuseSearchIndex(cache, searchIndexKey(same.hashes), same.dir);
    expect(reused).toMatchObject({ fileCount: 2, pageCount: 2 });
    expect(readFileSync(path.join(same.dir, 'pagefind/fragment/en_1.pf_fragment'), 'utf8')).toBe('fragment');
    expect(readFileSync(path.join(same.dir, 'pagefind/pagefind-entry.json'), 'utf8')).toContain('"page_count":2');

    const edited = site({ 'index.html': '<p>home</p>', 'roles/a/index.html': '<p>a, edited</p>' });
    expect(await reuseSearchIndex(cache, searchIndexKey(edited.hashes), edited.dir)).toBeUndefined();
    const renamed = site({ 'index.html': '<p>home</p>', 'roles/b/index.html': '<p>a</p>' });
    expect(searchIndexKey(renamed.hashes)).not.toBe(key);
  });

  it('keeps the saved index whole when a new one is written over the output it was linked into', async () => {
    const cache = path.join(root, 'search');
    const page = (text: string) => `<!doctype html><html lang="en"><head><title>A</title></head><body><main data-pagefind-body><h1>A</h1><p>${text}</p></main></body></html>`;
    const built = site({ 'index.html': page('first words') });
    const key = searchIndexKey(built.hashes);
    await saveSearchIndex(cache, key, await buildSearchIndex(built.dir));
    const saved = new Map(filesBelow(path.join(cache, 'pagefind')).map((file) => [file, readFileSync(path.join(cache, 'pagefind', file))]));
    expect(saved.has('pagefind-entry.json')).toBe(true);

    // The page changes and the index is written again into the same output folder.
    writeFileSync(path.join(built.dir, 'index.html'), page('other words entirely'));
    await buildSearchIndex(built.dir);
    const entry = readFileSync(path.join(built.dir, 'pagefind/pagefind-entry.json'));
    expect(entry.equals(saved.get('pagefind-entry.json')!)).toBe(false);
    for (const [file, bytes] of saved) expect(readFileSync(path.join(cache, 'pagefind', file)).equals(bytes), file).toBe(true);
    expect(await reuseSearchIndex(cache, key, built.dir)).toMatchObject({ pageCount: 1 });
    expect(readFileSync(path.join(built.dir, 'pagefind/pagefind-entry.json')).equals(saved.get('pagefind-entry.json')!)).toBe(true);
  });

  it('writes nothing for an index started and then dropped, and leaves no Pagefind process behind', async () => {
    const page = `<!doctype html><html lang="en"><head><title>A</title></head><body><main data-pagefind-body><h1>A</h1><p>words</p></main></body></html>`;
    const built = site({ 'index.html': page, 'roles/a/index.html': page });
    // Dropped at once (Pagefind still starting) and once it has had time to read the pages.
    await startSearchIndex(built.dir).cancel();
    const later = startSearchIndex(built.dir);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await later.cancel();
    expect(existsSync(path.join(built.dir, 'pagefind'))).toBe(false);
    await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
    // The next index starts its own Pagefind and is written whole.
    expect(await buildSearchIndex(built.dir)).toMatchObject({ fileCount: 2, pageCount: 2 });
    expect(existsSync(path.join(built.dir, 'pagefind/pagefind-entry.json'))).toBe(true);
    await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
  });

  /** Pagefind processes this test process started that are still running. */
  function pagefindChildren(): string[] {
    return readdirSync('/proc').filter((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(parent) === process.pid && state !== 'Z' && readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('pagefind');
      } catch {
        return false;
      }
    });
  }

  /** A one-page site whose stand-in index is saved in the search cache; `save` saves it again. */
  async function savedIndex() {
    const cache = path.join(root, 'search');
    const built = site({ 'index.html': '<p>home</p>' });
    fakeIndex(built.dir);
    const key = searchIndexKey(built.hashes);
    const save = () => saveSearchIndex(cache, key, { fileCount: 1, pageCount: 2, outputPath: path.join(built.dir, 'pagefind') });
    await save();
    return { cache, built, key, save };
  }

  it('does not put back an index with a file missing, cut short, grown or added since it was saved', async () => {
    const { cache, built, key, save } = await savedIndex();
    const fragment = path.join(cache, 'pagefind/fragment/en_1.pf_fragment');
    const reuse = () => reuseSearchIndex(cache, key, site({ 'index.html': '<p>home</p>' }).dir);
    expect(await reuse()).toBeDefined();

    const damages: [string, () => void][] = [
      ['missing', () => rmSync(fragment)],
      ['cut short', () => writeFileSync(fragment, 'frag')],
      // The published folder's files are the saved ones' hard links: a tool appending to one grows both.
      ['grown', () => appendFileSync(path.join(built.dir, 'pagefind/fragment/en_1.pf_fragment'), ' and more')],
      ['added', () => writeFileSync(path.join(cache, 'pagefind/fragment/en_2.pf_fragment'), 'stray')],
    ];
    for (const [damage, apply] of damages) {
      await save();
      apply();
      expect(await reuse(), damage).toBeUndefined();
      // The output folder the damaged copy was linked from is made again for the next round.
      rmSync(path.join(built.dir, 'pagefind'), { recursive: true, force: true });
      fakeIndex(built.dir);
    }
  });

  it('never takes a copy without its key file for a whole one', async () => {
    const { cache, built, key } = await savedIndex();
    rmSync(path.join(cache, 'key.json'));
    expect(await reuseSearchIndex(cache, key, built.dir)).toBeUndefined();
  });
});

describe('the cache folder and the stats file', () => {
  it('puts every cache below one folder, moved by ROLEBOOK_CACHE_DIR', () => {
    const saved = process.env.ROLEBOOK_CACHE_DIR;
    try {
      delete process.env.ROLEBOOK_CACHE_DIR;
      expect(cacheRoot('/project')).toBe(path.resolve('/project', DEFAULT_CACHE_DIR));
      process.env.ROLEBOOK_CACHE_DIR = 'elsewhere/cache';
      expect(cacheRoot('/project')).toBe('/project/elsewhere/cache');
    } finally {
      if (saved === undefined) delete process.env.ROLEBOOK_CACHE_DIR;
      else process.env.ROLEBOOK_CACHE_DIR = saved;
    }
    expect(new Set(Object.values(CACHE_FOLDERS)).size).toBe(Object.keys(CACHE_FOLDERS).length);
  });

  it('writes stats that read back, and refuses a file of another shape', async () => {
    const file = path.join(root, 'build-stats.json');
    const stats: BuildStats = {
      version: 1,
      finishedAt: new Date(0).toISOString(),
      ok: true,
      totalMs: 1200,
      steps: { astro: { ms: 900, pages: 11, rendered: 10, reused: 1, contentLoadMs: 20 } },
    };
    await writeBuildStats(file, stats);
    expect(readBuildStats(file)).toEqual(stats);
    writeFileSync(file, JSON.stringify({ version: 2 }));
    expect(readBuildStats(file)).toBeUndefined();
    expect(() => BuildStatsSchema.parse({ ...stats, totalMs: 'fast' })).toThrow();
  });
});
