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

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    // One language for the whole site, so a page without lang never gets an index of its own.
    // The parts of a document's full text that its page also shows structured (the skills list, the
    // Role Profile table: `data-structured`, set by the pipeline) are indexed once, in the structured
    // part, whose headings a result can lead to; indexed twice they counted double for a role guide.
    const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['[data-structured]'] });
    check('create an index', created.errors);
    const { index } = created;
    if (!index) throw new SearchIndexError('create an index', ['no index was returned']);

    const added = await index.addDirectory({ path: siteDir });
    check(`index the pages in ${siteDir}`, added.errors);
    if (added.page_count === 0) throw new SearchIndexError('index the site', [`no HTML pages found in ${siteDir}`]);

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
    return { fileCount: added.page_count, pageCount, outputPath };
  } finally {
    await pagefind.close();
  }
}
