/**
 * JSON Schemas exported from the Zod schemas, so editors validate and complete front matter and
 * rolebook.config.json with the same rules `rolebook check` applies. The files in `schemas/`
 * are generated from here by `scripts/json-schema.ts`; a unit test fails when they are stale.
 */
import { z } from 'zod';
import { RolebookConfigSchema } from './config-schema.ts';
import { FrontMatterSchema } from './frontmatter.ts';

/** Draft 7 is what the YAML and JSON language servers in VS Code understand best. */
const options = { target: 'draft-7', io: 'input', unrepresentable: 'any' } as const;

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };

export function frontMatterJsonSchema(): JsonSchema {
  const { $schema, ...schema } = z.toJSONSchema(FrontMatterSchema, options) as JsonSchema;
  return {
    $schema,
    title: 'Rolebook front matter',
    description:
      'The YAML block between the --- lines at the top of a role guide or playbook. Keys other than the ones listed are kept as extra metadata.',
    ...schema,
  };
}

/**
 * Hover text for rolebook.config.json. The config schema documents its fields in comments, not
 * `.describe()`, so the words live here; a key that is not in the schema is never added.
 */
const CONFIG_HELP: Record<string, string> = {
  contentDir: 'Folder holding roles/, playbooks/ and glossary/, relative to this file.',
  title: 'Site title shown in the header.',
  base: 'Path the site is served under, e.g. "/playbook/" for https://example.github.io/playbook/.',
  site: 'Public URL of the site, for canonical links.',
  repository: 'The repository the content lives in, for "Edit this page" and history links. Without it, the origin remote is used when it is on GitHub or GitLab.',
  staleAfterMonths: 'A document whose ms.date is older than this many months is flagged as stale.',
};

export function configJsonSchema(): JsonSchema {
  const { $schema, ...schema } = z.toJSONSchema(RolebookConfigSchema, options) as JsonSchema;
  const properties: Record<string, Record<string, unknown>> = {
    $schema: { type: 'string', description: 'Path or URL of this JSON Schema, for editors.' },
  };
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    properties[key] = CONFIG_HELP[key] && !property.description ? { description: CONFIG_HELP[key], ...property } : property;
  }
  return { $schema, title: 'Rolebook configuration (rolebook.config.json)', ...schema, properties };
}

/** The generated files, path (relative to the project root) → text, exactly as committed. */
export function schemaFiles(): Record<string, string> {
  const text = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    'schemas/frontmatter.schema.json': text(frontMatterJsonSchema()),
    'schemas/rolebook.config.schema.json': text(configJsonSchema()),
  };
}
