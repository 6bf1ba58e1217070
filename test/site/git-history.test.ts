/**
 * Builds a content folder that lives in its own git repository, with commits at fixed dates, and
 * checks what the pages say about their history: last updated, the history list, staleness and
 * the edit link — and that outside git the same pages fall back to ms.date.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, run, type BuildResult } from '../helpers/site.ts';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';
import { attr, hasClass, parseHtml, squash, text, within, type Element } from '../fixtures/publishing/html.ts';

const fixture = path.join(projectRoot, 'test/fixtures/publishing/git-site');
const today = new Date();
const todayMsDate = `${today.getMonth() + 1}/${today.getDate()}/${today.getFullYear()}`;

/** Copies the fixture content to `target`, dating the fresh playbook today. */
function copyContent(target: string): void {
  cpSync(fixture, target, { recursive: true });
  const playbook = path.join(target, 'playbooks/escalations.md');
  writeFileSync(playbook, readFileSync(playbook, 'utf8').replace('{{TODAY}}', todayMsDate));
}

function page(outDir: string, sitePath: string): Element[] {
  return parseHtml(readFileSync(path.join(outDir, sitePath, 'index.html'), 'utf8'));
}

const byClass = (elements: Element[], name: string) => elements.filter((element) => hasClass(element, name));

describe('a site built from a git repository', () => {
  let repo: FixtureRepo;
  let build: BuildResult;
  const hashes: Record<string, string> = {};

  beforeAll(async () => {
    repo = new FixtureRepo('rolebook-site-git-');
    copyContent(path.join(repo.root, 'content'));
    // Commit in steps: first the guide, the include and the glossary; then the playbook; then an include edit.
    const playbook = readFileSync(path.join(repo.root, 'content/playbooks/escalations.md'), 'utf8');
    const intro = readFileSync(path.join(repo.root, 'content/roles/includes/intro.md'), 'utf8');
    rmSync(path.join(repo.root, 'content/playbooks'), { recursive: true });
    hashes.guide = repo.commit({ files: {}, message: 'Add the analyst guide', author: 'Ann Author', date: '2023-01-10T09:00:00Z' });
    hashes.playbook = repo.commit({
      files: { 'content/playbooks/escalations.md': playbook },
      message: 'Add the escalations playbook',
      author: 'Bo Builder',
      date: '2024-04-02T15:30:00Z',
    });
    hashes.intro = repo.commit({
      files: { 'content/roles/includes/intro.md': intro.replace('your own skills', 'your skills') },
      message: 'Reword the shared intro',
      author: 'Cy Include',
      date: '2024-05-05T08:00:00Z',
    });
    repo.git('remote', 'add', 'origin', 'git@github.com:contoso/playbook.git');
    build = await buildSite({ contentDir: path.join(repo.root, 'content'), fresh: true });
  });

  afterAll(() => repo?.remove());

  it('builds', () => {
    expect(build.exitCode, build.output).toBe(0);
  });

  it('shows "Last updated" from the latest commit to the page or any of its includes', () => {
    const [lastUpdated] = byClass(page(build.outDir, 'roles/analyst'), 'last-updated');
    const [time] = within(lastUpdated!, (element) => element.tagName === 'time');
    expect(attr(time!, 'datetime')).toBe('2024-05-05');
    expect(attr(time!, 'data-source')).toBe('git');
    expect(squash(text(time!))).toBe('May 5, 2024');

    const [playbookUpdated] = byClass(page(build.outDir, 'playbooks/escalations'), 'last-updated');
    expect(attr(within(playbookUpdated!, (element) => element.tagName === 'time')[0]!, 'datetime')).toBe('2024-04-02');
  });

  it('lists the page history newest first: date, message, author, linked commit', () => {
    const [history] = byClass(page(build.outDir, 'roles/analyst'), 'page-history');
    const items = within(history!, (element) => element.tagName === 'li');
    expect(items.map((item) => squash(text(item)))).toEqual([
      `May 5, 2024 Reword the shared intro Cy Include ${hashes.intro!.slice(0, 7)}`,
      `January 10, 2023 Add the analyst guide Ann Author ${hashes.guide!.slice(0, 7)}`,
    ]);
    const links = within(history!, (element) => element.tagName === 'a').map((link) => attr(link, 'href'));
    expect(links).toEqual([
      `https://github.com/contoso/playbook/commit/${hashes.intro}`,
      `https://github.com/contoso/playbook/commit/${hashes.guide}`,
      'https://github.com/contoso/playbook/commits/main/content/roles/analyst.md',
    ]);
  });

  it('links "Edit this page" to the file in the repository derived from origin', () => {
    const [edit] = byClass(page(build.outDir, 'roles/analyst'), 'edit-link');
    expect(attr(edit!, 'href')).toBe('https://github.com/contoso/playbook/edit/main/content/roles/analyst.md');
    expect(squash(text(edit!))).toBe('Edit this page');
  });

  it('flags a page whose ms.date is older than the review period, and not a freshly reviewed one', () => {
    const [analyst] = byClass(page(build.outDir, 'roles/analyst'), 'review-overdue');
    expect(squash(text(analyst!))).toBe('Not reviewed for over a year; may be out of date');
    expect(byClass(page(build.outDir, 'playbooks/escalations'), 'review-overdue')).toEqual([]);
  });

  it('lists every document on the health page with its dates, owner and flags', () => {
    const rows = parseHtml(readFileSync(path.join(build.outDir, 'health/index.html'), 'utf8')).filter(
      (element) => element.tagName === 'tr' && attr(element, 'data-document'),
    );
    const byId = new Map(rows.map((row) => [attr(row, 'data-document'), row]));
    expect([...byId.keys()].sort()).toEqual(['playbooks/escalations', 'roles/analyst']);
    const analyst = byId.get('roles/analyst')!;
    expect(attr(analyst, 'data-stale')).toBe('true');
    const flags = (row: Element) => within(row, (element) => !!attr(element, 'data-flag')).map((element) => attr(element, 'data-flag'));
    expect(flags(analyst)).toEqual(['stale', 'future-metric']);
    expect(squash(text(analyst))).toContain('annauthor');
    expect(squash(text(analyst))).toContain('May 5, 2024 Cy Include: Reword the shared intro');
    const playbook = byId.get('playbooks/escalations')!;
    expect(attr(playbook, 'data-stale')).toBe('false');
    expect(flags(playbook)).toEqual(['future-metric']);
  });

  it('warns about the stale page with `rolebook check --stale`, on its ms.date line', async () => {
    const cli = path.join(projectRoot, 'bin/rolebook.mjs');
    const result = await run(process.execPath, [cli, 'check', 'content', '--stale', '--format', 'json'], { cwd: repo.root });
    expect(result.exitCode, result.output).toBe(0);
    const report = JSON.parse(result.stdout) as { problems: Array<{ file: string; line: number; ruleId: string; message: string }> };
    const stale = report.problems.filter((problem) => problem.ruleId === 'stale-document');
    expect(stale).toEqual([
      expect.objectContaining({ file: 'content/roles/analyst.md', line: 5, column: 1, severity: 'warning' }),
    ]);
    expect(stale[0]!.message).toMatch(/^This page was last reviewed on 1\/10\/2023 \(ms\.date\), more than 12 months ago\./);
  });
});

describe('the same content outside git', () => {
  let folder: string;
  let build: BuildResult;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-site-nogit-'));
    copyContent(path.join(folder, 'content'));
    build = await buildSite({ contentDir: path.join(folder, 'content'), fresh: true });
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('falls back to ms.date, with no history and no edit link', () => {
    expect(build.exitCode, build.output).toBe(0);
    const analyst = page(build.outDir, 'roles/analyst');
    const [time] = within(byClass(analyst, 'last-updated')[0]!, (element) => element.tagName === 'time');
    expect(attr(time!, 'datetime')).toBe('2023-01-10');
    expect(attr(time!, 'data-source')).toBe('ms.date');
    expect(byClass(analyst, 'page-history')).toEqual([]);
    expect(byClass(analyst, 'edit-link')).toEqual([]);
  });
});
