/**
 * JSON Schemas exported from the Zod schemas, so editors validate and complete front matter and
 * rolebook.config.json with the rules `rolebook check` applies: the front-matter schema is the one
 * the pipeline validates every document with. The files in `schemas/` are generated from here by
 * `npm run schemas` (scripts/json-schema.ts); a unit test fails when they are stale.
 */
import { z } from 'zod';
import { RolebookConfigSchema } from './config-schema.ts';
import { FrontMatterSchema } from './frontmatter.ts';

/** Draft 7 is what the YAML and JSON language servers in VS Code understand best. */
const options = { target: 'draft-7', io: 'input', unrepresentable: 'any' } as const;

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Keywords that constrain every type; a branch with one of them cannot simply also allow null. */
const TYPE_INDEPENDENT = ['enum', 'const', 'not', 'anyOf', 'allOf', 'oneOf'];

/**
 * Zod writes `x.nullish()` as `anyOf: [x, {type: "null"}]` and a union of unions as nested anyOf.
 * Editors show the top level's description and pattern, so the same rules are written the short
 * way: nested anyOf flattened, `null` added to a branch's `type` (a pattern or `items` only ever
 * applies to its own type, so nothing else changes), and a single branch lifted up.
 */
function simplify(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(simplify);
  if (!isNode(value)) return value;
  const node: Node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, simplify(child)]));
  if (!Array.isArray(node.anyOf)) return node;
  let branches: Node[] = [];
  for (const branch of node.anyOf as Node[]) {
    const onlyChoice = Array.isArray(branch.anyOf) && Object.keys(branch).every((key) => key === 'anyOf' || key === 'description');
    if (onlyChoice && branch.description !== undefined) node.description ??= branch.description;
    branches.push(...(onlyChoice ? (branch.anyOf as Node[]) : [branch]));
  }
  const isNull = (branch: Node) => branch.type === 'null' && Object.keys(branch).length === 1;
  const takesNull = branches.find((branch) => !isNull(branch) && branch.type !== undefined && !TYPE_INDEPENDENT.some((key) => key in branch));
  if (takesNull && branches.some(isNull)) {
    takesNull.type = [...[takesNull.type].flat(), 'null'];
    branches = branches.filter((branch) => !isNull(branch));
  }
  const { anyOf: _anyOf, ...rest } = node;
  return branches.length === 1 ? { ...rest, ...branches[0], ...(rest.description ? { description: rest.description } : {}) } : { ...rest, anyOf: branches };
}

export function frontMatterJsonSchema(): JsonSchema {
  const { $schema, ...schema } = simplify(z.toJSONSchema(FrontMatterSchema, options)) as JsonSchema;
  return {
    $schema,
    title: 'Rolebook front matter',
    description:
      'The YAML block between the --- lines at the top of a role guide, playbook or skill catalog entry. ' +
      'Keys other than the ones listed are kept as extra metadata: text, or a list of text. ' +
      'rolebook check applies these rules and three that JSON Schema cannot express: ' +
      'ms.date must exist on the calendar (2/30/2020 is refused), ' +
      'YAML tags (!!js/function) and aliases (*name) are refused, ' +
      'and front matter in another language (---js) is refused.',
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
