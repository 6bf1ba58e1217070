/**
 * Hands the content loaded (and checked) at the start of a build to the pages rendered later in
 * the same process, and, where no build loaded it first (`astro dev`), the function that loads it.
 * Astro loads integrations and pages as separate module graphs, so a module variable would not be
 * shared; a registered symbol on globalThis is.
 *
 * The pages never import the markdown pipeline themselves: it stays in the integrations' graph,
 * which Node loads, and out of the pages' bundle, which Vite builds again on every `astro build`
 * (≈ 55 modules of plugins and loader less to transform and bundle) and whose module hashes decide
 * which pages Astro's incremental build may reuse: an edit to a plugin renders again only the
 * pages whose content it changed (their cacheKey holds the rendered document), not every page.
 */
import type { ContentLoadResult } from '../model/rendered.ts';
import { withTrailingSlash } from '../model/paths.ts';

const SLOT = Symbol.for('rolebook.loaded-content');
const LOADER_SLOT = Symbol.for('rolebook.content-loader');

/** Loads and checks a content folder for the given base path (src/content/load.ts, bound by an integration). */
export type ContentLoader = (contentDir: string, base: string) => Promise<ContentLoadResult>;

type Slot = { key: string; result: ContentLoadResult };

function keyOf(contentDir: string, base: string): string {
  return JSON.stringify([contentDir, withTrailingSlash(base)]);
}

export function shareLoadedContent(contentDir: string, base: string, result: ContentLoadResult): void {
  (globalThis as Record<symbol, Slot | undefined>)[SLOT] = { key: keyOf(contentDir, base), result };
}

/** The content loaded earlier in this process for the same folder and base, if any. */
export function takeLoadedContent(contentDir: string, base: string): ContentLoadResult | undefined {
  const slot = (globalThis as Record<symbol, Slot | undefined>)[SLOT];
  return slot?.key === keyOf(contentDir, base) ? slot.result : undefined;
}

export function shareContentLoader(load: ContentLoader): void {
  (globalThis as Record<symbol, ContentLoader | undefined>)[LOADER_SLOT] = load;
}

/** The loader an integration shared in this process, if any. */
export function sharedContentLoader(): ContentLoader | undefined {
  return (globalThis as Record<symbol, ContentLoader | undefined>)[LOADER_SLOT];
}
