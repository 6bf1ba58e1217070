import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitError, runGit } from '../../src/git/git.ts';
import { commitsFor, lastCommitFor, readGitHistory, type GitHistory } from '../../src/git/history.ts';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';

describe('readGitHistory', () => {
  let repo: FixtureRepo;
  let history: GitHistory | undefined;
  let contentDir: string;
  const hashes: Record<string, string> = {};

  beforeAll(async () => {
    repo = new FixtureRepo();
    contentDir = path.join(repo.root, 'content');
    hashes.first = repo.commit({
      files: {
        'content/roles/manager.md': '# Manager\n',
        'content/roles/includes/intro.md': 'Intro\n',
        'content/playbooks/odd, name: ü.md': '# Odd\n',
        'README.md': 'outside the content folder\n',
      },
      message: 'Add the first pages',
      author: 'Ann Author',
      date: '2023-02-01T09:00:00Z',
    });
    hashes.readme = repo.commit({
      files: { 'README.md': 'changed outside content\n' },
      message: 'Touch only the readme',
      author: 'Rita Readme',
      date: '2023-03-01T09:00:00Z',
    });
    hashes.include = repo.commit({
      files: { 'content/roles/includes/intro.md': 'Intro, revised\n' },
      message: 'Revise the shared intro',
      author: 'Ian Include',
      date: '2024-05-10T12:00:00+02:00',
    });
    hashes.both = repo.commit({
      files: { 'content/roles/manager.md': '# Manager\n\nMore.\n', 'content/roles/includes/intro.md': 'Intro 3\n' },
      message: 'Update manager and intro together',
      author: 'Bo Both',
      date: '2024-06-01T08:00:00Z',
    });
    history = await readGitHistory(contentDir);
  });

  afterAll(() => repo.remove());

  it('finds the repository from the content folder and its place in it', () => {
    expect(history).toBeDefined();
    expect(history!.contentPrefix).toBe('content/');
    expect(history!.contentDir).toBe(path.resolve(contentDir));
    expect(history!.shallow).toBe(false);
    expect(history!.originUrl).toBeUndefined();
  });

  it('maps every content file to its commits, newest first, with pinned dates, authors and subjects', () => {
    const manager = history!.commitsByFile.get(path.join(contentDir, 'roles/manager.md'));
    expect(manager?.map((c) => [c.hash, c.date, c.author, c.subject])).toEqual([
      [hashes.both, '2024-06-01T08:00:00+00:00', 'Bo Both', 'Update manager and intro together'],
      [hashes.first, '2023-02-01T09:00:00+00:00', 'Ann Author', 'Add the first pages'],
    ]);
    expect(manager?.[0]?.shortHash).toBe(hashes.both!.slice(0, manager![0]!.shortHash.length));
  });

  it('keeps file names with spaces, commas, colons and non-ASCII letters intact', () => {
    expect(history!.commitsByFile.get(path.join(contentDir, 'playbooks/odd, name: ü.md'))?.[0]?.hash).toBe(hashes.first);
  });

  it('ignores files outside the content folder', () => {
    const files = [...history!.commitsByFile.keys()];
    expect(files.every((file) => file.startsWith(contentDir + path.sep))).toBe(true);
    expect(files.some((file) => file.endsWith('README.md'))).toBe(false);
  });

  it('merges a page with its includes, each commit once, newest first', () => {
    const files = [path.join(contentDir, 'roles/manager.md'), path.join(contentDir, 'roles/includes/intro.md')];
    expect(commitsFor(history, files).map((c) => c.subject)).toEqual([
      'Update manager and intro together',
      'Revise the shared intro',
      'Add the first pages',
    ]);
    expect(commitsFor(history, files, 2)).toHaveLength(2);
    expect(lastCommitFor(history, files)?.hash).toBe(hashes.both);
    // Worked out once per list: what a caller does to the list it was given changes no later answer.
    commitsFor(history, files).reverse().pop();
    expect(commitsFor(history, files).map((c) => c.subject)).toEqual(['Update manager and intro together', 'Revise the shared intro', 'Add the first pages']);
    expect(commitsFor(history, [files[0]!]).map((c) => c.subject)).toEqual(['Update manager and intro together', 'Add the first pages']);
  });

  it('orders by instant, not by the text of the date (time zones differ)', () => {
    const include = history!.commitsByFile.get(path.join(contentDir, 'roles/includes/intro.md'))!;
    expect(include.map((c) => c.date)).toEqual(['2024-06-01T08:00:00+00:00', '2024-05-10T12:00:00+02:00', '2023-02-01T09:00:00+00:00']);
  });

  it('has nothing for a file that was never committed', () => {
    expect(commitsFor(history, [path.join(contentDir, 'roles/new.md')])).toEqual([]);
    expect(commitsFor(undefined, [path.join(contentDir, 'roles/manager.md')])).toEqual([]);
  });

  it('reads the origin remote for edit links', async () => {
    repo.git('remote', 'add', 'origin', 'git@github.com:contoso/playbook.git');
    expect((await readGitHistory(contentDir))?.originUrl).toBe('git@github.com:contoso/playbook.git');
    repo.git('remote', 'remove', 'origin');
  });

  it('works when the content folder is the repository root', async () => {
    const rooted = await readGitHistory(repo.root);
    expect(rooted?.contentPrefix).toBe('');
    expect(rooted?.commitsByFile.get(path.join(repo.root, 'README.md'))?.map((c) => c.hash)).toEqual([hashes.readme, hashes.first]);
  });
});

describe('outside a repository', () => {
  it('returns no history, so pages fall back to ms.date', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-nogit-'));
    try {
      expect(await readGitHistory(folder)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('treats a repository without commits as having no history yet', async () => {
    const repo = new FixtureRepo();
    try {
      repo.write({ 'content/a.md': '# A\n' });
      const history = await readGitHistory(path.join(repo.root, 'content'));
      expect(history?.commitsByFile.size).toBe(0);
    } finally {
      repo.remove();
    }
  });
});

describe('runGit', () => {
  it('wraps a failure in a GitError naming the command, with the original error as cause', async () => {
    const repo = new FixtureRepo();
    try {
      const failure = await runGit(['rev-parse', '--verify', 'no-such-branch'], { cwd: repo.root }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GitError);
      expect((failure as GitError).message).toMatch(/^git rev-parse --verify no-such-branch failed in .*: fatal: Needed a single revision$/);
      expect((failure as GitError).cause).toBeInstanceOf(Error);
      expect((failure as GitError).gitMissing).toBe(false);
      expect((failure as GitError).exitCode).toBe(128);
    } finally {
      repo.remove();
    }
  });
});
