/**
 * A site built from hostile content (test/fixtures/hostile-site), in Chromium: no payload runs
 * (each would set `window.__pwned`), nothing breaks out of the page's styles, and the site's own
 * scripts — the self-assessment and the search — work under the Content-Security-Policy without a
 * single violation. A last test proves the policy is really enforced, not merely present.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasBrowser, useServedSite } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/site.ts';

const CONTENT = path.join(projectRoot, 'test/fixtures/hostile-site');
const PAGE = 'roles/hostile-guide/';
/** Images in the fixture point here so that they fail to load (which fires onerror). */
const DEAD_IMAGE_HOST = 'https://127.0.0.1:9/';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** Runs before any page script: records CSP violations as the browser reports them. */
function watchViolations() {
  const found: Violation[] = [];
  (window as unknown as { __cspViolations: Violation[] }).__cspViolations = found;
  document.addEventListener('securitypolicyviolation', (event) => {
    found.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, source: event.sourceFile });
  });
}

describe.skipIf(!hasBrowser)('a site built from hostile content', () => {
  const site = useServedSite({ contentDir: CONTENT }, 'the hostile site must build (hostile HTML is a warning, not an error)');
  let context: BrowserContext;
  let consoleProblems: string[];

  afterEach(async () => {
    await context?.close();
  });

  async function open(url = PAGE): Promise<Page> {
    context = await site.browser.newContext();
    consoleProblems = [];
    const page = await context.newPage();
    page.on('console', (message) => {
      const text = message.text();
      // The fixture's images are meant to fail to load; that is not a problem of the site.
      const deadImage = message.location().url.startsWith(DEAD_IMAGE_HOST) || text.includes('ERR_CONNECTION_REFUSED');
      if ((message.type() === 'error' || /content security policy/i.test(text)) && !deadImage) consoleProblems.push(text);
    });
    page.on('pageerror', (error) => consoleProblems.push(String(error)));
    await page.addInitScript(watchViolations);
    await page.goto(`${site.server.url}${url}`);
    await page.waitForLoadState('load');
    return page;
  }

  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);

  it('builds, with `rolebook check` warning about each removed piece of HTML', () => {
    expect(site.build.output).toMatch(/hostile-guide\.md:\d+:\d+: warning: Removed a <script> element/);
    expect(site.build.output).toMatch(/hostile-guide\.md:\d+:\d+: warning: Removed the onerror attribute from <img>/);
    expect(site.build.output).toMatch(/hostile-guide\.md:\d+:\d+: warning: Removed the “javascript:” address/);
  });

  it('ships the policy in every page and the companion headers file', async () => {
    const html = await readFile(path.join(site.build.outDir, PAGE, 'index.html'), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toBeDefined();
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(policy).toMatch(/object-src 'none'/);
    // The policy comes before anything it governs.
    expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(html.search(/<script|<link rel="stylesheet"|<style/));
    expect(await readFile(path.join(site.build.outDir, '_headers'), 'utf8')).toMatch(/Content-Security-Policy: frame-ancestors 'none'/);
  });

  it('runs none of the payloads, even when the reader clicks, hovers and submits', async () => {
    const page = await open();
    const prose = page.locator('[data-pagefind-body]');
    await prose.getByText('Raw javascript link').click();
    await prose.getByText('markdown javascript link').click();
    await prose.getByText('Hover over me').hover();
    await prose.getByText('Toggle me').click();
    await prose.getByText('Submit me').click();
    await page.waitForTimeout(300);
    // Still on the same page: no link, form or refresh navigated away.
    expect(new URL(page.url()).pathname).toBe(new URL(`${site.server.url}${PAGE}`).pathname);
    expect(await pwned(page)).toBeNull();
    expect(await page.evaluate(() => typeof document.getElementById)).toBe('function');
    // Nothing hostile is in the DOM: the sanitiser removed it, so the policy had nothing to block.
    expect(
      await page.evaluate(() => ({
        scripts: [...document.scripts].filter((script) => /__pwned|evil\.example/.test(`${script.src} ${script.textContent}`)).length,
        frames: document.querySelectorAll('iframe, object, embed, svg[onload], [data-pagefind-body] style').length,
        handlers: [...document.querySelectorAll('[data-pagefind-body] *')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name))).length,
        base: document.querySelectorAll('base').length,
      })),
    ).toEqual({ scripts: 0, frames: 0, handlers: 0, base: 0 });
    expect(await violations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  it('keeps the page visible and unobstructed despite hostile styles', async () => {
    const page = await open();
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    const overlay = page.getByText('Covering overlay');
    expect(await overlay.evaluate((element) => getComputedStyle(element).position)).toBe('static');
    // The site's own heading is what sits at its own position, not an overlay.
    const heading = page.getByRole('heading', { level: 1, name: 'Harbour Pilot' });
    const box = (await heading.boundingBox())!;
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('h1')?.textContent, { x: box.x + 5, y: box.y + box.height / 2 })).toBe('Harbour Pilot');
  });

  it('runs the self-assessment under the policy without a violation', async () => {
    const page = await open();
    await page.locator('[data-rb-toolbar]:not([hidden])').waitFor();
    const navigation = page.getByRole('group', { name: /^Navigation/ });
    await navigation.getByRole('radio', { name: /^L200/ }).check();
    await expect.poll(() => navigation.locator('[data-rb-result]').textContent()).toMatch(/below by 1 level/);
    // The chart (inline SVG drawn by the site's own script) renders under the policy.
    expect(await page.locator('[data-rb-results] svg').count()).toBeGreaterThan(0);
    expect(await pwned(page)).toBeNull();
    expect(await violations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  it('runs Pagefind search (WebAssembly included) under the policy without a violation', async () => {
    const page = await open();
    await page.keyboard.press('/');
    const dialog = page.locator('[data-search-dialog]');
    await dialog.locator('[data-search-input]').fill('zanzibarquay');
    await expect.poll(() => dialog.locator('[data-search-results] a').first().textContent(), { timeout: 15_000 }).toMatch(/Harbour Pilot/);
    expect(await pwned(page)).toBeNull();
    expect(await violations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  it('really enforces the policy: a script injected into the page is blocked and reported', async () => {
    const page = await open();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "injected"';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__pwned = "handler"');
      image.src = 'https://127.0.0.1:9/probe.png';
      document.body.append(image);
    });
    await page.waitForTimeout(500);
    expect(await pwned(page)).toBeNull();
    const directives = (await violations(page)).map((violation) => violation.directive);
    expect(directives).toContain('script-src-elem');
    expect(directives).toContain('script-src-attr');
  });
});
