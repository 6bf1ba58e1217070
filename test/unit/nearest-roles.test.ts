/** Role pages offer their nearest roles, and comparison pages grow with the roles, not their square. */
import { describe, expect, it } from 'vitest';
import type { RoleGuide } from '../../src/model/schemas.ts';
import { comparedPairs, NEAREST_ROLES, nearestRoles } from '../../src/site/requirements.ts';

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

  it('builds comparison pages for each role and its nearest roles both ways, not for every pair', () => {
    const roles = Array.from({ length: 60 }, (_, index) => role(index, [`S${index % 7}`, `S${index % 11}`, 'Common']));
    const pairs = comparedPairs(roles);
    expect(pairs.length).toBeLessThanOrEqual(roles.length * NEAREST_ROLES * 2);
    expect(pairs.length).toBeLessThan(roles.length * (roles.length - 1));
    const keys = new Set(pairs.map(([from, to]) => `${from.id}>${to.id}`));
    for (const [from, to] of pairs) expect(keys.has(`${to.id}>${from.id}`)).toBe(true);
    for (const from of roles) for (const to of nearestRoles(from, roles)) expect(keys.has(`${from.id}>${to.id}`)).toBe(true);
  });

  it('compares every pair when a site has few roles', () => {
    const roles = [role(0, ['A']), role(1, ['B']), role(2, ['C'])];
    expect(comparedPairs(roles)).toHaveLength(6);
  });
});
