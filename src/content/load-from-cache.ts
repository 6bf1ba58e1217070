/**
 * Loads content for Astro's build, which `rolebook build` runs after `rolebook check` filled the
 * parse cache: every document and the glossary come from the cache, so the markdown parser (yaml,
 * gray-matter, micromark, unified: ≈ 200 modules) is not loaded, and Astro's start-up, on the path
 * a rebuild waits for, is that much shorter. Whatever the cache cannot give — a document or
 * glossary file edited since, `astro build` run alone — is read as `loadContent` reads it, loading
 * the pipeline then.
 */
import path from 'node:path';
import type { ContentLoadResult } from '../model/rendered.ts';
import { assembleContent, openCacheAndGlossary, type LoadOptions } from './assemble.ts';

const pipeline = () => import('./load.ts');

export async function loadFromCache(contentRoot: string, options: LoadOptions = {}): Promise<ContentLoadResult> {
  const started = performance.now();
  const root = path.resolve(contentRoot);
  const opened = await openCacheAndGlossary(root, options);
  const { cache, keptGlossary } = opened;
  // The cache opened and the glossary's files hashed once: the pipeline's load goes on from here.
  if (!cache || !keptGlossary) return (await pipeline()).loadOpened(root, options, opened, started);
  return assembleContent(root, options, cache, keptGlossary, async (...args) => (await pipeline()).parseMissing(...args), started);
}
