/**
 * Glossary marks for text that comes from the model (plain strings): the same words the remark
 * plugin marks in the rendered prose, found by the same `scanTerms`.
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { scanTerms } from '../model/glossary-terms.ts';
import type { GlossaryEntry } from '../model/schemas.ts';
import { getSiteContent } from './content.ts';

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

/**
 * `text` as HTML with its glossary terms in `<abbr title>` (escaped by hast-util-to-html), for
 * `<Fragment set:html>`. A component per piece of text (dozens on a role page) cost a tenth of
 * the time spent rendering pages; the same texts recur, so each is rendered once per glossary.
 */
export function termsHtml(text: string, glossary: GlossaryEntry[]): string {
  let rendered = htmlCache.get(glossary);
  if (!rendered) {
    rendered = new Map();
    htmlCache.set(glossary, rendered);
  }
  let html = rendered.get(text);
  if (html === undefined) {
    const children: ElementContent[] = termPieces(text, glossary).map((piece) =>
      typeof piece === 'string'
        ? { type: 'text', value: piece }
        : { type: 'element', tagName: 'abbr', properties: { title: piece.title }, children: [{ type: 'text', value: piece.text }] },
    );
    html = toHtml({ type: 'root', children });
    rendered.set(text, html);
  }
  return html;
}

const htmlCache = new WeakMap<GlossaryEntry[], Map<string, string>>();

/** `termsHtml` bound to this build's glossary: `const terms = await siteTerms()` once per component. */
export async function siteTerms(): Promise<(text: string) => string> {
  const { glossary } = await getSiteContent();
  return (text) => termsHtml(text, glossary);
}
