/**
 * Pictures beside the content in Chromium: on the built site (the project's role guide and
 * playbook) and in `npm run dev`, each picture loads, has its alt text and its dimensions, and axe
 * finds nothing wrong; in dev, a page naming a missing picture shows the error, and adding the
 * file brings the picture.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { collectProblems, hasBrowser, launchBrowser, runAxe, useServedSite } from '../helpers/browser.ts';
import { siteContent } from '../helpers/site.ts';

interface Shown {
  alt: string | null;
  width: string | null;
  height: string | null;
  naturalWidth: number;
  renderedWidth: number;
  currentSrc: string;
}

/** Scrolls the page's first content picture into view (it loads lazily) and reads it once loaded. */
async function firstPicture(page: Page): Promise<Shown> {
  const img = page.locator('.prose img').first();
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const element = document.querySelector<HTMLImageElement>('.prose img');
    return !!element && element.complete;
  });
  return img.evaluate((element: HTMLImageElement) => ({
    alt: element.getAttribute('alt'),
    width: element.getAttribute('width'),
    height: element.getAttribute('height'),
    naturalWidth: element.naturalWidth,
    renderedWidth: element.getBoundingClientRect().width,
    currentSrc: element.currentSrc,
  }));
}

describe.skipIf(!hasBrowser)('pictures on the built site', () => {
  const site = useServedSite();

  /** A fresh page. `bypassCSP` only for axe, which is injected as an inline script the site's policy rightly refuses. */
  async function open(route: string, bypassCSP: boolean): Promise<{ page: Page; problems: string[] }> {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
    const page = await context.newPage();
    // Console errors include Content-Security-Policy refusals.
    const problems = collectProblems(page);
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(new URL(route, site.server.url).href);
    return { page, problems };
  }

  it.each([
    ['roles/team-manager/', { width: '1200', height: '640' }],
    ['playbooks/area-liaison/', { width: '1200', height: '560' }],
  ])('%s: the picture loads as AVIF under the site\'s CSP, with alt text and its size, and axe is clean', async (route, size) => {
    const { page, problems } = await open(route, false);
    const shown = await firstPicture(page);
    expect(shown.naturalWidth).toBe(1200);
    expect(shown.currentSrc).toMatch(/\.avif$/);
    expect(shown.alt?.length).toBeGreaterThan(20);
    expect({ width: shown.width, height: shown.height }).toEqual(size);
    // Fits the text column instead of widening the page.
    expect(shown.renderedWidth).toBeLessThan(800);
    expect(problems).toEqual([]);
    await page.context().close();

    const forAxe = await open(route, true);
    await firstPicture(forAxe.page);
    const axe = await runAxe(forAxe.page, '.prose');
    expect(axe.violations).toEqual([]);
    expect(axe.passes).toContain('image-alt');
    await forAxe.page.context().close();
  });

  it('opens the long description of a complex picture, which describes the picture', async () => {
    const { page } = await open('playbooks/area-liaison/', false);
    const summary = page.locator('.prose figure summary');
    await summary.scrollIntoViewIfNeeded();
    const description = page.locator('.prose figure details > div');
    await expect(description.isVisible()).resolves.toBe(false);
    await summary.click();
    await expect(description.isVisible()).resolves.toBe(true);
    const describedBy = await page.locator('.prose figure img').getAttribute('aria-describedby');
    await expect(description.getAttribute('id')).resolves.toBe(describedBy);
    await expect(description.innerText()).resolves.toMatch(/^FastTrack's architects/);
    await page.context().close();
  });
});

describe.skipIf(!hasBrowser)('pictures in npm run dev', () => {
  let folder: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A copy of the project's content, outside the project (the dev server must still serve its pictures).
    folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-dev-pictures-'));
    cpSync(siteContent, folder, { recursive: true });
    server = await startDevServer(folder, '/roles/team-manager/');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the role guide’s picture, sized and described, and axe is clean', async () => {
    await page.goto(`${server.url}/roles/team-manager/`);
    const shown = await firstPicture(page);
    expect(shown.naturalWidth).toBe(1200);
    expect(shown.alt).toMatch(/^The Team Manager in the middle/);
    expect({ width: shown.width, height: shown.height }).toEqual({ width: '1200', height: '640' });
    const axe = await runAxe(page, '.prose');
    expect(axe.violations).toEqual([]);
  });

  it('shows a missing picture as an error, and the picture once its file is added', async () => {
    const guide = path.join(folder, 'playbooks/area-liaison.md');
    await page.goto(`${server.url}/playbooks/area-liaison/`);
    const broken = page.waitForEvent('load', { timeout: 30_000 });
    writeFileSync(guide, `${readFileSync(guide, 'utf8')}\n![The same diagram, again](media/copy.png)\n`);
    await broken;
    await page.waitForFunction(() => (document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').includes('copy.png'), null, {
      timeout: 30_000,
    });
    const shown = await page.evaluate(() => document.querySelector('vite-error-overlay')!.shadowRoot!.textContent ?? '');
    expect(shown).toContain('playbooks/area-liaison.md');
    expect(shown).toContain('image-missing');

    // Adding the picture (no markdown edit) is a content change too: the page comes back with it.
    cpSync(path.join(folder, 'playbooks/media/area-liaison-contacts.png'), path.join(folder, 'playbooks/media/copy.png'));
    const copy = page.locator('.prose img[alt="The same diagram, again"]');
    await expect.poll(() => copy.count().catch(() => 0), { timeout: 30_000, interval: 250 }).toBe(1);
    await copy.scrollIntoViewIfNeeded();
    await expect.poll(() => copy.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), { timeout: 30_000 }).toBe(1200);
    expect(server.output()).toMatch(/content changed \(playbooks\/media\/copy\.png\); reloading/);
  });
});
