/**
 * The caches of the build's last step (src/build): per-page results reused only for the same bytes
 * and the same code, and a search index part reused only when each of its pages is what it was.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageResults } from '../../src/build/page-results.ts';
import { filesBelow } from '../../src/build/files-below.ts';
import { hashPages } from '../../src/build/page-hashes.ts';
import { MAX_PARTS_READ_EARLY, startSearchAhead } from '../../src/build/search-ahead.ts';
import { indexSite, reuseSearchPart, searchPartKey } from '../../src/build/search-cache.ts';
import { buildSearchIndex, closeSearchService, isSearchable, PartReader, MAX_PARTS, PAGES_PER_PART, searchParts, type SearchPart } from '../../src/site/search-index.ts';
import { BuildStatsSchema, readBuildStats, writeBuildStats, type BuildStats } from '../../src/build/stats.ts';
import { cacheRoot, CACHE_FOLDERS, DEFAULT_CACHE_DIR, hashBytes } from '../../src/content/cache.ts';
import { runningChildren } from '../helpers/processes.ts';

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

describe('search index in parts', () => {
  const page = (text: string) =>
    `<!doctype html><html lang="en"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text} words</p></main></body></html>`;

  function site(pages: Record<string, string>): { dir: string; hashes: Map<string, string>; searchable: string[] } {
    const dir = mkdtempSync(path.join(root, 'site-'));
    const hashes = new Map<string, string>();
    for (const [file, html] of Object.entries(pages)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
      hashes.set(file, hashBytes(html));
    }
    const searchable = Object.keys(pages).filter((file) => isSearchable(Buffer.from(pages[file]!)));
    return { dir, hashes, searchable };
  }

  /** Twelve role pages and a home page that search leaves out. */
  const twelve = (edited?: string): Record<string, string> => ({
    'index.html': '<!doctype html><html lang="en"><body><p>home</p></body></html>',
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`roles/r${i}/index.html`, page(`r${i}${`roles/r${i}/index.html` === edited ? ' edited' : ''}`)])),
  });

  it('puts every searchable page in exactly one part, chosen by its path alone', () => {
    const pages = Array.from({ length: 40 }, (_, i) => `roles/r${i}/index.html`);
    const parts = searchParts(pages, 10);
    expect(parts.map((part) => part.number)).toEqual([0, 1, 2, 3]);
    expect(parts.flatMap((part) => part.files).sort()).toEqual([...pages].sort());
    for (const part of parts) expect(part.files).toEqual([...part.files].sort());
    // One page more or less (the same number of parts) moves no other page.
    const partOf = (all: SearchPart[], file: string) => all.find((part) => part.files.includes(file))!.number;
    const fewer = searchParts(pages.slice(1), 10);
    for (const file of pages.slice(1)) expect(partOf(fewer, file), file).toBe(partOf(parts, file));
    // Small sites have one part; large ones no more than MAX_PARTS.
    expect(searchParts(pages, PAGES_PER_PART)).toHaveLength(1);
    expect(searchParts(Array.from({ length: 100 }, (_, i) => `p${i}/index.html`), 1)).toHaveLength(MAX_PARTS);
    expect(() => searchParts([], 10)).toThrow(/no page has searchable content/);
  });

  it('writes each part with Pagefind and names the merged ones in the manifest; only the first has the scripts', async () => {
    const built = site(twelve());
    const result = await buildSearchIndex(built.dir, [...built.hashes.keys()], 4);
    expect(result).toEqual({ fileCount: 13, pageCount: 12, parts: 3, partsReused: 0, pagesIndexed: 12, partsReadEarly: 0 });
    const folder = path.join(built.dir, 'pagefind');
    expect(JSON.parse(readFileSync(path.join(folder, 'rolebook-parts.json'), 'utf8'))).toEqual({ parts: ['part-1/', 'part-2/'] });
    expect(existsSync(path.join(folder, 'pagefind.js'))).toBe(true);
    const partFiles = filesBelow(path.join(folder, 'part-1'));
    expect(partFiles).toContain('pagefind-entry.json');
    expect(partFiles.some((file) => file.startsWith('fragment/'))).toBe(true);
    expect(partFiles.filter((file) => /\.(js|css)$|^wasm\./.test(file))).toEqual([]);
    const indexed = ['', 'part-1', 'part-2'].map((part) => JSON.parse(readFileSync(path.join(folder, part, 'pagefind-entry.json'), 'utf8')).languages.en.page_count as number);
    expect(indexed.reduce((a, b) => a + b)).toBe(12);
    expect(Math.min(...indexed)).toBeGreaterThan(0);
    await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
  });

  it('indexes again only the part whose page changed, and the result equals an index built whole', async () => {
    const cache = path.join(root, 'search');
    const first = site(twelve());
    const index = (built: ReturnType<typeof site>) => indexSite({ siteDir: built.dir, cacheFolder: cache, htmlHashes: built.hashes, searchable: built.searchable, pagesPerPart: 4 });
    expect(await index(first)).toMatchObject({ parts: 3, partsReused: 0, pageCount: 12, pagesIndexed: 12 });
    expect(await index(site(twelve()))).toMatchObject({ parts: 3, partsReused: 3, pageCount: 12, pagesIndexed: 0 });

    const edited = site(twelve('roles/r5/index.html'));
    const editedPart = searchParts(edited.searchable, 4).find((part) => part.files.includes('roles/r5/index.html'))!;
    expect(editedPart.files.length).toBeLessThan(12);
    expect(await index(edited)).toMatchObject({ parts: 3, partsReused: 2, pageCount: 12, pagesIndexed: editedPart.files.length });
    const whole = site(twelve('roles/r5/index.html'));
    await buildSearchIndex(whole.dir, [...whole.hashes.keys()], 4);
    expect(differences(path.join(edited.dir, 'pagefind'), path.join(whole.dir, 'pagefind'))).toEqual([]);

    // The home page is not searchable: changing it changes no part.
    const home = site({ ...twelve('roles/r5/index.html'), 'index.html': '<p>home, edited</p>' });
    expect(await index(home)).toMatchObject({ partsReused: 3 });
    // A part is never a copy of the old one's files rewritten in place: the saved copy stays whole.
    expect(await index(site(twelve()))).toMatchObject({ partsReused: 2 });
    expect(await index(site(twelve('roles/r5/index.html')))).toMatchObject({ partsReused: 2 });
    expect(differences(path.join(edited.dir, 'pagefind'), path.join(whole.dir, 'pagefind'))).toEqual([]);
  });

  it('does not put back a part with a file missing, cut short, grown or added since it was saved, or without its key file', async () => {
    const cache = path.join(root, 'search');
    const built = site(twelve());
    const parts = searchParts(built.searchable, 4);
    const index = () => indexSite({ siteDir: built.dir, cacheFolder: cache, htmlHashes: built.hashes, searchable: built.searchable, pagesPerPart: 4 });
    await index();
    const saved = path.join(cache, 'part-1');
    const fragment = filesBelow(saved).find((file) => file.startsWith('fragment/'))!;
    const damages: [string, () => void][] = [
      ['missing', () => rmSync(path.join(saved, fragment))],
      ['cut short', () => writeFileSync(path.join(saved, fragment), 'frag')],
      // The published folder's files are the saved ones' hard links: a tool appending to one grows both.
      ['grown', () => appendFileSync(path.join(built.dir, 'pagefind/part-1', fragment), ' and more')],
      ['added', () => writeFileSync(path.join(saved, 'fragment/en_stray.pf_fragment'), 'stray')],
      ['without its key file', () => rmSync(path.join(cache, 'part-1.json'))],
    ];
    for (const [damage, apply] of damages) {
      apply();
      const key = searchPartKey(parts[1]!, parts.length, built.hashes);
      expect(await reuseSearchPart(cache, parts[1]!, key, mkdtempSync(path.join(root, 'out-'))), damage).toBeUndefined();
      // The next build indexes that part again, and saves it whole.
      expect(await index(), damage).toMatchObject({ partsReused: 2 });
      expect(await index(), damage).toMatchObject({ partsReused: 3 });
    }
  });

  it('forgets the saved parts a smaller site no longer has', async () => {
    const cache = path.join(root, 'search');
    const built = site(twelve());
    await indexSite({ siteDir: built.dir, cacheFolder: cache, htmlHashes: built.hashes, searchable: built.searchable, pagesPerPart: 4 });
    expect(readdirSync(cache).sort()).toEqual(['part-0', 'part-0.json', 'part-1', 'part-1.json', 'part-2', 'part-2.json']);
    await indexSite({ siteDir: built.dir, cacheFolder: cache, htmlHashes: built.hashes, searchable: built.searchable, pagesPerPart: 6 });
    expect(readdirSync(cache).sort()).toEqual(['part-0', 'part-0.json', 'part-1', 'part-1.json']);
  });

  it('stops with Pagefind closed when a page cannot be read, and the next index is written whole', async () => {
    const built = site(twelve());
    await expect(buildSearchIndex(built.dir, [...built.hashes.keys(), 'roles/gone/index.html'], 4)).rejects.toThrow();
    await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
    expect(await buildSearchIndex(built.dir, [...built.hashes.keys()], 4)).toMatchObject({ pageCount: 12 });
    await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
  });

  it('reports a part Pagefind cannot index once every part is done, and leaves no Pagefind process behind', async () => {
    const cache = path.join(root, 'search');
    const built = site(twelve());
    const searchable = [...built.searchable, 'roles/gone/index.html'];
    const gone = searchParts(searchable, 4).find((part) => part.files.includes('roles/gone/index.html'))!;
    await expect(indexSite({ siteDir: built.dir, cacheFolder: cache, htmlHashes: built.hashes, searchable, pagesPerPart: 4 })).rejects.toThrow(
      new RegExp(`Pagefind read \\d+ of the \\d+ pages of search part ${gone.number}`),
    );
    await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
    expect(existsSync(path.join(cache, `part-${gone.number}.json`))).toBe(false);
  });

  it('names each page of a part exactly, whatever characters its path has, and stops when Pagefind reads fewer', async () => {
    const odd = ['roles/a,b/index.html', 'roles/{c}/index.html', 'roles/(d)[e]/index.html', 'roles/f*?/index.html', 'roles/g!$:<h>/index.html'];
    const built = site({ ...Object.fromEntries(odd.map((file) => [file, page(file)])), 'roles/f1/index.html': page('f1') });
    try {
      const index = async (part: SearchPart) => (await PartReader.start(built.dir, part)).finish();
      expect(await index({ number: 0, files: odd })).toEqual({ pageCount: odd.length });
      await expect(index({ number: 1, files: ['roles/f1/index.html', 'roles/gone/index.html'] })).rejects.toThrow(/Pagefind read 1 of the 2 pages of search part 1/);
    } finally {
      await closeSearchService();
    }
  });

  it('writes a part whose pages were read before one of them was written again as a part read afterwards, once that page is read again', async () => {
    const edited = 'roles/r5/index.html';
    const part = { number: 0, files: [...site(twelve()).searchable].sort() };
    const [readAgain, notReadAgain] = [site(twelve()), site(twelve())];
    try {
      const readers = await Promise.all([readAgain, notReadAgain].map((built) => PartReader.start(built.dir, part)));
      await Promise.all(readers.map((reader) => reader.read()));
      // Written after Pagefind read it, as Astro writes a page it renders again: in place.
      for (const built of [readAgain, notReadAgain]) writeFileSync(path.join(built.dir, edited), twelve(edited)[edited]!);
      await readers[0]!.finish([edited]);
      await readers[1]!.finish();
      const afterwards = site(twelve(edited));
      await (await PartReader.start(afterwards.dir, part)).finish();
      // The page read again kept its place among the part's pages: the same bytes, file for file.
      expect(differences(path.join(readAgain.dir, 'pagefind'), path.join(afterwards.dir, 'pagefind'))).toEqual([]);
      expect(differences(path.join(notReadAgain.dir, 'pagefind'), path.join(afterwards.dir, 'pagefind'))).not.toEqual([]);
    } finally {
      await closeSearchService();
    }
  });

  describe('read early, beside Astro (src/build/search-ahead.ts)', () => {
    /** The pages as the last build left them: written an hour ago, and hashed by its last step. */
    function lastBuild(pages: Record<string, string>) {
      const built = site(pages);
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const file of built.hashes.keys()) utimesSync(path.join(built.dir, file), hourAgo, hourAgo);
      const recordFile = path.join(root, 'page-hashes.json');
      hashPages(built.dir, [...built.hashes.keys()], recordFile);
      return { ...built, recordFile };
    }
    const idOf = (file: string) => file.replace(/\/index\.html$/, '');

    it("reads the parsed documents' part while the pages are built, and the search index equals one read afterwards", async () => {
      const last = lastBuild(twelve());
      const parts = searchParts(last.searchable, 4);
      const [changed, other] = [parts[1]!, parts[2]!];
      const edited = changed.files[1]!;
      const ahead = startSearchAhead({ siteDir: last.dir, recordFile: last.recordFile, parsedIds: [idOf(edited)], pagesPerPart: 4 });
      expect(ahead).toBeDefined();
      await ahead!.read();
      // Then Astro renders the edited page, and a page of another part (a neighbour whose title changed).
      writeFileSync(path.join(last.dir, edited), twelve(edited)[edited]!);
      writeFileSync(path.join(last.dir, other.files[0]!), twelve(other.files[0])[other.files[0]!]!);
      const now = hashPages(last.dir, [...last.hashes.keys()], last.recordFile);
      const result = await indexSite({ siteDir: last.dir, cacheFolder: path.join(root, 'search'), htmlHashes: now.htmlHashes, searchable: now.searchable, pagesPerPart: 4, early: ahead });
      expect(result).toMatchObject({ parts: 3, partsReadEarly: 1, pagesIndexed: 12 });
      await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);

      const afterwards = site(Object.fromEntries([...last.hashes.keys()].map((file) => [file, readFileSync(path.join(last.dir, file), 'utf8')])));
      await buildSearchIndex(afterwards.dir, [...afterwards.hashes.keys()], 4);
      expect(differences(path.join(last.dir, 'pagefind'), path.join(afterwards.dir, 'pagefind'))).toEqual([]);
      // Abandoning once the last step has closed Pagefind starts no service again.
      await ahead!.abandon();
      expect(pagefindChildren()).toEqual([]);
    });

    it('hands a reading over once, for the same pages only, with the pages written since it began', async () => {
      const last = lastBuild(twelve());
      const part = searchParts(last.searchable, 4)[0]!;
      const edited = part.files[0]!;
      const ahead = startSearchAhead({ siteDir: last.dir, recordFile: last.recordFile, parsedIds: [idOf(edited)], pagesPerPart: 4 })!;
      try {
        writeFileSync(path.join(last.dir, edited), twelve(edited)[edited]!);
        expect(await ahead.take({ ...part, files: part.files.slice(1) })).toBeUndefined();
        expect(await ahead.take({ ...part, number: 1 })).toBeUndefined();
        const taken = await ahead.take(part);
        expect(taken?.writtenSince).toEqual([edited]);
        expect(await ahead.take(part)).toBeUndefined();
        expect(await taken!.reader.finish(taken!.writtenSince)).toEqual({ pageCount: part.files.length });
      } finally {
        await ahead.abandon();
      }
      await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
    });

    it('reads nothing early without a record of the last build, without a parsed document, or for more parts than it may', () => {
      const last = lastBuild(twelve());
      const parts = searchParts(last.searchable, 4);
      const options = { siteDir: last.dir, recordFile: last.recordFile, pagesPerPart: 4 };
      expect(startSearchAhead({ ...options, parsedIds: [] })).toBeUndefined();
      expect(startSearchAhead({ ...options, parsedIds: ['roles/not-built'] })).toBeUndefined();
      expect(startSearchAhead({ ...options, recordFile: path.join(root, 'none.json'), parsedIds: [idOf(parts[0]!.files[0]!)] })).toBeUndefined();
      const spread = parts.slice(0, MAX_PARTS_READ_EARLY + 1).map((part) => idOf(part.files[0]!));
      expect(startSearchAhead({ ...options, parsedIds: spread })).toBeUndefined();
      expect(pagefindChildren()).toEqual([]);
    });

    it('leaves no Pagefind process behind when the build stops before its last step', async () => {
      const last = lastBuild(twelve());
      const ahead = startSearchAhead({ siteDir: last.dir, recordFile: last.recordFile, parsedIds: [idOf(last.searchable[0]!)], pagesPerPart: 4 })!;
      await expect.poll(pagefindChildren, { timeout: 5_000 }).not.toEqual([]);
      await ahead.abandon();
      await expect.poll(pagefindChildren, { timeout: 5_000 }).toEqual([]);
    });
  });

  /** Files only in one folder, or with different bytes. */
  function differences(a: string, b: string): string[] {
    const filesA = filesBelow(a);
    const filesB = filesBelow(b);
    const found = filesA.filter((file) => !filesB.includes(file)).map((file) => `only in ${a}: ${file}`);
    found.push(...filesB.filter((file) => !filesA.includes(file)).map((file) => `only in ${b}: ${file}`));
    for (const file of filesA.filter((file) => filesB.includes(file))) {
      if (!readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) found.push(`differs: ${file}`);
    }
    return found;
  }

  /** Pagefind processes this test process started that are still running. */
  function pagefindChildren(): number[] {
    return runningChildren((commandLine) => commandLine.includes('pagefind'));
  }
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
