/**
 * Which files make the glossary. Apart from the glossary's parser (src/content/glossary.ts) so that
 * a load from the parse cache can tell whether the glossary it kept is still the one in the folder
 * without loading a markdown parser (src/content/load-from-cache.ts).
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from './cache.ts';

/** Folder below the content root that holds the glossary files. */
export const GLOSSARY_FOLDER = 'glossary';

/** The glossary's files, as absolute paths in the order they are read; none when there is no folder. */
export async function glossaryFiles(contentRoot: string): Promise<string[]> {
  const folder = path.join(contentRoot, GLOSSARY_FOLDER);
  try {
    return (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
      .map((entry) => path.join(folder, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The hash of each glossary file's bytes, by path: what the glossary kept beside the parse cache is checked against. */
export async function glossaryFileHashes(contentRoot: string): Promise<Record<string, string>> {
  return Object.fromEntries((await glossaryFiles(contentRoot)).map((file) => [file, hashBytes(readFileSync(file))]));
}
