/**
 * Inputs that used to crash the check or would stall it: each gives exactly one positioned message
 * with a registered rule id, never `internal-error`, and no follow-on errors from the same cause.
 * Every case is a real role guide with one kind of trouble added under “## Notes”.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/content/glossary.ts';
import { parseDocument } from '../../src/content/load.ts';
import {
  MAX_CONTAINER_NESTING,
  MAX_HTML_NESTING,
  MAX_LINE_LENGTH,
  MAX_LIST_ITEMS,
  MAX_TABLE_CELLS,
} from '../../plugins/remark-complexity-guard.ts';
import { isRuleId } from '../../src/model/rules.ts';
import { minimalRoleGuideBody } from '../helpers/role-guide.ts';

const GUIDE = `---
title: Role Guide - Sturdy
ms.topic: role-guide
---
${minimalRoleGuideBody('Sturdy')}
## Notes

`;
/** Line of the first character after GUIDE. */
const NOTES_LINE = GUIDE.split('\n').length;

let content: string;
beforeAll(async () => {
  content = path.join(await mkdtemp(path.join(os.tmpdir(), 'rolebook-robust-')), 'content');
  await mkdir(path.join(content, 'roles', 'includes'), { recursive: true });
});
afterAll(async () => {
  await rm(path.dirname(content), { recursive: true, force: true });
});

async function check(notes: string, include?: string) {
  const file = path.join(content, 'roles', 'sturdy.md');
  await writeFile(file, GUIDE + notes);
  if (include !== undefined) await writeFile(path.join(content, 'roles', 'includes', 'part.md'), include);
  const parsed = await parseDocument(file, { contentRoot: content, glossary: [], render: true });
  for (const problem of parsed.problems) {
    expect(problem.ruleId, problem.message).not.toBe('internal-error');
    expect(isRuleId(problem.ruleId), problem.ruleId).toBe(true);
  }
  return parsed.problems.map(({ file: where, line, column, severity, ruleId }) => ({ file: path.relative(content, where), line, column, severity, ruleId }));
}

const at = (line: number, column: number, ruleId: string, file = 'roles/sturdy.md') => ({ file, line, column, severity: 'error', ruleId });

describe("no input crashes the check or is silently misread", { timeout: 60_000 }, () => {
  it('the guide itself is clean', async () => {
    expect(await check('Nothing to see.\n')).toEqual([]);
  });

  it('malformed percent-encoding in links, autolinks and definitions points at the %', async () => {
    const notes = 'See [a](./x%zz.md), [b](https://example.com/%E0%A4%A), <https://x.org/100%> and [c].\n\n[c]: https://example.com/50%-off\n';
    expect(await check(notes)).toEqual([
      at(NOTES_LINE, 12, 'link-encoding'),
      at(NOTES_LINE, 45, 'link-encoding'),
      at(NOTES_LINE, 74, 'link-encoding'),
      at(NOTES_LINE + 2, 28, 'link-encoding'),
    ]);
  });

  it('well-formed percent-encoding is fine, and resolves to the file it names', async () => {
    await writeFile(path.join(content, 'roles', 'a b.md'), GUIDE.replace('Sturdy', 'A b'));
    expect(await check('See [a](./a%20b.md) and [b](https://example.com/caf%C3%A9).\n')).toEqual([]);
  });

  it('thousands of nested quotes: one message at the quote that goes too deep', async () => {
    expect(await check(`${'>'.repeat(5000)} deep\n`)).toEqual([at(NOTES_LINE, MAX_CONTAINER_NESTING + 1, 'markdown-too-deep')]);
  });

  it('lists nested on one line, by indentation, and mixed with quotes', async () => {
    expect(await check(`${'- '.repeat(3000)}x\n`)).toEqual([at(NOTES_LINE, 2 * MAX_CONTAINER_NESTING + 1, 'markdown-too-deep')]);
    const indented = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- item\n`).join('');
    expect(await check(indented)).toEqual([at(NOTES_LINE + MAX_CONTAINER_NESTING, 2 * MAX_CONTAINER_NESTING + 1, 'markdown-too-deep')]);
    expect(await check(`${'> - '.repeat(40)}x\n`)).toEqual([at(NOTES_LINE, 2 * MAX_CONTAINER_NESTING + 1, 'markdown-too-deep')]);
  });

  it('nesting that is deep but sane is read', async () => {
    const indented = Array.from({ length: 10 }, (_, depth) => `${'  '.repeat(depth)}- item\n`).join('');
    expect(await check(`${indented}\n${'> '.repeat(10)}quote\n`)).toEqual([]);
  });

  it('emphasis nested past the tree depth limit', async () => {
    const n = 120;
    const open = Array.from({ length: n }, (_, i) => `${i % 2 ? '_' : '*'}w${i} `).join('');
    const close = Array.from({ length: n }, (_, i) => ` v${n - 1 - i}${(n - 1 - i) % 2 ? '_' : '*'}`).join('');
    const problems = await check(`Text ${open}x${close}\n`);
    expect(problems).toEqual([{ ...at(NOTES_LINE, problems[0]?.column ?? 0, 'markdown-too-deep') }]);
    expect(problems[0]!.column).toBeGreaterThan(100);
  });

  it('raw HTML nested thousands deep over several paragraphs (each within the marker limit)', async () => {
    const notes = [...Array(4).fill('<div>'.repeat(700)), 'x', ...Array(4).fill('</div>'.repeat(700))].join('\n\n');
    expect(await check(`${notes}\n`)).toEqual([at(NOTES_LINE, 5 * MAX_HTML_NESTING + 1, 'markdown-too-deep')]);
    expect(await check('<div><span>Fine</span><br><p>and <b>fine</b></div>\n')).toEqual([]);
  });

  it('thousands of brackets: only the complexity message, not “cannot tell whether this is a role guide”', async () => {
    expect(await check(`${'['.repeat(1600)}x\n`)).toEqual([at(NOTES_LINE, 1, 'markdown-too-complex')]);
  });

  it('too many list items', async () => {
    const problems = await check('- item\n'.repeat(MAX_LIST_ITEMS + 10));
    // The guide above the notes has three list items already.
    expect(problems).toEqual([at(NOTES_LINE + MAX_LIST_ITEMS - 3, 1, 'markdown-too-complex')]);
  });

  it('a huge table is refused at its header row; a large one is read', async () => {
    const rows = MAX_TABLE_CELLS / 2 + 1;
    expect(await check(`| a | b |\n|---|---|\n${'| x | y |\n'.repeat(rows)}`)).toEqual([at(NOTES_LINE, 1, 'table-too-large')]);
    expect(await check(`| a | b |\n|---|---|\n${'| x | y |\n'.repeat(200)}`)).toEqual([]);
  });

  it('a very long line', async () => {
    expect(await check(`${'word '.repeat(MAX_LINE_LENGTH / 4)}\n`)).toEqual([at(NOTES_LINE, MAX_LINE_LENGTH + 1, 'line-too-long')]);
  });

  it('control characters: one message at the first, the document is still read', async () => {
    expect(await check('Red \u001b[31malert\u001b[0m and a bell\u0007.\n')).toEqual([at(NOTES_LINE, 5, 'text-control-character')]);
    expect(await check('Tabs\tare fine, and so are Windows line ends.\r\nAnd no\u00a0break spaces too.\n')).toEqual([]);
  });

  it('trouble inside an include is reported in the include, once', async () => {
    const problems = await check('[!INCLUDE [Part](./includes/part.md)]\n', `${'>'.repeat(100)} deep\n`);
    expect(problems).toEqual([at(1, MAX_CONTAINER_NESTING + 1, 'markdown-too-deep', 'roles/includes/part.md')]);
  });

  it('the glossary gets the same guard', async () => {
    const folder = path.join(content, 'glossary');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'glossary.md'), `# Glossary\n\n- **TM** – Team Manager\u0007\n${'>'.repeat(5000)} x\n`);
    const { problems } = await loadGlossary(content);
    expect(problems.map(({ line, column, ruleId }) => ({ line, column, ruleId }))).toEqual([
      { line: 3, column: 24, ruleId: 'text-control-character' },
      { line: 4, column: MAX_CONTAINER_NESTING + 1, ruleId: 'markdown-too-deep' },
    ]);
  });

  it('a NUL byte or a non-UTF-8 byte is placed by characters and by CR, LF or CRLF line ends, as an editor shows it', async () => {
    const file = path.join(content, 'roles', 'bytes.md');
    const place = async (bytes: Buffer) => {
      await writeFile(file, bytes);
      const { problems } = await parseDocument(file, { contentRoot: content, glossary: [], render: false });
      return problems.map(({ line, column, ruleId }) => ({ line, column, ruleId }));
    };
    expect(await place(Buffer.concat([Buffer.from('a\r\nb\rc – é '), Buffer.from([0])]))).toEqual([{ line: 3, column: 7, ruleId: 'file-binary' }]);
    expect(await place(Buffer.concat([Buffer.from('title\n – café '), Buffer.from([0xe9, 0x20])]))).toEqual([{ line: 2, column: 9, ruleId: 'file-encoding' }]);
  });
});
