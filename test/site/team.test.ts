/**
 * The built output of the career features, on a content folder with two roles: the team page's
 * own JavaScript (at most 24 KB gzip, and only on /team/), the role page's initial JavaScript
 * (the readiness check and other roles' requirements are not in it), the per-role requirements
 * JSON, and the one compare page.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requirementsSchemas } from '../../src/model/requirements.ts';
import { buildSite, projectRoot, type BuildResult } from '../helpers/site.ts';
import { gzippedSize, staticClosure } from '../helpers/bundle.ts';

const contentDir = path.join(projectRoot, 'test/fixtures/career/content');
let build: BuildResult;

beforeAll(async () => {
  build = await buildSite({ contentDir });
  if (build.exitCode !== 0) throw new Error(build.output);
});

const html = (route: string) => readFileSync(path.join(build.outDir, route, 'index.html'), 'utf8');
const moduleScripts = (page: string) => [...page.matchAll(/<script type="module" src="\/([^"]+)"/g)].map((match) => match[1]!);

const closureOf = (page: string) => new Set(moduleScripts(page).flatMap((url) => [...staticClosure(build.outDir, url)]));
const gzipped = (url: string) => gzippedSize(build.outDir, url);

describe('team and career output', () => {
  it('keeps the team page’s own JavaScript within 24 KB gzip, loaded only on /team/', () => {
    const team = closureOf(html('team'));
    const shared = closureOf(html('skills'));
    const own = [...team].filter((url) => !shared.has(url));
    // The page's script bundle is named for its route file, src/pages/team/[...team].astro.
    expect(own.some((url) => url.includes('team_.astro')), own.join(' ')).toBe(true);
    const bytes = own.reduce((total, url) => total + gzipped(url), 0);
    expect(bytes, own.join(' ')).toBeLessThanOrEqual(24 * 1024);
    for (const route of ['roles/team-manager', 'skills', '']) {
      expect([...closureOf(html(route))].some((url) => url.includes('team_.astro')), route).toBe(false);
    }
  });

  it('keeps the readiness check and other roles’ requirements out of the role page’s initial load', () => {
    const page = html('roles/team-manager');
    const initial = closureOf(page);
    expect([...initial].some((url) => /readiness\./.test(url)), [...initial].join(' ')).toBe(false);
    const js = [...initial].reduce((total, url) => total + gzipped(url), 0);
    expect(js).toBeLessThanOrEqual(16 * 1024);
    // The check exists as its own file, for when it is asked for.
    expect(readdirSync(path.join(build.outDir, '_astro')).some((file) => /^readiness\.[\w-]+\.js$/.test(file))).toBe(true);
    // The page names the other role but carries none of its skills.
    expect(page).toContain('/roles/architect/requirements.json');
    expect(page).not.toContain('Solution Architecture');
  });

  it('writes each role’s requirements as JSON in the shape the schema describes', () => {
    const data = JSON.parse(readFileSync(path.join(build.outDir, 'roles/architect/requirements.json'), 'utf8'));
    const parsed = requirementsSchemas().RoleRequirements.parse(data);
    expect(parsed.id).toBe('roles/architect');
    expect(parsed.skills.map((skill) => `${skill.name} ${skill.level.code}${skill.level.orAbove ? '+' : ''}`)).toEqual([
      'Communication L300+',
      'Collaboration L300+',
      'Mentoring/Coaching L200+',
      'Solution Architecture L300+',
      'Technical skills L300+',
    ]);
  });

  it('builds one compare page for any pair of roles, which loads its island and nothing of the team view', () => {
    expect(readdirSync(path.join(build.outDir, 'compare'))).toEqual(['index.html']);
    const page = html('compare');
    expect(page).toContain('data-source="/roles/architect/requirements.json"');
    expect(page).toContain('data-source="/roles/team-manager/requirements.json"');
    const own = [...closureOf(page)].filter((url) => !closureOf(html('skills')).has(url));
    // Its own island (the comparison is built in the browser), within the role page's 16 KB budget, and no team view code.
    expect(own.length, own.join(' ')).toBeGreaterThan(0);
    expect(own.reduce((total, url) => total + gzipped(url), 0), own.join(' ')).toBeLessThanOrEqual(16 * 1024);
    expect(own.some((url) => /team|readiness/.test(url)), own.join(' ')).toBe(false);
    // Role pages link to it with the pair in the address.
    expect(html('roles/team-manager')).toContain('/compare/?from=roles%2Fteam-manager&amp;to=roles%2Farchitect');
  });
});
