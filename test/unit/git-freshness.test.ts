import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, formatDay } from '../../src/git/dates.ts';
import { toMsDate } from '../../src/model/frontmatter.ts';
import { assessFreshness, findStaleDocuments, type FreshnessDocument } from '../../src/git/freshness.ts';
import type { CommitInfo, GitHistory } from '../../src/git/history.ts';
import type { RolebookDocument } from '../../src/model/schemas.ts';
import { loadContent } from '../../src/content/load.ts';
import { FixtureRepo } from '../fixtures/publishing/git-fixture.ts';

function documentAt(contentRoot: string, source: string, date?: string, includes: string[] = []): FreshnessDocument {
  const model = {
    kind: 'playbook',
    id: source.replace(/\.md$/, ''),
    source,
    title: source,
    includes,
    meta: { title: source, authors: [], date, extra: {} },
    overview: [],
    objectives: [],
    definitions: [],
    okrs: [],
    drafts: [],
  } satisfies RolebookDocument;
  return { model, files: [source, ...includes].map((file) => path.join(contentRoot, file)) };
}

function commit(date: string, subject = 'change'): CommitInfo {
  return { hash: subject.padEnd(40, '0'), shortHash: 'abc1234', date, authorDate: date, author: 'A', subject };
}

function historyOf(contentDir: string, entries: Record<string, CommitInfo[]>): GitHistory {
  return {
    repoRoot: contentDir,
    contentDir,
    contentPrefix: '',
    shallow: false,
    commitsByFile: new Map(Object.entries(entries).map(([file, commits]) => [path.join(contentDir, file), commits])),
  };
}

describe('dates', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-15', 12)).toBe('2025-01-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('counts whole months', () => {
    expect(monthsBetween('2024-01-15', '2025-01-14')).toBe(11);
    expect(monthsBetween('2024-01-15', '2025-01-15')).toBe(12);
    expect(monthsBetween('2025-01-15', '2024-01-15')).toBe(0);
  });

  it('formats for authors and readers', () => {
    expect(toMsDate('2019-07-26')).toBe('7/26/2019');
    expect(formatDay('2019-07-26')).toBe('July 26, 2019');
  });
});

describe('assessFreshness', () => {
  const root = path.resolve('/content');
  const now = new Date('2025-01-15T12:00:00Z');

  it('counts ms.date as the review and is stale only after the whole period', () => {
    expect(assessFreshness(documentAt(root, 'a.md', '2024-01-15'), undefined, { now, staleAfterMonths: 12 })).toMatchObject({
      reviewed: '2024-01-15',
      reviewedFrom: 'ms.date',
      reviewDue: '2025-01-15',
      stale: false,
      ageMonths: 12,
    });
    expect(assessFreshness(documentAt(root, 'a.md', '2024-01-14'), undefined, { now, staleAfterMonths: 12 }).stale).toBe(true);
  });

  it('honours a configured period', () => {
    const document = documentAt(root, 'a.md', '2024-09-01');
    expect(assessFreshness(document, undefined, { now, staleAfterMonths: 12 }).stale).toBe(false);
    expect(assessFreshness(document, undefined, { now, staleAfterMonths: 3 }).stale).toBe(true);
  });

  it('does not treat a later commit as a review when ms.date is set', () => {
    const history = historyOf(root, { 'a.md': [commit('2025-01-10T00:00:00+00:00', 'typo fix')] });
    const freshness = assessFreshness(documentAt(root, 'a.md', '2022-05-01'), history, { now });
    expect(freshness.stale).toBe(true);
    expect(freshness.lastCommit?.subject).toBe('typo fix');
  });

  it('falls back to the last commit of the page or its includes without ms.date', () => {
    const history = historyOf(root, {
      'a.md': [commit('2023-01-01T00:00:00+00:00', 'page')],
      'includes/x.md': [commit('2024-06-01T00:00:00+00:00', 'include')],
    });
    const freshness = assessFreshness(documentAt(root, 'a.md', undefined, ['includes/x.md']), history, { now });
    expect(freshness).toMatchObject({ reviewed: '2024-06-01', reviewedFrom: 'git', stale: false });
    expect(freshness.lastCommit?.subject).toBe('include');
  });

  it('cannot judge a page with neither ms.date nor history', () => {
    expect(assessFreshness(documentAt(root, 'a.md'), undefined, { now })).toEqual({ reviewedFrom: 'none', lastCommit: undefined, stale: false });
  });
});

describe('findStaleDocuments', () => {
  let contentRoot: string;
  const now = new Date('2025-06-01T00:00:00Z');

  beforeAll(() => {
    contentRoot = mkdtempSync(path.join(os.tmpdir(), 'rolebook-stale-'));
    mkdirSync(path.join(contentRoot, 'roles'));
    writeFileSync(
      path.join(contentRoot, 'roles/old.md'),
      '---   \r\ntitle: Old\r\n# reviewed long ago\r\nms.date: 7/26/2019\r\nms.topic: role-guide\r\n---\r\n# Old\r\n',
    );
    writeFileSync(path.join(contentRoot, 'roles/fresh.md'), '---\ntitle: Fresh\nms.date: 5/1/2025\nms.topic: role-guide\n---\n# Fresh\n');
  });

  afterAll(() => rmSync(contentRoot, { recursive: true, force: true }));

  it('warns on each stale document at its ms.date line, in words for the owner', async () => {
    // Parsed for real: the warning goes where the front-matter reader found ms.date.
    const { documents } = await loadContent(contentRoot, { cacheDir: false });
    expect(documents.map((document) => document.model.meta.date).sort()).toEqual(['2019-07-26', '2025-05-01']);
    const problems = await findStaleDocuments(documents, { contentRoot, staleAfterMonths: 12, now });
    expect(problems).toEqual([
      {
        file: path.join(contentRoot, 'roles/old.md'),
        line: 4,
        column: 1,
        severity: 'warning',
        ruleId: 'stale-document',
        message:
          "This page was last reviewed on 7/26/2019 (ms.date), more than 12 months ago. Check that it is still right, then set ms.date to today's date.",
      },
    ]);
  });

  it('uses git history from the content folder for pages without ms.date', async () => {
    const repo = new FixtureRepo();
    try {
      repo.commit({
        files: { 'content/playbooks/undated.md': '---\ntitle: Undated\n---\n# Undated\n' },
        message: 'Add undated page',
        author: 'Ann',
        date: '2023-03-04T10:00:00Z',
      });
      const root = path.join(repo.root, 'content');
      const problems = await findStaleDocuments([documentAt(root, 'playbooks/undated.md')], { contentRoot: root, now });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 1, column: 1, ruleId: 'stale-document' });
      expect(problems[0]!.message).toBe(
        "This page has no ms.date and was last changed on 3/4/2023, more than 12 months ago. Check that it is still right, then add ms.date with today's date.",
      );
    } finally {
      repo.remove();
    }
  });
});
