/**
 * A cache of per-page results, keyed by a hash of the page's bytes (and of the code that computes
 * the result): a page whose bytes are what they were in the last build is not examined again.
 * One JSON-lines file, read whole and replaced whole, holding only the pages of the last build.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('hex');
}

export class PageResults<T> {
  private readonly previous = new Map<string, T>();
  private readonly next = new Map<string, T>();
  reused = 0;
  computed = 0;

  private readonly file: string;
  private readonly version: string;

  /** `version` covers the code computing `T`: results of other code are not read. */
  constructor(file: string, version: string) {
    this.file = file;
    this.version = version;
    try {
      const bytes = readFileSync(file);
      for (let start = 0; start < bytes.length; ) {
        const newline = bytes.indexOf(10, start);
        const end = newline === -1 ? bytes.length : newline;
        if (end > start) {
          const [hash, result] = JSON.parse(bytes.toString('utf8', start, end)) as [string, T];
          this.previous.set(hash, result);
        }
        start = end + 1;
      }
    } catch {
      this.previous.clear();
    }
  }

  private key(pageHash: string): string {
    return hashText(`${this.version}\n${pageHash}`);
  }

  /** The result for a page whose bytes hash to `pageHash`: the stored one, else `compute()`. */
  get(pageHash: string, compute: () => T): T {
    const key = this.key(pageHash);
    const stored = this.next.get(key) ?? this.previous.get(key);
    if (stored !== undefined) {
      this.reused++;
      this.next.set(key, stored);
      return stored;
    }
    this.computed++;
    const result = compute();
    this.next.set(key, result);
    return result;
  }

  /** Keeps this build's results for the next one; a failed write only costs the next build time. */
  async save(): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      const file = await open(temporary, 'w');
      try {
        let chunk: string[] = [];
        for (const entry of this.next) {
          chunk.push(`${JSON.stringify(entry)}\n`);
          if (chunk.length === 256) {
            await file.write(chunk.join(''));
            chunk = [];
          }
        }
        await file.write(chunk.join(''));
      } finally {
        await file.close();
      }
      await rename(temporary, this.file);
    } catch {
      await rm(temporary, { force: true });
    }
  }
}
