import { describe, expect, it } from 'vitest';
import { compareLevel, reconcileSkills, skillEntriesFor, summariseSkills } from '../../src/model/assessment/gaps.ts';
import { keyResultEntriesFor, reconcileKeyResults, summariseKeyResults } from '../../src/model/assessment/key-results.ts';
import type { SkillEntry } from '../../src/model/assessment/schemas.ts';
import { NOT_YET, levelLabel, resultText, DEFAULT_LEVEL_SCALE } from '../../src/model/levels.ts';
import { areaLiaison, teamManager } from '../fixtures/assessment/models.ts';

const scale = DEFAULT_LEVEL_SCALE;
const skill = (name: string) => teamManager.skills.find((s) => s.name === name)!;
const entry = (name: string, level: number | null, evidence = ''): SkillEntry => ({ skill: name, level, evidence });

describe('compareLevel', () => {
  it('treats "+" as at or above: L300+ is met by L300 and by L400', () => {
    const required = skill('People Management').level;
    expect(compareLevel(scale, required, 300)).toEqual({ status: 'meets', by: 0 });
    expect(compareLevel(scale, required, 400)).toEqual({ status: 'meets', by: 0 });
  });

  it('counts the levels missing below a requirement', () => {
    const required = skill('People Management').level;
    expect(compareLevel(scale, required, 200)).toEqual({ status: 'below', by: 1 });
    expect(compareLevel(scale, required, 100)).toEqual({ status: 'below', by: 2 });
    expect(compareLevel(scale, required, NOT_YET)).toEqual({ status: 'below', by: 3 });
  });

  it('reports "above" only for an exact requirement', () => {
    expect(compareLevel(scale, { value: 300, orAbove: false }, 400)).toEqual({ status: 'above', by: 1 });
    expect(compareLevel(scale, { value: 200, orAbove: false }, 400)).toEqual({ status: 'above', by: 2 });
    expect(compareLevel(scale, skill('Communication').level, 400)).toEqual({ status: 'meets', by: 0 });
    expect(compareLevel(scale, skill('Communication').level, 200)).toEqual({ status: 'below', by: 2 });
  });

  it('handles the below-scale L50+: "not yet" is one level short, L100 and up meet it', () => {
    const required = skill('Technical skills').level;
    expect(required).toEqual({ code: 'L50', value: 50, orAbove: true });
    expect(compareLevel(scale, required, NOT_YET)).toEqual({ status: 'below', by: 1 });
    expect(compareLevel(scale, required, 100)).toEqual({ status: 'meets', by: 0 });
    expect(compareLevel(scale, required, 400)).toEqual({ status: 'meets', by: 0 });
  });

  it('handles an exact below-scale L50: L200 is two levels above it', () => {
    expect(compareLevel(scale, { value: 50, orAbove: false }, 200)).toEqual({ status: 'above', by: 2 });
  });

  it('counts steps of the scale, not value differences, on an uneven scale', () => {
    const uneven = [
      { code: 'L1', value: 1, name: 'aware' },
      { code: 'L5', value: 5, name: 'practised' },
      { code: 'L9', value: 9, name: 'leading' },
    ];
    expect(compareLevel(uneven, { value: 9, orAbove: true }, 1)).toEqual({ status: 'below', by: 2 });
    expect(compareLevel(uneven, { value: 1, orAbove: false }, 9)).toEqual({ status: 'above', by: 2 });
  });

  it('reports nothing chosen as not assessed, and "not yet" as below even an L0 requirement of an L0 scale', () => {
    expect(compareLevel(scale, { value: 300, orAbove: true }, null)).toEqual({ status: 'not-assessed', by: 0 });
    const fromZero = [{ code: 'L0', value: 0, name: 'none' }, ...scale];
    expect(compareLevel(fromZero, { value: 0, orAbove: true }, NOT_YET)).toEqual({ status: 'below', by: 1 });
  });
});

describe('reconcileSkills and summariseSkills on the Team Manager role', () => {
  it('lines entries up with the role, matching names regardless of case, spacing and dash style', () => {
    const { rows, removed } = reconcileSkills(scale, teamManager.skills, [
      entry('people  management', 300),
      entry('Mentoring\u2010Coaching', 200),
    ]);
    expect(rows.map((row) => row.entry?.level ?? null)).toEqual([300, null, null, null, null, null, null]);
    expect(removed).toEqual([entry('Mentoring\u2010Coaching', 200)]);
    expect(rows[3]!.result.status).toBe('not-assessed');
  });

  it('keeps skills the guide no longer has as removed, and shows new skills as not assessed', () => {
    const saved = [entry('People Management', 300, 'ran a team of 8'), entry('Stakeholder Wrangling', 400, 'kept')];
    const { rows, removed } = reconcileSkills(scale, teamManager.skills, saved);
    expect(removed).toEqual([entry('Stakeholder Wrangling', 400, 'kept')]);
    expect(rows.filter((row) => row.result.status === 'not-assessed').map((row) => row.skill.name)).toEqual(
      teamManager.skills.slice(1).map((s) => s.name),
    );
    // Saving again writes the removed entry back untouched.
    const rewritten = skillEntriesFor({ rows, removed });
    expect(rewritten).toHaveLength(8);
    expect(rewritten[7]).toEqual(entry('Stakeholder Wrangling', 400, 'kept'));
    expect(rewritten[0]).toEqual({ skill: 'People Management', level: 300, evidence: 'ran a team of 8', required: 'L300+' });
  });

  it('tells when the guide changed a requirement since the entry was saved', () => {
    const { rows } = reconcileSkills(scale, teamManager.skills, [{ ...entry('Communication', 300), required: 'L300+' }]);
    const communication = rows.find((row) => row.skill.name === 'Communication')!;
    expect(communication.requiredBefore).toBe('L300+');
    expect(communication.result).toEqual({ status: 'below', by: 1 });
    expect(rows[0]!.requiredBefore).toBeUndefined();
    // Normalising keeps the old requirement (so the notice survives a reload); new entries get the current one.
    const entries = skillEntriesFor(reconcileSkills(scale, teamManager.skills, [{ ...entry('Communication', 300), required: 'L300+' }]));
    expect(entries[4]).toEqual({ skill: 'Communication', level: 300, evidence: '', required: 'L300+' });
    expect(entries[0]).toEqual({ skill: 'People Management', level: null, evidence: '', required: 'L300+' });
    expect(reconcileSkills(scale, teamManager.skills, entries).rows[4]!.requiredBefore).toBe('L300+');
  });

  it('summarises met skills, largest gaps first, and a readiness figure', () => {
    const { rows } = reconcileSkills(scale, teamManager.skills, [
      entry('People Management', 400),
      entry('Portfolio Management', 200),
      entry('Operational Excellence', 100),
      entry('Mentoring/Coaching', 300),
      entry('Communication', 300),
      entry('Collaboration', NOT_YET),
    ]);
    const summary = summariseSkills(rows);
    expect(summary.met).toBe(2);
    expect(summary.total).toBe(7);
    expect(summary.assessed).toBe(6);
    expect(summary.readiness).toBe(29);
    expect(summary.gaps.map((row) => [row.skill.name, row.result.by])).toEqual([
      ['Collaboration', 4],
      ['Operational Excellence', 2],
      ['Portfolio Management', 1],
      ['Communication', 1],
    ]);
    expect(summary.notAssessed.map((row) => row.skill.name)).toEqual(['Technical skills']);
  });

  it('counts an exact requirement exceeded as met', () => {
    const { rows } = reconcileSkills(scale, [{ name: 'A', level: { code: 'L200', value: 200, orAbove: false } }], [entry('A', 300)]);
    expect(rows[0]!.result.status).toBe('above');
    expect(summariseSkills(rows)).toMatchObject({ met: 1, readiness: 100, gaps: [] });
  });

  it('gives readiness 0 for a role without skills rather than dividing by zero', () => {
    expect(summariseSkills([]).readiness).toBe(0);
  });
});

describe('wording', () => {
  it('names levels from the scale, "not yet", and levels the scale no longer has', () => {
    expect(levelLabel(scale, 300)).toBe('L300 advanced');
    expect(levelLabel(scale, NOT_YET)).toBe('not yet');
    expect(levelLabel(scale, 250)).toBe('L250');
    expect(levelLabel(scale, null)).toBe('not assessed');
    expect(resultText({ status: 'below', by: 1 })).toBe('below by 1 level');
    expect(resultText({ status: 'below', by: 3 })).toBe('below by 3 levels');
    expect(resultText({ status: 'above', by: 1 })).toBe('above by 1 level');
  });
});

describe('key results on the Area Liaison playbook', () => {
  it('tracks every key result, marks future ones, and keeps removed ones', () => {
    const { rows, removed } = reconcileKeyResults(areaLiaison.okrs, [
      { area: 'Business Performance', keyResult: 'Agreement on RFA, Targeting and Health customers', status: 'met', note: 'signed off' },
      { area: 'FastTrack Escalation', keyResult: 'Participation in related programs (FTHelp)', status: 'in-progress', note: '' },
      { area: 'FastTrack Readiness', keyResult: 'Participation in related programs (FTHelp)', status: 'met', note: 'wrong area' },
      { area: 'Gone', keyResult: 'An old key result', status: 'not-applicable', note: 'n/a' },
    ]);
    expect(rows).toHaveLength(10);
    expect(rows.filter((row) => row.future).map((row) => row.keyResult)).toEqual([
      'FT Essentials completion and score for the Area',
      'Field satisfaction on whether FT is listening',
    ]);
    // Same key-result text in another area is a different key result.
    expect(removed.map((entry) => entry.area)).toEqual(['FastTrack Readiness', 'Gone']);
    const summary = summariseKeyResults(rows);
    expect(summary).toMatchObject({ applicable: 8, met: 1, progress: 13, future: 2 });
    expect(summary.counts).toEqual({ 'not-started': 0, 'in-progress': 1, met: 1, 'not-applicable': 0, untracked: 8 });
    expect(keyResultEntriesFor({ rows, removed })).toHaveLength(12);
  });

  it('leaves not-applicable key results out of progress', () => {
    const { rows } = reconcileKeyResults(areaLiaison.okrs.slice(2, 3), [
      { area: 'FastTrack Escalation', keyResult: 'Participation in related programs (FTHelp)', status: 'not-applicable', note: '' },
    ]);
    expect(summariseKeyResults(rows)).toMatchObject({ applicable: 0, progress: 0 });
  });
});
