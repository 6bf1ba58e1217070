/**
 * Which words of a text are acronyms, and where a term's glossary entry is: one rule for the remark
 * plugin (running text) and the pages (text from the model), so both mark the same words.
 */

/**
 * A run of capitals and digits starting with a capital, at least two characters long, not
 * inside a longer word (so "FTHelp" and "ProPlus" are not acronyms); an `s` right after makes
 * a plural ("FTAs").
 */
const CANDIDATE = /(?<![\p{L}\p{N}_])([A-Z][A-Z0-9]*[A-Z0-9])(s?)(?![\p{L}\p{N}_])/gu;
/** Level codes (L100, L300+) are the level scale's own vocabulary, not acronyms. */
const LEVEL_CODE = /^L\d+$/;

export interface TermMatch {
  /** Where the word starts and ends in the text (a plural's `s` included). */
  start: number;
  end: number;
  /** The word without a plural `s`: what an unknown term is reported as. */
  word: string;
  /** The glossary term it stands for, if there is one. */
  term?: string;
}

/**
 * Every all-caps word of `text` that reads as an acronym, known or not. One rule for the remark
 * plugin (running text) and the pages (text from the model), so both mark the same words.
 */
export function scanTerms(text: string, isKnown: (term: string) => boolean): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const whole = match[0];
    const word = match[1]!;
    const plural = match[2]!;
    const start = match.index;
    if (LEVEL_CODE.test(word)) continue;
    // `[!NOTE]` and `[!INCLUDE …]` are markers, in case they are not resolved yet.
    if (text.slice(Math.max(0, start - 2), start) === '[!') continue;
    // "FTAs" is the plural of FTA; a term that really ends in s is matched whole first.
    const term = isKnown(word + plural) ? word + plural : isKnown(word) ? word : undefined;
    matches.push({ start, end: start + whole.length, word, ...(term ? { term } : {}) });
  }
  return matches;
}

/** The id of a term's entry on the glossary page: `M365` → `term-m365`. */
export function glossaryAnchor(term: string): string {
  return `term-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
