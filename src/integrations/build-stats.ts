/**
 * Reports what `astro build` did to `rolebook build` (which prints one line for it and writes the
 * build's stats file): pages written, and how many document pages were rendered rather than copied
 * from the previous build by Astro's incremental build. Silent outside `rolebook build`.
 */
import type { AstroIntegration } from 'astro';
import type { RolebookConfig } from '../config.ts';
import { writeStepStats } from '../content/cache.ts';
import { takeLoadedContent } from '../content/shared.ts';
import { cacheablePageCounts } from '../site/render-count.ts';

export function buildStatsIntegration(config: RolebookConfig): AstroIntegration {
  let base = '/';
  return {
    name: 'rolebook:build-stats',
    hooks: {
      'astro:config:done': ({ config: astroConfig }) => {
        base = astroConfig.base;
      },
      'astro:build:done': ({ pages }) => {
        const counts = cacheablePageCounts();
        writeStepStats('astro', {
          pages: pages.length,
          documentPages: counts.documents.pages,
          documentPagesRendered: counts.documents.rendered,
          sitePages: counts.site.pages,
          sitePagesRendered: counts.site.rendered,
          dataFiles: counts.data.pages,
          dataFilesRendered: counts.data.rendered,
          contentLoadMs: takeLoadedContent(config.contentDir, base)?.stats.ms ?? 0,
        });
      },
    },
  };
}
