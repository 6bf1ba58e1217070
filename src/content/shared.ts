/**
 * Hands the content loaded (and checked) at the start of a build to the pages rendered later in
 * the same process. Astro loads integrations and pages as separate module graphs, so a module
 * variable would not be shared; a registered symbol on globalThis is.
 */
import type { ContentLoadResult } from '../model/rendered.ts';
import { withTrailingSlash } from '../model/paths.ts';

const SLOT = Symbol.for('rolebook.loaded-content');

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
