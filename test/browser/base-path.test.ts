/**
 * The site served under a base path (`/playbook/`, as on GitHub Pages for a project site): a
 * reader following links in Chromium never leaves the base, never hits a 404, and gets styles.
 * Its search index is written in parts, as a large site's is (small parts for this small site),
 * so search is tested merging them, under the base.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { BASE_PATH_BUILD, buildSite, serveStatic, type StaticServer } from '../helpers/site.ts';

const BASE = BASE_PATH_BUILD.base;

describe.skipIf(!hasBrowser)('a site built with base /playbook/', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let outDir: string;
  const failures: string[] = [];

  beforeAll(async () => {
    const build = await buildSite(BASE_PATH_BUILD);
    if (build.exitCode !== 0) throw new Error(`build failed:\n${build.output}`);
    outDir = build.outDir;
    server = await serveStatic(build.outDir, BASE);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // Leaving a page aborts what it was still loading (the search worker, say); that is not a broken link.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${request.failure()?.errorText} ${request.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every same-origin link on the current page. */
  async function internalLinks(): Promise<string[]> {
    return page.$$eval('a[href]', (anchors) =>
      anchors
        .map((anchor) => (anchor as HTMLAnchorElement).href)
        .filter((href) => href.startsWith(location.origin)),
    );
  }

  async function follow(name: RegExp, scope = 'main'): Promise<void> {
    const link = page.locator(scope).getByRole('link', { name }).first();
    await Promise.all([page.waitForLoadState('load'), link.click()]);
  }

  it('serves the home page with its styles under the base', async () => {
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(BASE);
    // The stylesheet loaded: the page is not in the browser's default serif font.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).not.toMatch(/^"?Times/);
    const stylesheets = await page.evaluate(() => document.styleSheets.length);
    expect(stylesheets).toBeGreaterThan(0);
  });

  it('keeps every internal link on every page inside the base', async () => {
    const visited = new Set<string>();
    const queue = [server.url];
    // Crawl the whole (small) site from the home page, as a reader clicking every link would.
    while (queue.length > 0 && visited.size < 60) {
      const url = queue.shift()!.split('#')[0]!;
      if (visited.has(url)) continue;
      visited.add(url);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      for (const href of await internalLinks()) {
        expect(new URL(href).pathname.startsWith(BASE), `${href} on ${url}`).toBe(true);
        const target = href.split('#')[0]!;
        if (!visited.has(target) && !/\.(json|xml|txt|csv|svg|png)$/.test(new URL(target).pathname)) queue.push(target);
      }
    }
    expect(visited.size).toBeGreaterThan(8);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('searches from the dialog under the base: `/` opens it, filters come from the index, results stay inside', async () => {
    await page.goto(`${server.url}roles/team-manager/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('Portfolio');
    await expect.poll(() => dialog.locator('.search-result-title').count()).toBeGreaterThan(0);
    const hrefs = await dialog.locator('.search-results a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    for (const href of hrefs) expect(href.startsWith(BASE), href).toBe(true);
    expect(await dialog.getByRole('combobox', { name: 'Owner' }).locator('option').allTextContents()).toEqual(['Any owner', 'jimmuir', 'mareich']);
    // Submitting the form without a result to follow would go to the search page, under the base.
    expect(await dialog.locator('form[role=search]').evaluate((form) => new URL((form as HTMLFormElement).action).pathname)).toBe(`${BASE}search/`);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('searches every part of the index: results come from several, each merged part loads only its index', async () => {
    const folder = path.join(outDir, 'pagefind');
    const { parts } = JSON.parse(readFileSync(path.join(folder, 'rolebook-parts.json'), 'utf8')) as { parts: string[] };
    expect(parts.length).toBeGreaterThan(2);
    // Which part holds each page, read from the parts' own fragments.
    const partOf = new Map<string, string>();
    for (const part of ['', ...parts]) for (const url of fragmentUrls(path.join(folder, part))) partOf.set(url, part || 'first');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));

    await page.goto(`${server.url}search/?q=team`);
    const results = page.locator('main .search-result-title');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const hrefs = await results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const found = hrefs.map((href) => partOf.get(`/${href.slice(BASE.length)}`));
    expect(found, hrefs.join(' ')).not.toContain(undefined);
    expect(new Set(found).size, hrefs.join(' ')).toBeGreaterThan(1);
    // Pagefind's scripts and WebAssembly come once, from the first part.
    for (const part of parts) {
      expect(requested.filter((url) => url.startsWith(`${BASE}pagefind/${part}`) && url.endsWith('.pf_meta')), part).toHaveLength(1);
    }
    expect(requested.filter((url) => /\/wasm\.\w+\.pagefind$/.test(url))).toEqual([`${BASE}pagefind/wasm.en.pagefind`]);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  /** The page URLs of a Pagefind index folder's fragments (gzip, after Pagefind's signature). */
  function fragmentUrls(folder: string): string[] {
    return readdirSync(path.join(folder, 'fragment')).map(
      (file) => (JSON.parse(gunzipSync(readFileSync(path.join(folder, 'fragment', file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string }).url,
    );
  }

  it('follows links a reader clicks: home → role guide → guide for content owners → content health → playbook', async () => {
    await page.goto(server.url);
    await follow(/Team Manager/);
    expect(new URL(page.url()).pathname).toBe(`${BASE}roles/team-manager/`);
    expect(await page.locator('h1').first().innerText()).toMatch(/Team Manager/);

    await Promise.all([page.waitForLoadState('load'), page.locator('a[href$="/contributing/"]').first().click()]);
    expect(new URL(page.url()).pathname).toBe(`${BASE}contributing/`);
    expect(await page.locator('h1').innerText()).toBe('Guide for content owners');

    await follow(/content health/i);
    expect(new URL(page.url()).pathname).toBe(`${BASE}health/`);
    await follow(/Area Liaison/);
    expect(new URL(page.url()).pathname).toBe(`${BASE}playbooks/area-liaison/`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
