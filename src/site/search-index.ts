/**
 * The one place Rolebook talks to Pagefind's Node API: index the built HTML in parts (see
 * src/site/search-layout.ts), write each part into the site, and fail loudly if Pagefind reports
 * any error. The Pagefind service is always closed, so a failed build does not leave its process
 * running.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { PARTS_MANIFEST, SEARCH_FOLDER, partFolder } from './search-layout.ts';

/**
 * Pages a part holds on average. Smaller parts make a rebuild's index faster (a part of 200 pages
 * takes ≈ 0.6 s, a 1,000-document site's 1,005 pages in one index 2.5–3 s) but rank worse: Pagefind
 * scores a page with its own index's statistics (how many of its pages have the word, their
 * average length), so results from different parts are compared on slightly different scales.
 * With 500 a part, the one-change rebuild of a 1,000-document site took as long as with 200, and
 * the first ten results of twelve searches agreed more with those of one whole index
 * (bench/PROFILE.md, session 11). Each part also costs the reader one more small file to load when
 * search opens, and one more per word searched.
 */
export const PAGES_PER_PART = 500;
/** Beyond this many parts a larger site gets larger parts, not more requests per search. */
export const MAX_PARTS = 16;

export interface SearchPart {
  /** 0 is the first part, published with Pagefind's scripts. */
  number: number;
  /** Its searchable pages' HTML files: `/`-separated paths below the site folder, sorted. */
  files: string[];
}

export interface SearchPartResult {
  /** Pages in the part, as Pagefind counts them. */
  pageCount: number;
}

export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new SearchIndexError(step, errors);
}

/**
 * Whether Pagefind would index a page: it has a `data-pagefind-body` (Pagefind skips the others once
 * any page has one). Only these are handed to Pagefind, so a page outside search (the health page,
 * the lists of documents, which change with every commit) changes no part. The attribute's name in
 * a page's text makes a page a candidate Pagefind then skips, as it would have.
 */
export function isSearchable(html: Buffer): boolean {
  return html.includes('data-pagefind-body');
}

/**
 * The site's searchable pages in parts. A page's part follows from its path alone, so an edited page
 * moves no other page, and a rebuild indexes again only the parts whose pages changed. The number
 * of parts follows from the number of pages: a site that grows past a multiple of PAGES_PER_PART
 * is indexed whole once, in one part more.
 */
export function searchParts(pages: readonly string[], pagesPerPart = PAGES_PER_PART): SearchPart[] {
  if (pages.length === 0) throw new SearchIndexError('index the site', ['no page has searchable content (pages mark it with data-pagefind-body)']);
  const count = Math.min(MAX_PARTS, Math.max(1, Math.ceil(pages.length / pagesPerPart)));
  const parts: SearchPart[] = Array.from({ length: count }, (_, number) => ({ number, files: [] }));
  for (const file of [...pages].sort()) parts[count === 1 ? 0 : partOf(file, count)]!.files.push(file);
  return parts;
}

function partOf(file: string, count: number): number {
  return createHash('sha1').update(file).digest().readUInt32BE(0) % count;
}

/** Where part `number` is written: an absolute folder below `siteDir`. */
export function partOutputPath(siteDir: string, number: number): string {
  return path.join(siteDir, SEARCH_FOLDER, partFolder(number));
}

/**
 * Pagefind's options. The parts of a document's full text that its page also shows structured (the
 * skills list, the Role Profile table: `data-structured`, set by the pipeline) are indexed once,
 * in the structured part, whose headings a result can lead to; indexed twice they counted double
 * for a role guide. One language for the whole site, so a page without lang never gets an index
 * of its own.
 */
const INDEX_OPTIONS = { forceLanguage: 'en', excludeSelectors: ['[data-structured]'] };

/** The files a merged part is read from; Pagefind's scripts, styles and WebAssembly come from the first. */
const MERGED_PART_FILES = /^(pagefind-entry\.json|pagefind\.[^/]*\.pf_meta|(index|fragment|filter)\/.*)$/;

/**
 * Indexes parts in one Pagefind service. `start` returns once Pagefind is reading the part's pages
 * (in its own process), so several parts queue there while this thread does other work (the output
 * check): a part whose next request waited for a busy thread would leave Pagefind idle. `close()`
 * ends the service.
 */
export class SearchIndexer {
  private readonly siteDir: string;

  constructor(siteDir: string) {
    this.siteDir = siteDir;
  }

  /**
   * Has Pagefind read the part's pages; the function returned writes the part once they are read,
   * into its folder, which must not exist (the last one may be hard-linked into the build cache).
   */
  async start(part: SearchPart): Promise<() => Promise<SearchPartResult>> {
    if (part.files.length === 0) throw new SearchIndexError('index the site', [`search part ${part.number} has no page`]);
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    check('create an index', created.errors);
    const { index } = created;
    if (!index) throw new SearchIndexError('create an index', ['no index was returned']);
    const adding = index.addDirectory({ path: this.siteDir, glob: globOf(part.files) });
    // Until the part is written, a failure waits there to be reported.
    adding.catch(() => {});
    return async () => {
      try {
        const added = await adding;
        check(`index the pages in ${this.siteDir}`, added.errors);
        // A page the glob did not name would be missing from search without a word.
        if (added.page_count !== part.files.length) {
          throw new SearchIndexError('index the site', [`Pagefind read ${added.page_count} of the ${part.files.length} pages of search part ${part.number}`]);
        }
        const outputPath = partOutputPath(this.siteDir, part.number);
        const written = await index.writeFiles({ outputPath });
        check(`write the index to ${outputPath}`, written.errors);
        if (part.number > 0) await keepMergedPartFiles(outputPath);
        const pageCount = await indexedPageCount(outputPath);
        if (pageCount === 0) {
          throw new SearchIndexError('index the site', [`no page of search part ${part.number} has searchable content (pages mark it with data-pagefind-body)`]);
        }
        return { pageCount };
      } finally {
        await index.deleteIndex();
      }
    };
  }

  async close(): Promise<void> {
    await pagefind.close();
  }
}

/**
 * A glob naming exactly these files. Document paths are lower-case letters, digits, `-`, `_` and `/`
 * (src/model/schemas.ts); of the characters Pagefind's glob syntax (wax) gives a meaning, those
 * that stand for themselves only escaped are escaped (`!` is refused escaped, and means itself
 * outside `[…]`). The caller checks Pagefind read as many pages as the glob names.
 */
function globOf(files: readonly string[]): string {
  const literal = (file: string) => {
    if (file.includes('\\')) throw new SearchIndexError('index the site', [`a page's path has a backslash, which a glob cannot name: ${file}`]);
    return file.replace(/[?*$:<>()[\]{},]/g, '\\$&');
  };
  return `{${files.map(literal).join(',')}}`;
}

async function keepMergedPartFiles(outputPath: string): Promise<void> {
  const entries = await readdir(outputPath, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => !MERGED_PART_FILES.test(entry.isDirectory() ? `${entry.name}/` : entry.name))
      .map((entry) => rm(path.join(outputPath, entry.name), { recursive: true, force: true })),
  );
}

/** What a written part says it holds, summed over its languages. */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((total, language) => total + (language.page_count ?? 0), 0);
}

/** Names the parts the search UI merges into the first (see src/site/search-layout.ts). */
async function writePartsManifest(siteDir: string, parts: readonly SearchPart[]): Promise<void> {
  const merged = parts.filter((part) => part.number > 0).map((part) => partFolder(part.number));
  await writeFile(path.join(siteDir, SEARCH_FOLDER, PARTS_MANIFEST), `${JSON.stringify({ parts: merged })}\n`);
}

/**
 * What the last build left of each part, when there is a build cache (src/build/search-cache.ts):
 * `reuse` puts a part whose pages are unchanged back in the site, `save` keeps one just written.
 */
export interface SearchPartCache {
  reuse(part: SearchPart, partCount: number): Promise<SearchPartResult | undefined>;
  save(part: SearchPart, partCount: number, result: SearchPartResult): Promise<void>;
}

export interface SearchIndexResult extends SearchPartResult {
  parts: number;
  /** Parts put back from the last build. */
  partsReused: number;
  /** Pages Pagefind indexed in this run: those of the parts not put back. */
  pagesIndexed: number;
}

/** A search index under way: the parts reused are back in the site, Pagefind is reading the others. */
export interface SearchIndexRun {
  /** Writes the parts Pagefind is reading (and saves them), closes Pagefind, and writes the manifest. */
  finished: Promise<SearchIndexResult>;
}

/**
 * Starts the search index of the site's `searchable` pages (paths below `siteDir`), replacing any
 * index there: each part the cache can put back is put back, and Pagefind is set reading every
 * other part at once (they queue in its process, so it is never idle waiting for this thread).
 */
export async function startSearchIndex(siteDir: string, searchable: readonly string[], options: { pagesPerPart?: number; cache?: SearchPartCache } = {}): Promise<SearchIndexRun> {
  const parts = searchParts(searchable, options.pagesPerPart);
  // New files, never the old ones rewritten in place: the last index may be hard-linked into the cache.
  await rm(path.join(siteDir, SEARCH_FOLDER), { recursive: true, force: true });
  const total: SearchIndexResult = { pageCount: 0, parts: parts.length, partsReused: 0, pagesIndexed: 0 };
  const changed: SearchPart[] = [];
  for (const part of parts) {
    const reused = await options.cache?.reuse(part, parts.length);
    if (reused) {
      total.pageCount += reused.pageCount;
      total.partsReused++;
    } else changed.push(part);
  }
  const indexer = changed.length > 0 ? new SearchIndexer(siteDir) : undefined;
  const writers: (() => Promise<SearchPartResult>)[] = [];
  try {
    for (const part of changed) writers.push(await indexer!.start(part));
  } catch (error) {
    await indexer?.close();
    throw error;
  }
  const finished = (async () => {
    // Every part settles before Pagefind is closed, failed or not: a request made after close()
    // (a part still being written) would start a Pagefind service that nothing closes.
    const written = await Promise.allSettled(
      changed.map(async (part, i) => {
        const result = await writers[i]!();
        await options.cache?.save(part, parts.length, result);
        return result;
      }),
    );
    await indexer?.close();
    for (const result of written) {
      if (result.status === 'rejected') throw result.reason;
      total.pageCount += result.value.pageCount;
      total.pagesIndexed += result.value.pageCount;
    }
    await writePartsManifest(siteDir, parts);
    return total;
  })();
  // Until the caller awaits it, a failure waits there to be reported.
  finished.catch(() => {});
  return { finished };
}

/** Indexes the searchable ones of the site's `htmlFiles` (paths below `siteDir`), whole, replacing any index there. */
export async function buildSearchIndex(siteDir: string, htmlFiles: readonly string[], pagesPerPart?: number): Promise<SearchIndexResult & { fileCount: number }> {
  if (htmlFiles.length === 0) throw new SearchIndexError('index the site', [`no HTML pages found in ${siteDir}`]);
  const searchable = htmlFiles.filter((file) => isSearchable(readFileSync(path.join(siteDir, file))));
  const result = await (await startSearchIndex(siteDir, searchable, { pagesPerPart })).finished;
  return { ...result, fileCount: htmlFiles.length };
}
