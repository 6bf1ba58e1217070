/** The VS Code front-matter snippets produce front matter that Rolebook accepts as it is. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { readFrontMatter, validateFrontMatter } from '../../plugins/remark-yaml-meta.ts';
import { FrontMatterSchema } from '../../src/model/frontmatter.ts';

const snippets = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../.vscode/rolebook.code-snippets'), 'utf8')) as Record<
  string,
  { body: string[]; scope: string }
>;

/** What VS Code inserts when the author accepts every default (dates for 2026-11-22). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$CURRENT_MONTH/g, '11')
    .replace(/\$CURRENT_DATE/g, '22')
    .replace(/\$CURRENT_YEAR/g, '2026')
    .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$0/g, '# Title');
}

describe('front-matter snippets', () => {
  it.each(Object.entries(snippets))('%s gives valid front matter with no problems', (_name, snippet) => {
    expect(snippet.scope).toBe('markdown');
    const file = new VFile({ path: 'new.md', value: expand(snippet.body) });
    readFrontMatter(String(file.value), file);
    validateFrontMatter(file);
    expect(file.messages.map((message) => message.reason)).toEqual([]);
    expect(file.data.frontMatter?.meta?.date).toBe('2026-11-22');
    expect(FrontMatterSchema.safeParse({ ...file.data.frontMatter!.values }).success).toBe(true);
  });
});
