import path from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkAbbr from '../../plugins/remark-abbr.ts';
import remarkYamlMeta from '../../plugins/remark-yaml-meta.ts';
import { loadGlossary } from '../../src/content/glossary.ts';
import { glossaryAnchor } from '../../src/model/glossary-terms.ts';
import { siteContent } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/glossary');

describe('loadGlossary on the fixtures', () => {
  it('reads every entry shape: dashes, optional explanation, BOM, CRLF, several files, sorted', async () => {
    const { entries, problems } = await loadGlossary(path.join(fixtures, 'good'));
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { term: 'CPE', expansion: 'Customer and Partner Experience' },
      { term: 'FTA', expansion: 'FastTrack Architect' },
      { term: 'FY', expansion: 'Fiscal Year', description: 'July to June.' },
      { term: 'M365', expansion: 'Microsoft 365', description: 'the suite. Continues on a second line.' },
      { term: 'S1500', expansion: 'Strategic 1500' },
      { term: 'TM', expansion: 'Team Manager', description: 'leads a delivery team.' },
    ]);
  });

  it('reports each malformed bullet and duplicate term at its file, line and column', async () => {
    const { entries, problems } = await loadGlossary(path.join(fixtures, 'bad'));
    expect(entries.map((entry) => entry.term)).toEqual(['NPS', 'TM']);
    const one = path.join(fixtures, 'bad/glossary/one.md');
    const two = path.join(fixtures, 'bad/glossary/two.md');
    expect(problems.map(({ file, line, column, severity, ruleId }) => ({ file, line, column, severity, ruleId }))).toEqual([
      { file: one, line: 5, column: 1, severity: 'error', ruleId: 'glossary-entry-format' },
      { file: one, line: 6, column: 1, severity: 'error', ruleId: 'glossary-entry-format' },
      { file: one, line: 7, column: 1, severity: 'error', ruleId: 'glossary-entry-format' },
      { file: one, line: 8, column: 1, severity: 'error', ruleId: 'glossary-entry-format' },
      { file: two, line: 4, column: 1, severity: 'error', ruleId: 'glossary-duplicate-term' },
    ]);
    expect(problems[0]!.message).toContain('does not start with a term in bold');
    expect(problems[1]!.message).toContain('“FTA” needs a dash');
    expect(problems[2]!.message).toContain('“Team Manager” is not a glossary term');
    expect(problems[3]!.message).toContain('“ROB” has no expansion');
    expect(problems[4]!.message).toBe('“TM” is already in the glossary (one.md, line 4). Keep one entry per term.');
  });

  it('never runs front matter written in JavaScript, and says so', async () => {
    const { entries, problems } = await loadGlossary(path.join(fixtures, 'js-front-matter'));
    expect((globalThis as Record<string, unknown>).glossaryFrontMatterRan).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, severity: 'error', ruleId: 'front-matter-language' });
    // The entries after the refused block are still read, at their real lines.
    expect(entries.map((entry) => entry.term)).toEqual(['TM']);
  });

  it('has no entries and no problems where there is no glossary folder', async () => {
    expect(await loadGlossary(path.join(fixtures, 'does-not-exist'))).toEqual({ entries: [], problems: [] });
  });

  it('makes anchors that are valid ids for any term', () => {
    expect(glossaryAnchor('TM')).toBe('term-tm');
    expect(glossaryAnchor('M365')).toBe('term-m365');
    expect(glossaryAnchor('CE&S')).toBe('term-ce-s');
  });
});

describe('the demo glossary (test/fixtures/site/content/glossary)', () => {
  it('loads without problems and explains the terms the guides rely on', async () => {
    const { entries, problems } = await loadGlossary(siteContent);
    expect(problems).toEqual([]);
    const terms = entries.map((entry) => entry.term);
    for (const term of ['TM', 'FTA', 'CXP', 'CXE', 'ATU', 'STU', 'CSU', 'RFA', 'ROB', 'PMM', 'WHI', 'CPE', 'NPS', 'MAD', 'OPP', 'FT', 'FY', 'AU', 'LT', 'PM', 'FTE', 'FTC', 'WW', 'M365', 'S1500', 'OKR']) {
      expect(terms, term).toContain(term);
    }
    expect(entries.find((entry) => entry.term === 'TM')?.expansion).toBe('Team Manager');
  });

  it('covers every all-caps term used in the content documents (no glossary-unknown-term warning)', async () => {
    const { entries } = await loadGlossary(siteContent);
    const files = await markdownFiles(siteContent);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const vfile = new VFile({ path: file, value: await readFile(file, 'utf8') });
      const processor = unified().use(remarkParse).use(remarkYamlMeta).use(remarkGfm).use(remarkAbbr, { glossary: entries, glossaryHref: '/glossary/' });
      await processor.run(processor.parse(vfile), vfile);
      expect(vfile.messages.map((message) => message.reason), path.relative(root, file)).toEqual([]);
      // Role guides and playbooks are full of acronyms; includes and the short catalog skills need not be.
      if (!file.includes(`${path.sep}includes${path.sep}`) && !file.includes(`${path.sep}skills${path.sep}`)) {
        expect(vfile.data.glossaryUsage?.known.length, path.relative(root, file)).toBeGreaterThan(5);
      }
    }
  });
});

async function markdownFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.md') && !full.includes(`${path.sep}glossary${path.sep}`) && entry.name !== 'README.md') {
      found.push(full);
    }
  }
  return found.sort();
}
