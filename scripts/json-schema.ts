/**
 * Writes schemas/frontmatter.schema.json and schemas/rolebook.config.schema.json from the Zod
 * schemas. Run `npm run schemas` after changing either schema; test/unit/json-schema.test.ts fails while they differ.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { schemaFiles } from '../src/model/frontmatter-json-schema.ts';

const root = path.resolve(import.meta.dirname, '..');
for (const [file, text] of Object.entries(schemaFiles())) {
  const target = path.join(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`wrote ${file}`);
}
