/**
 * Self beside manager: a person's own assessment and their manager's assessment of them, for one
 * role, skill by skill, with the agreed level recorded as a third assessment. The rows come from
 * assessment.ts's reconciliation, so both sides are read exactly as the role page reads them.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, LIMITS } from './assessment/format.ts';
import { reconcileSkills } from './assessment/gaps.ts';
import { requiredCode, type SkillResult } from './levels.ts';
import type { SkillAssessmentFile, SkillEntry } from './assessment/schemas.ts';
import type { LevelScale, Skill } from './schemas.ts';

export interface SideBySideRow {
  skill: Skill;
  self: SkillEntry | undefined;
  manager: SkillEntry | undefined;
  selfResult: SkillResult;
  managerResult: SkillResult;
  /** Scale steps from the person's level to the manager's (positive: the manager rates higher); null when either is missing. */
  difference: number | null;
}

/** Position on the scale: "not yet" is 0, the first level 1 …; off-scale values fall in between. */
function position(scale: LevelScale, value: number): number {
  if (value < (scale[0]?.value ?? 0)) return 0;
  const index = scale.findIndex((step) => step.value === value);
  return index >= 0 ? index + 1 : scale.filter((step) => step.value < value).length + 0.5;
}

export function sideBySide(scale: LevelScale, skills: Skill[], self: SkillEntry[], manager: SkillEntry[]): SideBySideRow[] {
  const mine = reconcileSkills(scale, skills, self).rows;
  const theirs = reconcileSkills(scale, skills, manager).rows;
  return mine.map((row, i) => {
    const other = theirs[i]!;
    const [a, b] = [row.entry?.level ?? null, other.entry?.level ?? null];
    return {
      skill: row.skill,
      self: row.entry,
      manager: other.entry,
      selfResult: row.result,
      managerResult: other.result,
      difference: a === null || b === null ? null : position(scale, b) - position(scale, a),
    };
  });
}

/** Differences of a whole level or more are the ones to talk about. */
export const differsByALevel = (row: SideBySideRow): boolean => row.difference !== null && Math.abs(row.difference) >= 1;

export function differenceText(row: SideBySideRow): string {
  if (row.difference === null) return 'not compared (a level is missing)';
  if (row.difference === 0) return 'same level';
  const n = Math.abs(row.difference);
  const levels = `${Number.isInteger(n) ? n : n.toFixed(1)} level${n === 1 ? '' : 's'}`;
  return row.difference > 0 ? `manager rates ${levels} higher` : `manager rates ${levels} lower`;
}

/**
 * The three assessments as one export file for the role: the person's, the manager's and the
 * agreed one (`agreed[i]` is the agreed level of skill i, or null where none was agreed). It can
 * be imported on the role page like any export.
 */
export function agreedFile(
  docId: string,
  skills: Skill[],
  self: { name: string; updated: string; entries: SkillEntry[] },
  manager: { name: string; updated: string; entries: SkillEntry[] },
  agreed: (number | null)[],
  now: string,
): SkillAssessmentFile {
  const base = `Agreed: ${self.name}`.slice(0, LIMITS.name).trim();
  const taken = new Set([self.name, manager.name]);
  const name = taken.has(base) ? `${base.slice(0, LIMITS.name - 4)} (3)` : base;
  const entries: SkillEntry[] = skills.map((skill, i) => ({ skill: skill.name, level: agreed[i] ?? null, evidence: '', required: requiredCode(skill.level) }));
  return {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    kind: 'role-guide',
    docId,
    current: name,
    assessments: [self, ...(manager.name === self.name ? [{ ...manager, name: `${manager.name} (manager)`.slice(0, LIMITS.name) }] : [manager]), { name, updated: now, entries }],
  };
}
