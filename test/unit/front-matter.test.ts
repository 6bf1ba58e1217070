/**
 * remark-yaml-meta on its own: where gray-matter's block starts and ends, what the schema makes of
 * the values, and where each problem is placed. (The variants table in front-matter-variants.test.ts
 * checks the verdicts against the editor's JSON Schema.)
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkYamlMeta from '../../plugins/remark-yaml-meta.ts';
import { FrontMatterSchema, toMsDate } from '../../src/model/frontmatter.ts';

async function read(text: string) {
  const processor = unified().use(remarkParse).use(remarkYamlMeta);
  const file = new VFile({ path: 'doc.md', value: text });
  const tree = processor.parse(file) as Root;
  await processor.run(tree, file);
  return {
    data: file.data.frontMatter!,
    tree,
    body: String(file.value),
    problems: file.messages
      .map((message) => ({ line: message.line, column: message.column, ruleId: message.ruleId, reason: message.reason }))
      .sort((a, b) => a.line! - b.line! || a.column! - b.column!),
  };
}

describe('finding the block', () => {
  it('tolerates a BOM, CRLF line ends and spaces after both ---, and keeps body lines where the author has them', async () => {
    const { data, tree, body, problems } = await read('\uFEFF---  \r\ntitle: Crlf\r\nms.date: 12/31/2020\r\n---\t\r\n# Crlf\r\n');
    expect(problems).toEqual([]);
    expect(data.lineCount).toBe(4);
    expect(data.meta).toMatchObject({ title: 'Crlf', date: '2020-12-31' });
    expect(body).toBe('\r\n\r\n\r\n\r\n# Crlf\r\n');
    expect(tree.children[0]?.position?.start).toMatchObject({ line: 5, column: 1 });
  });

  it('reads ---yaml like ---', async () => {
    const { data, problems } = await read('---yaml\ntitle: Explicit\n---\n# Explicit\n');
    expect(problems).toEqual([]);
    expect(data.meta?.title).toBe('Explicit');
  });

  it('takes ---- at the top for a thematic break, not front matter', async () => {
    const { data, problems, tree } = await read('----\ntitle: x\n');
    expect(data.lineCount).toBe(0);
    expect(problems.map((problem) => problem.ruleId)).toEqual(['front-matter-title']);
    expect(tree.children[0]?.type).toBe('thematicBreak');
  });

  it('reads an empty block as no keys, which still needs a title', async () => {
    const { data, problems } = await read('---\n---\n# Empty\n');
    expect(data.lineCount).toBe(2);
    expect(problems).toEqual([{ line: 1, column: 1, ruleId: 'front-matter-title', reason: 'The front matter has no “title:”. Add one, e.g. “title: Role Guide - Team Manager”.' }]);
  });

  it('refuses every other language without running it, and blanks the block', async () => {
    for (const language of ['js', 'coffee', 'toml', 'json', 'constructor', '__proto__']) {
      const { data, problems, body } = await read(`---${language}\n{ title: (globalThis.__yamlMetaRan = true, 'x') }\n---\n# Title\n`);
      expect(problems.map((problem) => [problem.line, problem.column, problem.ruleId]), language).toEqual([[1, 4, 'front-matter-language']]);
      expect(data).toMatchObject({ readable: false, lineCount: 3 });
      expect(body).toBe('\n\n\n# Title\n');
    }
    expect((globalThis as Record<string, unknown>).__yamlMetaRan).toBeUndefined();
  });

  it('says so when the closing line has more than ---', async () => {
    const { problems } = await read('---\ntitle: Closing\n---oops\n# Closing\n');
    expect(problems).toEqual([{ line: 3, column: 4, ruleId: 'front-matter-unclosed', reason: 'The front matter ends at “---oops”; write the closing --- on a line of its own.' }]);
  });
});

describe('values, normalised by the schema', () => {
  it('gives the model its Meta: authors split, dates as YYYY-MM-DD, lists joined, numbers as text, other keys kept', async () => {
    const { data, problems } = await read(
      [
        '---',
        'title: 2025',
        'author: Ann Author, Bo Builder & Cy Checker; Di Doer and Ed Editor',
        'ms.date: 2019-07-26T23:30:00-05:00',
        'ms.topic: Playbook',
        'ft.audience: [internal, partners]',
        'ms.custom: [a, b]',
        'draft: false',
        'description:',
        '---',
        '# T',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(data.meta).toEqual({
      title: '2025',
      description: undefined,
      authors: ['Ann Author', 'Bo Builder', 'Cy Checker', 'Di Doer', 'Ed Editor'],
      date: '2019-07-26',
      topic: 'Playbook',
      audience: 'internal, partners',
      owner: undefined,
      extra: { 'ms.custom': ['a', 'b'], draft: 'false' },
      kind: 'playbook',
    });
  });

  it('lets kind override ms.topic, in any letter case', async () => {
    const { data } = await read('---\ntitle: K\nms.topic: playbook\nkind: ROLE\n---\n');
    expect(data.meta?.kind).toBe('role-guide');
  });

  it('is the same schema the snippets and the editor use', () => {
    expect(FrontMatterSchema.safeParse({ title: 'T', 'ms.date': '2/29/2020' }).data?.date).toBe('2020-02-29');
    expect(FrontMatterSchema.safeParse({ title: 'T', 'ms.date': '2/29/2019' }).success).toBe(false);
    expect(toMsDate('2020-02-09')).toBe('2/9/2020');
  });
});

describe('problems, at the key or list item they are about', () => {
  it('places each schema problem on its key, keeps the valid keys, and reports every problem at once', async () => {
    const { data, problems } = await read(
      ['---', 'title: Several', 'ms.date: 2/30/2019', 'ms.topic: role-guide', 'author:', '  - Ann', '  - name: Bo', 'kind: manager', 'description: [a, b]', '---', '# Several'].join('\n'),
    );
    expect(problems).toEqual([
      { line: 3, column: 1, ruleId: 'front-matter-date', reason: 'ms.date: “2/30/2019” is not a real calendar date (month 2, day 30).' },
      { line: 7, column: 5, ruleId: 'front-matter-nested', reason: '“author” must be text or a list of text, not a nested block.' },
      { line: 8, column: 1, ruleId: 'kind-unknown', reason: 'kind: “manager” is not a kind Rolebook knows. Use role-guide, playbook or skill.' },
      { line: 9, column: 1, ruleId: 'front-matter-list', reason: '“description” must be one line of text, not a list.' },
    ]);
    expect([...data.refused].sort()).toEqual(['author', 'description', 'kind', 'ms.date']);
    expect(data.meta).toMatchObject({ title: 'Several', topic: 'role-guide', authors: [] });
  });

  it('reports an empty list item on its own line', async () => {
    const { problems } = await read('---\ntitle: Items\nft.owner:\n  - ann\n  -\n---\n');
    // Just after the dash, where the text is missing.
    expect(problems).toEqual([{ line: 5, column: 4, ruleId: 'front-matter-list', reason: '“ft.owner” has an empty item in its list. Write text after the “-” or remove the line.' }]);
  });

  it('reports a tagged value once, at the tag, and never reads it', async () => {
    const { data, problems } = await read('---\ntitle: !!js/function "function () {}"\n---\n# T\n');
    expect(problems.map((problem) => [problem.line, problem.column, problem.ruleId])).toEqual([[2, 8, 'front-matter-tag']]);
    expect(data.values.title).toBeUndefined();
    expect(data.refused).toContain('title');
  });

  it('does not validate what it could not read', async () => {
    const { data, problems } = await read('---\ntitle: [unclosed\n---\n# T\n');
    expect(problems.every((problem) => problem.ruleId === 'front-matter-yaml')).toBe(true);
    expect(data.readable).toBe(false);
    expect(data.meta).toBeUndefined();
  });

  it('does not validate included fragments (they are parsed, never run)', () => {
    const processor = unified().use(remarkParse).use(remarkYamlMeta);
    const file = new VFile({ path: 'fragment.md', value: 'Just a paragraph.\n' });
    processor.parse(file);
    expect(file.messages).toEqual([]);
  });
});

describe('the kind, for remark-document-kind', () => {
  it('is not taken from ms.topic or the sections when kind: could not be read', async () => {
    const { default: remarkDocumentKind } = await import('../../plugins/remark-document-kind.ts');
    const { default: remarkSections } = await import('../../plugins/remark-sections.ts');
    const processor = unified().use(remarkParse).use(remarkYamlMeta).use(remarkSections).use(remarkDocumentKind);
    const kindOf = async (text: string) => {
      const file = new VFile({ path: 'doc.md', value: text });
      await processor.run(processor.parse(file), file);
      return file.data.kind;
    };
    expect(await kindOf('---\ntitle: K\nms.topic: role-guide\nkind: playbook-x\n---\n## Skills\n')).toBeUndefined();
    expect(await kindOf('---\ntitle: K\nms.topic: role-guide\n---\n## Objectives and Key Results\n')).toBe('role-guide');
    expect(await kindOf('---\ntitle: K\nms.topic: Skill\n---\n# K\n')).toBe('skill');
    expect(await kindOf('---\ntitle: K\n---\n## Skills\n')).toBe('role-guide');
  });
});
