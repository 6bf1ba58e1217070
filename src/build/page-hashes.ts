/**
 * Each built HTML page's hash and whether search indexes it, which the output check and the search
 * index's parts are keyed by (src/build/finish.ts). A page is read and hashed only when it is not
 * the very file the last build hashed: the last build's record is reused for a file with the same
 * device, inode, size and modification time. Since session 14 the pages Astro reuses are hard links
 * to its own copies, the same inodes build after build, and Astro writes a page it renders again in
 * place, which sets its modification time; so a rebuild reads the pages Astro wrote, not every page
 * (1,012 pages, 31 MB at 1,000 documents: ≈ 0.2 s on the path the rebuild waits for).
 *
 * A file's modification time comes from a clock that advances in ticks of a few milliseconds, so a
 * file written again within the tick of its last write would keep its time. As git does with its
 * index, a file modified less than `RACY_MS` before it is hashed is recorded without its identity:
 * the next build reads it again (in a rebuild, the few pages Astro has just rendered).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FOLDERS, hashBytes, replaceCacheFile } from '../content/cache.ts';
import { isSearchable } from '../site/search-index.ts';

const RECORD_VERSION = 2;

/** Files modified this recently when hashed are read again next time (see above). */
const RACY_MS = 2000n;

/** The record, in the output check's folder of the build cache `cacheDir` (`cacheRoot()`): the last step writes it, a rebuild's early search reading reads it. */
export function pageHashesFile(cacheDir: string): string {
  return path.join(cacheDir, CACHE_FOLDERS.outputCheck, 'page-hashes.json');
}

/**
 * A page as last hashed: the file's identity (`dev:ino:size:mtimeNs`; empty for a file modified
 * too recently to be trusted, which is read again next time), its hash, whether it is searchable.
 * Every page of the build is recorded, so the record also says which pages it published.
 */
type PageRecord = [identity: string, hash: string, searchable: boolean];

export interface PageHashes {
  /** Every HTML file (`/`-separated path below the site folder) with a hash of its bytes. */
  htmlHashes: Map<string, string>;
  /** Those search indexes, in `files` order. */
  searchable: string[];
  /** Pages read and hashed in this build (the rest were the files hashed last time). */
  read: number;
}

/** Hashes the HTML files among `files` (below `outDir`), reusing `recordFile`'s hashes of unchanged files, and records them there. */
export function hashPages(outDir: string, files: readonly string[], recordFile: string): PageHashes {
  const last = readRecord(recordFile);
  const next: Record<string, PageRecord> = {};
  const htmlHashes = new Map<string, string>();
  const searchable: string[] = [];
  let read = 0;
  const recentSince = racySince();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const identity = fileIdentity(path.join(outDir, file), recentSince);
    let record = last[file];
    if (!record || identity === '' || record[0] !== identity) {
      // Synchronous reads: a thousand small files read faster than through the thread pool one by one.
      const bytes = readFileSync(path.join(outDir, file));
      record = [identity, hashBytes(bytes), isSearchable(bytes)];
      read++;
    }
    next[file] = record;
    htmlHashes.set(file, record[1]);
    if (record[2]) searchable.push(file);
  }
  // A write that fails only costs the next build its reads.
  replaceCacheFile(recordFile, JSON.stringify({ version: RECORD_VERSION, pages: next }));
  return { htmlHashes, searchable, read };
}

/** The time before which a file's modification time can be trusted (see RACY_MS), in nanoseconds. */
export function racySince(): bigint {
  return BigInt(Date.now()) * 1_000_000n - RACY_MS * 1_000_000n;
}

/**
 * A file's identity (`dev:ino:size:mtimeNs`): the same while nothing writes it. Empty for a file
 * modified after `recentSince`, which a write in the same clock tick could change unseen.
 */
export function fileIdentity(file: string, recentSince: bigint): string {
  const stats = statSync(file, { bigint: true });
  return stats.mtimeNs < recentSince ? `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}` : '';
}

/** The searchable pages the last build published, as its record says (sorted), or undefined without one. */
export function lastSearchablePages(recordFile: string): string[] | undefined {
  const pages = Object.entries(readRecord(recordFile));
  return pages.length === 0 ? undefined : pages.filter(([, record]) => record[2]).map(([file]) => file).sort();
}

function readRecord(file: string): Record<string, PageRecord> {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; pages?: unknown };
    if (record.version !== RECORD_VERSION || typeof record.pages !== 'object' || record.pages === null) return {};
    const pages: Record<string, PageRecord> = {};
    for (const [page, value] of Object.entries(record.pages)) if (isPageRecord(value)) pages[page] = value;
    return pages;
  } catch {
    // None yet, or damaged: every page is read.
    return {};
  }
}

function isPageRecord(value: unknown): value is PageRecord {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'string' && typeof value[2] === 'boolean';
}
