/** Role pages offer their nearest roles; the compare page's links carry the pair in the address. */
import { describe, expect, it } from 'vitest';
import type { RoleGuide } from '../../src/model/schemas.ts';
import { compareHref, NEAREST_ROLES, nearestRoles } from '../../src/site/requirements.ts';

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

  it('links to the compare page with both role ids in the query, encoded', () => {
    expect(compareHref()).toBe('/compare/');
    const href = new URL(compareHref('roles/team-manager', 'roles/a&b'), 'https://example.org');
    expect(href.pathname).toBe('/compare/');
    expect(href.searchParams.get('from')).toBe('roles/team-manager');
    expect(href.searchParams.get('to')).toBe('roles/a&b');
  });
});
