/**
 * `astro dev` on a content folder: an edit to the markdown reloads the open page without a
 * restart, a content error shows in the browser's error overlay with the file and message, and
 * fixing the file brings the page back.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { projectRoot } from '../helpers/site.ts';

const fixture = path.join(projectRoot, 'test/fixtures/publishing/git-site');

describe.skipIf(!hasBrowser)('the dev server and content edits', () => {
  let browser: Browser;
  let page: Page;
  let folder: string;
  let server: DevServer;
  let base: string;
  let guide: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-dev-'));
    cpSync(fixture, folder, { recursive: true });
    guide = path.join(folder, 'roles/analyst.md');
    const playbook = path.join(folder, 'playbooks/escalations.md');
    writeFileSync(playbook, readFileSync(playbook, 'utf8').replace('{{TODAY}}', '3/1/2025'));
    server = await startDevServer(folder, '/roles/analyst/');
    base = server.url;
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reloads the open page when its markdown changes', async () => {
    await page.goto(`${base}/roles/analyst/`);
    await expect(page.locator('h1').first().innerText()).resolves.toBe('Data Analyst');
    // The reload is pushed to the open page: no navigation by the test.
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('# Data Analyst', '# Data Scientist'));
    await reloaded;
    await expect(page.locator('h1').first().innerText()).resolves.toBe('Data Scientist');
    expect(server.output()).toMatch(/content changed \(roles\/analyst\.md\); reloading/);
  });

  it('shows a content error in the overlay with the file and the message, and recovers when fixed', async () => {
    const good = readFileSync(guide, 'utf8');
    // The open page reloads by itself and shows the error: the test does not navigate.
    const broken = page.waitForEvent('load', { timeout: 30_000 });
    writeFileSync(guide, good.replace('- Data Modelling – L200', '- Data Modelling – L500'));
    await broken;
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ timeout: 30_000 });
    // The overlay renders into its shadow root.
    await page.waitForFunction(() => (document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').includes('L500'), null, {
      timeout: 30_000,
    });
    const shown = await page.evaluate(() => document.querySelector('vite-error-overlay')!.shadowRoot!.textContent ?? '');
    if (process.env.ROLEBOOK_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.ROLEBOOK_SCREENSHOTS, 'dev-overlay.png') });
    expect(shown).toContain('roles/analyst.md');
    expect(shown).toMatch(/L500/);

    writeFileSync(guide, good);
    // The page reloads by itself once the watcher sees the fix. (Waiting for one 'load' event raced:
    // the error page can reload once more on its own before the fix is seen.)
    const title = () => page.locator('h1').first().innerText({ timeout: 1_000 }).catch(() => '');
    await expect.poll(title, { timeout: 30_000, interval: 250 }).toBe('Data Scientist');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
  });
});
