/**
 * The output check's per-page work, reused by the page's bytes: what a page links to, the ids it
 * has and whether it carries the Content-Security-Policy depend on nothing but its bytes, so a page
 * unchanged since the last build is not scanned again. (Whether its links resolve depends on the
 * other pages, so that is checked every time, from these results.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPage, type PageFindings } from './link-check.ts';
import { hashBytes } from '../content/cache.ts';
import { PageResults } from './page-results.ts';

const RESULTS_FILE = 'pages.jsonl';

/** The code that reads a page: results of other code are never reused. */
function scannerVersion(): string {
  const sources = ['./link-check.ts', '../../plugins/lib/references.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'));
  return hashBytes(sources.join('\n'));
}

export class OutputScanCache {
  private readonly results: PageResults<PageFindings>;
  private readonly htmlHashes: ReadonlyMap<string, string>;

  /** `htmlHashes`: each page's bytes hashed once for the whole finishing step (src/build/finish.ts). */
  constructor(folder: string, htmlHashes: ReadonlyMap<string, string>) {
    this.htmlHashes = htmlHashes;
    this.results = new PageResults(path.join(folder, RESULTS_FILE), scannerVersion());
  }

  /** For `checkLinks`: the page's ids, references and CSP flag, read now or in an earlier build. */
  check = (file: string, read: () => Uint8Array): PageFindings =>
    this.results.get(this.htmlHashes.get(file) ?? hashBytes(read()), () => checkPage(read()));

  counts(): { scanned: number; reused: number } {
    return { scanned: this.results.computed, reused: this.results.reused };
  }

  save(): Promise<void> {
    return this.results.save();
  }
}
