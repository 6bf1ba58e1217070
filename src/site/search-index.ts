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

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/**
 * One part's Pagefind index, in the one Pagefind service of this process (Pagefind's Node API
 * starts it on first use; `closeSearchService` ends it). From `start` on, Pagefind is reading the
 * part's pages in its own process, so several parts queue there while this thread does other work
 * (the output check): a part whose next request waited for a busy thread would leave Pagefind idle.
 * The reading may start before the pages are final (src/build/search-ahead.ts): `finish` reads
 * again the pages written since, each in the place it had, so the part is as if read at the end.
 */
export class PartReader {
  readonly part: SearchPart;
  private readonly siteDir: string;
  private readonly index: PagefindIndex;
  private readonly adding: ReturnType<PagefindIndex['addDirectory']>;

  private constructor(siteDir: string, part: SearchPart, index: PagefindIndex, adding: ReturnType<PagefindIndex['addDirectory']>) {
    this.siteDir = siteDir;
    this.part = part;
    this.index = index;
    this.adding = adding;
  }

  static async start(siteDir: string, part: SearchPart): Promise<PartReader> {
    if (part.files.length === 0) throw new SearchIndexError('index the site', [`search part ${part.number} has no page`]);
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    check('create an index', created.errors);
    const { index } = created;
    if (!index) throw new SearchIndexError('create an index', ['no index was returned']);
    const adding = index.addDirectory({ path: siteDir, glob: globOf(part.files) });
    // Until the part is read, a failure waits there to be reported.
    adding.catch(() => {});
    return new PartReader(siteDir, part, index, adding);
  }

  /** Waits for Pagefind to have read every page of the part; throws when it could not. */
  async read(): Promise<void> {
    const added = await this.adding;
    check(`index the pages in ${this.siteDir}`, added.errors);
    // A page the glob did not name would be missing from search without a word.
    if (added.page_count !== this.part.files.length) {
      throw new SearchIndexError('index the site', [`Pagefind read ${added.page_count} of the ${this.part.files.length} pages of search part ${this.part.number}`]);
    }
  }

  /**
   * Once every page is read: reads `again` (pages of the part written since) from their bytes now,
   * then writes the part into its folder, which must not exist (the last one may be hard-linked
   * into the build cache). Pagefind numbers a part's pages in the order it read them, and a page
   * added under the URL of one it has keeps that one's place: the part written is byte for byte
   * the one a reading of the final pages gives (the build-caches test compares them).
   */
  async finish(again: readonly string[] = []): Promise<SearchPartResult> {
    try {
      await this.read();
      // Sent together: Pagefind takes requests in order, and each reply would otherwise wait for this
      // thread, busy with the output check, before the next request went out.
      const readAgain = again.map((file) => this.index.addHTMLFile({ sourcePath: file, content: readFileSync(path.join(this.siteDir, file), 'utf8') }));
      const outputPath = partOutputPath(this.siteDir, this.part.number);
      const writing = this.index.writeFiles({ outputPath });
      writing.catch(() => {});
      for (const [i, added] of (await Promise.all(readAgain)).entries()) check(`index ${again[i]} again`, added.errors);
      const written = await writing;
      check(`write the index to ${outputPath}`, written.errors);
      if (this.part.number > 0) await keepMergedPartFiles(outputPath);
      const pageCount = await indexedPageCount(outputPath);
      if (pageCount === 0) {
        throw new SearchIndexError('index the site', [`no page of search part ${this.part.number} has searchable content (pages mark it with data-pagefind-body)`]);
      }
      return { pageCount };
    } finally {
      await this.delete();
    }
  }

  /** Drops the index from Pagefind's service. */
  async delete(): Promise<void> {
    await this.index.deleteIndex();
  }
}

/** Ends this process's Pagefind service, if one was started. */
export async function closeSearchService(): Promise<void> {
  await pagefind.close();
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
  /** Parts of those whose pages Pagefind began reading before they were final (`EarlyReadings`). */
  partsReadEarly: number;
}

/** A search index under way: the parts reused are back in the site, Pagefind is reading the others. */
export interface SearchIndexRun {
  /** Writes the parts Pagefind is reading (and saves them), closes Pagefind, and writes the manifest. */
  finished: Promise<SearchIndexResult>;
}

/**
 * Parts whose pages Pagefind began reading before they were final (src/build/search-ahead.ts).
 * `take` hands over the reader begun on exactly this part's files, with those of its files written
 * since it began, or gives undefined; `discard` deletes the readers not taken.
 */
export interface EarlyReadings {
  take(part: SearchPart): Promise<{ reader: PartReader; writtenSince: string[] } | undefined>;
  discard(): Promise<void>;
}

export interface SearchIndexOptions {
  pagesPerPart?: number;
  cache?: SearchPartCache;
  early?: EarlyReadings;
}

interface WrittenPart {
  result: SearchPartResult;
  readEarly: boolean;
}

/**
 * Starts the search index of the site's `searchable` pages (paths below `siteDir`), replacing any
 * index there: each part the cache can put back is put back, each part read early is taken over,
 * and Pagefind is set reading every other part at once (they queue in its process, so it is never
 * idle waiting for this thread).
 */
export async function startSearchIndex(siteDir: string, searchable: readonly string[], options: SearchIndexOptions = {}): Promise<SearchIndexRun> {
  const parts = searchParts(searchable, options.pagesPerPart);
  // New files, never the old ones rewritten in place: the last index may be hard-linked into the cache.
  await rm(path.join(siteDir, SEARCH_FOLDER), { recursive: true, force: true });
  const total: SearchIndexResult = { pageCount: 0, parts: parts.length, partsReused: 0, pagesIndexed: 0, partsReadEarly: 0 };
  const changed: SearchPart[] = [];
  for (const part of parts) {
    const reused = await options.cache?.reuse(part, parts.length);
    if (reused) {
      total.pageCount += reused.pageCount;
      total.partsReused++;
    } else changed.push(part);
  }
  const writers: (() => Promise<WrittenPart>)[] = [];
  try {
    for (const part of changed) {
      const early = await options.early?.take(part);
      if (early) writers.push(() => finishEarly(siteDir, early));
      else {
        const reader = await PartReader.start(siteDir, part);
        writers.push(async () => ({ result: await reader.finish(), readEarly: false }));
      }
    }
    await options.early?.discard();
  } catch (error) {
    await options.early?.discard();
    await closeSearchService();
    throw error;
  }
  const finished = (async () => {
    // Every part settles before Pagefind is closed, failed or not: a request made after close()
    // (a part still being written) would start a Pagefind service that nothing closes.
    const written = await Promise.allSettled(
      changed.map(async (part, i) => {
        const writtenPart = await writers[i]!();
        await options.cache?.save(part, parts.length, writtenPart.result);
        return writtenPart;
      }),
    );
    await closeSearchService();
    for (const outcome of written) {
      if (outcome.status === 'rejected') throw outcome.reason;
      total.pageCount += outcome.value.result.pageCount;
      total.pagesIndexed += outcome.value.result.pageCount;
      if (outcome.value.readEarly) total.partsReadEarly++;
    }
    await writePartsManifest(siteDir, parts);
    return total;
  })();
  // Until the caller awaits it, a failure waits there to be reported.
  finished.catch(() => {});
  return { finished };
}

/**
 * A part read early, finished with its pages written since read again; or, when Pagefind could not
 * read the pages as they were then (one caught half-written and refused), the part read afresh.
 */
async function finishEarly(siteDir: string, { reader, writtenSince }: { reader: PartReader; writtenSince: string[] }): Promise<WrittenPart> {
  try {
    await reader.read();
  } catch {
    await reader.delete();
    return { result: await (await PartReader.start(siteDir, reader.part)).finish(), readEarly: false };
  }
  return { result: await reader.finish(writtenSince), readEarly: true };
}

/** Indexes the searchable ones of the site's `htmlFiles` (paths below `siteDir`), whole, replacing any index there. */
export async function buildSearchIndex(siteDir: string, htmlFiles: readonly string[], pagesPerPart?: number): Promise<SearchIndexResult & { fileCount: number }> {
  if (htmlFiles.length === 0) throw new SearchIndexError('index the site', [`no HTML pages found in ${siteDir}`]);
  const searchable = htmlFiles.filter((file) => isSearchable(readFileSync(path.join(siteDir, file))));
  const result = await (await startSearchIndex(siteDir, searchable, { pagesPerPart })).finished;
  return { ...result, fileCount: htmlFiles.length };
}
