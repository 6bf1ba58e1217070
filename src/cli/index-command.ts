/**
 * `rolebook index [DIR]`: builds the Pagefind search index of a built site (default: the build's
 * output folder). `npm run build` runs it after `astro build` has exited, so the indexer and the
 * Astro process never hold their memory at the same time.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { outDir } from '../config-file.ts';
import { buildSearchIndex } from '../site/search-index.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

export async function runIndex({ positionals }: ParsedOptions, io: Io): Promise<number> {
  if (positionals.length > 1) throw new UsageError('index takes one built site folder.');
  const siteDir = positionals[0] ? path.resolve(io.cwd, positionals[0]) : outDir(io.cwd);
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new UsageError(`no built site in ${path.relative(io.cwd, siteDir) || siteDir} (run astro build first).`);
  }
  const { pageCount, fileCount } = await buildSearchIndex(siteDir);
  io.out(`Search index built: ${pageCount} pages indexed (of ${fileCount} HTML files).`);
  return 0;
}
