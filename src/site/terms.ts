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

const expansionsByGlossary = new WeakMap<readonly GlossaryEntry[], Map<string, string>>();

/** What each term of `glossary` stands for, by term: built once per glossary (or page's part of it). */
export function glossaryExpansions(glossary: readonly GlossaryEntry[]): Map<string, string> {
  let expansions = expansionsByGlossary.get(glossary);
  if (!expansions) {
    expansions = new Map(glossary.map((entry) => [entry.term, entry.expansion]));
    expansionsByGlossary.set(glossary, expansions);
  }
  return expansions;
}

export function termPieces(text: string, glossary: GlossaryEntry[]): TermPiece[] {
  const known = glossaryExpansions(glossary);
  const pieces: TermPiece[] = [];
  let last = 0;
  for (const match of scanTerms(text, (candidate) => known.has(candidate))) {
    if (!match.term) continue;
    if (match.start > last) pieces.push(text.slice(last, match.start));
    pieces.push({ text: text.slice(match.start, match.end), term: match.term, title: known.get(match.term)! });
    last = match.end;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/**
 * `text` as HTML with its glossary terms in `<abbr title>` (escaped by hast-util-to-html), for
 * `<Fragment set:html>`. A component per piece of text (dozens on a role page) cost a tenth of
 * the time spent rendering pages; the same texts recur, so each is rendered once per build for
 * what its words stand for. Keyed by that, not by the glossary: document pages are each given their
 * own part of it (src/pages/_cache-key.ts), and share the results. (Keyed by the pieces found
 * instead, JSON and all, rendering the 1,000-document site's model texts took 0.5 s against 0.37 s.)
 */
export function termsHtml(text: string, glossary: GlossaryEntry[]): string {
  let candidates = candidatesByText.get(text);
  if (candidates === undefined) {
    // Every word `scanTerms` may ask the glossary about, whatever the glossary holds.
    const asked: string[] = [];
    scanTerms(text, (candidate) => {
      asked.push(candidate);
      return false;
    });
    candidates = asked;
    candidatesByText.set(text, candidates);
  }
  const expansions = glossaryExpansions(glossary);
  // What the HTML depends on: the text, and what each of those words stands for here (or nothing).
  let signature = text;
  for (const candidate of candidates) signature += `\u0000${expansions.get(candidate) ?? ''}`;
  let html = htmlBySignature.get(signature);
  if (html === undefined) {
    const children: ElementContent[] = termPieces(text, glossary).map((piece) =>
      typeof piece === 'string'
        ? { type: 'text', value: piece }
        : { type: 'element', tagName: 'abbr', properties: { title: piece.title }, children: [{ type: 'text', value: piece.text }] },
    );
    html = toHtml({ type: 'root', children });
    // A dev server renders for hours, through many edits: a bound keeps old texts from piling up.
    if (htmlBySignature.size >= MAX_CACHED_TEXTS) {
      htmlBySignature.clear();
      candidatesByText.clear();
    }
    htmlBySignature.set(signature, html);
  }
  return html;
}

const MAX_CACHED_TEXTS = 200_000;
const candidatesByText = new Map<string, string[]>();
const htmlBySignature = new Map<string, string>();

/** What a page can set in `Astro.locals` for the components that mark its texts. */
export interface TermsLocals {
  /**
   * The part of the glossary a document page may show (src/pages/_cache-key.ts): its cacheKey
   * covers those entries only, so the page must not read the others. Unset on the site's own
   * pages, whose key covers the whole glossary.
   */
  glossary?: GlossaryEntry[];
}

declare global {
  namespace App {
    interface Locals extends TermsLocals {}
  }
}

/**
 * `termsHtml` bound to the page's glossary: `const terms = await siteTerms(Astro.locals)` once per
 * component. The whole glossary unless the page set its own part in `Astro.locals`.
 */
export async function siteTerms(locals: TermsLocals = {}): Promise<(text: string) => string> {
  const glossary = locals.glossary ?? (await getSiteContent()).glossary;
  return (text) => termsHtml(text, glossary);
}
