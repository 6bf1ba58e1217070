/**
 * The compare page in Chromium, on the career fixture (two roles sharing skills): reached from a
 * role page with the pair chosen, any pair compared, the other way round, the address kept, axe,
 * keyboard only at 360 px, and without JavaScript a page that points to the skills matrix.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, hasBrowser, runAxe, useServedSite, useSitePages, type PageOptions } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/site.ts';

const contentDir = path.join(projectRoot, 'test/fixtures/career/content');
const TM = 'FastTrack Team Manager (TM)';
const FTA = 'FastTrack Architect (FTA)';

describe.skipIf(!hasBrowser)('compare roles', () => {
  const site = useServedSite({ contentDir });
  const sitePages = useSitePages(site);

  /** A page of the site, 1280 px wide unless `width` says otherwise. */
  const open = (route: string, { width = 1280, ...options }: PageOptions & { width?: number } = {}): Promise<Page> =>
    sitePages.open(route, { viewport: { width, height: 900 }, ...options });

  const rows = (page: Page) =>
    page.locator('.compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

  it('opens from a role page with the pair chosen and shows what changes, in words', async () => {
    const page = await open('roles/team-manager/');
    await page.getByRole('link', { name: `${TM} → ${FTA}` }).click();
    await page.locator('.compare-table').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Compare roles');
    expect(await page.locator('[data-rb-compare-out] h2').textContent()).toBe(`From ${TM} to ${FTA}`);
    expect(await rows(page)).toEqual(
      expect.arrayContaining([
        'Communication L400 expert L300+ advanced or above lower level needed',
        'Solution Architecture Not required L300+ advanced or above newly needed',
        'People Management L300+ advanced or above Not required no longer needed',
      ]),
    );
    expect(await page.locator('[data-rb-compare-summary]').textContent()).toMatch(/^\d+ higher, \d+ lower, \d+ the same; 1 newly needed and \d+ no longer needed\./);
    // The other way round swaps the columns and the words, and the address follows.
    await page.getByRole('button', { name: 'The other way round' }).click();
    await page.locator('[data-rb-compare-out] h2', { hasText: `From ${FTA} to ${TM}` }).waitFor();
    expect(await rows(page)).toContain('Solution Architecture L300+ advanced or above Not required no longer needed');
    const address = new URL(page.url());
    expect([address.searchParams.get('from'), address.searchParams.get('to')]).toEqual(['roles/architect', 'roles/team-manager']);
    // Reloading the address shows the same comparison.
    await page.reload();
    await page.locator('[data-rb-compare-out] h2', { hasText: `From ${FTA} to ${TM}` }).waitFor();
  });

  it('is axe clean with a comparison shown', async () => {
    const page = await open('compare/?from=roles%2Fteam-manager&to=roles%2Farchitect', { bypassCSP: true });
    await page.locator('.compare-table').waitFor();
    expect((await runAxe(page)).violations).toEqual([]);
  });

  it('works with the keyboard only and fits 360 px', async () => {
    const page = await open('compare/', { width: 360 });
    const from = page.getByLabel('From');
    for (let i = 0; i < 80 && !(await from.evaluate((select) => select === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Compare');
    await page.keyboard.press('Enter');
    await page.locator('.compare-table').waitFor();
    // Focus moves to the result's heading, so a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('says the same role twice cannot be compared', async () => {
    const page = await open('compare/');
    await page.getByLabel('To').selectOption({ label: await page.getByLabel('From').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.text) });
    await page.getByRole('button', { name: 'Compare' }).click();
    expect(await page.locator('[data-rb-compare-out]').textContent()).toBe('Choose two different roles.');
  });

  it('without JavaScript points to the skills matrix, which the matrix links back from', async () => {
    const page = await open('skills/', { js: false });
    await page.getByRole('link', { name: 'Compare two roles side by side' }).click();
    expect(await page.locator('h1').textContent()).toBe('Compare roles');
    expect(await page.locator('[data-rb-nojs]').textContent()).toMatch(/needs JavaScript/);
    expect(await page.locator('[data-rb-compare-form]').isVisible()).toBe(false);
    await page.locator('[data-rb-nojs]').getByRole('link', { name: 'skills matrix' }).click();
    expect(new URL(page.url()).pathname).toBe('/skills/');
  });
});

/** The career fixture with four more roles (copies of the architect under other titles): more than a role page lists. */
function manyRolesContent(): string {
  const dir = path.join(projectRoot, 'test/.output', `many-roles-${process.env.ROLEBOOK_TEST_RUN ?? process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(contentDir, dir, { recursive: true });
  const architect = readFileSync(path.join(contentDir, 'roles/architect.md'), 'utf8');
  for (const name of ['Analyst', 'Consultant', 'Engineer', 'Strategist']) {
    const text = architect.replaceAll('FastTrack Architect (FTA)', `FastTrack ${name}`);
    writeFileSync(path.join(dir, `roles/${name.toLowerCase()}.md`), text);
  }
  return dir;
}

describe.skipIf(!hasBrowser)('readiness against any role', () => {
  const site = useServedSite({ contentDir: manyRolesContent() });

  it('lists the nearest roles first and every other role on request, loading the list only then', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${site.server.url}roles/team-manager/`);
      const role = page.getByLabel('Role', { exact: true });
      // Five other roles; the page lists the four nearest.
      expect(await role.locator('option').count()).toBe(4);
      expect(requested).not.toContain('/roles/index.json');
      await page.getByRole('button', { name: 'List every role' }).click();
      await role.locator('optgroup[label="Every other role"] option').first().waitFor({ state: 'attached' });
      expect(requested).toContain('/roles/index.json');
      const titles = await role.locator('option').allTextContents();
      expect(titles).toHaveLength(5);
      expect(titles).not.toContain('FastTrack Team Manager (TM)');
      expect(await page.evaluate(() => document.activeElement?.matches('[data-rb-career-role]'))).toBe(true);
      expect(await page.getByRole('button', { name: 'List every role' }).count()).toBe(0);
      // The added role can be checked like the others, for the assessment made on this page.
      await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
      await page.getByRole('group', { name: /^Communication/ }).getByRole('radio', { name: /^L300/ }).check();
      await role.selectOption({ index: 4 });
      await page.getByRole('button', { name: 'Check readiness' }).click();
      await page.locator('[data-rb-career-out] table').waitFor();
      expect(await page.locator('[data-rb-career-out] h4').first().textContent()).toMatch(/against FastTrack /);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
