/**
 * A content folder reached through a link — the folder itself a symlink (`content -> ../docs`), or
 * a folder above it one (macOS's /tmp) — loads as the same folder reached directly: its includes
 * and pictures are inside it. Only what really lies outside it is refused.
 */
import { cp, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { ContentLoadResult } from '../../src/model/rendered.ts';

const projectContent = path.resolve(import.meta.dirname, '../../content');

let sandbox: string;
let real: string;
let linked: string;
beforeEach(async () => {
  sandbox = await realpath(await mkdtemp(path.join(os.tmpdir(), 'rolebook-linked-')));
  real = path.join(sandbox, 'docs');
  await cp(projectContent, real, { recursive: true });
  linked = path.join(sandbox, 'content');
  await symlink(real, linked, 'dir');
  await writeFile(path.join(sandbox, 'outside.md'), 'OUTSIDE\n');
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** What a load gives, with each path relative to the content folder it was given. */
function shown(result: ContentLoadResult, root: string) {
  return {
    problems: result.problems.map((problem) => ({ ...problem, file: path.relative(root, problem.file) })),
    documents: result.documents.map((document) => ({
      id: document.model.id,
      html: document.html,
      localFiles: document.localFiles,
      files: document.files.map((file) => path.relative(root, file)),
      links: document.links.map((link) => ({ ...link, file: path.relative(root, link.file) })),
    })),
  };
}

describe('a content folder reached through a link', () => {
  it('loads as the folder itself: no include or picture is taken for one outside it', async () => {
    const direct = shown(await loadContent(real, { cacheDir: false }), real);
    const throughLink = shown(await loadContent(linked, { cacheDir: false }), linked);
    expect(direct.problems).toEqual([]);
    expect(direct.documents.some((document) => document.files.length > 1)).toBe(true);
    expect(direct.documents.some((document) => (document.localFiles ?? []).length > 0)).toBe(true);
    expect(throughLink).toEqual(direct);
  });

  it('still refuses includes and pictures that lead out of it, by path or by link', async () => {
    await mkdir(path.join(real, 'roles', 'links'));
    await symlink(path.join(sandbox, 'outside.md'), path.join(real, 'roles', 'links', 'escape.md'));
    await cp(path.join(real, 'roles', 'media', 'team-manager-stakeholders.png'), path.join(sandbox, 'outside.png'));
    await symlink(path.join(sandbox, 'outside.png'), path.join(real, 'roles', 'links', 'escape.png'));
    await writeFile(
      path.join(real, 'roles', 'escaping.md'),
      [
        '---',
        'title: Escaping',
        'description: Tries to leave the content folder.',
        'ms.date: 1/2/2025',
        '---',
        '',
        '# Escaping',
        '',
        '[!INCLUDE [up](../../outside.md)]',
        '',
        '[!INCLUDE [link](./links/escape.md)]',
        '',
        '![A picture from outside](../../outside.png)',
        '',
        '![A picture linked from outside](./links/escape.png)',
        '',
      ].join('\n'),
    );
    const result = await loadContent(linked, { cacheDir: false });
    const escaping = result.problems.filter((problem) => problem.file === path.join(linked, 'roles', 'escaping.md') && problem.ruleId.includes('outside'));
    expect(escaping.map((problem) => [problem.line, problem.ruleId])).toEqual([
      [9, 'include-outside'],
      [11, 'include-outside'],
      [13, 'image-outside-content'],
      [15, 'image-outside-content'],
    ]);
    expect(JSON.stringify(result.documents)).not.toContain('OUTSIDE');
  });
});
