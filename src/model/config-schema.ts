/** The schema of `rolebook.config.json`: validated by src/config.ts, exported as JSON Schema for editors. */
import { z } from 'zod';
import { DEFAULT_BASE, DEFAULT_CONTENT_DIR } from './config-defaults.ts';

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
