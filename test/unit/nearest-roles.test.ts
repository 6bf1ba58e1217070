/** Role pages offer their nearest roles; the compare page's links carry the pair in the address. */
import { describe, expect, it } from 'vitest';
import type { RoleGuide } from '../../src/model/schemas.ts';
import type { SiteContent } from '../../src/site/content.ts';
import { compareHref, NEAREST_ROLES, nearestRolesIn, nearestRolesOf } from '../../src/site/requirements.ts';

const nearestRoles = (from: RoleGuide, roles: readonly RoleGuide[], limit?: number) => nearestRolesIn(roles, limit)(from);

const level = { code: 'L300', value: 300, orAbove: true };
function role(index: number, skills: string[]): RoleGuide {
  return {
    kind: 'role-guide',
    id: `roles/r${String(index).padStart(2, '0')}`,
    title: `Role ${String(index).padStart(2, '0')}`,
    skills: skills.map((name) => ({ name, level })),
  } as unknown as RoleGuide;
}

describe('nearest roles', () => {
  it('orders the other roles by skills in common, then by title, and keeps the nearest', () => {
    const roles = [role(0, ['A', 'B', 'C']), role(1, ['A']), role(2, ['A', 'B']), role(3, ['Z']), role(4, ['a', 'b', 'c'])];
    expect(nearestRoles(roles[0]!, roles, 8).map((other) => other.id)).toEqual(['roles/r04', 'roles/r02', 'roles/r01', 'roles/r03']);
    expect(nearestRoles(roles[0]!, roles, 2).map((other) => other.id)).toEqual(['roles/r04', 'roles/r02']);
  });

  it('offers at most NEAREST_ROLES roles, never the role itself', () => {
    const roles = Array.from({ length: 60 }, (_, index) => role(index, [`S${index % 7}`, `S${index % 11}`, 'Common']));
    for (const from of roles) {
      const near = nearestRoles(from, roles);
      expect(near).toHaveLength(NEAREST_ROLES);
      expect(near).not.toContain(from);
    }
  });

  it('picks the same roles, in the same order, as sorting every other role would', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const roles = Array.from({ length: 40 }, (_, index) => ({
      ...role(index, names.filter(() => random() < 0.5)),
      // Repeated titles: ties on skills and title keep the roles' order.
      title: `Role ${Math.floor(random() * 10)}`,
    })) as RoleGuide[];
    const keys = (r: RoleGuide) => new Set(r.skills.map((skill) => skill.name.toLowerCase()));
    for (const from of roles) {
      const own = keys(from);
      const sorted = roles
        .filter((other) => other !== from)
        .map((other) => ({ other, common: [...keys(other)].filter((key) => own.has(key)).length }))
        .sort((a, b) => b.common - a.common || a.other.title.localeCompare(b.other.title))
        .map(({ other }) => other.id);
      for (const limit of [0, 1, 4, 50]) expect(nearestRoles(from, roles, limit).map((other) => other.id)).toEqual(sorted.slice(0, limit));
    }
  });

  it('works out each role of a site once, from the same list for the page and its cacheKey', () => {
    const roles = Array.from({ length: 30 }, (_, index) => role(index, [`S${index % 5}`, `S${index % 3}`, 'Common']));
    const content = { roles: roles.map((model) => ({ model })) } as unknown as SiteContent;
    for (const from of roles) {
      const near = nearestRolesOf(content, from);
      expect(near.map((other) => other.id)).toEqual(nearestRoles(from, roles).map((other) => other.id));
      // The second page asking for the same role gets the same answer without working it out again.
      expect(nearestRolesOf(content, from)).toBe(near);
    }
    // Another site (or the same one reloaded in `npm run dev`) is worked out afresh.
    const reloaded = { roles: roles.slice(1).map((model) => ({ model })) } as unknown as SiteContent;
    expect(nearestRolesOf(reloaded, roles[1]!).map((other) => other.id)).not.toContain(roles[0]!.id);
  });

  it('links to the compare page with both role ids in the query, encoded', () => {
    expect(compareHref()).toBe('/compare/');
    const href = new URL(compareHref('roles/team-manager', 'roles/a&b'), 'https://example.org');
    expect(href.pathname).toBe('/compare/');
    expect(href.searchParams.get('from')).toBe('roles/team-manager');
    expect(href.searchParams.get('to')).toBe('roles/a&b');
  });
});
