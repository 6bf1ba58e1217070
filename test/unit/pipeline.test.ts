/**
 * Fixture-driven tests of the whole markdown → model pipeline. Each folder in fixtures/ is a content
 * folder; `expected.json` beside its documents holds the models and problems it must give.
 * `UPDATE_FIXTURES=1 npx vitest run test/unit/pipeline.test.ts` rewrites them (review the diff!); without
 * it, a fixture folder with no expected.json fails.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

async function snapshotOf(name: string) {
  const root = path.join(fixtures, name);
  const result = await loadContent(root, { render: false });
  return {
    models: result.documents.map((document) => document.model),
    problems: result.problems.map((problem) => ({ ...problem, file: path.relative(root, problem.file) })),
  };
}

describe('pipeline fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const actual = await snapshotOf(name);
    const expectedFile = path.join(fixtures, name, 'expected.json');
    if (process.env.UPDATE_FIXTURES === '1') {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    }
    // A new fixture needs an expectation someone has reviewed; writing one here would pass anything.
    expect(existsSync(expectedFile), `${name}/expected.json is missing: run UPDATE_FIXTURES=1 and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  afterAll(() => {
    // The ---js fixtures would set this flag if gray-matter's eval engine ever ran.
    expect((globalThis as Record<string, unknown>).__rolebookFrontMatterRan).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
