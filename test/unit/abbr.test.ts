import { describe, expect, it } from 'vitest';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkAbbr from '../../plugins/remark-abbr.ts';
import { sanitizeSchema } from '../../plugins/lib/sanitize.ts';
import type { GlossaryEntry } from '../../src/model/schemas.ts';

const glossary: GlossaryEntry[] = [
  { term: 'TM', expansion: 'Team Manager' },
  { term: 'FTA', expansion: 'FastTrack Architect' },
  { term: 'MS', expansion: 'Microsoft' },
  { term: 'M365', expansion: 'Microsoft 365' },
  { term: 'CPE', expansion: 'Customer and Partner Experience' },
  { term: 'NPS', expansion: 'Net Promoter Score' },
];

async function render(markdown: string, glossaryHref = '/playbook/glossary/') {
  const file = new VFile({ path: 'roles/example.md', value: markdown });
  const html = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkAbbr, { glossary, glossaryHref })
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeStringify)
    .process(file);
  return { html: String(html), file };
}

describe('remark-abbr', () => {
  it('marks every use of a known term and links only the first one to the glossary', async () => {
    const { html, file } = await render('A TM works with the FTA. Every TM reports weekly.');
    expect(html).toBe(
      '<p>A <a href="/playbook/glossary/#term-tm"><abbr title="Team Manager" class="term">TM</abbr></a> works with the ' +
        '<a href="/playbook/glossary/#term-fta"><abbr title="FastTrack Architect" class="term">FTA</abbr></a>. ' +
        'Every <abbr title="Team Manager" class="term">TM</abbr> reports weekly.</p>',
    );
    expect(file.messages).toEqual([]);
    expect(file.data.glossaryUsage).toEqual({ known: ['TM', 'FTA'], unknown: [] });
  });

  it('reads plurals, digits, slashes and ampersands the way authors write them', async () => {
    const { html } = await render('FTAs and TMs across M365; CPE & NPS; TM/FTA.');
    expect(html).toContain('<abbr title="FastTrack Architect" class="term">FTAs</abbr></a> and');
    expect(html).toContain('<abbr title="Team Manager" class="term">TMs</abbr></a> across');
    expect(html).toContain('<abbr title="Microsoft 365" class="term">M365</abbr>');
    expect(html).toContain('<abbr title="Customer and Partner Experience" class="term">CPE</abbr></a> &#x26; <a');
    expect(html).toContain('<abbr title="Team Manager" class="term">TM</abbr>/<abbr title="FastTrack Architect" class="term">FTA</abbr>');
  });

  it('prefers a term that ends in s over a plural ("MS" is Microsoft, not a plural of M)', async () => {
    const { html } = await render('The MS Poll.');
    expect(html).toContain('<abbr title="Microsoft" class="term">MS</abbr>');
  });

  it('leaves code, raw HTML, link text and URLs, and headings (and so their slugs) alone', async () => {
    const { html } = await render(
      [
        '## The TM role',
        '',
        'Run `TM --help` or see [TM notes](https://example.com/TM).',
        '',
        '```',
        'TM FTA',
        '```',
        '',
        '<kbd>TM</kbd>',
      ].join('\n'),
    );
    expect(html).toContain('<h2 id="the-tm-role">The TM role</h2>');
    expect(html).toContain('<code>TM --help</code>');
    expect(html).toContain('<a href="https://example.com/TM">TM notes</a>');
    expect(html).toContain('<pre><code>TM FTA\n</code></pre>');
    expect(html).not.toContain('<abbr');
  });

  it('does not mistake words with capitals, level codes or alert markers for acronyms', async () => {
    const { html, file } = await render('FTHelp, ProPlus, Microsoft365 and FastTrack need L300+ or L50.\n\n> [!NOTE]\n> Fine.');
    expect(html).not.toContain('<abbr');
    expect(file.messages).toEqual([]);
  });

  it('marks terms inside table cells, emphasis and list items', async () => {
    const { html } = await render('| A | B |\n|---|---|\n| **TM** | _FTA_ |\n\n- M365 rollout');
    expect(html).toContain('<td><strong><a href="/playbook/glossary/#term-tm"><abbr title="Team Manager" class="term">TM</abbr></a></strong></td>');
    expect(html).toContain('<em><a href="/playbook/glossary/#term-fta">');
    expect(html).toContain('<li><a href="/playbook/glossary/#term-m365"><abbr title="Microsoft 365" class="term">M365</abbr></a> rollout</li>');
  });

  it('warns once per unknown all-caps term, at its line and column, as a warning', async () => {
    const { html, file } = await render('Intro line.\n\nAsk the XYZ lead\nor the QBR team, then XYZ again; PMs too.');
    expect(html).toContain('Ask the XYZ lead');
    expect(file.messages.map((m) => [m.reason.slice(0, 40), m.line, m.column, m.ruleId, m.source, m.fatal])).toEqual([
      ['“XYZ” looks like an acronym but is not i', 3, 9, 'glossary-unknown-term', 'rolebook', false],
      ['“QBR” looks like an acronym but is not i', 4, 8, 'glossary-unknown-term', 'rolebook', false],
      ['“PM” looks like an acronym but is not in', 4, 34, 'glossary-unknown-term', 'rolebook', false],
    ]);
    expect(file.messages[0]!.reason).toContain('Add it to content/glossary/ as “- **XYZ** – what it stands for”');
    expect(file.data.glossaryUsage?.unknown).toEqual(['XYZ', 'QBR', 'PM']);
  });

  it('keeps source positions on the pieces it splits text into', async () => {
    const file = new VFile({ value: 'Hello TM there' });
    const processor = unified().use(remarkParse).use(remarkAbbr, { glossary, glossaryHref: '/glossary/' });
    const tree = await processor.run(processor.parse(file), file);
    const paragraph = (tree as unknown as { children: { children: { type: string; position?: { start: { column: number } } }[] }[] }).children[0]!;
    expect(paragraph.children.map((child) => [child.type, child.position?.start.column])).toEqual([
      ['text', 1],
      ['link', undefined],
      ['text', 9],
    ]);
  });
});
