/**
 * The assessment that teaches (issue 13), in Chromium against the built site: what each level of
 * a skill looks like, by mouse, by keyboard and without JavaScript; the chosen level's
 * descriptors beside the choice; the required level marked in words; "what to work on next" for
 * each gap, in the results and in the printed pack; entries saved under the catalog skill id; axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasBrowser, runAxe, useServedSite, useSitePages, type PageOptions } from '../helpers/browser.ts';

const KEY = 'rolebook:assessments:roles/team-manager';

describe.skipIf(!hasBrowser)('the self-assessment teaches what each level looks like', () => {
  const site = useServedSite();
  const sitePages = useSitePages(site);

  /** The Team Manager page; with the island's scripts running, once its toolbar is there. */
  async function open(options: PageOptions = {}): Promise<Page> {
    const page = await sitePages.open('roles/team-manager/', options);
    if ((options.js ?? true) && !options.blockSiteScripts) await page.locator('[data-rb-toolbar]').waitFor();
    return page;
  }

  const skill = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) });
  /** A skill's disclosure for one level, by its code (`L200`). */
  const level = (page: Page, name: string, code: string) => skill(page, name).locator(`details.rb-level[data-level="${code.slice(1)}"]`);

  it('shows each level’s descriptors in a disclosure beside the choices, opened by mouse, and marks the required one in words', async () => {
    const page = await open();
    const people = skill(page, 'People Management');
    // One disclosure per level the catalog describes, inside the skill's group, after its choices.
    expect(await people.locator('details.rb-level summary').allInnerTexts()).toEqual([
      'L100 essentials: what it looks like',
      'L200 intermediate: what it looks like',
      'L300 advanced: what it looks like (the level this role requires)',
      'L400 expert: what it looks like',
    ]);
    // The target is marked in text once per skill, on the required level (L400 for Communication).
    expect(await skill(page, 'Communication').locator('summary', { hasText: 'the level this role requires' }).innerText()).toMatch(/^L400 expert/);
    const l200 = level(page, 'People Management', 'L200');
    expect(await l200.getByText('Sets clear, written expectations').isVisible()).toBe(false);
    await l200.locator('summary').click();
    expect(await l200.getByText('Sets clear, written expectations with each person').isVisible()).toBe(true);
    // Reading a level chooses nothing.
    expect(await people.getByRole('radio', { checked: true }).count()).toBe(0);
    // The page's copy of the descriptors has moved into the form: nothing is left over below it.
    expect(await page.locator('.rb-rubric').isVisible()).toBe(false);
  });

  it('opens and closes a level’s disclosure from the keyboard (Tab to it, Enter and Space)', async () => {
    const page = await open();
    const people = skill(page, 'People Management');
    await people.getByRole('radio', { name: /^L100/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    // The next stop after the radio group is the first level's summary.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('L100 essentials: what it looks like');
    await page.keyboard.press('Tab');
    const l200 = level(page, 'People Management', 'L200');
    expect(await l200.evaluate((details) => details.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await l200.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await l200.getByText('Gives specific feedback within a week').isVisible()).toBe(true);
    await page.keyboard.press('Space');
    expect(await l200.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press('Space');
    expect(await l200.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    // Announced as a disclosure: Chromium's accessibility tree has the summary as one, named, with its state.
    const cdp = await sitePages.context().newCDPSession(page);
    const announced = async () => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[] };
      const node = nodes.find((candidate) => candidate.name?.value === 'L200 intermediate: what it looks like');
      return { role: node?.role?.value, expanded: node?.properties?.find((property) => property.name === 'expanded')?.value.value };
    };
    expect(await announced()).toEqual({ role: 'DisclosureTriangle', expanded: true });
    await page.keyboard.press('Enter');
    expect(await announced()).toEqual({ role: 'DisclosureTriangle', expanded: false });
  });

  it('shows the chosen level’s descriptors next to the choice, and says when it is the required level', async () => {
    const page = await open();
    const people = skill(page, 'People Management');
    const chosen = people.locator('.rb-chosen');
    expect(await chosen.isVisible()).toBe(false);
    await people.getByRole('radio', { name: /^L200/ }).check();
    await expect.poll(() => chosen.innerText()).toMatch(/^Your level, L200 intermediate, looks like this:\n/);
    expect(await chosen.innerText()).toContain('Runs a hiring loop end to end');
    expect(await chosen.innerText()).not.toContain('Keeps team WHI high');
    await people.getByRole('radio', { name: /^L300/ }).check();
    await expect.poll(() => chosen.innerText()).toMatch(/^Your level, L300 advanced, looks like this \(the level this role requires\):/);
    expect(await chosen.innerText()).toContain('Keeps team WHI high');
    // "Not yet" has no descriptors to show.
    await people.getByRole('radio', { name: /^Not yet/ }).check();
    await expect.poll(() => chosen.isVisible()).toBe(false);
  });

  it('lists what to work on next for each gap: the next level’s descriptors, the growth tips and the resources', async () => {
    const page = await open();
    await skill(page, 'People Management').getByRole('radio', { name: /^L100/ }).check();
    await skill(page, 'Communication').getByRole('radio', { name: /^L300/ }).check();
    await skill(page, 'Collaboration').getByRole('radio', { name: /^L400/ }).check();
    const next = page.locator('[data-rb-results] .rb-next');
    await expect.poll(() => next.locator('h4').textContent()).toBe('What to work on next');
    // Largest gap first, as in the summary; a met requirement (Collaboration) has nothing to work on.
    expect(await next.locator('h5').allTextContents()).toEqual(['People Management: towards L200 intermediate', 'Communication: towards L400 expert']);
    const people = next.locator('.rb-next-skill').first();
    const text = await people.innerText();
    expect(text).toContain('What L200 looks like:');
    expect(text).toContain('Sets clear, written expectations with each person and revisits them every quarter.');
    expect(text).toContain('How to get there:');
    expect(text).toContain('Write down what you expect of each person and agree it with them.');
    const resource = people.getByRole('link', { name: 'Area Liaison playbook: working with the field' });
    expect(await resource.getAttribute('href')).toMatch(/\/playbooks\/area-liaison\/$/);
    // Moving up a level moves the advice on.
    await skill(page, 'People Management').getByRole('radio', { name: /^L200/ }).check();
    await expect.poll(() => next.locator('h5').first().textContent()).toBe('People Management: towards L300 advanced');
    expect(await next.locator('.rb-next-skill').first().innerText()).toContain('Review the last MS Poll results with the team');
    // Saved under the catalog skill id.
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
    expect(saved.version).toBe(2);
    expect(saved.assessments[0].entries[0]).toMatchObject({ skill: 'People Management', skillId: 'skills/people-management', level: 200 });
  });

  it('prints what to work on next after the results, and leaves the level disclosures out', async () => {
    const page = await open();
    await skill(page, 'People Management').getByRole('radio', { name: /^L100/ }).check();
    await skill(page, 'Communication').getByRole('radio', { name: /^L300/ }).check();
    await page.evaluate(() => document.documentElement.classList.add('rb-printing'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-rb-items]').isVisible()).toBe(false);
    expect(await page.locator('.rb-next').isVisible()).toBe(true);
    expect(await page.locator('.rb-next').innerText()).toContain('Write down what you expect of each person');
    expect(await page.locator('.rb-next').evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(2);
  });

  it('keeps a level saved by an older version under a renamed key and shows its descriptors', async () => {
    const v1 = JSON.stringify({
      format: 'rolebook-assessments',
      version: 1,
      kind: 'role-guide',
      docId: 'roles/team-manager',
      assessments: [{ name: 'last year', updated: '2025-06-01T10:00:00.000Z', entries: [{ skill: 'People Management', level: 300, evidence: 'old notes', required: 'L300+' }] }],
    });
    const page = await open({ init: `localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(v1)})` });
    const people = skill(page, 'People Management');
    expect(await people.getByRole('radio', { name: /^L300/ }).isChecked()).toBe(true);
    expect(await people.locator('.rb-chosen').innerText()).toMatch(/^Your level, L300 advanced/);
    await skill(page, 'Communication').getByRole('radio', { name: /^L200/ }).check();
    await expect.poll(async () => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!).version).toBe(2);
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
    expect(saved.assessments[0].entries[0]).toEqual({ skill: 'People Management', skillId: 'skills/people-management', level: 300, evidence: 'old notes', required: 'L300+' });
  });

  it('without JavaScript, every level’s descriptors are readable in the page', async () => {
    const page = await open({ js: false });
    const rubric = page.locator('.rb-rubric');
    expect(await rubric.isVisible()).toBe(true);
    expect(await rubric.locator('h4').allTextContents()).toEqual([
      'People Management',
      'Portfolio Management',
      'Operational Excellence',
      'Mentoring/Coaching',
      'Communication',
      'Collaboration',
      'Technical skills',
    ]);
    const l400 = rubric.locator('[data-rb-levels="0"] details').last();
    await l400.locator('summary').click();
    expect(await l400.getByText('Grows managers').isVisible()).toBe(true);
    // The copies shown for a chosen level stay hidden: there is no form to choose with.
    expect(await rubric.locator('.rb-chosen').first().isVisible()).toBe(false);
    // The intro asks for choices only the script can offer, so it is hidden too.
    expect(await page.locator('.rb-intro').isVisible()).toBe(false);
  });

  it('has no axe violations with levels open, a chosen level and what to work on next showing, and without JavaScript', async () => {
    for (const js of [true, false]) {
      const page = await open({ bypassCSP: true, blockSiteScripts: !js });
      if (js) {
        await skill(page, 'People Management').getByRole('radio', { name: /^L100/ }).check();
        await level(page, 'People Management', 'L300').locator('summary').click();
        await page.locator('.rb-next').waitFor();
      } else {
        await page.locator('.rb-rubric details summary').first().click();
      }
      const { violations, passes } = await runAxe(page, '.rb-assess');
      expect(violations).toEqual([]);
      expect(passes).toEqual(expect.arrayContaining(['color-contrast', 'heading-order'].slice(0, js ? 2 : 1)));
      await sitePages.context().close();
    }
  });
});
