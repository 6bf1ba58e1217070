/**
 * Glossary marks in texts from the model (src/site/terms.ts): each document page marks its texts
 * with its own part of the glossary, and the rendered HTML is shared between pages only where
 * the terms found and their expansions agree.
 */
import { describe, expect, it } from 'vitest';
import { termLookups, termsMarkedIn } from '../../src/model/glossary-terms.ts';
import { termsHtml } from '../../src/site/terms.ts';

const glossary = [
  { term: 'TM', expansion: 'Team Manager' },
  { term: 'FTA', expansion: 'FastTrack Architect' },
];

describe('glossary marks in model texts', () => {
  it('marks each known term, plurals included, and escapes the rest', () => {
    expect(termsHtml('The TM & the FTAs <meet>', glossary)).toBe(
      'The <abbr title="Team Manager">TM</abbr> &#x26; the <abbr title="FastTrack Architect">FTAs</abbr> &#x3C;meet>',
    );
  });

  it('gives the same text other marks under another part of the glossary, after rendering it once', () => {
    const text = 'Ask the TM or an FTA.';
    expect(termsHtml(text, glossary)).toContain('<abbr title="FastTrack Architect">FTA</abbr>');
    // A page given only TM, with another expansion: nothing of the first result is reused.
    expect(termsHtml(text, [{ term: 'TM', expansion: 'Team Mentor' }])).toBe('Ask the <abbr title="Team Mentor">TM</abbr> or an FTA.');
    expect(termsHtml(text, [])).toBe('Ask the TM or an FTA.');
  });

  it('finds every term a page may look up in a model: nested, plural and singular, and a first word capitalised', () => {
    const model = {
      title: 'Team Manager',
      skills: [{ name: 'People Management', qualifier: 'across M365' }],
      stakeholders: [{ group: 'FTAs', purpose: 'm365 rollout with the CSU' }],
      levels: ['L300+', 'The [!NOTE] marker'],
    };
    // "FTAs" looks up FTAs, then FTA; "m365" shows as "M365" capitalised; level codes and markers are not terms.
    expect(termLookups(model)).toEqual(['CSU', 'FTA', 'FTAs', 'M365']);
    expect(termLookups(['no acronyms here', 42, null])).toEqual([]);
  });

  it('finds the terms a rendered page marks in its prose, plurals as their term, once each, sorted', () => {
    const html =
      '<p>The <abbr title="Team Manager" class="term">TM</abbr> meets the <abbr class="term" title="FastTrack Architect">FTAs</abbr>, ' +
      'then another <abbr title="Team Manager" class="term">TM</abbr>; <abbr title="a plain abbreviation">CSU</abbr> and TM unmarked.</p>';
    const known = new Set(glossary.map((entry) => entry.term));
    expect(termsMarkedIn(html, (term) => known.has(term))).toEqual(['FTA', 'TM']);
    expect(termsMarkedIn('<p>No marks.</p>', () => true)).toEqual([]);
  });
});
