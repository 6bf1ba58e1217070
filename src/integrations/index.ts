/**
 * The Astro integrations Rolebook adds to the build, in order. Each lives in its own file here.
 */
import type { AstroIntegration } from 'astro';
import type { RolebookConfig } from '../config.ts';
import { buildStatsIntegration } from './build-stats.ts';
import { contentCheckIntegration } from './content-check.ts';
import { contentFilesIntegration } from './content-files.ts';
import { contentWatchIntegration } from './content-watch.ts';
import { cspIntegration } from './csp.ts';
import { esbuildServiceIntegration } from './esbuild-service.ts';

// The checks of the output (links, CSP) and the Pagefind index run after `astro build` has exited
// (`rolebook build`, src/build/finish.ts): inside the Astro process they ran one after another,
// and the indexer's memory added to Astro's at the peak.
export function rolebookIntegrations(config: RolebookConfig): AstroIntegration[] {
  return [
    // First: no page is rendered from content with errors.
    contentCheckIntegration(config),
    cspIntegration(),
    contentFilesIntegration(config),
    contentWatchIntegration(config),
    buildStatsIntegration(config),
    esbuildServiceIntegration(),
  ];
}
