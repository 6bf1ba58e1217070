/**
 * `plugins/remark-parse-gfm.ts` skips GFM's autolink-literal scan for texts that cannot hold an
 * autolink literal. That is only a speed-up if the trees are exactly remark-parse + remark-gfm's:
 * checked here on markdown built from the characters and words that make (or nearly make) links.
 */
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkParseGfm, { mayHoldAutolinkLiteral } from '../../plugins/remark-parse-gfm.ts';
import { siteContent } from '../helpers/site.ts';

const reference = unified().use(remarkParse).use(remarkGfm);
const selective = unified().use(remarkParseGfm);

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60) * 25;

/** Pieces of autolink literals, near misses, escapes, character references and other syntax. */
const piece = fc.constantFrom(
  'www', 'www.', 'WWW.', 'ww.', 'w', '.', 'example', '.com', 'http', 'https', 'HTTP', ':', '//', '://', 'http://', 'https://x.y',
  'mailto:', 'xmpp:', '@', 'a@b.org', 'me', '+', '-', '_', '~', '*', '`', '\\', '\\.', '\\@', '&#64;', '&#x40;', '&commat;', '&period;',
  '&amp;', '&', ';', '#', '(', ')', '[', ']', '](', '<', '>', '<https://a.b>', '!', '?', ',', '"', "'", ' ', '  ', '\n', '\n\n', '\t',
  '- ', '* ', '> ', '# ', '| a | b |\n|---|---|\n| ', '[^1]', '[^1]: ', '- [ ] ', '~~', 'L300+', '–', 'R&D', 'Q&A', 'é', '漢',
);
const markdown = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('remark-parse-gfm', () => {
  it('gives the tree remark-parse + remark-gfm give, on generated markdown', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(selective.parse(text)).toStrictEqual(reference.parse(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('still makes links of the autolink literals GitHub does, however they are written', () => {
    for (const text of ['See www.example.com today.', 'Visit https://example.com/a?b=c.', 'Mail ops@example.org.', 'foo&#64;example.org', 'www\\.example.com', 'mailto:a@b.co']) {
      const tree = selective.parse(text);
      expect(tree, text).toStrictEqual(reference.parse(text));
      expect(JSON.stringify(tree), text).toContain('"type":"link"');
    }
  });

  it('takes the fast path for the project’s own guides, which hold no URL', async () => {
    for (const file of ['roles/team-manager.md', 'playbooks/area-liaison.md']) {
      const text = await readFile(path.join(siteContent, file), 'utf8');
      expect(mayHoldAutolinkLiteral(text), file).toBe(false);
      expect(selective.parse(text)).toStrictEqual(reference.parse(text));
    }
  });
});
