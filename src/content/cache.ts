/**
 * An on-disk cache of parsed documents, so a rebuild after editing one file re-parses one file.
 * An entry is reused only when the document, every include it pulled in, the glossary, the options
 * and the pipeline's own source code are byte-for-byte what they were. One small file per
 * document keeps memory flat for very large content folders.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import path from 'node:path';
import type { ParsedFile } from './load.ts';

const CACHE_FORMAT = 2;
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
  return createHash('sha1').update(bytes).digest('hex');
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
  private folderMade: Promise<unknown> | undefined;

  /** The cache in `folder` as another thread of the same load opened it (no clean-up). */
  static at(folder: string): DocumentCache {
    return new DocumentCache(path.dirname(folder), path.basename(folder), false);
  }

  /**
   * `key` covers the pipeline code and options. Other keys' folders may belong to a build running
   * beside this one (another base path, say), so only long-unused ones are removed.
   */
  constructor(root: string, key: string, cleanUp = true) {
    const name = key.slice(0, 16);
    this.folder = path.join(root, name);
    if (cleanUp && existsSync(root) && !existsSync(this.folder)) {
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

  private entryFile(file: string): string {
    return path.join(this.folder, `${hashBytes(file)}.json`);
  }

  /** The cached result for `file` if it and its includes are unchanged. */
  get(file: string, hash: string, readHash: (include: string) => string | undefined): ParsedFile | undefined {
    let entry: CacheEntry;
    try {
      entry = JSON.parse(readFileSync(this.entryFile(file), 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
    if (entry.hash !== hash) return undefined;
    for (const [include, includeHash] of Object.entries(entry.includes)) {
      if (readHash(include) !== includeHash) return undefined;
    }
    return entry.parsed;
  }

  /**
   * Stores a fresh parse of `file` (whose bytes hash to `hash`) with the hashes of its includes.
   * The write happens on Node's I/O threads while the caller parses on: written synchronously, the
   * entries took a tenth of a parser thread's time.
   */
  store(file: string, hash: string, parsed: ParsedFile, hashOf: (include: string) => string | undefined): Promise<void> {
    const includes = Object.fromEntries(parsed.includes.map((include) => [include, hashOf(include) ?? '']));
    return this.set(file, { hash, includes, parsed });
  }

  /**
   * Writes atomically, so a build stopped half-way never leaves a torn entry. The cache only saves
   * time: a write that fails (full disk, read-only folder) is skipped, never an error.
   */
  async set(file: string, entry: CacheEntry): Promise<void> {
    const target = this.entryFile(file);
    const temporary = `${target}.${process.pid}.${threadId}.tmp`;
    try {
      this.folderMade ??= mkdir(this.folder, { recursive: true });
      await this.folderMade;
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, target);
    } catch {
      await rm(temporary, { force: true });
    }
  }
}
