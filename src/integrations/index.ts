/**
 * The Astro integrations Rolebook adds to the build, in order. Each lives in its own file here.
 */
import type { AstroIntegration } from 'astro';
import type { RolebookConfig } from '../config.ts';
import { contentCheckIntegration } from './content-check.ts';
import { contentWatchIntegration } from './content-watch.ts';
import { cspIntegration } from './csp.ts';
import { linkCheckIntegration } from './link-check.ts';

// The Pagefind index is built by `rolebook index` after `astro build` exits (see package.json):
// run inside the build, the indexer's memory added to Astro's at the peak.
export function rolebookIntegrations(config: RolebookConfig): AstroIntegration[] {
  return [
    // First: no page is rendered from content with errors.
    contentCheckIntegration(config),
    cspIntegration(),
    contentWatchIntegration(config),
    // Last: checks the finished output, after every other integration has written its files.
    linkCheckIntegration(config),
  ];
}
