/**
 * `rolebook index [DIR]`: builds the Pagefind search index of a built site (default: the build's
 * output folder), whole. `rolebook build` writes its own index, reusing the last build's parts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { filesBelow } from '../build/files-below.ts';
import { outDir, searchPartSize } from '../config-file.ts';
import { SEARCH_FOLDER } from '../site/search-layout.ts';
import { buildSearchIndex } from '../site/search-index.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

export async function runIndex({ positionals }: ParsedOptions, io: Io): Promise<number> {
  if (positionals.length > 1) throw new UsageError('index takes one built site folder.');
  const siteDir = positionals[0] ? path.resolve(io.cwd, positionals[0]) : outDir(io.cwd);
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new UsageError(`no built site in ${path.relative(io.cwd, siteDir) || siteDir} (run astro build first).`);
  }
  const htmlFiles = filesBelow(siteDir).filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_FOLDER}/`));
  const { pageCount, fileCount, parts } = await buildSearchIndex(siteDir, htmlFiles, searchPartSize());
  io.out(`Search index built: ${pageCount} pages indexed (of ${fileCount} HTML files)${parts > 1 ? ` in ${parts} parts` : ''}.`);
  return 0;
}
