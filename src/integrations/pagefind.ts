/**
 * Builds the Pagefind search index from the finished site as part of `astro build`, so the
 * published site always has an index that matches its pages.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../site/search-index.ts';

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'rolebook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pageCount, fileCount } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Search index built: ${pageCount} pages indexed (of ${fileCount} HTML files).`);
      },
    },
  };
}
