/**
 * Site configuration, read from `rolebook.config.json` at the project root and validated here.
 * Environment variables override it for tests and CI (ROLEBOOK_CONTENT, ROLEBOOK_BASE).
 */
import { RolebookConfigSchema, type RolebookConfig } from './model/config-schema.ts';
import { CONFIG_FILE, ConfigError, readConfigFile, resolvePaths } from './config-file.ts';

export type { RolebookConfig };

export function loadConfig(projectRoot: string = process.cwd()): RolebookConfig {
  const parsed = RolebookConfigSchema.safeParse(readConfigFile(projectRoot));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`${CONFIG_FILE} is not valid:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, ...resolvePaths(parsed.data, projectRoot) };
}
