/**
 * The built site in Chromium, served on 127.0.0.1 by the test: navigation, search with filters,
 * the theme following the system setting, small screens, keyboard use, JavaScript off, and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launchBrowser, runAxe } from '../helpers/browser.ts';
import { buildSite, serveStatic, type StaticServer } from '../helpers/site.ts';


describe.skipIf(!hasBrowser)('the playbook site in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const build = await buildSite();
    if (build.exitCode !== 0) throw new Error(`the build failed:\n${build.output}`);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  /** A fresh page; every failed request and script error is collected for the test to check. */
  async function open(
    route: string,
    options: { width?: number; colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; bypassCSP?: boolean } = {},
  ): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      // Only axe needs this: it is injected as an inline script, which the site's CSP rightly refuses.
      bypassCSP: options.bypassCSP ?? false,
    });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(new URL(route, server.url).href);
    return { page, problems };
  }

  it('navigates home → role guide → its skills → the skills matrix by following links', async () => {
    const { page, problems } = await open('');
    await page.locator('main').getByRole('link', { name: 'FastTrack Team Manager (TM)' }).click();
    await page.waitForURL('**/roles/team-manager/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('FastTrack Team Manager (TM)');

    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Skills and levels' }).click();
    await page.waitForURL('**/roles/team-manager/#skills-and-levels');
    const table = page.getByRole('table', { name: /Skills of the FastTrack Team Manager \(TM\) role/ });
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('row').count()).toBe(8); // header + 7 skills
    const communication = table.getByRole('row', { name: /Communication/ });
    expect(await communication.textContent()).toContain('expert');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Skills' }).click();
    await page.waitForURL('**/skills/');
    await page.getByRole('link', { name: 'FastTrack Team Manager (TM)' }).first().click();
    await page.waitForURL('**/roles/team-manager/');
    expect(problems).toEqual([]);
  });

  it('searches with `/`: "Portfolio" finds the Team Manager, and the kind filter narrows to playbooks', async () => {
    const { page, problems } = await open('roles/team-manager/');
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const input = dialog.getByRole('searchbox');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('Portfolio');

    const results = dialog.locator('.search-result');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const titles = await dialog.locator('.search-result-title').allTextContents();
    expect(titles.some((title) => title.startsWith('FastTrack Team Manager (TM)'))).toBe(true);
    expect(titles.some((title) => title.startsWith('FastTrack Area Liaison'))).toBe(true);
    const teamManager = dialog.locator('.search-result-title', { hasText: 'FastTrack Team Manager (TM)' });
    expect(await teamManager.getAttribute('href')).toBe('/roles/team-manager/');
    // Results lead to the right section of a long page, too.
    const sections = await dialog.locator('.search-result-sections a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    const teamManagerSections = sections.filter((href) => href.startsWith('/roles/team-manager/#'));
    expect(teamManagerSections, sections.join(' ')).toContain('/roles/team-manager/#factor-businessportfolio-management');
    for (const href of teamManagerSections) {
      expect(await page.locator(`[id="${href.split('#')[1]}"]`).count(), href).toBe(1);
    }
    expect(await dialog.locator('mark').first().textContent()).toMatch(/portfolio/i);

    const before = await results.count();
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('Playbook');
    await expect.poll(() => results.count()).toBeLessThan(before);
    const filtered = await dialog.locator('.search-result-title').allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((title) => title.startsWith('FastTrack Area Liaison') && title.endsWith('Playbook'))).toBe(true);

    // Escape closes the dialog; a result link navigates.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('finds the Team Manager by a skill and its level ("Communication L400"), and opens the result', async () => {
    const { page, problems } = await open('');
    await page.getByRole('link', { name: 'Search' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('Communication L400');
    // The Communication skill page and the FastTrack Architect (who needs Communication too) match as well.
    await expect.poll(() => dialog.locator('.search-result-title').allTextContents(), { timeout: 20_000 }).toContain('FastTrack Team Manager (TM) Role guide');
    await dialog.locator('.search-result-title', { hasText: 'FastTrack Team Manager (TM)' }).click();
    await page.waitForURL('**/roles/team-manager/');
    expect(problems).toEqual([]);
  });

  it('loads the search code only when search is opened', async () => {
    const { page } = await open('roles/team-manager/');
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    await page.waitForLoadState('networkidle');
    expect(loaded.filter((url) => url.includes('pagefind') || url.includes('search-ui'))).toEqual([]);
    await page.keyboard.press('/');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox').fill('Teams');
    await expect.poll(() => loaded.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(loaded.some((url) => /\/_astro\/search-ui\.[\w-]+\.js$/.test(url))).toBe(true);
  });

  it('keeps `/` for typing inside a text field', async () => {
    const { page } = await open('search/');
    const input = page.locator('main').getByRole('searchbox');
    await input.click();
    await page.keyboard.type('a/b');
    expect(await input.inputValue()).toBe('a/b');
    expect(await page.getByRole('dialog', { name: 'Search' }).isVisible()).toBe(false);
  });

  it('follows the system colour scheme, with no script involved', async () => {
    for (const [scheme, background, text] of [
      ['light', 'rgb(255, 255, 255)', 'rgb(27, 31, 36)'],
      ['dark', 'rgb(17, 20, 24)', 'rgb(230, 233, 238)'],
    ] as const) {
      const { page } = await open('roles/team-manager/', { colorScheme: scheme, javaScriptEnabled: false });
      const colours = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
      expect(colours, scheme).toEqual({ background, text });
    }
    // And it switches live when the setting changes.
    const { page } = await open('');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 20, 24)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  });

  it.each(['', 'roles/team-manager/', 'playbooks/area-liaison/', 'skills/', 'glossary/', 'search/', 'roles/', 'no-such-page/'])(
    'has no horizontal scroll at 360 px on /%s, and the menu opens',
    async (route) => {
      const { page } = await open(route, { width: 360 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      if (route !== 'no-such-page/') {
        const menu = page.getByRole('navigation', { name: 'Site' });
        const roles = menu.getByRole('link', { name: 'Role guides' });
        expect(await roles.isVisible()).toBe(false);
        await menu.getByText('Menu').click();
        expect(await roles.isVisible()).toBe(true);
      }
    },
  );

  it('shows the sidebar and the table of contents at once on a wide screen', async () => {
    const { page } = await open('roles/team-manager/', { width: 1280, javaScriptEnabled: false });
    expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Skills matrix' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Success factors' }).isVisible()).toBe(true);
  });

  it('works with JavaScript off: the guide, its levels and its success factors are all there', async () => {
    const { page, problems } = await open('roles/team-manager/', { javaScriptEnabled: false });
    expect(await page.locator('.skill').count()).toBe(7);
    expect(await page.locator('.factor-card').count()).toBe(5);
    expect(await page.locator('.skills-table').getByText('below essentials (L100), or above').isVisible()).toBe(true);
    // The search box leads to the search page, which says what to use instead.
    await page.locator('.search-trigger').click();
    await page.waitForURL('**/search/');
    // (Playwright's text matching skips <noscript>, so read what the page renders instead.)
    expect(await page.locator('main .search-status').evaluate((element) => (element as HTMLElement).innerText)).toContain('Search needs JavaScript.');
    expect(await page.locator('main .search-status a[href="/skills/"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('starts keyboard use with a visible skip link, and shows where focus is', async () => {
    const { page } = await open('roles/team-manager/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });

  it.each([
    ['', 'light'],
    ['roles/team-manager/', 'light'],
    ['roles/team-manager/', 'dark'],
    ['playbooks/area-liaison/', 'light'],
    ['playbooks/area-liaison/', 'dark'],
    ['skills/', 'light'],
    ['glossary/', 'light'],
    ['glossary/', 'dark'],
    ['search/', 'light'],
    ['contributing/', 'light'],
    ['contributing/rules/', 'light'],
    ['contributing/rules/', 'dark'],
    ['health/', 'light'],
    ['health/', 'dark'],
  ] as const)('axe-core finds no violations on /%s (%s)', async (route, colorScheme) => {
    const { page } = await open(route, { colorScheme, bypassCSP: true });
    await page.waitForLoadState('networkidle');
    const { violations } = await runAxe(page);
    expect(violations).toEqual([]);
  });

  it('axe-core finds no violations in the open search dialog with results', async () => {
    const { page } = await open('roles/team-manager/', { bypassCSP: true });
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('Portfolio');
    await expect.poll(() => dialog.locator('.search-result').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const { violations } = await runAxe(page);
    expect(violations).toEqual([]);
  });
});
