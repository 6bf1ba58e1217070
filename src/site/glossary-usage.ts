/**
 * Which documents use which glossary term: the terms the remark plugin marked in each rendered page
 * (`<abbr … class="term">FTAs</abbr>`), found when the document was parsed (`markedTerms`), so the
 * glossary can say where a term is used without reading every page's HTML.
 */
import type { RenderedDocument } from '../model/rendered.ts';
import type { GlossaryEntry } from '../model/schemas.ts';

export function termUsage(documents: RenderedDocument[], glossary: GlossaryEntry[]): Map<string, RenderedDocument[]> {
  const known = new Set(glossary.map((entry) => entry.term));
  const usage = new Map<string, RenderedDocument[]>();
  for (const document of documents) {
    for (const term of document.markedTerms) {
      if (!known.has(term)) continue;
      const list = usage.get(term) ?? [];
      list.push(document);
      usage.set(term, list);
    }
  }
  return usage;
}
