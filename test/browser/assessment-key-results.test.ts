/**
 * Key-result tracking on the Area Liaison playbook page, in Chromium: statuses and notes saved
 * and reloaded, future key results marked and left out of progress, comparison, export/import,
 * share link, and axe.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasBrowser, runAxe, useServedSite, useSitePages, type PageOptions } from '../helpers/browser.ts';

describe.skipIf(!hasBrowser)('key-result tracking on a playbook page', () => {
  const site = useServedSite();
  const sitePages = useSitePages(site);

  /** The Area Liaison playbook page; with the island's scripts running, once its toolbar shows. */
  async function open(options: PageOptions & { hash?: string } = {}): Promise<Page> {
    const page = await sitePages.open(`playbooks/area-liaison/${options.hash ?? ''}`, options);
    if ((options.js ?? true) && !options.blockSiteScripts) await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    return page;
  }

  const keyResult = (page: Page, text: string) => page.getByRole('group', { name: new RegExp(`^${text.replace(/[()]/g, '\\$&')}`) });
  const summary = (page: Page) => page.locator('.rb-summary').textContent();

  it('says it needs JavaScript when scripts are off, with the key results listed by area above', async () => {
    const page = await open({ js: false });
    expect(await page.locator('[data-rb-nojs]').textContent()).toMatch(/needs JavaScript\. The key results are listed by area above/);
    expect(await page.getByRole('radio').count()).toBe(0);
    const areas = page.locator('.okr-area');
    expect(await areas.locator('h3').allTextContents()).toEqual(['Business Performance', 'FastTrack Readiness', 'FastTrack Escalation', 'FastTrack Feedback']);
    expect(await areas.locator('.key-result-list li').count()).toBe(10);
    const future = await areas.locator('.key-result-list li[data-future]').evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(future).toEqual(['FT Essentials completion and score for the Area Future', 'Field satisfaction on whether FT is listening Future']);
    const okrs = await page.locator('#objectives-and-key-results').boundingBox();
    const note = await page.locator('[data-rb-nojs]').boundingBox();
    expect(okrs!.y).toBeLessThan(note!.y);
  });

  it('lists every key result by area as a group of statuses, and marks the future ones', async () => {
    const page = await open();
    expect(await page.locator('.rb-area > legend').allTextContents()).toEqual([
      'Business Performance',
      'FastTrack Readiness',
      'FastTrack Escalation',
      'FastTrack Feedback',
    ]);
    expect(await page.locator('.rb-item').count()).toBe(10);
    const future = await page.locator('.rb-item[data-future] .rb-item-name').allTextContents();
    expect(future).toEqual(['FT Essentials completion and score for the Area', 'Field satisfaction on whether FT is listening']);
    expect(await page.locator('.rb-item[data-future] .rb-future').first().textContent()).toBe('Future');
    expect(await keyResult(page, 'Agreement on RFA').getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.closest('label')!.textContent))).toEqual([
      'not started',
      'in progress',
      'met',
      'not applicable',
    ]);
  });

  it('tracks statuses and notes, keeps them across a reload, and leaves future key results out of progress', async () => {
    const page = await open();
    await keyResult(page, 'Agreement on RFA').getByRole('radio', { name: 'met' }).check();
    await keyResult(page, 'Insights raised').getByRole('radio', { name: 'in progress' }).check();
    await keyResult(page, 'Participation in related programs (FTHelp)').getByRole('radio', { name: 'not applicable' }).check();
    await keyResult(page, 'FT Essentials completion').getByRole('radio', { name: 'met' }).check();
    await keyResult(page, 'Agreement on RFA').locator('summary').click();
    await keyResult(page, 'Agreement on RFA').getByRole('textbox').fill('Signed off with the Area lead');
    expect(await summary(page)).toBe(
      '1 of 7 current key results met (14%) · 1 in progress · 0 not started · 6 not tracked yet · 2 future key results not counted',
    );
    await expect.poll(() => page.locator('[data-rb-live]').textContent()).toMatch(/^FT Essentials completion and score for the Area: met\. 1 of 7 current key results met\.$/);
    await page.waitForTimeout(600);
    await page.reload();
    await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    expect(await keyResult(page, 'Agreement on RFA').getByRole('radio', { name: 'met' }).isChecked()).toBe(true);
    expect(await keyResult(page, 'Agreement on RFA').getByRole('textbox').inputValue()).toBe('Signed off with the Area lead');
    expect(await keyResult(page, 'Insights raised').getByRole('radio', { name: 'in progress' }).isChecked()).toBe(true);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('rolebook:assessments:playbooks/area-liaison')!));
    expect(saved).toMatchObject({ version: 2, kind: 'playbook', docId: 'playbooks/area-liaison' });
  });

  it('compares two trackings, exports CSV and JSON, and imports the JSON back', async () => {
    const page = await open();
    await keyResult(page, 'Field satisfaction with the FT partnership').getByRole('radio', { name: 'in progress' }).check();
    await page.getByLabel('Name', { exact: true }).fill('FY26 H1');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'New tracking' }).click();
    await page.getByLabel('Name', { exact: true }).fill('FY26 H2');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await keyResult(page, 'Field satisfaction with the FT partnership').getByRole('radio', { name: 'met' }).check();
    await page.getByLabel('Compare with').selectOption('FY26 H1');
    const row = await page.locator('[data-rb-results] tbody tr').nth(4).innerText();
    expect(row.split('\t').slice(0, 4)).toEqual(['Field satisfaction with the FT partnership', 'Business Performance', 'met', 'in progress']);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csvText = await readFile((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('Tracking,Area,Key result,Future,Status,Note');
    expect(csvText).toContain('\r\nFY26 H2,Business Performance,Field satisfaction with the FT partnership,no,met,\r\n');
    expect(csvText).toContain('\r\nFY26 H2,FastTrack Readiness,FT Essentials completion and score for the Area,yes,not tracked,\r\n');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const jsonText = await readFile((await json.path())!, 'utf8');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    expect(await page.getByLabel('Saved trackings').locator('option').allTextContents()).toEqual(['FY26 H1']);
    await page.getByLabel('Import JSON').setInputFiles({ name: 'h2.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) });
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('FY26 H2');
    expect(await keyResult(page, 'Field satisfaction with the FT partnership').getByRole('radio', { name: 'met' }).isChecked()).toBe(true);
  });

  it('round-trips a share link without the notes', async () => {
    const page = await open();
    await keyResult(page, 'Insights raised').getByRole('radio', { name: 'met' }).check();
    await keyResult(page, 'Insights raised').locator('summary').click();
    await keyResult(page, 'Insights raised').getByRole('textbox').fill('internal only');
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.locator('[data-rb-share-url]').inputValue();
    await sitePages.context().close();
    const other = await open({ hash: link.slice(link.indexOf('#')) });
    expect(await keyResult(other, 'Insights raised').getByRole('radio', { name: 'met' }).isChecked()).toBe(true);
    expect(await keyResult(other, 'Insights raised').locator('textarea').inputValue()).toBe('');
    expect(await other.getByLabel('Name', { exact: true }).inputValue()).toBe('My tracking (shared)');
  });

  it('rejects a role assessment imported on a playbook page', async () => {
    const page = await open();
    const roleFile = JSON.stringify({ format: 'rolebook-assessments', version: 1, kind: 'role-guide', docId: 'roles/team-manager', assessments: [] });
    await page.getByLabel('Import JSON').setInputFiles({ name: 'role.json', mimeType: 'application/json', buffer: Buffer.from(roleFile) });
    await expect.poll(() => page.locator('[data-rb-notice]').textContent()).toMatch(/holds assessments for “roles\/team-manager”, not for this page \(“playbooks\/area-liaison”\)\. Nothing was changed\./);
  });

  it('has no axe violations with and without JavaScript', async () => {
    for (const js of [true, false]) {
      // bypassCSP only so that axe itself can be injected (the site's CSP rightly refuses inline
      // scripts). "Without JavaScript" blocks the site's scripts instead of all JavaScript, so
      // that axe can still run.
      const page = await open({ bypassCSP: true, blockSiteScripts: !js });
      if (js) {
        await keyResult(page, 'Agreement on RFA').getByRole('radio', { name: 'met' }).check();
        await page.getByRole('button', { name: 'New tracking' }).click();
        await page.getByLabel('Compare with').selectOption({ index: 1 });
      }
      const { violations, passes } = await runAxe(page, '.rb-assess');
      expect(violations).toEqual([]);
      // axe really looked at the form (or, without JavaScript, at the note that stands in for it):
      // the label and contrast rules ran and passed.
      expect(passes).toEqual(expect.arrayContaining(js ? ['label', 'color-contrast', 'aria-allowed-attr'] : ['color-contrast', 'aria-allowed-attr']));
      await sitePages.context().close();
    }
  });
});
