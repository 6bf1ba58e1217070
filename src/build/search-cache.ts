/**
 * Reuse of the search index. Pagefind (1.x) has no incremental mode: its word index and filters are
 * built over all pages at once, so one changed page means indexing every page again. What it does
 * allow is reusing a whole index: Pagefind reads only the HTML files, and the same files give the
 * same index, so when no HTML file changed the last build's `pagefind/` folder is put back (hard links
 * where the file system has them: the index is never rewritten in place, see src/site/search-index.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchIndexResult } from '../site/search-index.ts';
import { filesBelow, linkFolder } from './files-below.ts';
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
  /** Each file of the saved index with its size in bytes: `[path, size]`, sorted by path. */
  files: [string, number][];
}

/**
 * The index's files and their sizes. A saved index with a file missing, added, cut short or grown
 * (a copy interrupted, a disk that filled up, something that wrote into the published folder,
 * whose files are the saved ones' hard links) is not put back: the site would publish a search
 * that fails. Sizes rather than hashes: a stat per file is ≈ 7 ms for the 1,075 files of a
 * 1,000-document site's index, and the list is the one the files are then linked from; bytes
 * changed in place at the same size are not caught.
 */
function indexFiles(folder: string, files: readonly string[] = filesBelow(folder)): [string, number][] {
  return files.map((file) => [file, statSync(path.join(folder, ...file.split('/'))).size]);
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
  const saved = indexFiles(path.join(cacheFolder, INDEX_FOLDER));
  if (JSON.stringify(saved) !== JSON.stringify(stored.files)) return undefined;
  const outputPath = path.join(siteDir, INDEX_FOLDER);
  await rm(outputPath, { recursive: true, force: true });
  linkFolder(path.join(cacheFolder, INDEX_FOLDER), outputPath, saved.map(([file]) => file));
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
    // Listed once: linked from this list, and the saved copies' sizes recorded for it.
    const files = filesBelow(result.outputPath);
    linkFolder(result.outputPath, path.join(cacheFolder, INDEX_FOLDER), files);
    const stored: Stored = { key, result: { fileCount: result.fileCount, pageCount: result.pageCount }, files: indexFiles(path.join(cacheFolder, INDEX_FOLDER), files) };
    await writeFile(keyFile, JSON.stringify(stored));
  } catch {
    await rm(keyFile, { force: true });
  }
}
