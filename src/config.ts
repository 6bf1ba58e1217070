/**
 * Site configuration, read from `rolebook.config.json` at the project root and validated here.
 * Environment variables override it for tests and CI (ROLEBOOK_CONTENT, ROLEBOOK_BASE).
 */
import { z } from 'zod';
import { CONFIG_FILE, ConfigError, DEFAULT_BASE, DEFAULT_CONTENT_DIR, readConfigFile, resolvePaths } from './config-file.ts';

export const RolebookConfigSchema = z.object({
  /** Folder holding roles, playbooks and the glossary. Default `content`. */
  contentDir: z.string().default(DEFAULT_CONTENT_DIR),
  /** Site title shown in the header. Default `Rolebook`. */
  title: z.string().default('Rolebook'),
  /** Path the site is served under, e.g. `/playbook/`. Default `/`. */
  base: z.string().default(DEFAULT_BASE),
  /** Public URL of the site, for canonical links. Optional. */
  site: z.string().url().optional(),
  /** Repository the content lives in, for "Edit this page" links. Optional. */
  repository: z
    .object({
      /** e.g. `https://github.com/contoso/playbook`. */
      url: z.string().url(),
      /** Branch edits are made against. Default `main`. */
      branch: z.string().default('main'),
      /** Folder of the content inside the repository. Default: the same as `contentDir`. */
      contentPath: z.string().optional(),
    })
    .optional(),
  /** A document not reviewed for this many months is stale. Default 12. */
  staleAfterMonths: z.number().int().positive().default(12),
});

export type RolebookConfig = z.infer<typeof RolebookConfigSchema>;

export function loadConfig(projectRoot: string = process.cwd()): RolebookConfig {
  const parsed = RolebookConfigSchema.safeParse(readConfigFile(projectRoot));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`${CONFIG_FILE} is not valid:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, ...resolvePaths(parsed.data, projectRoot) };
}
