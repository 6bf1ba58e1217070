/**
 * The demo content (the tests' copy, test/fixtures/site/content), and the reference samples where
 * ../shared is present, must give the models the issue names: counts, levels, metrics and future
 * marks. The project's own `content/` is the team's to change: it is only checked to be valid.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { Playbook, RoleGuide, RolebookDocument } from '../../src/model/schemas.ts';
import { siteContent } from '../helpers/site.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const samples = path.resolve(projectRoot, '../shared/samples');

function byKind(documents: RolebookDocument[]) {
  const role = documents.find((document): document is RoleGuide => document.kind === 'role-guide' && document.title === 'FastTrack Team Manager (TM)');
  const playbook = documents.find((document): document is Playbook => document.kind === 'playbook');
  if (!role || !playbook) throw new Error('expected one role guide and one playbook');
  return { role, playbook };
}

function expectTeamManager(role: RoleGuide) {
  expect(role.title).toBe('FastTrack Team Manager (TM)');
  expect(role.meta).toMatchObject({
    title: 'Role Guide - FastTrack Team Manager (TM)',
    authors: ['Stephen Sorenson', 'Matt Whitten'],
    date: '2019-07-26',
    topic: 'role-guide',
    audience: 'internal',
    owner: 'jimmuir',
    extra: { 'ms.author': 'v-conbre', manager: 'jimmuir', 'ms.prod': 'non-product-specific', 'ms.custom': 'approved' },
  });
  expect(role.levelScale.map((level) => `${level.code} ${level.name}`)).toEqual([
    'L100 essentials',
    'L200 intermediate',
    'L300 advanced',
    'L400 expert',
  ]);
  expect(role.skills).toHaveLength(7);
  expect(role.skills.filter((skill) => skill.level.code === 'L300' && skill.level.orAbove).map((skill) => skill.name)).toEqual([
    'People Management',
    'Portfolio Management',
    'Operational Excellence',
    'Mentoring/Coaching',
  ]);
  expect(role.skills.filter((skill) => skill.level.code === 'L400' && !skill.level.orAbove).map((skill) => skill.name)).toEqual([
    'Communication',
    'Collaboration',
  ]);
  // skillId comes from the catalog, when the content has one (see below).
  expect({ ...role.skills[6], skillId: undefined }).toEqual({
    name: 'Technical skills',
    level: { code: 'L50', value: 50, orAbove: true },
    qualifier: 'across M365 Suite',
  });
  expect(role.responsibilities).toHaveLength(6);
  expect(role.capabilities).toHaveLength(5);
  expect(role.stakeholders).toHaveLength(4);
  expect(role.stakeholders[0]).toEqual({ text: 'CXP LT to drive business results', group: 'CXP LT', purpose: 'drive business results' });
  expect(role.successFactors.map((factor) => factor.name)).toEqual([
    'Business/Portfolio Management',
    'Delivery Management & Excellence',
    'Customer Stakeholder Collaboration',
    'People Management',
    'Invest in your role',
  ]);
  expect(role.successFactors.map((factor) => factor.metrics.length)).toEqual([3, 6, 2, 4, 2]);
  const metrics = role.successFactors.flatMap((factor) => factor.metrics);
  expect(metrics.filter((metric) => metric.kind === 'qualitative').map((metric) => metric.name)).toEqual([
    'Quality Insights',
    'Stakeholder “Handshake”',
    'Skip Level Feedback',
    'Perspectives Feedback',
    '1:1 Feedback',
    'Share learnings/training with the FTC community',
  ]);
  expect(metrics.every((metric) => !metric.name.endsWith('.'))).toBe(true);
  expect(role.successFactors[1]!.metrics[3]).toEqual({ kind: 'quantitative', name: 'CPE & NPS', future: false });
  // "(e.g. Teams)" stays inside its sentence.
  expect(role.successFactors[4]!.indicators).toHaveLength(2);
  expect(role.successFactors[4]!.indicators[1]).toContain('(e.g. Teams)');
}

function expectAreaLiaison(playbook: Playbook) {
  expect(playbook.title).toBe('FastTrack Area Liaison');
  expect(playbook.meta).toMatchObject({ authors: ['Mark Eichenberger'], date: '2019-02-18', topic: 'playbook', owner: 'mareich' });
  expect(playbook.meta.extra.manager).toBe('eduardod');
  expect(playbook.includes).toEqual(['playbooks/includes/questions-feedback.md']);
  expect(playbook.okrs.map((area) => area.area)).toEqual([
    'Business Performance',
    'FastTrack Readiness',
    'FastTrack Escalation',
    'FastTrack Feedback',
  ]);
  expect(playbook.okrs.map((area) => area.objectives.length)).toEqual([6, 2, 2, 2]);
  expect(playbook.okrs.map((area) => area.keyResults.length)).toEqual([5, 2, 1, 2]);
  const future = playbook.okrs.flatMap((area) => area.keyResults).filter((result) => result.future);
  expect(future).toHaveLength(2);
  expect(future.every((result) => !/future/i.test(result.text))).toBe(true);
  expect(playbook.definitions).toHaveLength(3);
  expect(playbook.definitions[2]!.children.map((child) => child.text)).toEqual([
    'Business Performance',
    'Escalation',
    'Feedback',
    'Field Readiness',
  ]);
  expect(playbook.drafts.map((draft) => [draft.title, draft.items.length])).toEqual([
    ['ROB', 5],
    ['Outcomes', 2],
    ['Reporting', 1],
  ]);
  expect(playbook.overview.length).toBe(4);
  expect(playbook.objectives.length).toBe(1);
}

describe('the project’s own content', () => {
  it('loads without an error: whatever the team writes there must publish', async () => {
    const result = await loadContent(path.join(projectRoot, 'content'), { cacheDir: false });
    expect(result.documents.length).toBeGreaterThan(0);
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});

describe('the demo content', () => {
  it('gives the Team Manager and Area Liaison models without errors', async () => {
    const result = await loadContent(siteContent, { render: true });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const { role, playbook } = byKind(result.documents.map((document) => document.model));
    expectTeamManager(role);
    expectAreaLiaison(playbook);
    expect(role.skills.map((skill) => skill.skillId)).toEqual(
      ['people-management', 'portfolio-management', 'operational-excellence', 'mentoring-coaching', 'communication', 'collaboration', 'technical-skills'].map((name) => `skills/${name}`),
    );
  });

  it('renders <br> cells as line breaks, alerts as callouts and the include inline', async () => {
    const result = await loadContent(siteContent);
    const role = result.documents.find((document) => document.model.id === 'roles/team-manager')!;
    expect(role.html).toContain('<strong>Business/Portfolio Management</strong>:<br>');
    expect(role.html).toMatch(/<aside class="callout callout-tip"[^>]*>\s*<p class="callout-title">Tip<\/p>/);
    expect(role.html).toMatch(/<aside class="callout callout-note"/);
    expect(role.html).not.toContain('[!INCLUDE');
    expect(role.html).not.toContain('<h1');
    expect(role.headings.map((heading) => heading.slug)).toContain('role-profile');
    expect(role.files.some((file) => file.endsWith('includes/role-guide-intro.md'))).toBe(true);
  });
});

describe.skipIf(!existsSync(samples))('the reference samples in ../shared/samples', () => {
  it('parse to the same facts', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-samples-'));
    cpSync(samples, root, { recursive: true });
    // The playbook includes a fragment that is not shipped with the samples.
    mkdirSync(path.join(root, 'includes'), { recursive: true });
    writeFileSync(path.join(root, 'includes/questions-feedback.md'), '> [!NOTE]\n> Questions? Ask the owner.\n');
    const result = await loadContent(root, { render: true });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const { role, playbook } = byKind(result.documents.map((document) => document.model));
    expectTeamManager(role);
    expect(role.meta.description).toBe('FastTrack role profile guide.');
    expectAreaLiaison({ ...playbook, includes: ['playbooks/includes/questions-feedback.md'] });
  });
});

describe('loading at scale', () => {
  it('gives the same result from a worker thread, from the cache and from a fresh parse', async () => {
    const content = siteContent;
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'rolebook-cache-'));
    const fresh = await loadContent(content, { cacheDir: false, parallelThreshold: Infinity });
    const threaded = await loadContent(content, { cacheDir, parallelThreshold: 1 });
    const cached = await loadContent(content, { cacheDir, parallelThreshold: 1 });
    const { stats: freshStats, ...freshResult } = fresh;
    const { stats: threadedStats, ...threadedResult } = threaded;
    const { stats: cachedStats, ...cachedResult } = cached;
    expect(threadedResult).toEqual(freshResult);
    expect(cachedResult).toEqual(freshResult);
    const count = fresh.documents.length;
    expect(count).toBe(10);
    expect(freshStats).toMatchObject({ parsed: count, cached: 0, threads: 1 });
    expect(threadedStats).toMatchObject({ parsed: count, cached: 0, threads: 2 });
    expect(cachedStats).toMatchObject({ parsed: 0, cached: count });
  });

  it('re-parses a document when one of its includes changes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-include-cache-'));
    cpSync(siteContent, root, { recursive: true });
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'rolebook-cache-'));
    const before = await loadContent(root, { cacheDir });
    writeFileSync(path.join(root, 'roles/includes/role-guide-intro.md'), '> [!TIP]\n> A changed tip.\n');
    const after = await loadContent(root, { cacheDir });
    const html = (result: typeof before) => result.documents.find((document) => document.model.id === 'roles/team-manager')!.html;
    expect(html(before)).not.toContain('A changed tip.');
    expect(html(after)).toContain('A changed tip.');
  });

  it('re-checks the documents that link to a document when it is deleted or comes back, not when it only changes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-link-cache-'));
    cpSync(siteContent, root, { recursive: true });
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'rolebook-cache-'));
    const playbook = path.join(root, 'playbooks/area-liaison.md');
    const text = readFileSync(playbook, 'utf8');
    const brokenLinks = (result: Awaited<ReturnType<typeof loadContent>>) =>
      result.problems.filter((problem) => problem.ruleId === 'link-broken').map((problem) => path.relative(root, problem.file));
    const linking = brokenLinks(await loadContent(root, { cacheDir: false, render: false }));
    expect(linking).toEqual([]);

    await loadContent(root, { cacheDir });
    rmSync(playbook);
    const deleted = await loadContent(root, { cacheDir });
    // The skills whose resources link to the playbook, reported although their own files did not change.
    expect(brokenLinks(deleted).length).toBeGreaterThanOrEqual(2);
    expect(brokenLinks(deleted).every((file) => file.startsWith('skills/'))).toBe(true);
    // Only they were parsed again.
    expect(deleted.stats.parsed).toBe(new Set(brokenLinks(deleted)).size);

    writeFileSync(playbook, text);
    const back = await loadContent(root, { cacheDir });
    expect(brokenLinks(back)).toEqual([]);
    expect(back.problems.filter((problem) => problem.severity === 'error')).toEqual([]);

    // A change inside it re-parses it alone: its links' targets are still there.
    writeFileSync(playbook, text.replace(/\n## Overview\n/, '\nA new sentence.\n\n## Overview\n'));
    const changed = await loadContent(root, { cacheDir });
    expect(changed.stats).toMatchObject({ parsed: 1, cached: back.documents.length - 1 });
    // Named by id, for the build's search index to read that document's part early (src/build/search-ahead.ts).
    expect(changed.stats.parsedIds).toEqual([changed.documents.find((document) => document.model.source === path.relative(root, playbook).split(path.sep).join('/'))!.model.id]);
  });
});

describe('the parse cache and the glossary', () => {
  it('re-parses only the documents that use a term whose entry changed, or a word that became a term', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rolebook-glossary-cache-'));
    cpSync(siteContent, root, { recursive: true });
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'rolebook-cache-'));
    const glossaryFile = path.join(root, 'glossary/glossary.md');
    const role = path.join(root, 'roles/fasttrack-architect.md');
    writeFileSync(role, readFileSync(role, 'utf8').replace(/\n## /, '\nWork with the ZQX team every week.\n\n## '));
    const before = await loadContent(root, { cacheDir });
    const unknown = before.problems.filter((problem) => problem.ruleId === 'glossary-unknown-term' && problem.message.includes('ZQX'));
    expect(unknown.map((problem) => path.relative(root, problem.file))).toEqual(['roles/fasttrack-architect.md']);
    // The documents whose text has CXP marked: each looked it up.
    const usingCxp = before.documents.filter((document) => document.html.includes('title="Customer Experience"')).map((document) => document.model.id);
    expect(usingCxp.length).toBeGreaterThan(0);
    expect(usingCxp.length).toBeLessThan(before.documents.length);

    const glossary = readFileSync(glossaryFile, 'utf8');
    writeFileSync(glossaryFile, glossary.replace('- **CXP** – Customer Experience:', '- **CXP** – Customer Experience Program:'));
    const changed = await loadContent(root, { cacheDir });
    expect(changed.stats).toMatchObject({ parsed: usingCxp.length, cached: before.documents.length - usingCxp.length });
    for (const id of usingCxp) expect(changed.documents.find((document) => document.model.id === id)!.html).toContain('title="Customer Experience Program"');

    // A term added for a word one document warned about: that document alone, and the warning is gone.
    writeFileSync(glossaryFile, `${readFileSync(glossaryFile, 'utf8').trimEnd()}\n- **ZQX** – Zone Quality Exchange: a team made up for this test.\n`);
    const added = await loadContent(root, { cacheDir });
    expect(added.stats.parsed).toBe(1);
    expect(added.problems.filter((problem) => problem.message.includes('ZQX'))).toEqual([]);
    expect(added.documents.find((document) => document.model.id === 'roles/fasttrack-architect')!.html).toContain('title="Zone Quality Exchange"');
    // And the same as a load without the cache.
    const fresh = await loadContent(root, { cacheDir: false });
    expect(added.documents).toEqual(fresh.documents);
    expect(added.problems).toEqual(fresh.problems);
  });
});

describe('links between documents', () => {
  it('become site URLs under the base, are recorded with their position, and missing targets are errors', async () => {
    const root = path.join(import.meta.dirname, 'fixtures/links');
    const result = await loadContent(root, { base: '/playbook/', cacheDir: false });
    const lead = result.documents.find((document) => document.model.id === 'roles/lead');
    // The lead has errors (missing page, fragment), so it is not published; the liaison is.
    expect(lead).toBeUndefined();
    const liaison = result.documents.find((document) => document.model.id === 'playbooks/liaison')!;
    expect(liaison.html).toContain('<a href="/playbook/roles/lead/">lead</a>');
    expect(liaison.links).toEqual([
      { href: '/roles/lead/', written: '../roles/lead.md', file: path.join(root, 'playbooks/liaison.md'), line: 9, column: 13 },
    ]);
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => [path.relative(root, problem.file), problem.line, problem.column, problem.ruleId])).toEqual([
      ['roles/lead.md', 10, 59, 'link-broken'],
      ['roles/lead.md', 11, 15, 'link-broken'],
    ]);
  });
});
