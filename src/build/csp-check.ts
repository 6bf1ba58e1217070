/**
 * After the build: every page must carry the Content-Security-Policy Astro writes (see
 * src/integrations/csp.ts), and the host gets `_headers` with what a meta tag cannot carry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HEADERS_FILE } from '../integrations/csp.ts';

const CSP_META = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;

/** Whether a built page carries the policy. */
export function hasPolicy(html: string): boolean {
  return CSP_META.test(html);
}

/** Collects pages without the policy; fed each built page by the link check's single read. */
export class CspCheck {
  pageCount = 0;
  readonly missing: string[] = [];

  inspect = (file: string, html: string): void => {
    this.record(file, hasPolicy(html));
  };

  /** The verdict on one page, found now or in an earlier build for the same bytes. */
  record(file: string, policed: boolean): void {
    this.pageCount++;
    if (!policed) this.missing.push(file);
  }

  /** The error to stop the build with, if any page lacks the policy. */
  problem(): string | undefined {
    if (this.missing.length === 0) return undefined;
    return (
      `These pages have no Content-Security-Policy, so hostile content on them would not be contained: ${[...this.missing].sort().join(', ')}. ` +
      'Build them as Astro pages (not plain HTML in public/) so Astro adds the policy.'
    );
  }
}

/**
 * Writes `_headers` unless the site already has one from `public/`; returns a warning then, since
 * the two would need merging by hand.
 */
export async function writeSecurityHeaders(outDir: string): Promise<string | undefined> {
  const headersFile = path.join(outDir, '_headers');
  // Ours from an earlier run over the same folder is fine; anything else came from public/.
  if (existsSync(headersFile) && readFileSync(headersFile, 'utf8') !== HEADERS_FILE) {
    return 'public/_headers exists, so Rolebook did not write its own security headers; merge them by hand (see src/integrations/csp.ts).';
  }
  await writeFile(headersFile, HEADERS_FILE);
  return undefined;
}
