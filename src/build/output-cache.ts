/**
 * The output check's per-page work, reused by the page's bytes: what a page links to, the ids it
 * has and whether it carries the Content-Security-Policy depend on nothing but its bytes, so a page
 * unchanged since the last build is not scanned again. (Whether its links resolve depends on the
 * other pages, so that is checked every time, from these results.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hasPolicy, type CspCheck } from './csp-check.ts';
import { scanPage, type BuiltPage, type Reference } from './link-check.ts';
import { PageResults, hashText } from './page-results.ts';

interface ScannedPage {
  ids: string[];
  references: Reference[];
  policy: boolean;
}

const RESULTS_FILE = 'pages.jsonl';

/** The scanning code: results of other code are never reused. */
function scannerVersion(): string {
  const sources = ['./link-check.ts', './csp-check.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'));
  return hashText(sources.join('\n'));
}

export class OutputScanCache {
  private readonly results: PageResults<ScannedPage>;
  private readonly htmlHashes: ReadonlyMap<string, string>;
  private readonly csp: CspCheck;

  /** `htmlHashes`: each page's bytes hashed once for the whole finishing step (src/build/finish.ts). */
  constructor(folder: string, htmlHashes: ReadonlyMap<string, string>, csp: CspCheck) {
    this.htmlHashes = htmlHashes;
    this.csp = csp;
    this.results = new PageResults(path.join(folder, RESULTS_FILE), scannerVersion());
  }

  /** For `checkLinks`: the page's scan, and its CSP verdict recorded. */
  scan = (file: string, html: string): BuiltPage => {
    const scanned = this.results.get(this.htmlHashes.get(file) ?? hashText(html), () => {
      const page = scanPage(html);
      return { ids: [...page.ids], references: page.references, policy: hasPolicy(html) };
    });
    this.csp.record(file, scanned.policy);
    return { ids: new Set(scanned.ids), references: scanned.references };
  };

  counts(): { scanned: number; reused: number } {
    return { scanned: this.results.computed, reused: this.results.reused };
  }

  save(): Promise<void> {
    return this.results.save();
  }
}
