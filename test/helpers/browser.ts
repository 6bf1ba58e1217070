/**
 * Finds Debian's Chromium for browser tests. Where there is none the tests are skipped with a
 * message naming the install command, except under CI=true, where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildSite, projectRoot, serveStatic, type BuildOptions, type BuildResult, type StaticServer } from './site.ts';

export const chromiumPath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find(
  (candidate): candidate is string => !!candidate && existsSync(candidate),
);

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium (or set CHROME_PATH)';

if (!chromiumPath) {
  if (process.env.CI === 'true') {
    throw new Error(`Browser tests need Chromium and CI=true forbids skipping them: ${INSTALL_HINT}`);
  }
  console.warn(`Skipping browser tests: no Chromium found. Install it with: ${INSTALL_HINT}`);
}

/** `describe.skipIf(!hasBrowser)` keeps a whole browser suite off machines without Chromium. */
export const hasBrowser = !!chromiumPath;

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`No Chromium: ${INSTALL_HINT}`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ServedSite {
  build: BuildResult;
  server: StaticServer;
  browser: Browser;
}

/**
 * For a test file: builds the site once (shared by every file asking for the same options in this
 * run), serves it on 127.0.0.1 and starts Chromium before the tests; closes both after them.
 */
export function useServedSite(options: BuildOptions = {}, failure = 'build failed'): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.build = await buildSite(options);
    if (site.build.exitCode !== 0) throw new Error(`${failure}:\n${site.build.output}`);
    site.server = await serveStatic(site.build.outDir, options.base);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export interface PageOptions {
  /** JavaScript on (the default) or off. */
  js?: boolean;
  /**
   * The site's own scripts refused, JavaScript otherwise on (so axe can still run): the page as a
   * reader whose scripts did not load sees it. The failed loads this causes are not problems.
   */
  blockSiteScripts?: boolean;
  /** Only axe needs it: it is injected as an inline script, which the site's CSP rightly refuses. */
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Runs in the page before its own scripts, at every load. */
  init?: string | (() => void);
}

export interface SitePages {
  /** A page of the site (`route` below its base) in a fresh browser context: nothing in storage. */
  open(route: string, options?: PageOptions): Promise<Page>;
  /** The context of the page opened last: a second tab there shares its storage. */
  context(): BrowserContext;
  /** Closes every context opened so far and fails if any of their pages had a problem (done after each test). */
  settle(): Promise<void>;
}

/**
 * For a test file: opens pages of `site`, each in a browser context of its own, and watches every
 * page they show for console errors (CSP violations among them) and uncaught exceptions. After each
 * test (`settle`) the contexts are closed and the test fails with whatever was seen, on every page
 * it opened.
 */
export function useSitePages(site: ServedSite): SitePages {
  let contexts: BrowserContext[] = [];
  /** Each watched page's problems, read when the test ends so that late ones count too. */
  let watched: (() => string[])[] = [];
  const settle = async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    const seen = watched.flatMap((problems) => problems());
    contexts = [];
    watched = [];
    expect(seen).toEqual([]);
  };
  afterEach(settle);
  return {
    settle,
    async open(route, options = {}) {
      const context = await site.browser.newContext({
        acceptDownloads: true,
        javaScriptEnabled: options.js ?? true,
        bypassCSP: options.bypassCSP,
        viewport: options.viewport,
        colorScheme: options.colorScheme,
      });
      contexts.push(context);
      if (options.blockSiteScripts) await context.route('**/*.js', (request) => request.abort());
      // Every page of the context, a second tab opened by the test included.
      context.on('page', (page) => {
        const seen = collectProblems(page);
        watched.push(options.blockSiteScripts ? () => seen.filter((problem) => !problem.startsWith('Failed to load resource')) : () => seen);
      });
      const page = await context.newPage();
      if (options.init) await page.addInitScript(typeof options.init === 'string' ? { content: options.init } : options.init);
      await page.goto(`${site.server.url}${route}`);
      return page;
    },
    context: () => {
      const last = contexts.at(-1);
      if (!last) throw new Error('no page opened yet');
      return last;
    },
  };
}

const AXE = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');

/**
 * Console errors (CSP violations included) and uncaught exceptions of `page`, as they happen: a
 * test that ends with this list non-empty has a page that broke silently.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return problems;
}

/**
 * Runs axe-core on the page (or on the elements matching `include`). Violations are
 * `rule: targets` lines, so a failing assertion shows where; passes are the rule ids that ran clean.
 * The page's context needs `bypassCSP: true`: the site's policy rightly refuses the injected script.
 */
export async function runAxe(page: Page, include?: string): Promise<{ violations: string[]; passes: string[] }> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (selector) => {
    type Rule = { id: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run: (context?: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await (selector ? axe.run({ include: [[selector]] }) : axe.run());
    return {
      violations: result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`),
      passes: result.passes.map((rule) => rule.id),
    };
  }, include);
}
