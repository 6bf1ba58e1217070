import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';

// Count the git processes history reading starts: it must not grow with the number of documents.
const calls: string[][] = [];
vi.mock('../../src/git/git.ts', async (importOriginal) => (await import('../helpers/git-calls.ts')).recordingGit(await importOriginal(), calls));

const { readGitHistory, commitsFor } = await import('../../src/git/history.ts');

describe('history for many documents', () => {
  const DOCUMENTS = 2000;
  let repo: FixtureRepo;

  beforeAll(() => {
    repo = new FixtureRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < DOCUMENTS; i++) files[`content/roles/role-${i}.md`] = `# Role ${i}\n`;
    repo.commit({ files, message: 'Import all roles', author: 'Importer', date: '2024-01-01T00:00:00Z' });
    const edits: Record<string, string> = {};
    for (let i = 0; i < DOCUMENTS; i += 2) edits[`content/roles/role-${i}.md`] = `# Role ${i}\n\nEdited.\n`;
    repo.commit({ files: edits, message: 'Edit even roles', author: 'Editor', date: '2024-02-01T00:00:00Z' });
  }, 60_000);

  afterAll(() => repo.remove());

  it('reads every document’s history with a fixed, small number of git processes', async () => {
    calls.length = 0;
    const started = performance.now();
    const history = await readGitHistory(path.join(repo.root, 'content'));
    const elapsed = performance.now() - started;
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls.filter((args) => args[0] === 'log')).toHaveLength(1);
    expect(history?.commitsByFile.size).toBe(DOCUMENTS);
    expect(commitsFor(history, [path.join(repo.root, 'content/roles/role-10.md')]).map((c) => c.subject)).toEqual([
      'Edit even roles',
      'Import all roles',
    ]);
    expect(commitsFor(history, [path.join(repo.root, 'content/roles/role-11.md')]).map((c) => c.subject)).toEqual([
      'Import all roles',
    ]);
    // A loose bound (a loaded 2-core CI machine); the process count above is the real guarantee.
    expect(elapsed).toBeLessThan(20_000);
  });
});
