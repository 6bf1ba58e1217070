/**
 * Glossary marks for text that comes from the model (plain strings): the same words the remark
 * plugin marks in the rendered prose, found by the same `scanTerms`.
 */
import { scanTerms } from '../content/glossary.ts';
import type { GlossaryEntry } from '../model/schemas.ts';

export type TermPiece = string | { text: string; term: string; title: string };

const cache = new WeakMap<GlossaryEntry[], Map<string, GlossaryEntry>>();

export function termPieces(text: string, glossary: GlossaryEntry[]): TermPiece[] {
  let entries = cache.get(glossary);
  if (!entries) {
    entries = new Map(glossary.map((entry) => [entry.term, entry]));
    cache.set(glossary, entries);
  }
  const known = entries;
  const pieces: TermPiece[] = [];
  let last = 0;
  for (const match of scanTerms(text, (candidate) => known.has(candidate))) {
    if (!match.term) continue;
    if (match.start > last) pieces.push(text.slice(last, match.start));
    pieces.push({ text: text.slice(match.start, match.end), term: match.term, title: known.get(match.term)!.expansion });
    last = match.end;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}
