/**
 * The Rolebook checkout this module belongs to, where the parser thread's module and the pipeline
 * sources (hashed into the cache key) live. Found from the module itself, not `process.cwd()`, so
 * `rolebook check DIR` run from another folder still parses on two threads and uses the cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'rolebook';

function isRolebookCheckout(folder: string): boolean {
  const manifest = path.join(folder, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * Walks up from `start` to the folder holding Rolebook's package.json. Astro bundles this module
 * into a chunk below its output folder, which a test may put outside the checkout: then the
 * build's working folder, which Astro requires to be the project, is the answer.
 */
export function findProjectRoot(start: string, fallback: string = process.cwd()): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (isRolebookCheckout(folder)) return folder;
    if (path.dirname(folder) === folder) return fallback;
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
