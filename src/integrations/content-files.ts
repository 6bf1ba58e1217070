/**
 * Publishes the pictures and other files the content uses (remark-local-files lists them per
 * document) through Vite and Astro's image pipeline: a virtual module, `virtual:rolebook/content-files`,
 * imports each file the pages refer to — nothing else in the content folder is published. Raster
 * pictures import as `ImageMetadata` (for `getImage()` in src/components/content-files.ts), SVG as
 * Astro's SVG import (published as a file), anything else with `?url&no-inline` (published as a file).
 * In the build Vite emits them into `_astro/`; in `npm run dev` it serves them from the content folder.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { searchForWorkspaceRoot, type Plugin } from 'vite';
import type { RolebookConfig } from '../config.ts';
import { loadFromCache } from '../content/load-from-cache.ts';
import { takeLoadedContent } from '../content/shared.ts';
import type { LocalFile } from '../model/rendered.ts';

export const CONTENT_FILES_MODULE = 'virtual:rolebook/content-files';
const RESOLVED_ID = `\0${CONTENT_FILES_MODULE}`;

/** The files every document refers to, by path below the content folder. */
export async function referencedFiles(contentDir: string, base: string): Promise<Map<string, LocalFile>> {
  const result = takeLoadedContent(contentDir, base) ?? (await loadFromCache(contentDir, { base }));
  const files = new Map<string, LocalFile>();
  for (const document of result.documents) for (const file of document.localFiles ?? []) files.set(file.path, file);
  return files;
}

/** The virtual module's source: one lazy import per file, so a page loads only its own. */
export function contentFilesModule(contentDir: string, files: Iterable<LocalFile>): string {
  const entries = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((file) => {
      const absolute = path.join(contentDir, ...file.path.split('/'));
      // `no-inline`: Vite would turn a small file into a data: URL, which is not a published file.
      const specifier = file.kind === 'file' ? `${absolute}?url&no-inline` : absolute;
      return `  ${JSON.stringify(file.path)}: () => import(${JSON.stringify(specifier)}),`;
    });
  return `export const contentFiles = {\n${entries.join('\n')}\n};\n`;
}

/**
 * Marks the module as content data for Astro's incremental build, as Astro marks its own module of
 * content collections' image imports: its code, and the pictures and files it imports, are left out
 * of the code hash of the pages that import it (the document pages). Otherwise adding or replacing
 * one picture changes that hash and every document page is rendered again; the one page that shows
 * the picture is rendered because its cacheKey covers the bytes of the files it uses
 * (src/pages/_cache-key.ts). The key is Astro's (`astroIncremental`, core/build/incremental-metadata.js),
 * not a documented option: should Astro rename it, test/site/incremental.test.ts sees every document
 * page rendered again after a picture is replaced, and fails.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

function contentFilesPlugin(contentDir: string, base: () => string): Plugin {
  return {
    name: 'rolebook:content-files',
    resolveId(id) {
      return id === CONTENT_FILES_MODULE ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const files = await referencedFiles(contentDir, base());
      // In dev, a picture edited in place reloads the pages showing it.
      for (const file of files.keys()) this.addWatchFile(path.join(contentDir, ...file.split('/')));
      return { code: contentFilesModule(contentDir, files.values()), meta: CONTENT_DATA_META };
    },
  };
}

export function contentFilesIntegration(config: RolebookConfig): AstroIntegration {
  const contentDir = path.resolve(config.contentDir);
  let base = '/';
  return {
    name: 'rolebook:content-files',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [contentFilesPlugin(contentDir, () => base)],
            // The dev server (and Astro's image endpoint, which honours the same list) may read the
            // content folder even when it lies outside the project.
            server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), contentDir] } },
          },
        });
      },
      'astro:config:done': ({ config: astroConfig }) => {
        base = astroConfig.base;
      },
    },
  };
}
