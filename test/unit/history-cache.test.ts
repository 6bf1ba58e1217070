/**
 * The git history kept between builds: a build reads only the commits made since the last one,
 * and what it has is always what a whole read gives — same files, same commits, same order —
 * or it reads whole.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';

// The git commands each read runs: the point of keeping a history is not running `git log` over all of it.
const calls: string[][] = [];
vi.mock('../../src/git/git.ts', async (importOriginal) => (await import('../helpers/git-calls.ts')).recordingGit(await importOriginal(), calls));

const { readGitHistory } = await import('../../src/git/history.ts');
const { readGitHistoryKept } = await import('../../src/build/history-cache.ts');

let repo: FixtureRepo;
let contentDir: string;
let keptFile: string;
let day = 1;

/** A commit a day, so that dates order them as git does. */
function commit(files: Record<string, string | null>, message: string): string {
  day++;
  return repo.commit({ files, message, author: 'Ann', date: `2024-03-${String(day).padStart(2, '0')}T10:00:00Z` });
}

/** Everything a page can be given of the history, in its order: the file map's order and each file's commits'. */
async function wholeRead(): Promise<string> {
  const history = await readGitHistory(contentDir);
  return JSON.stringify({ ...history, commitsByFile: [...history!.commitsByFile] });
}

async function keptRead(): Promise<{ reuse: string; shown: string; logs: string[][] }> {
  calls.length = 0;
  const { history, reuse } = await readGitHistoryKept(contentDir, keptFile);
  const logs = calls.filter((args) => args[0] === 'log');
  return { reuse, shown: JSON.stringify({ ...history, commitsByFile: [...history!.commitsByFile] }), logs };
}

beforeEach(() => {
  day = 1;
  repo = new FixtureRepo();
  contentDir = path.join(repo.root, 'content');
  keptFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'rolebook-history-cache-')), 'git-history.json');
  commit({ 'content/roles/a.md': '# A\n', 'content/roles/b.md': '# B\n', 'README.md': 'x\n' }, 'Add A and B');
  commit({ 'content/roles/b.md': '# B\n\nMore.\n' }, 'Edit B');
});

afterEach(() => {
  repo.remove();
  rmSync(path.dirname(keptFile), { recursive: true, force: true });
});

describe('the git history kept between builds', () => {
  it('is read whole the first time, then taken as it is while the same commit is checked out, with no git log', async () => {
    const first = await keptRead();
    expect(first.reuse).toBe('read');
    expect(first.shown).toBe(await wholeRead());
    expect(existsSync(keptFile)).toBe(true);

    const again = await keptRead();
    expect(again).toMatchObject({ reuse: 'same-commit', shown: first.shown, logs: [] });
  });

  it('is extended by a line of new commits, giving exactly what a whole read gives', async () => {
    await keptRead();
    commit({ 'content/roles/a.md': '# A\n\nEdited.\n' }, 'Edit A');
    commit({ 'README.md': 'y\n' }, 'Only the readme');
    commit({ 'content/roles/c.md': '# C\n', 'content/roles/b.md': '# B\n\nMore, again.\n' }, 'Add C, edit B');
    const extended = await keptRead();
    expect(extended.reuse).toBe('extended');
    // Only the new commits were logged.
    expect(extended.logs).toHaveLength(1);
    expect(extended.logs[0]!.some((arg) => arg.includes('..'))).toBe(true);
    expect(extended.shown).toBe(await wholeRead());
    // What was kept then is extended in turn.
    commit({ 'content/roles/a.md': null }, 'Remove A');
    const next = await keptRead();
    expect(next.reuse).toBe('extended');
    expect(next.shown).toBe(await wholeRead());
  });

  it('is read whole after a merge, after history was rewritten, and after going back', async () => {
    await keptRead();
    repo.git('checkout', '-q', '-b', 'side', 'HEAD~1');
    commit({ 'content/roles/d.md': '# D\n' }, 'Add D on a side branch');
    repo.git('checkout', '-q', 'main');
    commit({ 'content/roles/a.md': '# A\n\nOn main.\n' }, 'Edit A on main');
    repo.git('-c', 'user.name=Ann', '-c', 'user.email=ann@example.com', 'merge', '-q', '--no-edit', 'side');
    const merged = await keptRead();
    expect(merged.reuse).toBe('read');
    expect(merged.shown).toBe(await wholeRead());

    repo.git('-c', 'user.name=Ann', '-c', 'user.email=ann@example.com', 'commit', '-q', '--amend', '-m', 'The merge, reworded');
    const rewritten = await keptRead();
    expect(rewritten.reuse).toBe('read');
    expect(rewritten.shown).toBe(await wholeRead());

    repo.git('reset', '-q', '--hard', 'HEAD~1');
    const back = await keptRead();
    expect(back.reuse).toBe('read');
    expect(back.shown).toBe(await wholeRead());
  });

  it('is not used when its file was damaged or edited, and the history is read whole', async () => {
    await keptRead();
    const text = readFileSync(keptFile, 'utf8');
    writeFileSync(keptFile, text.replace('Edit B', 'Edit X'));
    commit({ 'content/roles/a.md': '# A\n\nEdited.\n' }, 'Edit A');
    const afterEdit = await keptRead();
    expect(afterEdit.reuse).toBe('read');
    expect(afterEdit.shown).toBe(await wholeRead());
    expect(afterEdit.shown).not.toContain('Edit X');

    writeFileSync(keptFile, text.slice(0, text.length / 2));
    expect((await keptRead()).reuse).toBe('read');
  });

  it('is neither used nor kept in a shallow clone, whose oldest commit moves as it is fetched', async () => {
    commit({ 'content/roles/a.md': '# A\n\nEdited.\n' }, 'Edit A');
    const clone = mkdtempSync(path.join(os.tmpdir(), 'rolebook-shallow-'));
    try {
      repo.git('clone', '-q', '--depth', '1', `file://${repo.root}`, clone);
      const { history, reuse } = await readGitHistoryKept(path.join(clone, 'content'), keptFile);
      expect(history?.shallow).toBe(true);
      expect(reuse).toBe('read');
      expect(existsSync(keptFile)).toBe(false);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
