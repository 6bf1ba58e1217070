/** `npm run build` refuses to publish content with errors and says why in the check's words. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/site.ts';

describe('a build of content with errors', () => {
  it('fails with file:line:col messages, no stack trace and no published pages', async () => {
    const build = await buildSite({ contentDir: path.join(projectRoot, 'test/unit/fixtures/crlf-bom') });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(
      "test/unit/fixtures/crlf-bom/roles/crlf.md:10:1: error: Skill 'Writing' has level L500, but this guide's scale ends at L400 (expert). Use a level from L100 to L400. [skill-level-above-scale]",
    );
    expect(build.output).toMatch(/✖ 1 error, \d+ warnings? in 1 document/);
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  });
});
