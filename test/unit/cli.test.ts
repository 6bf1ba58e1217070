/** The `rolebook` command: output formats and exit codes, in-process and through the real bin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/index.ts';
import { siteContent } from '../helpers/site.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
/** The demo content, as a path from the project folder (where these commands run). */
const demo = path.relative(projectRoot, siteContent);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text), cwd: projectRoot };
  const code = await main(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('rolebook parse', () => {
  it('prints a JSON array of models with id, kind, source and meta', async () => {
    const { code, stdout } = await run(['parse', `${demo}/roles/team-manager.md`, `${demo}/playbooks/area-liaison.md`]);
    expect(code).toBe(0);
    const models = JSON.parse(stdout);
    expect(models.map((model: { id: string; kind: string; source: string }) => [model.id, model.kind, model.source])).toEqual([
      ['roles/team-manager', 'role-guide', 'roles/team-manager.md'],
      ['playbooks/area-liaison', 'playbook', 'playbooks/area-liaison.md'],
    ]);
    expect(Object.keys(models[0].meta)).toEqual(['title', 'description', 'authors', 'date', 'topic', 'audience', 'owner', 'extra']);
  });

  it('takes --content-root for includes', async () => {
    const file = path.join(fixtures, 'includes/playbooks/main.md');
    const { code, stderr } = await run(['parse', file, '--content-root', path.join(fixtures, 'includes')]);
    expect(code).toBe(1);
    expect(stderr).toContain('test/unit/fixtures/includes/playbooks/main.md:13:1: error: The include “./includes/missing.md” does not exist');
  });

  it('exits 2 with one line for a missing file', async () => {
    const { code, stderr, stdout } = await run(['parse', 'content/nope.md']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rolebook parse: no such file: content/nope.md');
  });
});

describe('rolebook check', () => {
  it('checks the configured content folder when given none', async () => {
    const { code, stdout } = await run(['check']);
    // The project's own content: the team's to change, so only its validity is asserted.
    expect(code).toBe(0);
    expect(stdout).toMatch(/\b\d+ documents?\b/);
  });

  it('passes on the demo content', async () => {
    const { code, stdout } = await run(['check', demo]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/10 documents/);
  });

  it('prints path:line:col: severity: message [rule] and exits 1 on errors', async () => {
    const { code, stdout } = await run(['check', 'test/unit/fixtures/crlf-bom']);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toContain(
      "test/unit/fixtures/crlf-bom/roles/crlf.md:10:1: error: Skill 'Writing' has level L500, but this guide's scale ends at L400 (expert). Use a level from L100 to L400. [skill-level-above-scale]",
    );
    expect(stdout.trim().split('\n').at(-1)).toMatch(/1 error/);
  });

  it('reports duplicate ids as errors', async () => {
    const { code, stdout } = await run(['check', 'test/unit/fixtures/duplicates']);
    expect(code).toBe(1);
    expect(stdout).toContain('[id-duplicate]');
  });

  it('exits 0 when there are only warnings', async () => {
    const { code, stdout } = await run(['check', 'test/unit/fixtures/warnings-only']);
    expect(stdout).toContain('test/unit/fixtures/warnings-only/roles/sketch.md:8:1: warning: “[!HINT]” is not a known alert.');
    expect(stdout).toContain('[section-missing]');
    expect(code).toBe(0);
  });

  it('exits 2 for a folder that does not exist and for a bad format', async () => {
    expect((await run(['check', 'no-such-folder'])).code).toBe(2);
    const badFormat = await run(['check', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('unknown format');
  });
});

describe('rolebook index', () => {
  it('exits 2 with one line when there is no built site', async () => {
    const { code, stderr } = await run(['index', 'test/unit/fixtures']);
    expect(code).toBe(2);
    expect(stderr).toBe('rolebook index: no built site in test/unit/fixtures (run astro build first).');
  });

  it('indexes a built site in parts of ROLEBOOK_SEARCH_PART_SIZE pages, and refuses a size that is not a number of pages', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'rolebook-index-'));
    const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><html lang="en"><body>home</body></html>');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) writeFileSync(path.join(site, `${name}.html`), page(name));
    try {
      process.env.ROLEBOOK_SEARCH_PART_SIZE = '2';
      const { code, stdout } = await run(['index', site]);
      expect(code).toBe(0);
      expect(stdout).toBe('Search index built: 6 pages indexed (of 7 HTML files) in 3 parts.');
      expect(JSON.parse(readFileSync(path.join(site, 'pagefind/rolebook-parts.json'), 'utf8'))).toEqual({ parts: ['part-1/', 'part-2/'] });
      process.env.ROLEBOOK_SEARCH_PART_SIZE = 'many';
      const refused = await run(['index', site]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('ROLEBOOK_SEARCH_PART_SIZE must be a whole number of pages above 0, not "many".');
    } finally {
      delete process.env.ROLEBOOK_SEARCH_PART_SIZE;
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('rolebook build', () => {
  it('takes no arguments: exits 2 with one line, before building anything', async () => {
    const { code, stderr } = await run(['build', 'content']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rolebook build: build takes no arguments; the content folder and base path come from rolebook\.config\.json/);
  });

  it('is listed in the help', async () => {
    expect((await run(['help'])).stdout).toMatch(/rolebook build +check, build the site, index it for search and/);
  });
});

describe('the bin', () => {
  it('exits 2 on an unknown command with a one-line message and no stack trace', () => {
    const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/node'), [path.join(projectRoot, 'bin/rolebook.mjs'), 'frobnicate'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('rolebook: unknown command “frobnicate”. Run “rolebook help” for the commands.');
  });

  it('runs check from the command line', () => {
    const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/node'), [path.join(projectRoot, 'bin/rolebook.mjs'), 'check', 'content'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('errors that tell the truth', () => {
  it('reports an unexpected exception as a bug in Rolebook: the stack, one line saying so, exit 70', async () => {
    const err: string[] = [];
    // A real fault inside a command: writing the output fails (as on a closed pipe).
    const io: Io = {
      out: () => {
        throw new TypeError('cannot write to a closed stream');
      },
      err: (text) => err.push(text),
      cwd: projectRoot,
    };
    expect(await main(['help'], io)).toBe(70);
    expect(err[0]).toMatch(/^rolebook help: TypeError: cannot write to a closed stream\n\s+at /);
    expect(err[1]).toBe('This is a bug in Rolebook, not a problem with your content. Please report it with the lines above.');
  });

  it('treats an invalid rolebook.config.json as the user’s to fix: one line, exit 2, no stack', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-config-'));
    try {
      writeFileSync(path.join(folder, 'rolebook.config.json'), '{ "staleAfterMonths": "soon" }');
      const err: string[] = [];
      const io: Io = { out: () => {}, err: (text) => err.push(text), cwd: folder };
      expect(await main(['check'], io)).toBe(2);
      expect(err.join('\n')).toMatch(/^rolebook check: rolebook\.config\.json is not valid:\n {2}staleAfterMonths: /);
      expect(err.join('\n')).not.toMatch(/\bat .*\.ts:\d+/);

      writeFileSync(path.join(folder, 'rolebook.config.json'), '{ nope');
      err.length = 0;
      expect(await main(['check'], io)).toBe(2);
      expect(err.join('\n')).toMatch(/^rolebook check: rolebook\.config\.json is not valid JSON: /);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('run from another folder', () => {
  it('finds the parser thread and the pipeline sources from the module, not the working folder', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rolebook-elsewhere-'));
    try {
      const loader = pathToFileURL(path.join(projectRoot, 'src/content/load.ts')).href;
      const script = `
        const { loadContent } = await import(${JSON.stringify(loader)});
        const options = { cacheDir: ${JSON.stringify(path.join(folder, 'cache'))}, parallelThreshold: 1 };
        const first = await loadContent(${JSON.stringify(siteContent)}, options);
        const second = await loadContent(${JSON.stringify(siteContent)}, options);
        console.log(JSON.stringify({ first: first.stats, second: second.stats, problems: first.problems.length }));`;
      writeFileSync(path.join(folder, 'load.mjs'), script);
      const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/node'), ['load.mjs'], {
        cwd: folder,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      const { first, second, problems } = JSON.parse(result.stdout) as {
        first: { parsed: number; cached: number; threads: number };
        second: { parsed: number; cached: number };
        problems: number;
      };
      expect(problems).toBe(0);
      expect(first.threads).toBe(2);
      expect(first.parsed).toBeGreaterThan(1);
      expect(second).toMatchObject({ parsed: 0, cached: first.parsed });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
