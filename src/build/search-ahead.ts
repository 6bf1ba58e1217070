/**
 * The search index read ahead. After a one-document change the changed page's search part is the
 * longest job left once Astro has ended (≈ 1 s of Pagefind reading some 365 pages at 1,000
 * documents), while Astro itself leaves part of the second core idle. So, once the check has
 * passed, the part of each page whose document the check parsed again is handed to Pagefind at
 * once, read from the pages the last build left in the output folder, beside Astro. When the last
 * step comes to that part and its pages are the same files, only the pages written since (those
 * Astro rendered) are read again, each in its place (src/site/search-index.ts: `PartReader`), and
 * the part is written; otherwise the early reading is dropped and the part read as usual.
 *
 * "Written since" is decided by each file's identity (device, inode, size, modification time),
 * taken before Pagefind could read the file: a page with the same identity after Astro is the
 * bytes Pagefind read. As for the built pages' hashes (src/build/page-hashes.ts), a file modified
 * within the last two seconds has no identity and is always read again.
 */
import os from 'node:os';
import path from 'node:path';
import { closeSearchService, PartReader, searchParts, type EarlyReadings, type SearchPart } from '../site/search-index.ts';
import { documentPath } from '../site/urls.ts';
import { fileIdentity, lastSearchablePages, racySince } from './page-hashes.ts';

/**
 * Parts read early at most. Reading a part takes ≈ 1.3 s of CPU (Pagefind reads on several
 * threads), which on two cores Astro partly gives up: more parts would slow Astro more than they
 * save after it, and a change that many parts see is no quick rebuild anyway.
 */
export const MAX_PARTS_READ_EARLY = 1;

export interface SearchAheadOptions {
  /** The output folder, as the last successful build left it (with the pages Astro will reuse). */
  siteDir: string;
  /** The built pages' record (src/build/page-hashes.ts), which says which pages the last build published. */
  recordFile: string;
  /** The documents the check parsed again. */
  parsedIds: readonly string[];
  pagesPerPart?: number;
}

/** The early readings, for the last step to take (`EarlyReadings`); `abandon` ends them when the build stops before it. */
export interface SearchAhead extends EarlyReadings {
  /** Settles once Pagefind has read the parts' pages (or could not): what a part taken then holds is the bytes of that moment. */
  read(): Promise<void>;
  abandon(): Promise<void>;
}

interface Reading {
  part: SearchPart;
  /** Each file's identity when the reading began ('' for none: read again whatever happens). */
  identities: string[];
  reader: Promise<PartReader | undefined>;
}

/** Starts reading the parts of the parsed documents' pages, or gives undefined when there is nothing worth reading early. */
export function startSearchAhead(options: SearchAheadOptions): SearchAhead | undefined {
  const parts = partsToReadEarly(options);
  if (!parts) return undefined;
  lowerPriority();
  const readings: Reading[] = parts.map((part) => {
    const since = racySince();
    // Taken before Pagefind is asked to read anything, so a write it could miss changes them.
    const identities = part.files.map((file) => identityOf(options.siteDir, file, since));
    const reader = PartReader.start(options.siteDir, part).catch(() => undefined);
    return { part, identities, reader };
  });
  // Each reading is taken or deleted once: a request after the service closed would start another.
  const handled = new Set<Reading>();
  const discard = async () => {
    const left = readings.filter((reading) => !handled.has(reading));
    left.forEach((reading) => handled.add(reading));
    await Promise.all(left.map(async (reading) => (await reading.reader)?.delete()));
  };
  return {
    async take(part) {
      const reading = readings.find((candidate) => !handled.has(candidate) && candidate.part.number === part.number && sameFiles(candidate.part.files, part.files));
      if (!reading) return undefined;
      handled.add(reading);
      const reader = await reading.reader;
      if (!reader) return undefined;
      const since = racySince();
      const writtenSince = part.files.filter((file, i) => {
        const identity = identityOf(options.siteDir, file, since);
        return identity === '' || identity !== reading.identities[i];
      });
      return { reader, writtenSince };
    },
    discard,
    async read() {
      await Promise.all(readings.map(async (reading) => (await reading.reader)?.read().catch(() => {})));
    },
    async abandon() {
      await discard();
      await closeSearchService();
    },
  };
}

/** The parts of the last build's searchable pages that hold a parsed document's page, when few enough. */
function partsToReadEarly({ recordFile, parsedIds, pagesPerPart }: SearchAheadOptions): SearchPart[] | undefined {
  if (parsedIds.length === 0) return undefined;
  const searchable = lastSearchablePages(recordFile);
  if (!searchable || searchable.length === 0) return undefined;
  const pages = new Set(parsedIds.map((id) => `${documentPath(id)}index.html`));
  const parts = searchParts(searchable, pagesPerPart).filter((part) => part.files.some((file) => pages.has(file)));
  return parts.length > 0 && parts.length <= MAX_PARTS_READ_EARLY ? parts : undefined;
}

/**
 * Lowers this thread's priority before the Pagefind service is started, which inherits it: Pagefind
 * then reads on the CPU Astro leaves idle rather than taking it from Astro. This thread only waits
 * for Astro meanwhile, and the last step lowers it anyway (src/build/finish.ts). Best effort.
 */
function lowerPriority(): void {
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here: Pagefind shares the CPU with Astro evenly.
  }
}

function identityOf(siteDir: string, file: string, since: bigint): string {
  try {
    return fileIdentity(path.join(siteDir, file), since);
  } catch {
    // Gone: read again (the part's files then differ, and the reading is not taken anyway).
    return '';
  }
}

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}
