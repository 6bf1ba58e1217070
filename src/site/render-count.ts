/**
 * How many pages (and data files) with a cacheKey this build rendered (the others Astro copied from the last build):
 * each cacheable route says how many pages it has, each page counts itself as it renders, and the
 * build-stats integration reads the counts when the build is done. Pages and integrations are
 * separate module graphs in Astro, so a module variable would not be shared; a registered symbol on
 * globalThis is (as in src/content/shared.ts).
 */
const SLOT = Symbol.for('rolebook.rendered-pages');

/** `documents`: the HTML document pages; `data`: files such as each role's requirements JSON. */
export type CacheableRoute = 'documents' | 'data';
type Counter = Record<CacheableRoute, { pages: number; rendered: number }>;

function counter(): Counter {
  const slots = globalThis as Record<symbol, Counter | undefined>;
  return (slots[SLOT] ??= { documents: { pages: 0, rendered: 0 }, data: { pages: 0, rendered: 0 } });
}

/** Called by a route's getStaticPaths: how many pages with a cacheKey it has this build. */
export function countCacheablePages(route: CacheableRoute, count: number): void {
  counter()[route].pages = count;
}

/** Called when a cacheable page is rendered; never when Astro reuses it. */
export function countRenderedPage(route: CacheableRoute): void {
  counter()[route].rendered++;
}

export function cacheablePageCounts(): Counter {
  const { documents, data } = counter();
  return { documents: { ...documents }, data: { ...data } };
}
