/**
 * The Astro integrations Rolebook adds to the build, in order. Each lives in its own file here.
 */
import type { AstroIntegration } from 'astro';
import type { RolebookConfig } from '../config.ts';
import { contentCheckIntegration } from './content-check.ts';
import { contentWatchIntegration } from './content-watch.ts';
import { cspIntegration } from './csp.ts';
import { linkCheckIntegration } from './link-check.ts';
import { pagefindIntegration } from './pagefind.ts';

export function rolebookIntegrations(config: RolebookConfig): AstroIntegration[] {
  return [
    // First: no page is rendered from content with errors.
    contentCheckIntegration(config),
    cspIntegration(),
    contentWatchIntegration(config),
    // The search index is built from the finished HTML.
    pagefindIntegration(),
    // Last: checks the finished output, after every other integration has written its files.
    linkCheckIntegration(config),
  ];
}
