/**
 * Each role's requirements as the career features need them (src/model/requirements.ts), and the
 * URLs of the pages built on them: the per-role requirements JSON, the team view and the pages
 * comparing two roles.
 */
import type { CareerSkill, RoleRequirements, SkillRubric } from '../model/requirements.ts';
import type { RoleGuide } from '../model/schemas.ts';
import type { SiteContent } from './content.ts';
import { catalogById } from './skills.ts';
import { documentHref, withBase } from './urls.ts';
import { keysOf } from '../model/career.ts';

/**
 * The skills catalog's rubric per catalog id (see `catalogRubric`); without one, readiness names
 * the next level without descriptors.
 */
export type RubricLookup = (skillId: string) => SkillRubric | undefined;

export function roleRequirements(role: RoleGuide, rubricOf: RubricLookup = () => undefined): RoleRequirements {
  // `skillId` arrives with the skills catalog (rubric issue); typed loosely so this works before and after.
  const skills: CareerSkill[] = role.skills.map((skill) => ({ ...skill }) as CareerSkill);
  const rubric: Record<string, SkillRubric> = {};
  for (const skill of skills) {
    const entry = skill.skillId ? rubricOf(skill.skillId) : undefined;
    if (entry && skill.skillId) rubric[skill.skillId] = entry;
  }
  return { id: role.id, title: role.title, scale: role.levelScale, skills, ...(Object.keys(rubric).length ? { rubric } : {}) };
}

/** Every role's id, title and requirements JSON, in title order (then id): the compare page's choices and `/roles/index.json`. */
export function roleListings(content: Pick<SiteContent, 'roles'>): { id: string; title: string; requirements: string }[] {
  return content.roles
    .map((document) => ({ id: document.model.id, title: document.model.title, requirements: requirementsHref(document.model.id) }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** `/roles/index.json`: every role's id, title and requirements JSON. */
export const rolesIndexHref = (): string => withBase('roles/index.json');

/** `/roles/team-manager/requirements.json`. */
export const requirementsHref = (roleId: string): string => withBase(`${roleId}/requirements.json`);

/** The compare page, with a pair of roles chosen: `/compare/?from=roles%2Fa&to=roles%2Fb`. */
export const compareHref = (from?: string, to?: string): string =>
  withBase(from && to ? `compare/?${new URLSearchParams({ from, to }).toString()}` : 'compare/');

export const teamHref = (): string => withBase('team/');

/** A skill's catalog page: its id is its path (`skills/people-management` → `/skills/people-management/`). */
export const skillPageHref = (skillId: string): string => documentHref(skillId);

/** What the career views show of a catalog skill: its levels, growth steps and resources. */
export function catalogRubric(content: Pick<SiteContent, 'skills'>): RubricLookup {
  const catalog = catalogById(content);
  return (skillId) => {
    const entry = catalog.get(skillId);
    return entry ? { levels: entry.levels, growth: entry.growth, resources: entry.resources } : undefined;
  };
}

/**
 * How many other roles a role page links to for comparison and offers to check readiness against:
 * career moves go to neighbouring roles, and a role page naming every other role would grow with
 * the site. The compare page itself takes any pair.
 */
export const NEAREST_ROLES = 4;

/** `localeCompare`'s order, with the collator made once rather than on every comparison. */
const TITLE_ORDER = new Intl.Collator();

/** The other roles closest to `role`: most required skills in common first, then by title. */
export function nearestRoles(role: RoleGuide, roles: readonly RoleGuide[], limit = NEAREST_ROLES): RoleGuide[] {
  // Each role's keys are worked out once (keysOf), not once per role page that compares with it.
  const own = keysOf(role.skills as CareerSkill[]).set;
  const shared = (other: RoleGuide) => {
    let common = 0;
    for (const key of keysOf(other.skills as CareerSkill[]).keys) if (own.has(key)) common += 1;
    return common;
  };
  const closer = (a: { other: RoleGuide; common: number }, b: { other: RoleGuide; common: number }) =>
    b.common - a.common || TITLE_ORDER.compare(a.other.title, b.other.title);
  // The `limit` best, kept in order as the roles go by: sorting every other role for every role
  // page (and its cacheKey) was most of the time this took at 500 roles.
  if (limit <= 0) return [];
  const best: { other: RoleGuide; common: number }[] = [];
  for (const other of roles) {
    if (other.id === role.id) continue;
    const candidate = { other, common: shared(other) };
    if (best.length === limit && closer(candidate, best[limit - 1]!) >= 0) continue;
    const at = best.findIndex((kept) => closer(candidate, kept) < 0);
    best.splice(at === -1 ? best.length : at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => other);
}
