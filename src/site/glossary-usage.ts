/**
 * Which documents use which glossary term, read from the marks the remark plugin left in each
 * rendered page (`<abbr … class="term">FTAs</abbr>`), so the glossary can say where a term is used.
 */
import { scanTerms } from '../model/glossary-terms.ts';
import type { RenderedDocument } from '../model/rendered.ts';
import type { GlossaryEntry } from '../model/schemas.ts';

const MARK = /<abbr\b[^>]*\bclass="term"[^>]*>([^<]+)<\/abbr>/g;

export function termUsage(documents: RenderedDocument[], glossary: GlossaryEntry[]): Map<string, RenderedDocument[]> {
  const known = new Set(glossary.map((entry) => entry.term));
  const usage = new Map<string, RenderedDocument[]>();
  for (const document of documents) {
    const terms = new Set<string>();
    for (const [, text] of document.html.matchAll(MARK)) {
      for (const match of scanTerms(text!, (candidate) => known.has(candidate))) if (match.term) terms.add(match.term);
    }
    for (const term of terms) {
      const list = usage.get(term) ?? [];
      list.push(document);
      usage.set(term, list);
    }
  }
  return usage;
}
