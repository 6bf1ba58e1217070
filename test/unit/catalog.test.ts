/**
 * The skills catalog outside the fixtures: how names compare, "did you mean", `rolebook new skill`,
 * and the VS Code skill snippet giving a document that check accepts as it is.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocument } from '../../src/cli/new.ts';
import { loadContent } from '../../src/content/load.ts';
import { closestSkillName, skillNameKey } from '../../src/model/skill-names.ts';

describe('skill names', () => {
  it.each([
    ['Mentoring/Coaching', 'mentoring / coaching'],
    ['Delivery & Excellence', 'Delivery and Excellence'],
    ['Cloud-Native Design', 'Cloud–Native  Design'],
    ['Cloud-Native Design', 'cloud — native design'],
    ['PEOPLE MANAGEMENT', 'People\u00a0Management'],
  ])('“%s” is the same skill as “%s”', (a, b) => {
    expect(skillNameKey(a)).toBe(skillNameKey(b));
  });

  it.each([
    ['People Management', 'Portfolio Management'],
    ['Communication', 'Collaboration'],
    ['Technical skills', 'Technical'],
    ['Cloud Native Design', 'Cloud-Native Design'],
  ])('“%s” is not the same skill as “%s”', (a, b) => {
    expect(skillNameKey(a)).not.toBe(skillNameKey(b));
  });

  it('suggests a close name, and none when nothing is close', () => {
    const known = ['People Management', 'Portfolio Management', 'Communication'];
    expect(closestSkillName('People Managment', known)).toBe('People Management');
    expect(closestSkillName('Comunication', known)).toBe('Communication');
    expect(closestSkillName('Portfolio', known)).toBe('Portfolio Management');
    expect(closestSkillName('Juggling', known)).toBeUndefined();
  });
});

describe('new catalog skills', () => {
  let contentRoot: string;
  beforeEach(() => {
    contentRoot = mkdtempSync(path.join(os.tmpdir(), 'rolebook-catalog-'));
  });
  afterEach(() => rmSync(contentRoot, { recursive: true, force: true }));

  it('`rolebook new skill` writes a skill check accepts, and role guides link to it by name', async () => {
    const { path: file } = await createDocument('skill', 'First skill', { contentRoot, today: new Date(2025, 2, 7) });
    expect(file).toBe(path.join(contentRoot, 'skills', 'first-skill.md'));
    expect(readFileSync(file, 'utf8')).toContain('\nms.topic: skill\n');
    await createDocument('role-guide', 'Data Analyst', { contentRoot });
    const result = await loadContent(contentRoot, { render: false, cacheDir: false });
    const skill = result.documents.find((document) => document.model.kind === 'skill')!.model;
    expect(skill.kind === 'skill' && skill.levels.map((level) => [level.code, level.descriptors.length])).toEqual([
      ['L100', 1],
      ['L200', 1],
      ['L300', 1],
      ['L400', 1],
    ]);
    const role = result.documents.find((document) => document.model.kind === 'role-guide')!.model;
    expect(role.kind === 'role-guide' && role.skills.map((entry) => entry.skillId)).toEqual(['skills/first-skill', undefined]);
    // The template's second skill has no catalog entry: the only problem, and only a warning.
    expect(result.problems.map((problem) => [problem.severity, problem.ruleId])).toEqual([['warning', 'skill-not-in-catalog']]);
  });

  it('the VS Code skill snippet, with its defaults, is a skill document with no problems', async () => {
    const snippets = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../.vscode/rolebook.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
    const body = snippets['Rolebook catalog skill']!.body.join('\n')
      .replace(/\$CURRENT_MONTH/g, '11')
      .replace(/\$CURRENT_DATE/g, '22')
      .replace(/\$CURRENT_YEAR/g, '2026')
      .replace(/\$\{\d+:((?:[^{}]|\$[A-Z_]+)*)\}/g, '$1')
      .replace(/\$0/g, '');
    mkdirSync(path.join(contentRoot, 'skills'));
    writeFileSync(path.join(contentRoot, 'skills', 'skill-name.md'), body);
    const result = await loadContent(contentRoot, { render: false, cacheDir: false });
    expect(result.problems).toEqual([]);
    const model = result.documents[0]!.model;
    expect(model).toMatchObject({ kind: 'skill', title: 'Skill Name', aliases: ['Other Name', 'Another Name'] });
  });
});
