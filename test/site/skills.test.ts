/**
 * The skills catalog on the built site: a page per catalog skill, skill links and the rubric data
 * on role pages, catalog rows in the skills matrix, and the search facet of skill pages. Built from
 * the project's content and from a generated 30 roles × 40 skills folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RoleRubricSchema } from '../../src/model/role-rubric.ts';
import { all, attr, byClass, byTag, readPage, text } from '../helpers/dom.ts';
import { buildSite, type BuildResult } from '../helpers/site.ts';
import { levelOf, needs, roleTitle, skillName, writeSkillsCorpus } from '../helpers/skills-corpus.ts';

let build: BuildResult;

beforeAll(async () => {
  build = await buildSite();
  if (build.exitCode !== 0) throw new Error(`the build failed:\n${build.output}`);
});

describe('a skill page', () => {
  const skill = () => readPage(build.outDir, 'skills/people-management');

  it('has the summary, every level with its descriptors, and the growth steps', () => {
    const page = skill();
    expect(text(byTag(page, 'h1')[0]!)).toBe('People Management');
    expect(text(byClass(page, 'role-summary')[0]!)).toMatch(/^People Management is building a team that performs well/);
    const levels = byClass(page, 'skill-level').map((level) => [text(byTag(level, 'h3')[0]!), byTag(byTag(level, 'ul')[0]!, 'li').length]);
    expect(levels).toEqual([
      ['L100 essentials', 3],
      ['L200 intermediate', 3],
      ['L300 advanced', 3],
      ['L400 expert', 3],
    ]);
    expect(text(byClass(page, 'skill-levels')[0]!)).toContain('Runs a hiring loop end to end and explains the decision to the candidates.');
    const steps = byClass(page, 'growth-step').map((step) => text(byTag(step, 'h3')[0]!));
    expect(steps).toEqual([
      'From L100 (essentials) to L200 (intermediate)',
      'From L200 (intermediate) to L300 (advanced)',
      'From L300 (advanced) to L400 (expert)',
    ]);
  });

  it('groups the resources by level, and a resource linking to a document gets its page', () => {
    const groups = byClass(skill(), 'resource-group').map((group) => [
      text(byTag(group, 'h3')[0]!),
      byTag(group, 'a').map((link) => attr(link, 'href')),
    ]);
    expect(groups).toEqual([
      ['L100 essentials', ['https://learn.microsoft.com/training/']],
      ['L200 intermediate', ['/playbooks/area-liaison/']],
      ['L300 advanced', ['/roles/team-manager/#role-description']],
    ]);
  });

  it('lists every role that needs the skill, with its level, linked', () => {
    const rows = byTag(byTag(byClass(readPage(build.outDir, 'skills/collaboration'), 'skill-roles')[0]!, 'tbody')[0]!, 'tr');
    expect(rows.map((row) => [attr(byTag(row, 'a')[0]!, 'href'), text(byClass(row, 'level-code')[0]!)])).toEqual([
      ['/roles/fasttrack-architect/', 'L400'],
      ['/roles/team-manager/', 'L400'],
    ]);
  });

  it('is indexed for search with the kind filter "Skill", descriptors included', () => {
    const page = skill();
    const body = all(page, (element) => attr(element, 'data-pagefind-body') !== undefined);
    expect(body).toHaveLength(1);
    expect(text(body[0]!)).toContain('Keeps team WHI high by spotting workload and morale problems');
    const kind = all(page, (element) => attr(element, 'data-pagefind-filter') === 'kind');
    expect(kind.map(text)).toEqual(['Skill']);
    const search = readFileSync(path.join(build.outDir, 'search/index.html'), 'utf8');
    expect(search).toMatch(/<option[^>]*>Skill<\/option>/);
  });
});

describe('a role page and the catalog', () => {
  const role = () => readPage(build.outDir, 'roles/team-manager');

  it('links each skill in the skills table to its skill page', () => {
    const links = byClass(byClass(role(), 'skills-table')[0]!, 'skill-name').map((name) => [text(name), attr(name, 'href')]);
    expect(links).toEqual([
      ['People Management', '/skills/people-management/'],
      ['Portfolio Management', '/skills/portfolio-management/'],
      ['Operational Excellence', '/skills/operational-excellence/'],
      ['Mentoring/Coaching', '/skills/mentoring-coaching/'],
      ['Communication', '/skills/communication/'],
      ['Collaboration', '/skills/collaboration/'],
      ['Technical skills', '/skills/technical-skills/'],
    ]);
  });

  it('carries the catalog levels, growth and resources of its skills as JSON for the assessment', () => {
    const block = all(role(), (element) => attr(element, 'data-rb-rubric') !== undefined);
    expect(block).toHaveLength(1);
    expect(attr(block[0]!, 'type')).toBe('application/json');
    const rubric = RoleRubricSchema.parse(JSON.parse(text(block[0]!)));
    expect(rubric.role).toBe('roles/team-manager');
    expect(rubric.skills.map((skill) => skill.skillId)).toHaveLength(7);
    const people = rubric.skills.find((skill) => skill.name === 'People Management')!;
    expect(people.href).toBe('/skills/people-management/');
    expect(people.levels.find((level) => level.code === 'L300')!.descriptors).toContain('Builds a diverse team on purpose, and can say what each hire added.');
    expect(people.growth.map((step) => `${step.from}-${step.to}`)).toEqual(['L100-L200', 'L200-L300', 'L300-L400']);
    expect(people.resources).toHaveLength(3);
  });
});

describe('the skills matrix with 30 roles × 40 skills', () => {
  const shape = { roles: 30, skills: 40, uncatalogued: 4 };
  let large: BuildResult;

  beforeAll(async () => {
    const contentDir = await writeSkillsCorpus('skills-matrix-30x40', shape);
    large = await buildSite({ contentDir });
    if (large.exitCode !== 0) throw new Error(`the build failed:\n${large.output}`);
  }, 300_000);

  it('has a row per skill, catalog skills linked to their pages, the others still there', () => {
    const matrix = readPage(large.outDir, 'skills');
    const header = byTag(byTag(matrix, 'thead')[0]!, 'a').map(text);
    expect(header).toHaveLength(30);
    expect(header[0]).toBe(roleTitle(1));
    const rows = byTag(byTag(matrix, 'tbody')[0]!, 'tr');
    expect(rows).toHaveLength(40);
    const names = rows.map((row) => {
      const heading = byTag(row, 'th')[0]!;
      const link = byTag(heading, 'a')[0];
      return [attr(row, 'data-skill'), link ? attr(link, 'href') : undefined];
    });
    for (let s = 1; s <= 36; s++) expect(names).toContainEqual([skillName(s), `/skills/skill-${String(s).padStart(2, '0')}/`]);
    for (let s = 37; s <= 40; s++) expect(names).toContainEqual([skillName(s), undefined]);
    // Each cell is the level that role requires, or "Not required".
    const row = rows.find((candidate) => attr(candidate, 'data-skill') === skillName(7))!;
    byTag(row, 'td').forEach((cell, index) => {
      const r = index + 1;
      expect(text(cell).split(' ')[0], `${roleTitle(r)} × ${skillName(7)}`).toBe(needs(r, 7) ? `L${levelOf(r, 7)}` : 'Not');
    });
  });

  it('warns, without failing, about role skills the catalog lacks', () => {
    expect(large.output).toContain(`No catalog skill is called “${skillName(40)}”`);
    expect(large.output).not.toMatch(/error:/);
  });
});
