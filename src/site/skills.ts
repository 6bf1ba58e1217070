/**
 * What the skill pages and the role pages need from the catalog: which roles need a skill and at
 * what level, resources grouped by level, and the per-role rubric the assessment reads.
 */
import type { RoleRubric } from '../model/role-rubric.ts';
import type { RoleGuide, ScaleLevel, Skill, SkillDocument, SkillResource } from '../model/schemas.ts';
import type { SiteContent } from './content.ts';
import { levelDescription, requiredCode } from '../model/levels.ts';
import { documentHref } from './urls.ts';

/** A role that needs a skill, with the level it requires (named from the role's own scale). */
export interface SkillUse {
  role: RoleGuide;
  skill: Skill;
  code: string;
  description: string;
}

/** The catalog skills by id, for the role pages and the matrix. */
export function catalogById(content: Pick<SiteContent, 'skills'>): Map<string, SkillDocument> {
  const byId = new Map<string, SkillDocument>();
  for (const document of content.skills) if (document.model.kind === 'skill') byId.set(document.model.id, document.model);
  return byId;
}

/** Every role needing the skill, most demanding first, then by title. */
export function rolesNeeding(content: Pick<SiteContent, 'roles'>, skillId: string): SkillUse[] {
  const uses: SkillUse[] = [];
  for (const document of content.roles) {
    const role = document.model;
    if (role.kind !== 'role-guide') continue;
    const skill = role.skills.find((candidate) => candidate.skillId === skillId);
    if (skill) uses.push({ role, skill, code: requiredCode(skill.level), description: levelDescription(role.levelScale, skill.level) });
  }
  return uses.sort((a, b) => b.skill.level.value - a.skill.level.value || a.role.title.localeCompare(b.role.title));
}

export interface ResourceGroup {
  /** The scale step the resources suit; absent for resources marked with no level. */
  level?: ScaleLevel;
  resources: SkillResource[];
}

/** Resources by level, in scale order, with unmarked ones last. */
export function resourcesByLevel(skill: SkillDocument): ResourceGroup[] {
  const groups: ResourceGroup[] = skill.levelScale.map((level) => ({
    level,
    resources: skill.resources.filter((resource) => resource.level === level.code),
  }));
  groups.push({ resources: skill.resources.filter((resource) => !resource.level) });
  return groups.filter((group) => group.resources.length > 0);
}

/** The scale step's name for a described level, as the skill page heads it ("L300 – advanced"). */
export function levelName(skill: SkillDocument, code: string): string {
  return skill.levelScale.find((level) => level.code === code)?.name ?? code;
}

/** What the assessment on a role page needs from the catalog (see src/model/role-rubric.ts). */
export function roleRubric(role: RoleGuide, catalog: Map<string, SkillDocument>): RoleRubric {
  const skills = role.skills.flatMap((skill) => {
    const entry = skill.skillId ? catalog.get(skill.skillId) : undefined;
    if (!entry) return [];
    return [
      {
        name: skill.name,
        skillId: entry.id,
        title: entry.title,
        href: documentHref(entry.id),
        levelScale: entry.levelScale,
        levels: entry.levels,
        growth: entry.growth,
        resources: entry.resources,
      },
    ];
  });
  return { version: 1, role: role.id, skills };
}
