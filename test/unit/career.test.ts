import { describe, expect, it } from 'vitest';
import { compareRequirements, entryKey, readinessFor, skillKey, skillNameKey } from '../../src/model/career.ts';
import { architect, manager } from '../fixtures/career/roles.ts';

const entry = (skill: string, level: number | null, evidence = '') => ({ skill, level, evidence });

describe('matching skills across roles', () => {
  it('reads names the way a reader does: case, dashes, spacing around / and & against and', () => {
    expect(skillNameKey('Mentoring / Coaching')).toBe(skillNameKey('mentoring/coaching'));
    expect(skillNameKey('Risk & Issue Management')).toBe(skillNameKey('risk and issue  management'));
    expect(skillNameKey('Co\u2013ordination')).toBe(skillNameKey('co-ordination'));
    expect(skillNameKey('People Management')).not.toBe(skillNameKey('Portfolio Management'));
  });

  it('keys by catalog id when there is one, by name otherwise', () => {
    expect(skillKey({ name: 'Coaching & Mentoring', skillId: 'mentoring-coaching' })).toBe('id:mentoring-coaching');
    expect(skillKey({ name: 'Communication' })).toBe(skillKey({ name: 'COMMUNICATION' }));
    expect(skillKey({ name: 'Communication' })).not.toBe(skillKey({ name: 'Communication', skillId: 'communication' }));
  });

  it('gives a saved entry the catalog id of the skill it was made on', () => {
    expect(entryKey(entry('Mentoring/Coaching', 300), manager.skills)).toBe('id:mentoring-coaching');
    expect(entryKey(entry('Unknown skill', 300), manager.skills)).toBe('name:unknown skill');
    expect(entryKey({ skill: 'Anything', skillId: 'people-management' }, [])).toBe('id:people-management');
  });
});

describe('readiness for another role', () => {
  const entries = [
    entry('People Management', 400, 'runs a team of 8'),
    entry('Mentoring/Coaching', 200),
    entry('Communication', 400),
    entry('Technical skills', 100),
  ];

  it('lines the assessment up with the other role: met, below by N, above, not assessed, only the other role', () => {
    const readiness = readinessFor(entries, manager.skills, architect);
    const rows = readiness.rows.map((row) => [row.skill.name, row.entry?.skill ?? null, row.result]);
    expect(rows).toEqual([
      // Matched by catalog id although the names differ.
      ['Coaching & Mentoring', 'Mentoring/Coaching', { status: 'meets', by: 0 }],
      // Matched by name; L400 against L300+ meets.
      ['communication', 'Communication', { status: 'meets', by: 0 }],
      ['Solution Architecture', null, { status: 'not-assessed', by: 0 }],
      ['Technical Skills', 'Technical skills', { status: 'below', by: 2 }],
    ]);
    expect(readiness.summary).toMatchObject({ total: 4, assessed: 3, met: 2, readiness: 50 });
    expect(readiness.onlyOther.map((skill) => skill.name)).toEqual(['Solution Architecture']);
    expect(readiness.notNeeded.map((e) => e.skill)).toEqual(['People Management']);
  });

  it('says above by N against an exact requirement, and counts gaps on the target scale', () => {
    const exact = { scale: architect.scale, skills: [{ name: 'People Management', level: { code: 'L200', value: 200, orAbove: false }, skillId: 'people-management' }] };
    expect(readinessFor(entries, manager.skills, exact).rows[0]!.result).toEqual({ status: 'above', by: 2 });
  });

  it('keeps the first entry when an assessment names the same skill twice', () => {
    const twice = [entry('Communication', 100), entry('communication', 400)];
    expect(readinessFor(twice, manager.skills, architect).rows[1]!.entry?.level).toBe(100);
  });
});

describe('two roles side by side', () => {
  it('says what changes from one role to the other', () => {
    const rows = compareRequirements(manager, architect).map((row) => [row.name, row.change, row.from?.level.code ?? null, row.to?.level.code ?? null]);
    expect(rows).toEqual([
      ['Coaching & Mentoring', 'lower', 'L300', 'L200'],
      ['communication', 'lower', 'L400', 'L300'],
      ['Technical Skills', 'higher', 'L50', 'L300'],
      ['Solution Architecture', 'only-to', null, 'L400'],
      ['People Management', 'only-from', 'L300', null],
    ]);
  });

  it('treats an exact level as above the same level "or above", and identical requirements as the same', () => {
    expect(compareRequirements(manager, manager).every((row) => row.change === 'same')).toBe(true);
    const plus = { skills: [{ name: 'X', level: { code: 'L300', value: 300, orAbove: true } }] };
    const exact = { skills: [{ name: 'x', level: { code: 'L300', value: 300, orAbove: false } }] };
    expect(compareRequirements(plus, exact)[0]!.change).toBe('higher');
  });
});

describe('what to work on', () => {
  it('gives each gap the next level with the catalog descriptors, growth tips and resources for it', async () => {
    const { whatToWorkOn } = await import('../../src/model/career.ts');
    const entries = [entry('Technical skills', 100), entry('Mentoring/Coaching', -1)];
    const readiness = readinessFor(entries, manager.skills, architect);
    const rubric = {
      'mentoring-coaching': {
        levels: [{ code: 'L100', value: 100, descriptors: ['Shares what they know when asked'] }, { code: 'L200', value: 200, descriptors: ['Coaches one person'] }],
        growth: [{ from: 'L100', to: 'L200', tips: ['Pair with a new joiner'] }],
        resources: [{ title: 'Coaching basics', url: 'https://example.org/coaching', level: 'L100' }, { title: 'Later', url: 'https://example.org/x', level: 'L300' }],
      },
    };
    const steps = whatToWorkOn(readiness, architect.scale, rubric);
    expect(steps.map((step) => [step.skill.name, step.next, step.descriptors, step.tips, step.resources.map((r) => r.title)])).toEqual([
      // Both are two levels below, so they keep the role's order. "Not yet" against L200+: the next
      // level is L100, and the tips are for L100 → L200 only, so none apply yet.
      ['Coaching & Mentoring', 'L100', ['Shares what they know when asked'], [], ['Coaching basics']],
      // L100 against L300+; no catalog entry, so the next level only.
      ['Technical Skills', 'L200', [], [], []],
    ]);
  });
});
