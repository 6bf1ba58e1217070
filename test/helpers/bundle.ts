/**
 * What a built page makes the browser fetch before any interaction: its module scripts and
 * everything they import statically, and their gzip sizes (for the page-weight budgets).
 * Paths are site-relative, without the leading `/` (`_astro/x.js`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A module and everything it imports statically. */
export function staticClosure(outDir: string, url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const source = readFileSync(path.join(outDir, url), 'utf8');
  for (const match of source.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"`()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    staticClosure(outDir, path.posix.join(path.posix.dirname(url), match[1]!), seen);
  }
  return seen;
}

/** A built file's size after gzip at level 9. */
export const gzippedSize = (outDir: string, url: string): number => gzipSync(readFileSync(path.join(outDir, url)), { level: 9 }).length;
