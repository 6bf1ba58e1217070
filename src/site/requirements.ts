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

/**
 * For any role, the other roles of `roles` closest to it: most required skills in common first,
 * then by title. What the roles share is worked out once for the list: a role's skills in common
 * with every other role are counted from postings (each skill key → the roles listing it) instead
 * of comparing the role with each other role. At 5,000 roles comparing every pair took 7.6 s for
 * one pass over the roles, and the build made two (the page and its cacheKey).
 */
export function nearestRolesIn(roles: readonly RoleGuide[], limit = NEAREST_ROLES): (role: RoleGuide) => RoleGuide[] {
  const postings = new Map<string, number[]>();
  roles.forEach((other, index) => {
    // Once per occurrence: a role listing a skill twice counts it twice, as comparing the lists did.
    for (const key of keysOf(other.skills as CareerSkill[]).keys) {
      const holders = postings.get(key);
      if (holders) holders.push(index);
      else postings.set(key, [index]);
    }
  });
  // Title order as integers; equal titles keep the list's order.
  const byTitle = roles.map((_, index) => index).sort((a, b) => TITLE_ORDER.compare(roles[a]!.title, roles[b]!.title) || a - b);
  const titleRank = new Int32Array(roles.length);
  byTitle.forEach((index, rank) => (titleRank[index] = rank));
  const common = new Int32Array(roles.length);
  const found = new Map<RoleGuide, RoleGuide[]>();
  return (role) => {
    let nearest = found.get(role);
    if (nearest) return nearest;
    common.fill(0);
    for (const key of keysOf(role.skills as CareerSkill[]).set) for (const index of postings.get(key) ?? []) common[index]! += 1;
    nearest = closestIndices(roles.length, limit, (index) => roles[index]!.id !== role.id, (a, b) => common[b]! - common[a]! || titleRank[a]! - titleRank[b]!).map(
      (index) => roles[index]!,
    );
    found.set(role, nearest);
    return nearest;
  };
}

/** The `limit` best of `0…count-1` by `before` (negative: a comes first), kept in order as they go by. */
function closestIndices(count: number, limit: number, eligible: (index: number) => boolean, before: (a: number, b: number) => number): number[] {
  // Sorting all of them for every role page was most of the time this took at 500 roles.
  if (limit <= 0) return [];
  const best: number[] = [];
  for (let index = 0; index < count; index += 1) {
    if (!eligible(index)) continue;
    if (best.length === limit && before(index, best[limit - 1]!) >= 0) continue;
    const at = best.findIndex((kept) => before(index, kept) < 0);
    best.splice(at === -1 ? best.length : at, 0, index);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** Each role's nearest roles for this content, worked out once however many pages ask (role pages and their cacheKeys). */
const nearestByContent = new WeakMap<SiteContent, (role: RoleGuide) => RoleGuide[]>();
export function nearestRolesOf(content: SiteContent, role: RoleGuide): RoleGuide[] {
  let nearest = nearestByContent.get(content);
  if (!nearest) {
    nearest = nearestRolesIn(content.roles.map((document) => document.model as RoleGuide));
    nearestByContent.set(content, nearest);
  }
  return nearest(role);
}
