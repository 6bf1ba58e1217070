/**
 * An on-disk cache of parsed documents, so a rebuild after editing one file re-parses one file.
 * An entry is reused only when the document, every include it pulled in, the options and the
 * pipeline's own source code are byte-for-byte what they were, and each glossary term it looked up
 * stands for the same (a glossary edit re-parses only the documents that use the terms it touched).
 *
 * All entries live in one file (a JSON line per document), read whole and replaced whole: a load
 * returns every document anyway, and creating a thousand small files cost a parser thread ~0.2–1.4 s
 * of system time on this machine (ext4 slows down creating files where many were just deleted).
 *
 * A document's HTML — 7.8 of the file's 13 MB at 1,000 documents — follows its entry on the same
 * line after a tab (which JSON text never holds unescaped), and is decoded only when something
 * reads it: `rolebook check` never does, Astro only for the pages it renders. The document keeps the
 * hash of those bytes (`htmlHash`), checked as the file is read: a damaged line is a miss, never wrong HTML.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedFile, RenderedDocument } from '../model/rendered.ts';
import type { GlossaryEntry, Problem } from '../model/schemas.ts';
import { readJsonLines, writeJsonLines } from './json-lines.ts';

const CACHE_FORMAT = 4;

/**
 * Every cache a build keeps lives below one folder, so that deleting it means the next build is a
 * clean one: `node_modules/.cache/rolebook` of the project, or `ROLEBOOK_CACHE_DIR` (tests and the
 * benchmark give each site its own; CI restores and saves it between runs).
 */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/rolebook';

export function cacheRoot(projectRoot: string = process.cwd()): string {
  return path.resolve(projectRoot, process.env.ROLEBOOK_CACHE_DIR || DEFAULT_CACHE_DIR);
}

/** One subfolder per step that reuses work, inside `cacheRoot()`. */
export const CACHE_FOLDERS = {
  /** Parsed documents (this file). */
  parse: 'parse',
  /** Astro's cacheDir: Vite's files and the incremental build's manifest and copies of pages. */
  astro: 'astro',
  /** What the output check found on each page, by the page's bytes (src/build/output-cache.ts). */
  outputCheck: 'output-check',
  /** The last Pagefind index and what it was built from (src/build/search-cache.ts). */
  search: 'search',
} as const;

/** What the last build did and how long each step took (src/build/stats.ts); outside the published folder. */
export const BUILD_STATS_FILE = 'build-stats.json';

/**
 * Set by `rolebook build` for the steps it runs in other processes (`rolebook check`, `astro build`):
 * a folder where each writes `<step>.json` with what it did, collected into `BUILD_STATS_FILE`.
 */
export const STEP_STATS_VARIABLE = 'ROLEBOOK_STEP_STATS';

/** Writes what one step did for `rolebook build`, when it asked (else nothing); never fails the step. */
export function writeStepStats(step: string, stats: Record<string, unknown>): void {
  const folder = process.env[STEP_STATS_VARIABLE];
  if (!folder) return;
  try {
    writeFileSync(path.join(folder, `${step}.json`), JSON.stringify(stats));
  } catch {
    // Only the log and the benchmark miss this step's counts.
  }
}

/**
 * Replaces `file` with `text` whole (a temporary file renamed, its folder made first), so that no
 * reader ever sees half of it. For the build's caches, which only save time: a write that fails
 * returns false, never an error.
 */
export function replaceCacheFile(file: string, text: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

const ENTRIES_FILE = 'documents.jsonl';
const GLOSSARY_FILE = 'glossary.json';
/** Caches of other pipeline versions or options are removed once unused for this long. */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface CacheEntry {
  /** Hash of the document's bytes. */
  hash: string;
  /** Hash of each include's bytes at the time of parsing. */
  includes: Record<string, string>;
  parsed: ParsedFile;
}

export function hashBytes(bytes: Uint8Array | string): string {
  // The one-shot hash: half the time of createHash().update().digest() over a site's pages.
  return hash('sha1', bytes);
}

/** What reading the glossary gave, kept with the hash of each of its files (src/content/load-from-cache.ts). */
export interface KeptGlossary {
  files: Record<string, string>;
  entries: GlossaryEntry[];
  problems: Problem[];
}

/**
 * Hash of the code that turns markdown into models, read from the project checkout; undefined
 * where the sources are not beside us (then nothing is cached, which is always correct).
 */
export function pipelineFingerprint(projectRoot: string): string | undefined {
  const folders = ['plugins', 'src/content', 'src/model'].map((folder) => path.join(projectRoot, folder));
  if (!folders.every((folder) => existsSync(folder))) return undefined;
  const hash = createHash('sha1').update(String(CACHE_FORMAT));
  for (const folder of folders) {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

export class DocumentCache {
  /** This pipeline's and options' own folder inside the cache root. */
  readonly folder: string;
  private entries: Map<string, CacheEntry> | undefined;
  /** Each stored entry's line in the file: an entry reused as it is is written back unchanged. */
  private readonly lines = new Map<string, Uint8Array>();
  private readonly existing = new Map<string, boolean>();

  /**
   * `key` covers the pipeline code and options. Other keys' folders may belong to a build running
   * beside this one (another base path, say), so only long-unused ones are removed.
   */
  constructor(root: string, key: string) {
    const name = key.slice(0, 16);
    this.folder = path.join(root, name);
    if (existsSync(root) && !existsSync(this.folder)) {
      for (const other of readdirSync(root)) {
        const folder = path.join(root, other);
        try {
          if (Date.now() - statSync(folder).mtimeMs > STALE_AFTER_MS) rmSync(folder, { recursive: true, force: true });
        } catch {
          // Removed by someone else meanwhile.
        }
      }
    }
  }

  /** Every stored entry by document path; a missing or damaged file is an empty cache. */
  private stored(): Map<string, CacheEntry> {
    if (this.entries) return this.entries;
    this.entries = readJsonLines(path.join(this.folder, ENTRIES_FILE), this.lines, readEntryLine);
    return this.entries;
  }

  /**
   * The cached entry for `file` if it and its includes are unchanged, each document it links to is
   * still there (or still missing), and each word it looked up in the glossary finds the same expansion
   * (or still none) in `expansionOf`.
   */
  get(
    file: string,
    hash: string,
    readHash: (include: string) => string | undefined,
    expansionOf: (term: string) => string | null,
  ): CacheEntry | undefined {
    const entry = this.stored().get(file);
    if (!entry || entry.hash !== hash) return undefined;
    for (const [include, includeHash] of Object.entries(entry.includes)) {
      if (readHash(include) !== includeHash) return undefined;
    }
    for (const [target, existed] of Object.entries(entry.parsed.linkTargets ?? {})) {
      if (this.exists(target) !== existed) return undefined;
    }
    for (const [term, expansion] of Object.entries(entry.parsed.glossaryLookups ?? {})) {
      if (expansionOf(term) !== expansion) return undefined;
    }
    return entry;
  }

  /**
   * Keeps what the glossary's files gave, unless that is already what is kept. Like the entries, a
   * write that fails is skipped: the next load reads the glossary from its files.
   */
  keepGlossary(glossary: KeptGlossary): void {
    const text = JSON.stringify(glossary);
    const file = path.join(this.folder, GLOSSARY_FILE);
    try {
      if (readFileSync(file, 'utf8') === text) return;
    } catch {
      // Not kept yet.
    }
    // A write that fails only costs the next load its parse of the glossary.
    replaceCacheFile(file, text);
  }

  /**
   * The glossary kept by the last load that read it, if its files are exactly `files` (paths and
   * hashes); a missing or damaged file is none.
   */
  keptGlossary(files: Record<string, string>): Pick<KeptGlossary, 'entries' | 'problems'> | undefined {
    let kept: unknown;
    try {
      kept = JSON.parse(readFileSync(path.join(this.folder, GLOSSARY_FILE), 'utf8'));
    } catch {
      return undefined;
    }
    if (!isKeptGlossary(kept) || !sameRecord(kept.files, files)) return undefined;
    return { entries: kept.entries, problems: kept.problems };
  }

  /** Whether a linked document exists, looked up once per load however many documents link to it. */
  private exists(target: string): boolean {
    let found = this.existing.get(target);
    if (found === undefined) this.existing.set(target, (found = existsSync(target)));
    return found;
  }

  /** A new entry for a fresh parse of `file` (whose bytes hash to `hash`), with its includes' hashes. */
  static entry(hash: string, parsed: ParsedFile, hashOf: (include: string) => string | undefined): CacheEntry {
    return { hash, includes: Object.fromEntries(parsed.includes.map((include) => [include, hashOf(include) ?? ''])), parsed };
  }

  /** Whether the stored entries are exactly `files` (nothing to write after a load that parsed nothing). */
  holdsExactly(files: readonly string[]): boolean {
    const stored = this.stored();
    return stored.size === files.length && files.every((file) => stored.has(file));
  }

  /**
   * Replaces the stored entries with `entries` (the documents of this load: entries of deleted
   * documents go). Written to a temporary file and renamed, so a build stopped half-way never
   * leaves a torn cache. The cache only saves time: a write that fails (full disk, read-only
   * folder) is skipped, never an error.
   */
  async save(entries: ReadonlyMap<string, CacheEntry>): Promise<void> {
    const stored = this.stored();
    const storedLine = (file: string, entry: CacheEntry) => (stored.get(file) === entry ? this.lines.get(file) : undefined) ?? entryLine(file, entry);
    if (await writeJsonLines(path.join(this.folder, ENTRIES_FILE), entries, storedLine)) {
      this.entries = new Map(entries);
      // The lines of the new entries are not at hand; those of the old ones are still right.
      for (const file of this.lines.keys()) if (stored.get(file) !== entries.get(file)) this.lines.delete(file);
    }
  }
}

function isKeptGlossary(value: unknown): value is KeptGlossary {
  if (typeof value !== 'object' || value === null) return false;
  const { files, entries, problems } = value as Record<string, unknown>;
  return (
    typeof files === 'object' && files !== null && !Array.isArray(files) &&
    Array.isArray(entries) && entries.every(isGlossaryEntry) &&
    Array.isArray(problems) && problems.every(isProblem)
  );
}

function isGlossaryEntry(value: unknown): value is GlossaryEntry {
  const entry = value as Partial<GlossaryEntry> | null;
  return typeof entry?.term === 'string' && typeof entry.expansion === 'string' && ['string', 'undefined'].includes(typeof entry.description);
}

function isProblem(value: unknown): value is Problem {
  const problem = value as Partial<Problem> | null;
  return (
    typeof problem?.file === 'string' && typeof problem.message === 'string' && typeof problem.ruleId === 'string' &&
    Number.isInteger(problem.line) && Number.isInteger(problem.column) && (problem.severity === 'error' || problem.severity === 'warning')
  );
}

function sameRecord(a: Record<string, unknown>, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((key) => a[key] === b[key]);
}

const TAB = 0x09;

/** An entry's line: its JSON, then its document's HTML as a JSON string after a tab (see above). */
function entryLine(file: string, entry: CacheEntry): Uint8Array {
  const document = entry.parsed.document;
  if (!document) return Buffer.from(JSON.stringify([file, entry]));
  const { html, ...rest } = document;
  const head = JSON.stringify([file, { ...entry, parsed: { ...entry.parsed, document: rest } }]);
  const htmlText = Buffer.from(JSON.stringify(html));
  return Buffer.concat([Buffer.from(head), Buffer.from([TAB]), htmlText]);
}

/**
 * An entry's line as `readJsonLines` reads it (see `entryLine`): left out when its HTML does not
 * hash as its entry says, so a damaged line is a miss for that document alone.
 */
function readEntryLine(bytes: Buffer, start: number, end: number): [string, CacheEntry] | undefined {
  const tab = bytes.indexOf(TAB, start);
  const headEnd = tab === -1 || tab > end ? end : tab;
  const [key, entry] = JSON.parse(bytes.toString('utf8', start, headEnd)) as [string, CacheEntry];
  const document = entry.parsed.document;
  if (!document) return [key, entry];
  const htmlText = bytes.subarray(Math.min(headEnd + 1, end), end);
  if (headEnd === end || document.htmlHash !== hashBytes(htmlText)) return undefined;
  readHtmlWhenAsked(document, htmlText);
  return [key, entry];
}

/**
 * Gives `document` an `html` that decodes `htmlText` the first time it is read. Enumerable, like
 * the plain field it stands for; a copy that keeps it unread must copy its descriptor
 * (src/content/catalog.ts), a spread reads it.
 */
function readHtmlWhenAsked(document: Omit<RenderedDocument, 'html'>, htmlText: Uint8Array): void {
  let html: string | undefined;
  Object.defineProperty(document, 'html', {
    enumerable: true,
    configurable: true,
    get: () => (html ??= JSON.parse(Buffer.from(htmlText.buffer, htmlText.byteOffset, htmlText.byteLength).toString('utf8')) as string),
  });
}
