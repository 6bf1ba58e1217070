import { describe, expect, it } from 'vitest';
import { readAssessmentJson } from '../../src/model/assessment/read.ts';
import { agreedFile, differenceText, differsByALevel, sideBySide } from '../../src/model/self-manager.ts';
import { manager as role } from '../fixtures/career/roles.ts';

const self = [
  { skill: 'People Management', level: 300, evidence: 'I run weekly 1:1s' },
  { skill: 'Mentoring/Coaching', level: 400, evidence: '' },
  { skill: 'Communication', level: 400, evidence: '' },
];
const manager = [
  { skill: 'People Management', level: 400, evidence: 'Runs the best 1:1s on the floor' },
  { skill: 'Mentoring/Coaching', level: 200, evidence: '' },
  { skill: 'Communication', level: 400, evidence: '' },
  { skill: 'Technical skills', level: 100, evidence: '' },
];

describe('self beside manager', () => {
  const rows = sideBySide(role.scale, role.skills, self, manager);

  it('puts both levels and both notes per skill, and the difference in levels', () => {
    expect(rows.map((row) => [row.skill.name, row.self?.level ?? null, row.manager?.level ?? null, row.difference])).toEqual([
      ['People Management', 300, 400, 1],
      ['Mentoring/Coaching', 400, 200, -2],
      ['Communication', 400, 400, 0],
      ['Technical skills', null, 100, null],
    ]);
    expect(rows[0]!.self?.evidence).toBe('I run weekly 1:1s');
    expect(rows[0]!.manager?.evidence).toBe('Runs the best 1:1s on the floor');
    expect(rows.map(differsByALevel)).toEqual([true, true, false, false]);
    expect(rows.map(differenceText)).toEqual(['manager rates 1 level higher', 'manager rates 2 levels lower', 'same level', 'not compared (a level is missing)']);
    expect(rows[1]!.managerResult).toEqual({ status: 'below', by: 1 });
  });

  it('records the agreed levels as a third assessment, in a file the role page can import', () => {
    const file = agreedFile(
      role.id,
      role.skills,
      { name: 'Alex', updated: '2026-01-01T00:00:00Z', entries: self },
      { name: 'Alex', updated: '2026-01-02T00:00:00Z', entries: manager },
      [400, 300, null, 100],
      '2026-01-03T00:00:00Z',
    );
    expect(file.assessments.map((a) => a.name)).toEqual(['Alex', 'Alex (manager)', 'Agreed: Alex']);
    expect(file.assessments[2]!.entries.map((e) => [e.skill, e.level, e.required])).toEqual([
      ['People Management', 400, 'L300+'],
      ['Mentoring/Coaching', 300, 'L300+'],
      ['Communication', null, 'L400'],
      ['Technical skills', 100, 'L50+'],
    ]);
    const reading = readAssessmentJson(JSON.stringify(file));
    expect(reading.state).toBe('ok');
  });
});
