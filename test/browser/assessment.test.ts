/**
 * The self-assessment on the Team Manager page, in Chromium, against the built site: choosing
 * levels, persistence, named assessments and comparison, export/import, share links, keyboard
 * use, storage failures, print and axe. Every test gets a fresh browser context (empty storage).
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasBrowser, runAxe, useServedSite, useSitePages, type PageOptions } from '../helpers/browser.ts';

const KEY = 'rolebook:assessments:roles/team-manager';

describe.skipIf(!hasBrowser)('self-assessment on a role page', () => {
  const site = useServedSite();
  const sitePages = useSitePages(site);

  /** The Team Manager page; with the island's scripts running, once its toolbar shows. */
  async function open(options: PageOptions & { hash?: string } = {}): Promise<Page> {
    const page = await sitePages.open(`roles/team-manager/${options.hash ?? ''}`, options);
    if ((options.js ?? true) && !options.blockSiteScripts) await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    return page;
  }

  const skill = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) });
  const choose = (page: Page, name: string, level: RegExp) => skill(page, name).getByRole('radio', { name: level }).check();
  const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
  const notice = (page: Page) => page.locator('[data-rb-notice]');
  const live = (page: Page) => page.locator('[data-rb-live]');
  const resultsTable = (page: Page) => page.locator('[data-rb-results] table');

  it('without JavaScript shows every required level and says the assessment needs JavaScript', async () => {
    const page = await open({ js: false });
    await expect(page.locator('[data-rb-nojs]').textContent()).resolves.toMatch(/needs JavaScript/);
    expect(await page.locator('[data-rb-nojs]').isVisible()).toBe(true);
    // No form that cannot work: the toolbar and radio groups are made by the island.
    expect(await page.locator('[data-rb-toolbar]').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    // The note points at the required levels, which the skills table above shows.
    expect(await page.locator('[data-rb-nojs]').textContent()).toMatch(/in the table above/);
    const rows = await page.locator('.skills-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      'People Management L300+ advanced or above',
      'Portfolio Management L300+ advanced or above',
      'Operational Excellence L300+ advanced or above',
      'Mentoring/Coaching L300+ advanced or above',
      'Communication L400 expert',
      'Collaboration L400 expert',
      'Technical skills across M365 Suite L50+ below essentials (L100), or above',
    ]);
    const table = await page.locator('.skills-table').boundingBox();
    const note = await page.locator('[data-rb-nojs]').boundingBox();
    expect(table!.y + table!.height).toBeLessThan(note!.y);
  });

  it('builds one labelled radio group per skill, with the requirement in its name', async () => {
    const page = await open();
    const legends = await page.locator('.rb-item legend').allTextContents();
    expect(legends.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'People Management Required: L300+ (advanced or above)',
      'Portfolio Management Required: L300+ (advanced or above)',
      'Operational Excellence Required: L300+ (advanced or above)',
      'Mentoring/Coaching Required: L300+ (advanced or above)',
      'Communication Required: L400 (expert)',
      'Collaboration Required: L400 (expert)',
      'Technical skills across M365 Suite Required: L50+ (L50 or above)',
    ]);
    const levels = await skill(page, 'People Management').getByRole('radio').evaluateAll((radios) =>
      radios.map((radio) => [(radio as HTMLInputElement).value, radio.closest('label')!.innerText.replace(/\s+/g, ' ').trim(), radio.closest('label')!.hasAttribute('data-meets')]),
    );
    expect(levels).toEqual([
      ['-1', 'Not yet below L100', false],
      ['100', 'L100 essentials', false],
      ['200', 'L200 intermediate', false],
      ['300', 'L300 advanced', true],
      ['400', 'L400 expert', true],
    ]);
    // L50+ is met by every level on the scale, but not by "not yet".
    const technical = await skill(page, 'Technical skills').locator('label[data-meets]').count();
    expect(technical).toBe(4);
    expect(await page.getByRole('radio').count()).toBe(35);
    expect(await page.locator('.rb-intro').textContent()).toMatch(/^Choose the level you work at today for each skill/);
    expect(await page.locator('.rb-print-title').textContent()).toBe('FastTrack Team Manager (TM)');
  });

  it('shows each result live, the summary with the largest gaps first, and announces the change', async () => {
    const page = await open();
    expect(await page.locator('[data-rb-nojs]').isVisible()).toBe(false);
    await choose(page, 'People Management', /^L200/);
    await expect.poll(() => skill(page, 'People Management').locator('[data-rb-result]').textContent()).toBe('Your level: L200 intermediate — below by 1 level.');
    await expect.poll(() => live(page).textContent()).toBe('People Management: below by 1 level. 0 of 7 skills met.');
    await choose(page, 'Technical skills', /^Not yet/);
    expect(await skill(page, 'Technical skills').locator('[data-rb-result]').textContent()).toBe('Your level: not yet — below by 1 level.');
    await choose(page, 'Collaboration', /^L100/);
    await choose(page, 'Communication', /^L400/);
    const summary = await page.locator('.rb-summary').textContent();
    expect(summary).toBe('1 of 7 skills meet the requirement · readiness 14% · 3 not assessed yet');
    expect(await page.locator('[data-rb-results] p').nth(1).textContent()).toBe(
      'Largest gaps first: Collaboration (below by 3 levels), People Management (below by 1 level), Technical skills (below by 1 level).',
    );
    // Radar for 7 skills, with the table as its text equivalent.
    expect(await page.locator('svg.rb-wide polygon.rb-self').count()).toBe(1);
    expect(await page.locator('svg.rb-wide').getAttribute('aria-label')).toMatch(/table below has the same figures/);
    const rows = await resultsTable(page).locator('tbody tr').allInnerTexts();
    expect(rows[4]!.split('\t').slice(0, 4)).toEqual(['Communication', 'L400', 'L400 expert', 'meets']);
  });

  it('keeps levels, evidence and names across a reload, saved with the format version', async () => {
    const page = await open();
    await choose(page, 'Portfolio Management', /^L300/);
    await skill(page, 'Portfolio Management').locator('.rb-note summary').click();
    await skill(page, 'Portfolio Management').getByRole('textbox').fill('Ran the FY26 portfolio review');
    await page.getByLabel('Name', { exact: true }).fill('me, 2026-Q4');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').assessments?.[0]?.entries?.[1]?.evidence).toBe('Ran the FY26 portfolio review');
    const saved = JSON.parse((await stored(page))!);
    expect(saved).toMatchObject({ format: 'rolebook-assessments', version: 2, kind: 'role-guide', docId: 'roles/team-manager', current: 'me, 2026-Q4' });
    await page.reload();
    await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    expect(await skill(page, 'Portfolio Management').getByRole('radio', { name: /^L300/ }).isChecked()).toBe(true);
    expect(await skill(page, 'Portfolio Management').getByRole('textbox').inputValue()).toBe('Ran the FY26 portfolio review');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('me, 2026-Q4');
  });

  it('redraws the results for a new level, but typing evidence changes only that skill’s evidence cell', async () => {
    const page = await open();
    await choose(page, 'People Management', /^L300/);
    await skill(page, 'People Management').locator('.rb-note summary').click();
    // Watch the results region and the skill's live result; keep the summary and chart nodes to compare later.
    await page.evaluate(() => {
      const results = document.querySelector('[data-rb-results]')!;
      const watched = { changes: [] as string[], summary: results.querySelector('.rb-summary'), chart: results.querySelector('figure') };
      const cell = () => results.querySelector('tbody tr')!.lastElementChild!;
      const where = (node: Node) => (cell().contains(node) ? 'evidence cell' : node === results ? 'results' : 'elsewhere');
      new MutationObserver((records) => watched.changes.push(...records.map((record) => where(record.target)))).observe(results, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      new MutationObserver((records) => watched.changes.push(...records.map(() => 'skill result'))).observe(document.querySelector('[data-rb-result]')!, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      (window as unknown as { watched: typeof watched }).watched = watched;
    });
    const watched = () =>
      page.evaluate(() => {
        const { changes, summary, chart } = (window as unknown as { watched: { changes: string[]; summary: Element; chart: Element } }).watched;
        const results = document.querySelector('[data-rb-results]')!;
        return { changes: [...new Set(changes)], sameSummary: results.querySelector('.rb-summary') === summary, sameChart: results.querySelector('figure') === chart };
      });

    await skill(page, 'People Management').getByRole('textbox').pressSequentially('Ran the review');
    expect(await resultsTable(page).locator('tbody tr').first().locator('td').last().textContent()).toBe('Ran the review');
    expect(await watched()).toEqual({ changes: ['evidence cell'], sameSummary: true, sameChart: true });

    await choose(page, 'People Management', /^L400/);
    const afterChoice = await watched();
    expect(afterChoice.changes).toEqual(expect.arrayContaining(['results', 'skill result']));
    expect(afterChoice).toMatchObject({ sameSummary: false, sameChart: false });
    // The evidence survives the redraw.
    expect(await resultsTable(page).locator('tbody tr').first().locator('td').last().textContent()).toBe('Ran the review');
  });

  it('keeps several named assessments and compares two side by side', async () => {
    const page = await open();
    await page.getByLabel('Name', { exact: true }).fill('me, 2026-Q4');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await choose(page, 'People Management', /^L200/);
    await choose(page, 'Communication', /^L300/);
    await page.getByRole('button', { name: 'New assessment' }).click();
    // The new assessment's name field has focus, ready to type.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('me, 2027-Q2');
    await page.keyboard.press('Enter');
    expect(await skill(page, 'People Management').getByRole('radio', { checked: true }).count()).toBe(0);
    await choose(page, 'People Management', /^L300/);
    await choose(page, 'Communication', /^L300/);
    await page.getByLabel('Compare with').selectOption('me, 2026-Q4');
    const head = await resultsTable(page).locator('thead th').allTextContents();
    expect(head.slice(0, 6)).toEqual(['Skill', 'Required', 'me, 2027-Q2', 'Result', 'me, 2026-Q4', 'Difference']);
    const rows = await resultsTable(page).locator('tbody tr').allInnerTexts();
    expect(rows[0]!.split('\t').slice(0, 6)).toEqual(['People Management', 'L300+', 'L300 advanced', 'meets', 'L200 intermediate', '+1 level']);
    expect(rows[4]!.split('\t').slice(0, 6)).toEqual(['Communication', 'L400', 'L300 advanced', 'below by 1 level', 'L300 advanced', 'same']);
    expect(rows[1]!.split('\t').slice(4, 6)).toEqual(['not assessed', '–']);
    expect(await page.locator('svg.rb-wide polygon.rb-compare').count()).toBe(1);
    // Both survive a reload, and switching shows the other one.
    await page.reload();
    await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    expect(await page.getByLabel('Saved assessments').locator('option').allTextContents()).toEqual(['me, 2026-Q4', 'me, 2027-Q2']);
    await page.getByLabel('Saved assessments').selectOption('me, 2026-Q4');
    expect(await skill(page, 'People Management').getByRole('radio', { name: /^L200/ }).isChecked()).toBe(true);
  });

  it('exports JSON and CSV as downloads and imports the JSON back', async () => {
    const page = await open();
    await choose(page, 'People Management', /^L300/);
    await choose(page, 'Technical skills', /^L100/);
    await skill(page, 'People Management').locator('.rb-note summary').click();
    await skill(page, 'People Management').getByRole('textbox').fill('Team of 8, "two" hires, one exit');
    await page.getByLabel('Name', { exact: true }).fill('me, 2026-Q4');
    await page.getByLabel('Name', { exact: true }).press('Enter');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(json.suggestedFilename()).toBe('fasttrack-team-manager-tm-me-2026-q4.json');
    const jsonText = await readFile((await json.path())!, 'utf8');
    expect(JSON.parse(jsonText)).toMatchObject({ version: 2, docId: 'roles/team-manager', assessments: [{ name: 'me, 2026-Q4' }] });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('fasttrack-team-manager-tm-me-2026-q4.csv');
    const csvText = await readFile((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('Assessment,Skill,Required,Your level,Result,Evidence');
    expect(csvText).toContain('\r\n"me, 2026-Q4",People Management,L300+,L300 advanced,meets,"Team of 8, ""two"" hires, one exit"\r\n');

    // Delete it, then bring it back from the file.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    expect(await skill(page, 'People Management').getByRole('radio', { checked: true }).count()).toBe(0);
    await page.getByLabel('Import JSON').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) });
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('me, 2026-Q4');
    expect(await skill(page, 'People Management').getByRole('radio', { name: /^L300/ }).isChecked()).toBe(true);
    expect(await skill(page, 'Technical skills').getByRole('radio', { name: /^L100/ }).isChecked()).toBe(true);
    expect(await skill(page, 'People Management').getByRole('textbox').inputValue()).toBe('Team of 8, "two" hires, one exit');
    await expect.poll(() => live(page).textContent()).toBe('Imported “me, 2026-Q4”.');
    // Importing the same file again adds nothing.
    await page.getByLabel('Import JSON').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) });
    await expect.poll(() => notice(page).textContent()).toMatch(/already here\. Nothing was changed\./);
  });

  it('rejects invalid imports with a clear message and changes nothing', async () => {
    const page = await open();
    await choose(page, 'People Management', /^L300/);
    await expect.poll(() => stored(page)).not.toBeNull();
    const before = await stored(page);
    const valid = JSON.parse(before!);
    const cases: [string, string][] = [
      ['{"format":"rolebook-assessments","version":1,"__proto__":{"polluted":1}}', 'the key "__proto__" is not allowed'],
      [JSON.stringify({ ...valid, version: 3 }), 'newer version of this site (format 3)'],
      [JSON.stringify({ ...valid, docId: 'roles/architect' }), 'not for this page'],
      ['not json at all', 'is not valid JSON'],
      [JSON.stringify({ ...valid, assessments: [{ ...valid.assessments[0], entries: [{ skill: 'X', level: 'high', evidence: '' }] }] }), 'expected a level value or null'],
    ];
    for (const [text, message] of cases) {
      await page.getByLabel('Import JSON').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => notice(page).textContent()).toContain(message);
      expect(await notice(page).textContent()).toContain('Nothing was changed.');
      expect(await stored(page)).toBe(before);
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
    const big = Buffer.alloc(600 * 1024, 'x');
    await page.getByLabel('Import JSON').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: big });
    await expect.poll(() => notice(page).textContent()).toMatch(/too large/);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    expect(await page.getByLabel('Saved assessments').locator('option').count()).toBe(1);
  });

  it('round-trips a share link: levels travel in the fragment, evidence does not', async () => {
    const page = await open();
    await choose(page, 'Mentoring/Coaching', /^L400/);
    await choose(page, 'Collaboration', /^L200/);
    await skill(page, 'Collaboration').locator('.rb-note summary').click();
    await skill(page, 'Collaboration').getByRole('textbox').fill('private note');
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.locator('[data-rb-share-url]').inputValue();
    expect(link).toMatch(/\/roles\/team-manager\/#assessment=[A-Za-z0-9_-]+$/);
    expect(await page.locator('[data-rb-share-url]').evaluate((input) => input === document.activeElement)).toBe(true);
    await sitePages.context().close();

    // Someone else opens it, in a browser with nothing saved.
    const other = await open({ hash: link.slice(link.indexOf('#')) });
    expect(await other.getByLabel('Name', { exact: true }).inputValue()).toBe('My assessment (shared)');
    expect(await skill(other, 'Mentoring/Coaching').getByRole('radio', { name: /^L400/ }).isChecked()).toBe(true);
    expect(await skill(other, 'Collaboration').getByRole('radio', { name: /^L200/ }).isChecked()).toBe(true);
    expect(await skill(other, 'Collaboration').locator('textarea').inputValue()).toBe('');
    // The fragment is cleared, so a reload does not add it again.
    expect(new URL(other.url()).hash).toBe('');
    await other.reload();
    await other.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    expect(await other.getByLabel('Saved assessments').locator('option').allTextContents()).toEqual(['My assessment (shared)']);
  });

  it('reports a damaged share link and still works', async () => {
    const page = await open({ hash: '#assessment=eyJmb3JtYXQiOiJyb2xlYm9vay1' });
    await expect.poll(() => notice(page).textContent()).toMatch(/This share link/);
    await choose(page, 'People Management', /^L300/);
    await expect.poll(() => stored(page)).not.toBeNull();
  });

  it('can be used with the keyboard alone', async () => {
    const page = await open();
    // Tab from the top of the page to the first level of the first skill.
    await page.locator('body').focus();
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'rb-level-0');
    }
    expect(found).toBe(true);
    // Arrow keys move through a radio group and choose.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await skill(page, 'People Management').getByRole('radio', { name: /^L300/ }).isChecked()).toBe(true);
    await expect.poll(() => live(page).textContent()).toBe('People Management: meets. 1 of 7 skills met.');
    // The focused choice is visibly outlined.
    const outline = await page.evaluate(() => getComputedStyle((document.activeElement as HTMLElement).closest('label')!).outlineStyle);
    expect(outline).toBe('solid');
    // Tab leaves the group to what each level looks like (one disclosure per level), then the
    // evidence toggle; Enter opens it, Tab reaches the text box.
    for (const code of ['L100', 'L200', 'L300', 'L400']) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(new RegExp(`^${code} `));
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.rb-note')?.tagName)).toBe('DETAILS');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Typed without a mouse');
    expect(await skill(page, 'People Management').getByRole('textbox').inputValue()).toBe('Typed without a mouse');
    // Shift+Tab back up to the toolbar and create a new assessment with Enter.
    await page.getByRole('button', { name: 'New assessment' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Saved assessments').locator('option').count()).toBe(2);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.rbName !== undefined)).toBe(true);
  });

  it('keeps corrupt saved data aside, tells the user, and still works', async () => {
    const page = await open({ init: () => localStorage.setItem('rolebook:assessments:roles/team-manager', '{"format":"rolebook-assessments", broken') });
    await expect.poll(() => notice(page).textContent()).toMatch(/could not be read \(it is not valid JSON\)\. It has been kept, unchanged, in browser storage under “rolebook:assessments:roles\/team-manager:unreadable:/);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':unreadable:')));
    expect(aside).toHaveLength(1);
    expect(await page.evaluate((key) => localStorage.getItem(key), aside[0]!)).toBe('{"format":"rolebook-assessments", broken');
    await choose(page, 'People Management', /^L400/);
    await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').assessments?.[0]?.entries?.[0]?.level).toBe(400);
  });

  it('works for the session when storage is disabled, and says so', async () => {
    const page = await open({
      init: () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
    });
    await expect.poll(() => notice(page).textContent()).toMatch(/does not let the page save data/);
    await choose(page, 'People Management', /^L300/);
    expect(await skill(page, 'People Management').locator('[data-rb-result]').textContent()).toMatch(/meets/);
    await page.getByRole('button', { name: 'New assessment' }).click();
    expect(await page.getByLabel('Saved assessments').locator('option').count()).toBe(2);
  });

  it('tells the user when the storage quota is full and keeps working', async () => {
    const page = await open({
      init: () => {
        Storage.prototype.setItem = function () {
          throw new DOMException('Quota exceeded', 'QuotaExceededError');
        };
      },
    });
    await choose(page, 'People Management', /^L300/);
    await expect.poll(() => notice(page).textContent()).toMatch(/storage is full, so the latest changes were not saved/);
    await choose(page, 'Communication', /^L400/);
    expect(await page.locator('.rb-summary').textContent()).toMatch(/^2 of 7/);
  });

  it('never overwrites assessments saved by a newer version', async () => {
    const newer = JSON.stringify({ format: 'rolebook-assessments', version: 9, docId: 'roles/team-manager', kind: 'role-guide', assessments: [], future: true });
    const page = await open({ init: `localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(newer)})` });
    await expect.poll(() => notice(page).textContent()).toMatch(/made by a newer version of this site \(format 9\)\. This page will not change them/);
    await choose(page, 'People Management', /^L300/);
    await page.getByRole('button', { name: 'New assessment' }).click();
    expect(await stored(page)).toBe(newer);
  });

  it('prints the results alone on one A4 page', async () => {
    const page = await open();
    // Every requirement met, so there is no "what to work on next" (its pages follow; see assessment-teach.test.ts).
    for (const [name, level] of [['People Management', /^L300/], ['Portfolio Management', /^L300/], ['Operational Excellence', /^L300/], ['Mentoring/Coaching', /^L300/], ['Communication', /^L400/], ['Collaboration', /^L400/], ['Technical skills', /^L200/]] as const) {
      await choose(page, name, level);
      await skill(page, name).locator('.rb-note summary').click();
      await skill(page, name).getByRole('textbox').fill(`Evidence for ${name}: a sentence or two about what I did this year.`);
    }
    await page.evaluate(() => document.documentElement.classList.add('rb-printing'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-rb-toolbar]').isVisible()).toBe(false);
    expect(await page.locator('[data-rb-items]').isVisible()).toBe(false);
    expect(await page.locator('.rb-print-title').textContent()).toBe('FastTrack Team Manager (TM)');
    expect(await resultsTable(page).locator('thead th').last().isVisible()).toBe(true);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  it('has no axe violations in both themes, with results and a comparison showing, and without JavaScript', async () => {
    for (const [js, colorScheme] of [[true, 'light'], [true, 'dark'], [false, 'light']] as const) {
      // bypassCSP only so that axe itself can be injected (the site's CSP rightly refuses inline
      // scripts). "Without JavaScript" blocks the site's scripts instead of all JavaScript, so
      // that axe can still run.
      const page = await open({ bypassCSP: true, blockSiteScripts: !js, colorScheme });
      if (js) {
        await choose(page, 'People Management', /^L300/);
        await choose(page, 'Communication', /^L200/);
        await page.getByRole('button', { name: 'New assessment' }).click();
        await choose(page, 'People Management', /^L100/);
        await page.getByLabel('Compare with').selectOption({ index: 1 });
        await page.getByRole('button', { name: 'Share link' }).click();
      }
      const { violations, passes } = await runAxe(page, '.rb-assess');
      expect(violations).toEqual([]);
      // axe really looked at the form (or, without JavaScript, at the note that stands in for it):
      // the label and contrast rules ran and passed.
      expect(passes).toEqual(expect.arrayContaining(js ? ['label', 'color-contrast', 'aria-allowed-attr'] : ['color-contrast', 'aria-allowed-attr']));
      await sitePages.context().close();
    }
  });

  it('has no horizontal scroll at 360 px and switches the chart to numbered axes', async () => {
    const page = await open({ viewport: { width: 360, height: 800 } });
    await choose(page, 'People Management', /^L300/);
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByLabel('Compare with').selectOption({ index: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('svg.rb-narrow').isVisible()).toBe(true);
    expect(await page.locator('svg.rb-wide').isVisible()).toBe(false);
    expect(await page.locator('.rb-axis-key li').allTextContents()).toHaveLength(7);
  });
  it('shows entries for skills the guide no longer has, flags changed requirements, and keeps both', async () => {
    const saved = JSON.stringify({
      format: 'rolebook-assessments',
      version: 1,
      kind: 'role-guide',
      docId: 'roles/team-manager',
      current: 'last year',
      assessments: [
        {
          name: 'last year',
          updated: '2025-06-01T10:00:00.000Z',
          entries: [
            { skill: 'People Management', level: 200, evidence: 'old notes', required: 'L200+' },
            { skill: 'Budget Ownership', level: 300, evidence: 'ran the budget', required: 'L300' },
          ],
        },
      ],
    });
    const page = await open({ init: `localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(saved)})` });
    expect(await skill(page, 'People Management').locator('[data-rb-result]').textContent()).toBe(
      'Your level: L200 intermediate — below by 1 level; the requirement was L200+ when you saved this.',
    );
    expect(await skill(page, 'Portfolio Management').locator('[data-rb-result]').textContent()).toBe('Not assessed yet.');
    const removed = page.locator('[data-rb-removed]');
    expect(await removed.isVisible()).toBe(true);
    expect(await removed.locator('li').first().textContent()).toBe('Budget Ownership: L300 advanced, with evidence Discard');
    // A change elsewhere saves the removed entry along with everything else.
    await choose(page, 'Portfolio Management', /^L300/);
    await expect.poll(async () => JSON.parse((await stored(page))!).assessments[0].entries.map((e: { skill: string }) => e.skill)).toContain('Budget Ownership');
    // Only an explicit discard drops it.
    await removed.getByRole('button', { name: 'Discard' }).click();
    expect(await removed.isVisible()).toBe(false);
    await expect.poll(async () => JSON.parse((await stored(page))!).assessments[0].entries.map((e: { skill: string }) => e.skill)).not.toContain('Budget Ownership');
  });

  it('follows changes another tab saves instead of overwriting them later', async () => {
    const first = await open();
    await choose(first, 'People Management', /^L200/);
    const second = await sitePages.context().newPage();
    await second.goto(`${site.server.url}roles/team-manager/`);
    await second.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    expect(await skill(second, 'People Management').getByRole('radio', { name: /^L200/ }).isChecked()).toBe(true);
    await choose(second, 'Communication', /^L400/);
    await expect.poll(() => skill(first, 'Communication').getByRole('radio', { name: /^L400/ }).isChecked()).toBe(true);
    await choose(first, 'Collaboration', /^L100/);
    const entries = JSON.parse((await stored(first))!).assessments[0].entries.map((e: { level: number | null }) => e.level);
    expect(entries.slice(0, 6)).toEqual([200, null, null, null, 400, 100]);
  });

  it('ships at most 12 KB gzip of its own JavaScript, and no Zod', async () => {
    const html = await readFile(path.join(site.build.outDir, 'roles/team-manager/index.html'), 'utf8');
    const entry = [...html.matchAll(/<script[^>]+src="([^"]*Assessment[^"]*\.js)"/g)].map((match) => match[1]!);
    expect(entry).toHaveLength(1);
    const files = new Set<string>();
    const visit = async (url: string) => {
      const file = path.join(site.build.outDir, url.replace(/^\//, ''));
      if (files.has(file)) return;
      files.add(file);
      const code = await readFile(file, 'utf8');
      for (const [, target] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) await visit(new URL(target!, `http://x${url}`).pathname);
    };
    await visit(entry[0]!);
    let gzip = 0;
    for (const file of files) {
      const code = await readFile(file);
      expect(code.toString()).not.toMatch(/ZodError|zod/);
      gzip += gzipSync(code, { level: 9 }).length;
    }
    console.info(`assessment JavaScript on the role page: ${(gzip / 1024).toFixed(1)} KB gzip in ${files.size} files`);
    expect(gzip).toBeLessThanOrEqual(12 * 1024);
  });
});
