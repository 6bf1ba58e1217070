/**
 * Defaults of `rolebook.config.json` that the build process reads without the Zod schema (it stays
 * small while Astro builds; see src/config-file.ts).
 */
export const DEFAULT_CONTENT_DIR = 'content';
export const DEFAULT_BASE = '/';
