/**
 * A cache of per-page results, keyed by a hash of the page's bytes (and of the code that computes
 * the result): a page whose bytes are what they were in the last build is not examined again.
 * One JSON-lines file, read whole and replaced whole, holding only the pages of the last build.
 */
import { hashBytes } from '../content/cache.ts';
import { readJsonLines, writeJsonLines } from '../content/json-lines.ts';

export class PageResults<T> {
  private readonly previous: Map<string, T>;
  private readonly next = new Map<string, T>();
  reused = 0;
  computed = 0;

  private readonly file: string;
  private readonly version: string;

  /** `version` covers the code computing `T`: results of other code are not read. */
  constructor(file: string, version: string) {
    this.file = file;
    this.version = version;
    this.previous = readJsonLines<T>(file);
  }

  private key(pageHash: string): string {
    return hashBytes(`${this.version}\n${pageHash}`);
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
    await writeJsonLines(this.file, this.next);
  }
}
