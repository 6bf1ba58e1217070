/**
 * The output link check on a small hand-written site: broken references in built pages are
 * reported at the page's own line and column when no markdown source holds them.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/build/link-check.ts';

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'rolebook-links-'));
  await mkdir(path.join(outDir, 'roles/analyst'), { recursive: true });
  await writeFile(
    path.join(outDir, 'index.html'),
    [
      '<!doctype html><html><head><script>const a = "<a href=\\"/nowhere/\\">";</script></head><body>',
      '<a href="/roles/analyst/">Analyst</a> <a href="/roles/analyst/#skills">Skills</a>',
      '  <p>See <a class="x" data-note="&amp;" href="/roles/analist/">this</a> and <img alt="" src="/missing.png"></p>',
      '<a href="#top">Top</a><a name="top"></a><a href="https://example.com/">out</a>',
      '</body></html>',
    ].join('\n'),
  );
  await writeFile(path.join(outDir, 'roles/analyst/index.html'), '<h2 id="skills">Skills</h2><a href="../../#tpo">up</a>');
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the output link check', () => {
  it('reports each broken internal reference at its line and column in the built page, and nothing else', async () => {
    const problems = await checkLinks({ outDir, base: '/', documents: [] });
    const found = problems.map((problem) => `${path.relative(outDir, problem.file)}:${problem.line}:${problem.column} ${problem.message}`);
    expect(found).toEqual([
      'index.html:3:41 The link “/roles/analist/” on / is broken: there is no page /roles/analist/ on the site.',
      'index.html:3:89 The link “/missing.png” on / is broken: there is no page /missing.png on the site.',
      'roles/analyst/index.html:1:31 The link “../../#tpo” on /roles/analyst/ is broken: the page / has no heading or element with the id “tpo”. Did you mean “#top”?',
    ]);
  });
});
