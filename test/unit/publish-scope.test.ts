/**
 * scripts/publish-scope.ts, run as the workflow runs it: in a real git repository, asking a GitHub
 * API (here a server on 127.0.0.1 answering as GitHub does) which commits passed every job. The
 * code tests may be skipped only when nothing but the content folder changed since such a commit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/publish-scope.ts');
const run = promisify(execFile);

interface Answer {
  status: number;
  body: unknown;
}

describe('publish scope (which pushes to main may skip the code tests)', () => {
  let server: Server;
  let apiUrl: string;
  let answer: Answer = { status: 200, body: { workflow_runs: [] } };
  const requests: IncomingMessage[] = [];
  const repos: FixtureRepo[] = [];
  const outputs: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  afterEach(() => {
    requests.length = 0;
    for (const repo of repos.splice(0)) repo.remove();
    for (const folder of outputs.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  let day = 1;
  function commit(repo: FixtureRepo, files: Record<string, string | null>): string {
    return repo.commit({ files, message: 'change', author: 'Owner', date: `2026-11-${String(day++ % 28 + 1).padStart(2, '0')}T10:00:00Z` });
  }

  function repository(config: object = { contentDir: 'content' }) {
    const repo = new FixtureRepo('rolebook-scope-');
    repos.push(repo);
    const first = commit(repo, {
      'rolebook.config.json': JSON.stringify(config),
      'content/roles/team-manager.md': '# Team Manager\n',
      'docs/pages/a.md': '# A\n',
      'src/site/nav.ts': 'export const nav = 1;\n',
    });
    return { repo, first };
  }

  const runs = (...shas: string[]) => ({ status: 200, body: { total_count: shas.length, workflow_runs: shas.map((head_sha, id) => ({ id, head_sha, conclusion: 'success' })) } });

  async function scope(repo: FixtureRepo, env: Record<string, string | undefined> = {}) {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-scope-out-'));
    outputs.push(folder);
    const outputFile = path.join(folder, 'output');
    const { ROLEBOOK_CONTENT: _content, ROLEBOOK_CONFIG: _config, ...inherited } = process.env;
    const { stdout } = await run(process.execPath, [SCRIPT], {
      cwd: repo.root,
      env: {
        ...inherited,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: 'contoso/playbooks',
        GITHUB_TOKEN: 'token-123',
        GITHUB_WORKFLOW_REF: 'contoso/playbooks/.github/workflows/publish.yml@refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_SHA: repo.git('rev-parse', 'HEAD').trim(),
        GITHUB_OUTPUT: outputFile,
        ...env,
      },
    });
    const written = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    return { stdout, contentOnly: written['content_only'], testedCommit: written['tested_commit'] };
  }

  it('skips the tests when only the content changed since a commit that passed every job, and says so', async () => {
    const { repo, first } = repository();
    commit(repo, { 'content/roles/team-manager.md': '# Team Manager\n\nFixed a typo.\n' });
    commit(repo, { 'content/roles/new-role.md': '# New\n', 'content/roles/team-manager.md': null });
    answer = runs(first);
    const result = await scope(repo);
    expect(result.contentOnly).toBe('true');
    expect(result.testedCommit).toBe(first);
    expect(result.stdout).toMatch(/^::notice title=Content-only change::Only the content changed \(2 files\) since [0-9a-f]{7}, which passed every job/);
    // Asked as GitHub documents it: this workflow's successful pushes to this branch, with the token.
    expect(requests).toHaveLength(1);
    const asked = new URL(requests[0]!.url!, apiUrl);
    expect(asked.pathname).toBe('/repos/contoso/playbooks/actions/workflows/publish.yml/runs');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({ branch: 'main', event: 'push', status: 'success' });
    expect(requests[0]!.headers.authorization).toBe('Bearer token-123');
  });

  it('scopes a pull request by its merge commit against the target branch’s passed commits', async () => {
    const { repo, first } = repository();
    repo.git('checkout', '-q', '-b', 'fix-typo');
    commit(repo, { 'content/roles/team-manager.md': '# Team Manager\n\nFixed a typo.\n' });
    // As GitHub checks a pull request out: its merge into the target, detached.
    repo.git('checkout', '-q', '--detach', 'main');
    repo.git('-c', 'user.name=GitHub', '-c', 'user.email=noreply@github.com', 'merge', '-q', '--no-ff', '-m', 'Merge fix-typo', 'fix-typo');
    answer = runs(first);
    const result = await scope(repo, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_REF_NAME: '7/merge' });
    expect(result.contentOnly).toBe('true');
    expect(result.stdout).toMatch(/the content is checked and the site built as a merge would publish it/);
    expect(new URL(requests[0]!.url!, apiUrl).searchParams.get('branch')).toBe('main');

    repo.git('checkout', '-q', 'fix-typo');
    commit(repo, { 'src/site/nav.ts': 'export const nav = 5;\n' });
    repo.git('checkout', '-q', '--detach', 'main');
    repo.git('-c', 'user.name=GitHub', '-c', 'user.email=noreply@github.com', 'merge', '-q', '--no-ff', '-m', 'Merge fix-typo again', 'fix-typo');
    expect((await scope(repo, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_REF_NAME: '7/merge' })).contentOnly).toBe('false');
  });

  it('skips them when the pushed commit itself passed every job before (a re-run)', async () => {
    const { repo, first } = repository();
    answer = runs(first);
    const result = await scope(repo);
    expect(result.contentOnly).toBe('true');
    expect(result.stdout).toMatch(/Nothing changed since [0-9a-f]{7}, which passed every job/);
  });

  it('runs the tests when anything outside the content folder changed, naming it', async () => {
    const { repo, first } = repository();
    commit(repo, { 'content/roles/team-manager.md': '# Team Manager\n\nEdited.\n', 'src/site/nav.ts': 'export const nav = 2;\n' });
    answer = runs(first);
    const mixed = await scope(repo);
    expect(mixed.contentOnly).toBe('false');
    expect(mixed.stdout).toContain('src/site/nav.ts');
    expect(mixed.stdout).not.toContain('team-manager.md');

    // A file moved out of the content folder changed something outside it.
    commit(repo, { 'content/roles/team-manager.md': null, 'archive/team-manager.md': '# Team Manager\n' });
    answer = runs(repo.git('rev-parse', 'HEAD~1').trim());
    expect((await scope(repo)).contentOnly).toBe('false');
  });

  it('compares with the newest passed commit in this branch’s history, ignoring unknown and unrelated ones', async () => {
    const { repo, first } = repository();
    const tested = commit(repo, { 'src/site/nav.ts': 'export const nav = 3;\n' });
    // A commit on another branch, never merged: its code is not main's.
    repo.git('checkout', '-q', '-b', 'elsewhere');
    const unrelated = commit(repo, { 'src/site/nav.ts': 'export const nav = 4;\n' });
    repo.git('checkout', '-q', 'main');
    commit(repo, { 'content/roles/team-manager.md': '# Team Manager\n\nNewer.\n' });
    answer = runs('f'.repeat(40), unrelated, tested, first);
    const result = await scope(repo);
    expect(result.contentOnly).toBe('true');
    expect(result.testedCommit).toBe(tested);
  });

  it('reads the content folder from rolebook.config.json', async () => {
    const { repo, first } = repository({ contentDir: 'docs/pages' });
    commit(repo, { 'docs/pages/a.md': '# A\n\nMore.\n' });
    answer = runs(first);
    expect((await scope(repo)).contentOnly).toBe('true');
    // `content/` is not this repository's content folder.
    commit(repo, { 'content/roles/team-manager.md': '# Changed\n' });
    expect((await scope(repo)).contentOnly).toBe('false');
  });

  it('follows a content folder that is a symbolic link to where git sees the files', async () => {
    const { repo } = repository({ contentDir: 'pages' });
    symlinkSync('docs/pages', path.join(repo.root, 'pages'));
    const tested = commit(repo, {});
    commit(repo, { 'docs/pages/a.md': '# A\n\nThrough the link.\n' });
    answer = runs(tested);
    expect((await scope(repo)).contentOnly).toBe('true');
  });

  it('runs the tests whenever it cannot be sure', async () => {
    const { repo, first } = repository();
    commit(repo, { 'content/roles/team-manager.md': '# Team Manager\n\nEdited.\n' });

    answer = runs();
    const none = await scope(repo);
    expect(none.contentOnly).toBe('false');
    expect(none.stdout).toMatch(/No earlier commit of this branch passed every job/);

    answer = { status: 500, body: { message: 'Server Error' } };
    const failing = await scope(repo);
    expect(failing.contentOnly).toBe('false');
    expect(failing.stdout).toMatch(/Could not tell what changed \(GitHub answered 500/);

    answer = { status: 200, body: { message: 'not a list of runs' } };
    expect((await scope(repo)).contentOnly).toBe('false');

    answer = runs(first);
    const noToken = await scope(repo, { GITHUB_TOKEN: '' });
    expect(noToken.contentOnly).toBe('false');
    expect(noToken.stdout).toMatch(/Could not tell what changed/);

    const unreachable = await scope(repo, { GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(unreachable.contentOnly).toBe('false');
  });

  it('needs nothing from node_modules: the workflow runs it before npm install', () => {
    const seen = new Set<string>();
    const packages: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!));
        else if (!specifier!.startsWith('node:')) packages.push(`${path.relative(path.dirname(SCRIPT), file)}: ${specifier}`);
      }
    };
    visit(SCRIPT);
    expect(seen.size).toBeGreaterThan(3);
    expect(packages).toEqual([]);
  });
});
