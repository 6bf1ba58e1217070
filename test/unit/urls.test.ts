/** Which sidebar link is the page being read: the same address, whatever trailing slashes either has. */
import { expect, it } from 'vitest';
import { isCurrent } from '../../src/site/urls.ts';

it('matches an address with or without its trailing slashes, and nothing else', () => {
  expect(isCurrent('/roles/team-manager/', '/roles/team-manager')).toBe(true);
  expect(isCurrent('/roles/team-manager', '/roles/team-manager//')).toBe(true);
  expect(isCurrent('/', '')).toBe(true);
  expect(isCurrent('/roles/', '/roles/team-manager/')).toBe(false);
  expect(isCurrent('/roles/team-manager/', '/roles/team-manage/')).toBe(false);
  expect(isCurrent('/playbook/roles/', '/roles/')).toBe(false);
});
