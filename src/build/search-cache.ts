/**
 * Reuse of the search index. Pagefind (1.x) has no incremental mode: its word index and filters are
 * built over all pages at once, so one changed page means indexing every page again. What it does
 * allow is reusing a whole index: Pagefind reads only the HTML files, and the same files give the
 * same index, so when no HTML file changed the last build's `pagefind/` folder is put back (hard links
 * where the file system has them: the index is never rewritten in place, see src/site/search-index.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchIndexResult } from '../site/search-index.ts';
import { linkFolder } from './files-below.ts';
import { hashBytes } from '../content/cache.ts';

const INDEX_FOLDER = 'pagefind';
const KEY_FILE = 'key.json';

/** The Pagefind version and our options (in src/site/search-index.ts) make the index too. */
function indexerVersion(): string {
  // pagefind exports only its entry (lib/index.js); its package.json is one folder up.
  const pagefindManifest = new URL('../package.json', import.meta.resolve('pagefind'));
  const ours = new URL('../site/search-index.ts', import.meta.url);
  return hashBytes(readFileSync(pagefindManifest, 'utf8') + readFileSync(ours, 'utf8'));
}

/** What the index is built from: every HTML file of the site, by path and bytes. */
export function searchIndexKey(htmlHashes: ReadonlyMap<string, string>): string {
  const files = [...htmlHashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hashBytes(JSON.stringify([indexerVersion(), files]));
}

interface Stored {
  key: string;
  result: Omit<SearchIndexResult, 'outputPath'>;
}

/** Puts the last index into `siteDir` when it was built from the same files; else undefined. */
export async function reuseSearchIndex(cacheFolder: string, key: string, siteDir: string): Promise<SearchIndexResult | undefined> {
  const keyFile = path.join(cacheFolder, KEY_FILE);
  if (!existsSync(keyFile)) return undefined;
  let stored: Stored;
  try {
    stored = JSON.parse(await readFile(keyFile, 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored.key !== key || !existsSync(path.join(cacheFolder, INDEX_FOLDER))) return undefined;
  const outputPath = path.join(siteDir, INDEX_FOLDER);
  await rm(outputPath, { recursive: true, force: true });
  linkFolder(path.join(cacheFolder, INDEX_FOLDER), outputPath);
  return { ...stored.result, outputPath };
}

/** Keeps the index just written (linked, see `linkFolder`) for the next build; a failed save only costs time. */
export async function saveSearchIndex(cacheFolder: string, key: string, result: SearchIndexResult): Promise<void> {
  const keyFile = path.join(cacheFolder, KEY_FILE);
  try {
    // The key goes last: a copy stopped half-way is never taken for a whole one.
    await rm(keyFile, { force: true });
    await rm(path.join(cacheFolder, INDEX_FOLDER), { recursive: true, force: true });
    await mkdir(cacheFolder, { recursive: true });
    linkFolder(result.outputPath, path.join(cacheFolder, INDEX_FOLDER));
    const stored: Stored = { key, result: { fileCount: result.fileCount, pageCount: result.pageCount } };
    await writeFile(keyFile, JSON.stringify(stored));
  } catch {
    await rm(keyFile, { force: true });
  }
}
