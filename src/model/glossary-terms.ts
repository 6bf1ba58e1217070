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

/** Text with a run of two capitals or digits, the least an acronym needs: most texts have none. */
const MAY_HOLD_TERM = /[A-Z][A-Z0-9]/;
const FIRST_WORD = /^[\p{L}\p{N}_]*/u;

/**
 * Every glossary term marking the texts in `value` may look up (each acronym, and its singular when
 * written as a plural), sorted: the strings of a model, say, scanned as `scanTerms` scans them when
 * a page shows them — as written, or with the first letter capitalised (the stakeholders list shows
 * a purpose so, which can make a first word an acronym: "m365 rollout" → "M365 rollout").
 */
export function termLookups(value: unknown): string[] {
  const keys = new Set<string>();
  const record = (candidate: string): boolean => {
    keys.add(candidate);
    return false;
  };
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      if (MAY_HOLD_TERM.test(item)) scanTerms(item, record);
      // Capitalising changes the first word alone; the rest scans as it did.
      const first = FIRST_WORD.exec(item)![0];
      const capitalised = first.charAt(0).toUpperCase() + first.slice(1);
      if (capitalised !== first && MAY_HOLD_TERM.test(capitalised)) scanTerms(capitalised, record);
    } else if (Array.isArray(item)) {
      for (const entry of item) visit(entry);
    } else if (item !== null && typeof item === 'object') {
      for (const entry of Object.values(item)) visit(entry);
    }
  };
  visit(value);
  return [...keys].sort();
}

/** A term remark-abbr marked in a page's prose, as rendered. */
const MARK = /<abbr\b[^>]*\bclass="term"[^>]*>([^<]+)<\/abbr>/g;

/**
 * The glossary terms a rendered page's prose marks (remark-abbr's `<abbr class="term">`), sorted:
 * found once when the document is parsed, so the glossary can say where a term is used without
 * reading every page's HTML on each build.
 */
export function termsMarkedIn(html: string, isKnown: (term: string) => boolean): string[] {
  const terms = new Set<string>();
  for (const [, text] of html.matchAll(MARK)) {
    for (const match of scanTerms(text!, isKnown)) if (match.term) terms.add(match.term);
  }
  return [...terms].sort();
}

/** The id of a term's entry on the glossary page: `M365` → `term-m365`. */
export function glossaryAnchor(term: string): string {
  return `term-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
