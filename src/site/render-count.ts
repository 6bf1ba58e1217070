/**
 * How many pages with a cacheKey this build rendered (the others Astro copied from the last build):
 * each cacheable route says how many pages it has, each page counts itself as it renders, and the
 * build-stats integration reads the counts when the build is done. Pages and integrations are
 * separate module graphs in Astro, so a module variable would not be shared; a registered symbol on
 * globalThis is (as in src/content/shared.ts).
 */
const SLOT = Symbol.for('rolebook.rendered-pages');

type Counter = { rendered: number; pagesByRoute: Record<string, number> };

function counter(): Counter {
  const slots = globalThis as Record<symbol, Counter | undefined>;
  return (slots[SLOT] ??= { rendered: 0, pagesByRoute: {} });
}

/** Called by a route's getStaticPaths: how many pages with a cacheKey it has this build. */
export function countCacheablePages(route: string, count: number): void {
  counter().pagesByRoute[route] = count;
}

/** Called when a cacheable page is rendered; never when Astro reuses it. */
export function countRenderedPage(): void {
  counter().rendered++;
}

/** `documents`: every page with a cacheKey (document pages and the per-role requirements JSON). */
export function documentPageCounts(): { documents: number; rendered: number } {
  const { pagesByRoute, rendered } = counter();
  return { documents: Object.values(pagesByRoute).reduce((sum, count) => sum + count, 0), rendered };
}
