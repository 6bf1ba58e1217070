/**
 * How many pages (and data files) with a cacheKey this build rendered (the others Astro copied from the last build):
 * each cacheable route says how many pages it has, each page counts itself as it renders, and the
 * build-stats integration reads the counts when the build is done. Pages and integrations are
 * separate module graphs in Astro, so a module variable would not be shared; a registered symbol on
 * globalThis is (as in src/content/shared.ts).
 */
const SLOT = Symbol.for('rolebook.rendered-pages');

/**
 * `documents`: the HTML document pages; `site`: the site's own pages (indexes, skills matrix, team
 * view, glossary…); `data`: files such as each role's requirements JSON and rubric.json.
 */
export type CacheableGroup = 'documents' | 'site' | 'data';
/** A route's counts are kept under its own name (`site/health`), so routes never overwrite each other's. */
export type CacheableRoute = CacheableGroup | `${CacheableGroup}/${string}`;
type Counts = { pages: number; rendered: number };

function counter(): Map<CacheableRoute, Counts> {
  const slots = globalThis as Record<symbol, Map<CacheableRoute, Counts> | undefined>;
  return (slots[SLOT] ??= new Map());
}

function countsOf(route: CacheableRoute): Counts {
  const counts = counter();
  let found = counts.get(route);
  if (!found) counts.set(route, (found = { pages: 0, rendered: 0 }));
  return found;
}

/** Called by a route's getStaticPaths: how many pages with a cacheKey it has this build. */
export function countCacheablePages(route: CacheableRoute, count: number): void {
  countsOf(route).pages = count;
}

/** Called when a cacheable page is rendered; never when Astro reuses it. */
export function countRenderedPage(route: CacheableRoute): void {
  countsOf(route).rendered++;
}

/** The counts of every route, summed by group. */
export function cacheablePageCounts(): Record<CacheableGroup, Counts> {
  const totals: Record<CacheableGroup, Counts> = { documents: { pages: 0, rendered: 0 }, site: { pages: 0, rendered: 0 }, data: { pages: 0, rendered: 0 } };
  for (const [route, counts] of counter()) {
    const total = totals[route.split('/')[0] as CacheableGroup];
    total.pages += counts.pages;
    total.rendered += counts.rendered;
  }
  return totals;
}
