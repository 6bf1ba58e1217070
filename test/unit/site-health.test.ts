/**
 * The content health report: which flags each document gets, from its model, the sections the
 * pipeline found missing (structured data, never the warnings' wording) and git history.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { RenderedDocument } from '../../src/model/rendered.ts';
import type { SiteGit } from '../../src/git/page.ts';
import type { Playbook, RoleGuide } from '../../src/model/schemas.ts';
import { contentHealth } from '../../src/site/health.ts';

const root = path.resolve('/content');
const now = new Date('2025-06-01T00:00:00Z');
const site: SiteGit = {
  config: { contentDir: root, title: 'Rolebook', base: '/', staleAfterMonths: 12 },
  history: undefined,
  links: undefined,
};
const meta = (date: string | undefined, owner?: string) => ({ title: 't', authors: [], date, owner, extra: {} });

function rendered(model: RoleGuide | Playbook, missingSections: string[] = []): RenderedDocument {
  return { model, html: '', htmlHash: '', markedTerms: [], headings: [], links: [], references: [], missingSections, files: [path.join(root, model.source)], termLookups: [] };
}

const playbook = rendered({
  kind: 'playbook',
  id: 'playbooks/liaison',
  source: 'playbooks/liaison.md',
  title: 'Liaison',
  includes: [],
  meta: meta('2019-02-18', 'mareich'),
  overview: [],
  objectives: [],
  definitions: [],
  okrs: [{ area: 'Readiness', objectives: ['x'], keyResults: [{ text: 'Completion score', future: true }, { text: 'Use', future: false }] }],
  drafts: [{ title: 'ROB', items: ['Define ROB'] }, { title: 'Outcomes', items: [] }],
});

const guide = rendered(
  {
    kind: 'role-guide',
    id: 'roles/manager',
    source: 'roles/manager.md',
    title: 'Manager',
    includes: [],
    meta: meta('2025-05-01'),
    summary: '',
    responsibilities: [],
    capabilities: [],
    levelScale: [{ code: 'L100', value: 100, name: 'essentials' }],
    skills: [],
    stakeholders: [],
    successFactors: [],
  },
  ['Key Stakeholders', 'Role Profile'],
);

const tidy = rendered({ ...(guide.model as RoleGuide), id: 'roles/analyst', source: 'roles/analyst.md', title: 'Analyst', meta: meta('2025-05-01', 'ann') });

describe('contentHealth', () => {
  const rows = contentHealth([tidy, guide, playbook], site, now);
  const flagsOf = (id: string) => rows.find((row) => row.document.model.id === id)!.flags;

  it('flags an overdue review, draft sections and future key results, with the specifics', () => {
    expect(flagsOf('playbooks/liaison')).toEqual([
      { kind: 'stale', label: 'Review overdue', detail: 'Not reviewed for more than 6 years (ms.date); review was due February 18, 2020.' },
      { kind: 'draft', label: '2 draft sections', detail: 'ROB, Outcomes' },
      { kind: 'future-metric', label: '1 future key result', detail: 'Completion score' },
    ]);
  });

  it('names the missing sections the pipeline recorded, and a missing owner', () => {
    expect(flagsOf('roles/manager')).toEqual([
      { kind: 'missing-section', label: '2 missing sections', detail: 'Key Stakeholders, Role Profile' },
      { kind: 'no-owner', label: 'No owner', detail: 'Add ft.owner so someone keeps this page up to date.' },
    ]);
  });

  it('has nothing to say about a complete, recently reviewed page, and lists it last', () => {
    expect(flagsOf('roles/analyst')).toEqual([]);
    expect(rows.map((row) => row.document.model.id)).toEqual(['playbooks/liaison', 'roles/manager', 'roles/analyst']);
  });

  it('falls back to ms.date for "last updated" without git', () => {
    expect(rows[0]!.git).toMatchObject({ lastUpdated: '2019-02-18', lastUpdatedFrom: 'ms.date', history: [] });
    expect(rows[0]!.git.editUrl).toBeUndefined();
  });
});

describe('contentHealth on parsed documents', () => {
  it('lists the sections the plugins found missing, in the order the plugins ran', async () => {
    const fixture = path.join(import.meta.dirname, 'fixtures/warnings-only');
    const { documents } = await loadContent(fixture, { render: false, cacheDir: false });
    const [row] = contentHealth(documents, { ...site, config: { ...site.config, contentDir: fixture } }, now);
    expect(row!.document.model.id).toBe('roles/sketch');
    expect(row!.flags.find((flag) => flag.kind === 'missing-section')).toEqual({
      kind: 'missing-section',
      label: '4 missing sections',
      detail: 'Role Description, Required Capabilities, Key Stakeholders, Role Profile',
    });
  });
});
