/**
 * Reads the glossary: every `*.md` file in `<content>/glossary/` (the format is described in
 * src/content/glossary-parse.ts). What the files give is kept in the parse cache's folder, keyed
 * by their paths and bytes, so a build whose documents all come from the cache needs no markdown
 * parser at all: `astro build` then never loads one (yaml, gray-matter, micromark: ≈ 200 of the
 * modules its config loaded; a one-change rebuild at 1,000 documents 0.3–0.4 s shorter). The check
 * and its parser thread still load the parser as they start (src/cli/check.ts says why).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from './cache.ts';
import { readJsonLines, writeJsonLines } from './json-lines.ts';
import type { Glossary, GlossaryFile } from './glossary-parse.ts';

/** Folder below the content root that holds the glossary files. */
export const GLOSSARY_FOLDER = 'glossary';

/** In the parse cache's folder for this pipeline, whose key covers the glossary's code too (src/content, plugins). */
const CACHE_FILE = 'glossary.jsonl';

interface StoredGlossary extends Glossary {
  key: string;
}

/** `cacheFolder`: the parse cache's folder (`DocumentCache.folder`); without it the files are parsed every time. */
export async function loadGlossary(contentRoot: string, options: { cacheFolder?: string } = {}): Promise<Glossary> {
  const folder = path.join(contentRoot, GLOSSARY_FOLDER);
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
    throw error;
  }
  const files: GlossaryFile[] = await Promise.all(
    names.map(async (name) => ({ file: path.join(folder, name), source: await readFile(path.join(folder, name), 'utf8') })),
  );
  if (!options.cacheFolder) return (await import('./glossary-parse.ts')).glossaryFromFiles(files);

  const cacheFile = path.join(options.cacheFolder, CACHE_FILE);
  const key = hashBytes(JSON.stringify(files.map(({ file, source }) => [file, hashBytes(source)])));
  const stored = readJsonLines<StoredGlossary>(cacheFile).get(GLOSSARY_FOLDER);
  if (stored?.key === key && Array.isArray(stored.entries) && Array.isArray(stored.problems)) {
    return { entries: stored.entries, problems: stored.problems };
  }
  const glossary = (await import('./glossary-parse.ts')).glossaryFromFiles(files);
  await writeJsonLines<StoredGlossary>(cacheFile, [[GLOSSARY_FOLDER, { key, ...glossary }]]);
  return glossary;
}
