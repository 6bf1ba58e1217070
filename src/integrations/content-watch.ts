/**
 * Dev server: content is markdown read by the pipeline, not modules Vite imports, so Vite does not
 * know a page depends on it. This watches the content folder and, on any change, drops every
 * server-side module (so the memoised content in `src/site/content.ts` and the git history are
 * read afresh) and reloads the browser. A content error then surfaces in Astro's error overlay on
 * the next render, and fixing the file clears it.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import type { RolebookConfig } from '../config.ts';

/** Editors save in bursts (write, rename, chmod); one reload per burst. */
const SETTLE_MS = 80;

/**
 * Markdown, glossary and config files, and also pictures and other files pages may show or link to
 * (any extension: a page that names a missing picture must be checked again when it appears).
 * Hidden files and folders (editor swap files, a cache inside the folder) and backups (`x.md~`) are not.
 */
export function isContentFile(file: string, contentDir: string): boolean {
  const relative = path.relative(contentDir, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return !relative.split(path.sep).some((segment) => segment.startsWith('.') || segment === 'node_modules') && !file.endsWith('~');
}

/**
 * Every environment gets a full reload: the browser reloads the page, and Vite's module runner
 * (server side) clears its evaluated modules, so module-level caches start empty.
 */
export function reloadEverything(server: Pick<ViteDevServer, 'environments'>): void {
  for (const environment of Object.values(server.environments)) {
    environment.moduleGraph.invalidateAll();
    // No `triggeredBy`: the runner would then clear only modules importing that file, and no
    // module imports markdown content.
    environment.hot.send({ type: 'full-reload', path: '*' });
  }
}

export function contentWatchIntegration(config: RolebookConfig): AstroIntegration {
  return {
    name: 'rolebook:content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = path.resolve(config.contentDir);
        // Inside the project Vite already watches it; a content folder elsewhere must be added.
        server.watcher.add(contentDir);
        let timer: NodeJS.Timeout | undefined;
        const changed = new Set<string>();
        const onChange = (file: string) => {
          if (!isContentFile(file, contentDir)) return;
          changed.add(path.relative(contentDir, file));
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`content changed (${[...changed].join(', ')}); reloading`);
            changed.clear();
            reloadEverything(server);
          }, SETTLE_MS);
        };
        server.watcher.on('add', onChange);
        server.watcher.on('change', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
