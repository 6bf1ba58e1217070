/**
 * A content folder with broken links: the build must fail, naming the markdown file, line and
 * column of each broken link in plain words, and publish nothing that a reader could land on.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/site.ts';

const contentDir = path.join(projectRoot, 'test/fixtures/publishing/broken-links');
const source = 'test/fixtures/publishing/broken-links/roles/analyst.md';

describe('a build with broken links', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildSite({ contentDir });
  });

  it('fails', () => {
    expect(build.exitCode, build.output).not.toBe(0);
  });

  it('names the markdown line of a link to a heading that does not exist, and suggests the right one', () => {
    expect(build.output).toContain(
      `${source}:13:69: error: The link “../playbooks/escalations.md#objectivs” is broken: the page /playbooks/escalations/ has no heading or element with the id “objectivs”. Did you mean “#objectives”? [link-broken]`,
    );
  });

  it('finds a broken site-absolute link in the built page and places it in the markdown', () => {
    expect(build.output).toContain(
      `${source}:15:12: error: The link “/glossary/#term-nothing-here” on /roles/analyst/ is broken: the page /glossary/ has no heading or element with the id “term-nothing-here”. [link-broken]`,
    );
  });

  it('places broken links written as raw HTML at the markdown line and column of their tag', () => {
    expect(build.output).toContain(
      `${source}:19:22: error: The link “/nope/” on /roles/analyst/ is broken: there is no page /nope/ on the site. [link-broken]`,
    );
    expect(build.output).toContain(
      `${source}:19:72: error: The link “../retired/” on /roles/analyst/ is broken: there is no page /roles/retired/ on the site. [link-broken]`,
    );
    expect(build.output).not.toContain('dist/roles/analyst/index.html');
  });

  it('reports nothing about the links that work, and each broken link once', () => {
    expect(build.output).not.toMatch(/#overview|#skills/);
    expect(build.output.match(/\[link-broken\]/g)).toHaveLength(4);
    expect(build.output).toContain('✖ 4 errors, 0 warnings in 2 documents');
    expect(build.output).toContain('4 broken links (listed above); the site was not published.');
    // Plain messages, not a stack trace or a misleading hint.
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(build.output).not.toContain('Browser APIs');
  });
});
