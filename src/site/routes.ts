/**
 * Documents are served at their id, next to the site's own pages. A document whose id would take
 * one of those paths is a content error, reported before anything is built.
 */
import type { RenderedDocument } from '../model/rendered.ts';

/** First path segments the site uses itself. */
export const RESERVED_SEGMENTS = new Set(['glossary', 'skills', 'search', 'health', 'contributing', 'pagefind', 'rubric.json', '404', '_astro', 'team', 'compare']);

export function assertNoRouteClash(documents: RenderedDocument[]): void {
  const clashes = documents.filter((document) => {
    // Catalog skills are the pages below /skills/ (the content step keeps them in skills/).
    if (document.model.kind === 'skill') return false;
    const [first = '', ...rest] = document.model.id.split('/');
    // roles/ and playbooks/ are kind index pages: only a document named exactly that clashes.
    return RESERVED_SEGMENTS.has(first) || (rest.length === 0 && (first === 'roles' || first === 'playbooks'));
  });
  if (clashes.length > 0) {
    const lines = clashes.map((document) => `  ${document.model.source}: its page would be /${document.model.id}/, which the site itself uses. Rename or move the file.`);
    throw new Error(`Some documents would replace pages of the site:\n${lines.join('\n')}`);
  }
}
