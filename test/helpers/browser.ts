/**
 * Finds Debian's Chromium for browser tests. Where there is none the tests are skipped with a
 * message naming the install command, except under CI=true, where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
