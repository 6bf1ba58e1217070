/**
 * How many document pages this build rendered (the others Astro copied from the last build): the
 * page counts itself as it renders, and the build-stats integration reads the count when the build
 * is done. Pages and integrations are separate module graphs in Astro, so a module variable would
 * not be shared; a registered symbol on globalThis is (as in src/content/shared.ts).
 */
const SLOT = Symbol.for('rolebook.rendered-pages');

type Counter = { rendered: number; documents: number };

function counter(): Counter {
  const slots = globalThis as Record<symbol, Counter | undefined>;
  return (slots[SLOT] ??= { rendered: 0, documents: 0 });
}

/** Called by getStaticPaths: how many document pages this build has. */
export function countDocumentPages(count: number): void {
  counter().documents = count;
}

export function countRenderedPage(): void {
  counter().rendered++;
}

export function documentPageCounts(): { documents: number; rendered: number } {
  const { documents, rendered } = counter();
  return { documents, rendered };
}
