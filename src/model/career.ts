/**
 * Career paths: the same skill across roles, what another role asks of an assessment, and what
 * changes from one role's requirements to another's.
 *
 * A skill is the same across roles when both carry the same catalog id (`skillId`, set by the
 * rubric's catalog when a role skill's name matches a catalog title or alias); without one, when
 * their names read the same. The gap logic itself is assessment.ts's: this module only lines the
 * saved entries up with the other role's skills and hands them to `compareLevel`/`summariseSkills`.
 *
 * Pure, and free of Zod at module level, so the browser islands can import it.
 */
import { compareLevel, summariseSkills, type SkillRow, type SkillSummary } from './assessment/gaps.ts';
import type { SkillEntry } from './assessment/schemas.ts';
import type { CareerSkill, RoleRequirements, SkillRubric } from './requirements.ts';
import type { RequiredLevel } from './schemas.ts';
import { skillNameKey as catalogNameKey } from './skill-names.ts';

export type { CareerSkill, RoleRequirements };

/**
 * A skill name as a reader compares it: case, dash style, spacing (also around `/`) and `&`
 * against `and` do not matter: the catalog's name matching (src/model/skill-names.ts), remembered.
 */
export function skillNameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = catalogNameKey(name);
    // A team of 200 people repeats the same 40 names 8,000 times: remembered, within a bound.
    if (nameKeys.size > 10_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}
const nameKeys = new Map<string, string>();

/** One key per skill across roles: the catalog id when there is one, else the normalised name. */
export function skillKey(skill: { name: string; skillId?: string | undefined }): string {
  return skill.skillId ? `id:${skill.skillId}` : `name:${skillNameKey(skill.name)}`;
}

/**
 * The key of a saved entry. An entry names its skill as the role it was made on called it, so the
 * name is looked up among that role's skills first, which gives it the catalog id when one exists
 * (an entry may also carry its own `skillId`, once saved entries are keyed by catalog id).
 */
export function entryKey(entry: { skill: string; skillId?: string }, sourceSkills: CareerSkill[]): string {
  if (entry.skillId) return `id:${entry.skillId}`;
  const name = skillNameKey(entry.skill);
  return keysByName(sourceSkills).get(name) ?? `name:${name}`;
}

/** A role's skills by normalised name → key, built once per skills list (the first of a name wins). */
const byNameCache = new WeakMap<CareerSkill[], Map<string, string>>();
function keysByName(skills: CareerSkill[]): Map<string, string> {
  let map = byNameCache.get(skills);
  if (!map) {
    map = new Map();
    for (const skill of skills) {
      const name = skillNameKey(skill.name);
      if (!map.has(name)) map.set(name, skillKey(skill));
    }
    byNameCache.set(skills, map);
  }
  return map;
}

/** A skills list's keys, in order and as a set, worked out once per list (a team asks for 200 people). */
const keysCache = new WeakMap<readonly CareerSkill[], { keys: string[]; set: Set<string> }>();
export function keysOf(skills: readonly CareerSkill[]): { keys: string[]; set: Set<string> } {
  let cached = keysCache.get(skills);
  if (!cached) {
    const keys = skills.map(skillKey);
    cached = { keys, set: new Set(keys) };
    keysCache.set(skills, cached);
  }
  return cached;
}

export interface Readiness {
  /** The other role's skills, in its order, each with the person's entry (if any) and the result. */
  rows: SkillRow[];
  summary: SkillSummary;
  /** Skills the other role needs that the assessed role does not list. */
  onlyOther: CareerSkill[];
  /** Entries for skills the other role does not need (they do not count towards its readiness). */
  notNeeded: SkillEntry[];
}

/**
 * Readiness of an assessment, made on the role with `sourceSkills`, for the role `target`. Levels
 * are scale values (300 for L300), so they compare across roles that share the L100–L400 scale;
 * the target role's scale decides how many levels a gap is.
 */
export function readinessFor(entries: SkillEntry[], sourceSkills: CareerSkill[], target: Pick<RoleRequirements, 'scale' | 'skills'>): Readiness {
  const byKey = new Map<string, SkillEntry>();
  for (const entry of entries) {
    const key = entryKey(entry, sourceSkills);
    // The first entry for a skill wins, as reconcileSkills keeps the first match.
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  const sourceKeys = keysOf(sourceSkills).set;
  const { keys: targetKeyList, set: targetKeys } = keysOf(target.skills);
  const rows = target.skills.map((skill, i): SkillRow => {
    const entry = byKey.get(targetKeyList[i]!);
    return { skill, entry, result: compareLevel(target.scale, skill.level, entry?.level ?? null) };
  });
  return {
    rows,
    summary: summariseSkills(rows),
    onlyOther: target.skills.filter((skill) => !sourceKeys.has(skillKey(skill))),
    notNeeded: [...byKey].filter(([key]) => !targetKeys.has(key)).map(([, entry]) => entry),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Two roles' requirements side by side.                                                      */

export type RequirementChange = 'same' | 'higher' | 'lower' | 'only-from' | 'only-to';

export interface RequirementRow {
  key: string;
  name: string;
  skillId?: string;
  from?: CareerSkill;
  to?: CareerSkill;
  change: RequirementChange;
}

const levelOrder = (level: RequiredLevel) => level.value * 2 + (level.orAbove ? 0 : 1);

/**
 * The skills of two roles side by side, as "what changes moving from `from` to `to`": the skills
 * both need first (in `to`'s order), then those only `to` needs, then those only `from` needs.
 */
export function compareRequirements(from: Pick<RoleRequirements, 'skills'>, to: Pick<RoleRequirements, 'skills'>): RequirementRow[] {
  const fromByKey = new Map(from.skills.map((skill) => [skillKey(skill), skill]));
  const toKeys = new Set(to.skills.map(skillKey));
  const shared: RequirementRow[] = [];
  const onlyTo: RequirementRow[] = [];
  for (const skill of to.skills) {
    const key = skillKey(skill);
    const before = fromByKey.get(key);
    const base = { key, name: skill.name, ...(skill.skillId ? { skillId: skill.skillId } : {}), to: skill };
    if (!before) {
      onlyTo.push({ ...base, change: 'only-to' });
      continue;
    }
    const difference = levelOrder(skill.level) - levelOrder(before.level);
    shared.push({ ...base, from: before, change: difference === 0 ? 'same' : difference > 0 ? 'higher' : 'lower' });
  }
  const onlyFrom = from.skills
    .filter((skill) => !toKeys.has(skillKey(skill)))
    .map((skill): RequirementRow => ({ key: skillKey(skill), name: skill.name, ...(skill.skillId ? { skillId: skill.skillId } : {}), from: skill, change: 'only-from' }));
  return [...shared, ...onlyTo, ...onlyFrom];
}

export const CHANGE_LABELS: Record<RequirementChange, string> = {
  same: 'same level',
  higher: 'higher level needed',
  lower: 'lower level needed',
  'only-from': 'no longer needed',
  'only-to': 'newly needed',
};

/* ------------------------------------------------------------------------------------------ */
/* What to work on: the next level's descriptors, growth tips and resources for each gap.    */

export interface NextStep {
  skill: CareerSkill;
  /** The next level on the scale above the person's level, e.g. `L300`. */
  next: string;
  descriptors: string[];
  tips: string[];
  resources: SkillRubric['resources'];
}

/**
 * For each skill below its requirement (largest gap first), the step to take next. The rubric
 * (the skills catalog, keyed by catalog id) is optional: without it a step names the next level only.
 */
export function whatToWorkOn(readiness: Readiness, scale: RoleRequirements['scale'], rubric: RoleRequirements['rubric'] = {}): NextStep[] {
  return readiness.summary.gaps.map((row) => {
    const level = row.entry?.level ?? -1;
    const current = [...scale].reverse().find((step) => step.value <= level);
    const next = scale.find((step) => step.value > level) ?? scale.at(-1)!;
    const skill = row.skill as CareerSkill;
    const entry = skill.skillId ? rubric[skill.skillId] : undefined;
    return {
      skill,
      next: next.code,
      descriptors: entry?.levels.find((candidate) => candidate.code === next.code)?.descriptors ?? [],
      tips: entry?.growth.find((step) => step.to === next.code && (!current || step.from === current.code))?.tips ?? [],
      resources: entry?.resources.filter((resource) => resource.level === next.code) ?? [],
    };
  });
}
