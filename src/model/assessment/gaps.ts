/**
 * Gap logic for role self-assessments: how a chosen level compares with a requirement, how a
 * saved assessment lines up with a guide that may have changed since, and the summary (skills
 * met, largest gaps first, readiness).
 */
import { requiredCode, type SkillResult } from '../levels.ts';
import type { LevelScale, RequiredLevel, Skill } from '../schemas.ts';
import type { SkillEntry } from './schemas.ts';
import { DASH } from '../dashes.ts';

/**
 * Compares a chosen level with a requirement. "+" means at or above. Requirements off the scale
 * (L50 on an L100–L400 scale) count the scale's steps between: "not yet" against L50+ is one
 * level below, because L100 is the first choice that meets it.
 */
export function compareLevel(scale: LevelScale, required: Pick<RequiredLevel, 'value' | 'orAbove'>, chosen: number | null): SkillResult {
  if (chosen === null) return { status: 'not-assessed', by: 0 };
  const stepsBetween = (low: number, high: number) => scale.filter((step) => step.value > low && step.value < high).length;
  if (chosen < required.value) return { status: 'below', by: stepsBetween(chosen, required.value) + 1 };
  if (chosen === required.value || required.orAbove) return { status: 'meets', by: 0 };
  return { status: 'above', by: stepsBetween(required.value, chosen) + 1 };
}

/** Names compared the way a reader would: case, spacing and dash style do not matter. */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);
const ANY_DASH = new RegExp(DASH, 'g');
/** A name as `sameName` compares it: two names are the same when their keys are equal. */
export const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(ANY_DASH, '-').replace(/\s+/g, ' ').trim();

export interface SkillRow {
  skill: Skill;
  entry: SkillEntry | undefined;
  result: SkillResult;
  /** The requirement when the entry was saved, when the guide has changed it since. */
  requiredBefore?: string;
}
export interface SkillReconciliation {
  rows: SkillRow[];
  /** Saved entries for skills the guide no longer lists: kept, and shown as such. */
  removed: SkillEntry[];
}

/**
 * Lines a saved assessment up with the role's current skills; nothing saved is dropped. An entry
 * belongs to a skill by its catalog id first (so renaming a skill in the guide, or the guide
 * using another alias, keeps it), then, for what is left, by name.
 */
export function reconcileSkills(scale: LevelScale, skills: Skill[], entries: SkillEntry[]): SkillReconciliation {
  const used = new Set<SkillEntry>();
  const claim = (match: (entry: SkillEntry, skill: Skill) => unknown) => (skill: Skill) => {
    const entry = entries.find((candidate) => !used.has(candidate) && match(candidate, skill));
    if (entry) used.add(entry);
    return entry;
  };
  const byId = skills.map(claim((entry, skill) => skill.skillId && entry.skillId === skill.skillId));
  const byName = claim((entry, skill) => sameName(entry.skill, skill.name));
  const rows = skills.map((skill, i): SkillRow => {
    const entry = byId[i] ?? byName(skill);
    const row: SkillRow = { skill, entry, result: compareLevel(scale, skill.level, entry?.level ?? null) };
    const now = requiredCode(skill.level);
    if (entry?.required && entry.required !== now) row.requiredBefore = entry.required;
    return row;
  });
  return { rows, removed: entries.filter((entry) => !used.has(entry)) };
}

export interface SkillSummary {
  total: number;
  assessed: number;
  /** Skills that meet or exceed their requirement. */
  met: number;
  /** Percentage of the role's skills met, 0–100. */
  readiness: number;
  /** Skills below their requirement, largest gap first (then in the guide's order). */
  gaps: SkillRow[];
  notAssessed: SkillRow[];
}

export function summariseSkills(rows: SkillRow[]): SkillSummary {
  const met = rows.filter((row) => row.result.status === 'meets' || row.result.status === 'above').length;
  const gaps = rows.filter((row) => row.result.status === 'below');
  // Array.prototype.sort is stable, so equal gaps keep the guide's order.
  gaps.sort((a, b) => b.result.by - a.result.by);
  return {
    total: rows.length,
    assessed: rows.filter((row) => row.result.status !== 'not-assessed').length,
    met,
    readiness: rows.length ? Math.round((100 * met) / rows.length) : 0,
    gaps,
    notAssessed: rows.filter((row) => row.result.status === 'not-assessed'),
  };
}

/**
 * An assessment's entry for each skill of the role, in the guide's order, plus the removed ones,
 * keyed by the skill's catalog id when it has one (and named as the guide names it now).
 * A saved entry keeps the requirement it was made against until the user chooses again, so a
 * changed requirement stays visible.
 */
export function skillEntriesFor(reconciled: SkillReconciliation): SkillEntry[] {
  return [
    ...reconciled.rows.map((row) => ({
      skill: row.skill.name,
      ...(row.skill.skillId && { skillId: row.skill.skillId }),
      level: row.entry?.level ?? null,
      evidence: row.entry?.evidence ?? '',
      required: row.entry?.required ?? requiredCode(row.skill.level),
    })),
    ...reconciled.removed,
  ];
}
