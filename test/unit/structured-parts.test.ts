/**
 * The full text of a role guide marks the parts its page also shows structured — each skill line
 * the skills table took in, the Role Profile table when every row became a success-factor card —
 * so search indexes them once (src/site/search-index.ts). A part only partly read stays unmarked:
 * its text would otherwise be found nowhere. (Today an unreadable skill line or Role Profile row is
 * an error that keeps the whole guide off the site; the marks do not rely on that.)
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Root, Table } from 'mdast';
import { VFile } from 'vfile';
import { loadContent } from '../../src/content/load.ts';
import { createModelProcessor } from '../../src/content/pipeline.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rolebook-structured-'));
  await mkdir(path.join(root, 'roles'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const guide = (skills: string[], profileRows: string[]) =>
  [
    '---',
    'title: Role Guide - Architect',
    'ms.topic: role-guide',
    '---',
    '# Architect',
    '',
    '## Skills',
    '',
    ...skills.map((line) => `- ${line}`),
    '',
    '## Role Profile',
    '',
    '|Success Factors|Success Indicators|Success Metrics|',
    '|---|---|---|',
    ...profileRows,
    '',
  ].join('\n');

async function htmlOf(markdown: string): Promise<string> {
  await writeFile(path.join(root, 'roles/architect.md'), markdown);
  const { documents } = await loadContent(root, { cacheDir: false });
  return documents[0]!.html;
}

describe('parts of the full text shown structured on the page', () => {
  it('marks each skill line read into the model and the Role Profile table read whole', async () => {
    const html = await htmlOf(
      guide(['Solution design – L300', 'Mentoring – L200+'], ['|**Design**:<br>Good designs.|Designs are reviewed.|**Quantitative**: Reviews.|']),
    );
    expect(html.match(/<li data-structured="skills">[^<]*/g)).toEqual(['<li data-structured="skills">Solution design – L300', '<li data-structured="skills">Mentoring – L200+']);
    expect(html).toMatch(/<table data-structured="success-factors">/);
  });

  it('leaves unmarked a skill line and a Role Profile table it could not read whole', async () => {
    const markdown = guide(
      ['Solution design – L300', 'Being nice, very'],
      ['|**Design**:<br>Good designs.|Designs are reviewed.|**Quantitative**: Reviews.|', '|Only one cell|'],
    );
    const processor = createModelProcessor({ contentRoot: root, base: '/', glossary: [] });
    const file = new VFile({ path: path.join(root, 'roles/architect.md'), value: markdown });
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    const marks = (node: { data?: { hProperties?: Record<string, unknown> } }) => node.data?.hProperties?.dataStructured;
    const items = tree.children.flatMap((node) => (node.type === 'list' ? node.children : []));
    expect(items.map(marks)).toEqual(['skills', undefined]);
    const table = tree.children.find((node): node is Table => node.type === 'table')!;
    expect(marks(table)).toBeUndefined();
    expect(file.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['skill-syntax', 'role-profile-row']));
  });

  it('does not take the mark from an author: other values are dropped by the sanitiser', async () => {
    const html = await htmlOf(`${guide(['Solution design – L300'], [])}\n<table data-structured="anything"><tr><td>x</td></tr></table>\n`);
    expect(html).not.toMatch(/data-structured="anything"/);
  });
});
