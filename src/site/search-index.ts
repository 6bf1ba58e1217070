/**
 * The one place Rolebook talks to Pagefind's Node API: index the built HTML, write the index
 * next to it, and fail loudly if Pagefind reports any error. The Pagefind service is always
 * closed, so a failed build does not leave its process running.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** HTML files Pagefind read. */
  fileCount: number;
  /** Pages in the index: those with a data-pagefind-body (the others are skipped by design). */
  pageCount: number;
  outputPath: string;
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

/** What the written index says it holds, summed over its languages. */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((total, language) => total + (language.page_count ?? 0), 0);
}

/** An index under way: Pagefind is reading the pages; `write()` finishes it, `cancel()` drops it. */
export interface SearchIndexing {
  /** Writes the index next to the pages and closes Pagefind. */
  write(): Promise<SearchIndexResult>;
  /** Closes Pagefind without writing anything. */
  cancel(): Promise<void>;
}

/**
 * Starts Pagefind on the built pages in `siteDir` at once. The build starts it before it knows
 * whether the last index can be reused, so that hashing the pages overlaps Pagefind's reading of
 * them; what it decides is `write()` or `cancel()`, and either closes the Pagefind service.
 */
export function startSearchIndex(siteDir: string): SearchIndexing {
  let cancelled = false;
  const added = addPages(siteDir, () => cancelled);
  // Until write() or cancel() is called, a failure waits there to be reported.
  added.catch(() => {});
  return {
    async write() {
      try {
        const { index, fileCount } = await added;
        const outputPath = path.join(siteDir, 'pagefind');
        // New files, never the old ones rewritten in place: the last index may be hard-linked into the
        // build cache (src/build/search-cache.ts).
        await rm(outputPath, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath });
        check(`write the index to ${outputPath}`, written.errors);
        const pageCount = await indexedPageCount(outputPath);
        if (pageCount === 0) {
          throw new SearchIndexError('index the site', ['no page has searchable content (pages mark it with data-pagefind-body)']);
        }
        return { fileCount, pageCount, outputPath };
      } finally {
        await pagefind.close();
      }
    },
    async cancel() {
      cancelled = true;
      // Closing answers Pagefind's pending request with an error, which `added` absorbs.
      await pagefind.close();
      await added.catch(() => {});
    },
  };
}

async function addPages(siteDir: string, cancelled: () => boolean): Promise<{ index: pagefind.PagefindIndex; fileCount: number }> {
  // One language for the whole site, so a page without lang never gets an index of its own.
  // The parts of a document's full text that its page also shows structured (the skills list, the
  // Role Profile table: `data-structured`, set by the pipeline) are indexed once, in the structured
  // part, whose headings a result can lead to; indexed twice they counted double for a role guide.
  const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['[data-structured]'] });
  check('create an index', created.errors);
  const { index } = created;
  if (!index) throw new SearchIndexError('create an index', ['no index was returned']);
  // A request after close() would start a new Pagefind service that nothing closes.
  if (cancelled()) throw new SearchIndexError('index the site', ['cancelled']);

  const added = await index.addDirectory({ path: siteDir });
  check(`index the pages in ${siteDir}`, added.errors);
  if (added.page_count === 0) throw new SearchIndexError('index the site', [`no HTML pages found in ${siteDir}`]);
  return { index, fileCount: added.page_count };
}

/** Indexes the built pages in `siteDir` and writes the index next to them. */
export function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  return startSearchIndex(siteDir).write();
}
