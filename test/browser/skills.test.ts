/**
 * The skills catalog in Chromium: skill pages (axe, small screens), the skills matrix at 360 px
 * with 30 roles × 40 skills (sticky role and skill names, no page-wide scrolling), and search
 * finding a skill by a phrase from one of its level descriptors.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectProblems, hasBrowser, runAxe, useServedSite, type ServedSite } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/site.ts';
import { roleTitle, writeSkillsCorpus } from '../helpers/skills-corpus.ts';

/** Pagefind loads its index on first use: on a busy machine that takes more than expect.poll's default second. */
const SEARCH_WAIT = { timeout: 20_000 };

async function open(site: ServedSite, route: string, width: number, bypassCSP = false): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, bypassCSP });
  const page = await context.newPage();
  await page.goto(new URL(route, site.server.url).href);
  return page;
}

describe.skipIf(!hasBrowser)('skill pages in Chromium', () => {
  const site = useServedSite();

  it.each([1280, 360])('a skill page has no axe violations and no sideways scrolling at %i px', async (width) => {
    const page = await open(site, 'skills/people-management/', width, true);
    const problems = collectProblems(page);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('People Management');
    expect(await page.locator('#level-l300').getByRole('heading', { name: 'L300 advanced' }).isVisible()).toBe(true);
    const { violations, passes } = await runAxe(page);
    expect(violations).toEqual([]);
    expect(passes).toContain('color-contrast');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('search finds a skill by a phrase from a level descriptor, and the kind filter keeps skills', async () => {
    const page = await open(site, 'roles/team-manager/', 1280);
    const problems = collectProblems(page);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('searchbox').fill('morale problems before they show in the poll');
    const first = dialog.locator('.search-result-title').first();
    await expect.poll(() => first.textContent(), SEARCH_WAIT).toBe('People Management Skill');
    expect(await first.getAttribute('href')).toBe('/skills/people-management/');
    // Enter opens the first result.
    await dialog.getByRole('searchbox').press('Enter');
    await page.waitForURL('**/skills/people-management/');
    await page.keyboard.press('/');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('searchbox').fill('Collaboration');
    await expect.poll(() => dialog.locator('.search-result-title').count(), SEARCH_WAIT).toBeGreaterThan(1);
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('Skill');
    await expect.poll(async () => (await dialog.locator('.search-result-title').allTextContents()).every((title) => title.endsWith('Skill')), SEARCH_WAIT).toBe(true);
    expect(await dialog.locator('.search-result-title').allTextContents()).toContain('Collaboration Skill');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a role page links each skill to its page', async () => {
    const page = await open(site, 'roles/team-manager/', 360);
    const table = page.getByRole('table', { name: /Skills of the FastTrack Team Manager/ });
    await table.getByRole('link', { name: 'Mentoring/Coaching' }).click();
    await page.waitForURL('**/skills/mentoring-coaching/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mentoring/Coaching');
    await page.context().close();
  });
});

describe.skipIf(!hasBrowser)('the skills matrix with 30 roles × 40 skills at 360 px', () => {
  beforeAll(async () => {
    await writeSkillsCorpus('skills-matrix-30x40', { roles: 30, skills: 40, uncatalogued: 4 });
  });
  const site = useServedSite({ contentDir: path.join(projectRoot, 'test/.output/skills-matrix-30x40/content') });

  it('scrolls inside its own box, keeping role names on top and skill names on the left', async () => {
    const page = await open(site, 'skills/', 360, true);
    const problems = collectProblems(page);
    // The page itself never scrolls sideways: only the matrix box does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = page.getByRole('region', { name: 'Required level of each skill in each role' });
    await box.scrollIntoViewIfNeeded();
    // The keyboard can reach and scroll the box.
    await box.focus();
    await page.keyboard.press('End');
    await box.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      element.scrollLeft = element.scrollWidth;
    });
    const layout = await box.evaluate((element) => {
      const frame = element.getBoundingClientRect();
      const lastColumn = element.querySelector('thead th:last-child')!.getBoundingClientRect();
      const corner = element.querySelector('thead th:first-child')!.getBoundingClientRect();
      const lastRow = element.querySelector('tbody tr:last-child th')!.getBoundingClientRect();
      return { frame: { top: frame.top, left: frame.left, right: frame.right, bottom: frame.bottom }, lastColumn, corner, lastRow };
    });
    // The last role's name is at the top of the box although the box is scrolled to its end…
    expect(layout.lastColumn.top).toBeGreaterThanOrEqual(layout.frame.top - 1);
    expect(layout.lastColumn.top).toBeLessThan(layout.frame.top + 4);
    expect(layout.lastColumn.right).toBeLessThanOrEqual(layout.frame.right + 1);
    // …and the last skill's name stays at its left edge, beside its cells.
    expect(layout.lastRow.left).toBeGreaterThanOrEqual(layout.frame.left - 1);
    expect(layout.lastRow.left).toBeLessThan(layout.frame.left + 4);
    expect(layout.lastRow.bottom).toBeLessThanOrEqual(layout.frame.bottom + 1);
    // The name column leaves room for a cell beside it.
    expect(layout.corner.width).toBeLessThan(160);
    expect(await box.locator('thead th:last-child').textContent()).toBe(roleTitle(30));
    const { violations } = await runAxe(page);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
