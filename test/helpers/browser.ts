/**
 * Finds Debian's Chromium for browser tests. Where there is none the tests are skipped with a
 * message naming the install command, except under CI=true, where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, serveStatic, type BuildOptions, type BuildResult, type StaticServer } from './site.ts';

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
