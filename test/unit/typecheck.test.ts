/**
 * The whole project type-checks under its strict settings (tsconfig.json): Node runs the sources by
 * stripping their types, and Vite and Vitest do the same, so nothing else would notice a type error.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// The package exports no path to its command; its manifest (which it does export) names it.
const manifest = createRequire(import.meta.url).resolve('typescript/package.json');
const tsc = path.join(path.dirname(manifest), 'bin/tsc');

describe('types', () => {
  it('the sources, tests and benchmark type-check (tsc --noEmit)', { timeout: 180_000 }, () => {
    const result = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', projectRoot], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  });
});
