/**
 * Reads `rolebook.config.json` and the environment overrides without validating: what `rolebook
 * build` needs to find the content and the base path while staying a small process (Zod alone is
 * ~35 MB of it, and it stays alive while Astro builds). `src/config.ts` validates the same file;
 * `rolebook build` runs `rolebook check`, which does, before anything is built.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE, DEFAULT_CONTENT_DIR } from './model/config-defaults.ts';

export const CONFIG_FILE = 'rolebook.config.json';

/** rolebook.config.json cannot be read or is not valid: the user's to fix, not a bug. */
export class ConfigError extends Error {}

/** The config file's JSON (`{}` when there is none). `ROLEBOOK_CONFIG` names another file (tests). */
export function configFilePath(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.ROLEBOOK_CONFIG || CONFIG_FILE);
}

export function readConfigFile(projectRoot: string): unknown {
  const file = configFilePath(projectRoot);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Environment overrides (tests and CI) and the content folder made absolute. */
export function resolvePaths(config: { contentDir: string; base: string }, projectRoot: string): { contentDir: string; base: string } {
  return {
    contentDir: path.resolve(projectRoot, process.env.ROLEBOOK_CONTENT || config.contentDir),
    base: process.env.ROLEBOOK_BASE || config.base,
  };
}

/** Where `astro build` writes the site (`ROLEBOOK_OUT_DIR` for tests and the benchmark), absolute. */
export function outDir(projectRoot: string = process.cwd()): string {
  return path.resolve(projectRoot, process.env.ROLEBOOK_OUT_DIR ?? 'dist');
}

/** Content folder and base path from the unvalidated file, for `rolebook build` only. */
export function buildPaths(projectRoot: string = process.cwd()): { contentDir: string; base: string } {
  const raw = readConfigFile(projectRoot) as { contentDir?: unknown; base?: unknown };
  return resolvePaths(
    {
      contentDir: typeof raw.contentDir === 'string' ? raw.contentDir : DEFAULT_CONTENT_DIR,
      base: typeof raw.base === 'string' ? raw.base : DEFAULT_BASE,
    },
    projectRoot,
  );
}

/**
 * Pages a search index part holds on average, when `ROLEBOOK_SEARCH_PART_SIZE` sets it (tests use
 * small parts on small sites; src/site/search-index.ts has the default and why).
 */
export function searchPartSize(): number | undefined {
  const value = process.env.ROLEBOOK_SEARCH_PART_SIZE;
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new ConfigError(`ROLEBOOK_SEARCH_PART_SIZE must be a whole number of pages above 0, not "${value}".`);
  return Number(value);
}
