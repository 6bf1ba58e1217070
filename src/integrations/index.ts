/**
 * The Astro integrations Rolebook adds to the build, in order. Each lives in its own file here.
 */
import type { AstroIntegration } from 'astro';
import type { RolebookConfig } from '../config.ts';
import { cspIntegration } from './csp.ts';

export function rolebookIntegrations(_config: RolebookConfig): AstroIntegration[] {
  return [cspIntegration()];
}
