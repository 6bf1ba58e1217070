/**
 * The search index of a build, reusing the last build's parts. Pagefind (1.x) has no incremental
 * mode: a part's word index and filters are built over all its pages at once, so one changed page
 * means indexing its part again (src/site/search-index.ts keeps parts small for that). What it does
 * allow is reusing a whole part: Pagefind reads only the HTML files, and the same files give the
 * same part, so a part none of whose pages changed is put back from the last build (hard links
 * where the file system has them: a part is never rewritten in place, see `linkFolder`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PART_FOLDER_PATTERN, PARTS_MANIFEST } from '../site/search-layout.ts';
import { partOutputPath, startSearchIndex, type EarlyReadings, type SearchIndexResult, type SearchIndexRun, type SearchPart, type SearchPartCache, type SearchPartResult } from '../site/search-index.ts';
import { filesBelow, linkFolder } from './files-below.ts';
import { hashBytes } from '../content/cache.ts';

/** The Pagefind version and our options and layout (in src/site) make the index too. */
function indexerVersion(): string {
  // pagefind exports only its entry (lib/index.js); its package.json is one folder up.
  const pagefindManifest = new URL('../package.json', import.meta.resolve('pagefind'));
  const ours = ['../site/search-index.ts', '../site/search-layout.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'));
  return hashBytes([readFileSync(pagefindManifest, 'utf8'), ...ours].join('\n'));
}

/** What a part is built from: its HTML files by path and bytes, and its place among the parts. */
export function searchPartKey(part: SearchPart, partCount: number, htmlHashes: ReadonlyMap<string, string>, version = indexerVersion()): string {
  return hashBytes(JSON.stringify([version, partCount, part.number, part.files.map((file) => [file, htmlHashes.get(file)])]));
}

interface Stored {
  key: string;
  result: SearchPartResult;
  /** Each file of the saved part with its size in bytes: `[path, size]`, sorted by path. */
  files: [string, number][];
}

const storedFile = (cacheFolder: string, number: number) => path.join(cacheFolder, `part-${number}.json`);
const savedFolder = (cacheFolder: string, number: number) => path.join(cacheFolder, `part-${number}`);

/**
 * A part's files and their sizes. A saved part with a file missing, added, cut short or grown (a
 * copy interrupted, a disk that filled up, something that wrote into the published folder, whose
 * files are the saved ones' hard links) is not put back: the site would publish a search that
 * fails. Sizes rather than hashes: a stat per file is ≈ 7 ms for the 1,075 files of a
 * 1,000-document site's index, and the list is the one the files are then linked from; bytes
 * changed in place at the same size are not caught.
 */
function sizes(folder: string, files: readonly string[] = filesBelow(folder)): [string, number][] {
  return files.map((file) => [file, statSync(path.join(folder, ...file.split('/'))).size]);
}

/** The files of a written part: the first part's folder also holds the others and the manifest. */
function writtenFiles(siteDir: string, number: number): string[] {
  const files = filesBelow(partOutputPath(siteDir, number));
  return number === 0 ? files.filter((file) => !PART_FOLDER_PATTERN.test(`${file.split('/')[0]}/`) && file !== PARTS_MANIFEST) : files;
}

/** Puts the last build's part into `siteDir` when it was built from the same files; else undefined. */
export async function reuseSearchPart(cacheFolder: string, part: SearchPart, key: string, siteDir: string): Promise<SearchPartResult | undefined> {
  let stored: Stored;
  try {
    stored = JSON.parse(await readFile(storedFile(cacheFolder, part.number), 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored.key !== key || !existsSync(savedFolder(cacheFolder, part.number))) return undefined;
  const saved = sizes(savedFolder(cacheFolder, part.number));
  if (JSON.stringify(saved) !== JSON.stringify(stored.files)) return undefined;
  linkFolder(savedFolder(cacheFolder, part.number), partOutputPath(siteDir, part.number), saved.map(([file]) => file));
  return stored.result;
}

/** Keeps the part just written (linked, see `linkFolder`) for the next build; a failed save only costs time. */
export async function saveSearchPart(cacheFolder: string, part: SearchPart, key: string, result: SearchPartResult, siteDir: string): Promise<void> {
  const keyFile = storedFile(cacheFolder, part.number);
  const folder = savedFolder(cacheFolder, part.number);
  try {
    // The key goes last: a copy stopped half-way is never taken for a whole one.
    await rm(keyFile, { force: true });
    await rm(folder, { recursive: true, force: true });
    await mkdir(cacheFolder, { recursive: true });
    // Listed once: linked from this list, and the saved copies' sizes recorded for it.
    const files = writtenFiles(siteDir, part.number);
    linkFolder(partOutputPath(siteDir, part.number), folder, files);
    const stored: Stored = { key, result: { pageCount: result.pageCount }, files: sizes(folder, files) };
    await writeFile(keyFile, JSON.stringify(stored));
  } catch {
    await rm(keyFile, { force: true });
  }
}

export interface SiteSearchOptions {
  siteDir: string;
  /** The build cache's search folder. */
  cacheFolder: string;
  /** Every HTML file of the site (`/`-separated path below `siteDir`) with a hash of its bytes. */
  htmlHashes: ReadonlyMap<string, string>;
  /** Those of them Pagefind indexes (`isSearchable`). */
  searchable: readonly string[];
  /** PAGES_PER_PART unless given (ROLEBOOK_SEARCH_PART_SIZE: tests and tuning). */
  pagesPerPart?: number;
  /** Parts Pagefind began reading before the pages were final (src/build/search-ahead.ts). */
  early?: EarlyReadings;
}

/** The build cache's parts of the index: a part is reused when its key (`searchPartKey`) is the saved one's. */
function searchPartCache({ siteDir, cacheFolder, htmlHashes }: SiteSearchOptions): SearchPartCache {
  const version = indexerVersion();
  // Computed once a part: a part that is not reused needs its key again to be saved.
  const keys = new Map<number, string>();
  const key = (part: SearchPart, partCount: number) => {
    if (!keys.has(part.number)) keys.set(part.number, searchPartKey(part, partCount, htmlHashes, version));
    return keys.get(part.number)!;
  };
  return {
    reuse: (part, partCount) => reuseSearchPart(cacheFolder, part, key(part, partCount), siteDir),
    save: (part, partCount, result) => saveSearchPart(cacheFolder, part, key(part, partCount), result, siteDir),
  };
}

/**
 * Starts the site's search index (`startSearchIndex`), each part put back from the build cache
 * when its pages are unchanged; once written, the saved parts the site no longer has are dropped.
 */
export async function startSiteSearch(options: SiteSearchOptions): Promise<SearchIndexRun> {
  const run = await startSearchIndex(options.siteDir, options.searchable, { pagesPerPart: options.pagesPerPart, cache: searchPartCache(options), early: options.early });
  const finished = run.finished.then(async (result) => {
    await forgetOtherParts(options.cacheFolder, result.parts);
    return result;
  });
  // Until the caller awaits it, a failure waits there to be reported.
  finished.catch(() => {});
  return { finished };
}

/** Writes the site's search index: each part put back from the last build when its pages are unchanged, else indexed. */
export async function indexSite(options: SiteSearchOptions): Promise<SearchIndexResult> {
  return (await startSiteSearch(options)).finished;
}

/** Drops saved parts a site of `count` parts no longer has (and what older builds saved there), so the cache does not grow. */
async function forgetOtherParts(cacheFolder: string, count: number): Promise<void> {
  const kept = new Set(Array.from({ length: count }, (_, number) => [`part-${number}`, `part-${number}.json`]).flat());
  const entries = await readdir(cacheFolder).catch(() => [] as string[]);
  await Promise.all(entries.filter((entry) => !kept.has(entry)).map((entry) => rm(path.join(cacheFolder, entry), { recursive: true, force: true })));
}
