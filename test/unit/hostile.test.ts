/**
 * The hostile and broken content corpus (test/fixtures/hostile/*): each case runs through the real
 * loader in its own Node process (bounded time and memory; a hang or a crash fails the case
 * instead of the runner) and must give exactly the expected problems and sanitised page.
 *
 * UPDATE_FIXTURES=1 rewrites expected.json / expected.html from what the code does now. Review
 * every rewritten file by hand before committing: an expectation states the RIGHT behaviour.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_DIR,
  SECRET,
  findActiveMarkup,
  listCases,
  readSetup,
  type CaseResult,
  type ExpectedProblem,
} from '../fixtures/hostile/harness.ts';
import { loadContent } from '../../src/content/load.ts';
import { projectRoot, run, siteContent } from '../helpers/site.ts';

const UPDATE = process.env.UPDATE_FIXTURES === '1';
/** Heap for one case. A bomb that expands must hit this (and fail), not the machine. */
const CASE_HEAP_MB = 384;
/** Node start-up and TypeScript loading, on top of a case's own time limit. */
const STARTUP_MARGIN_MS = 8_000;
const DEFAULT_TIME_LIMIT_MS = 10_000;

interface IsolatedRun extends CaseResult {
  ran: unknown;
  polluted: unknown;
}

function runIsolated(name: string, limitMs: number): Promise<{ result?: IsolatedRun; failure?: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${CASE_HEAP_MB}`, path.join(HOSTILE_DIR, 'run-case.ts'), name],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs + STARTUP_MARGIN_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ failure: `killed after ${limitMs + STARTUP_MARGIN_MS} ms (hang or runaway expansion)` });
      else if (code !== 0) resolve({ failure: `crashed with exit code ${code}: ${stderr.slice(-2000)}` });
      else resolve({ result: JSON.parse(stdout) as IsolatedRun });
    });
  });
}

/** Cases whose content sits under "## Notes" compare from that heading on; the rest is boilerplate. */
function relevantHtml(html: string): string {
  const notes = html.indexOf('<h2 id="notes">');
  return (notes === -1 ? html : html.slice(notes)).trim();
}

const cases = await listCases();

describe('hostile content corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  describe.concurrent.each(cases)('%s', (name) => {
    it('is handled as expected', async () => {
      const setup = await readSetup(name);
      const limitMs = setup.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
      const { result, failure } = await runIsolated(name, limitMs);
      expect(failure, `${name}: ${setup.description}`).toBeUndefined();
      const { problems, html, elapsedMs, ran, polluted } = result!;

      // Nothing ran, nothing was polluted, nothing from outside the content folder leaked.
      expect(ran, 'front matter or content code ran during the build').toBeNull();
      expect(polluted, 'Object.prototype was polluted').toBeNull();
      expect(JSON.stringify(result)).not.toContain(SECRET);
      expect(elapsedMs, `took ${Math.round(elapsedMs)} ms, limit ${limitMs} ms`).toBeLessThanOrEqual(limitMs);
      expect(findActiveMarkup(html ?? ''), 'the published page holds markup that can run or restyle').toEqual([]);
      // Every message is positioned and says which rule it broke.
      for (const problem of problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.column).toBeGreaterThanOrEqual(1);
        expect(problem.ruleId).not.toBe('internal-error');
      }

      if (setup.check === 'bounded') {
        for (const wanted of setup.mustReport ?? []) {
          const match = problems.some(
            (problem) =>
              (wanted.file === undefined || problem.file === wanted.file) &&
              (wanted.severity === undefined || problem.severity === wanted.severity) &&
              (wanted.ruleIdPrefix === undefined || problem.ruleId.startsWith(wanted.ruleIdPrefix)),
          );
          expect(match, `no problem like ${JSON.stringify(wanted)} in ${JSON.stringify(problems, null, 1)}`).toBe(true);
        }
        return;
      }

      const expectedJson = path.join(HOSTILE_DIR, name, 'expected.json');
      const expectedHtml = path.join(HOSTILE_DIR, name, 'expected.html');
      if (UPDATE) {
        await writeFile(expectedJson, `${JSON.stringify(problems, null, 2)}\n`);
        if (html === undefined) {
          if (existsSync(expectedHtml)) await unlink(expectedHtml);
        } else {
          await writeFile(expectedHtml, `${relevantHtml(html)}\n`);
        }
        console.warn(`UPDATE_FIXTURES: rewrote ${name}; review it by hand.`);
        return;
      }
      const expected = JSON.parse(await readFile(expectedJson, 'utf8')) as ExpectedProblem[];
      expect(problems).toEqual(expected);
      if (existsSync(expectedHtml)) {
        expect(html, 'the page must still be published (sanitised)').toBeDefined();
        expect(relevantHtml(html!)).toBe((await readFile(expectedHtml, 'utf8')).trim());
      } else {
        expect(html, 'a document with errors must not be published').toBeUndefined();
      }
    }, 60_000);
  });
});

describe('a corpus with several broken documents', () => {
  let content: string;
  const broken = {
    'roles/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    'roles/js-front-matter.md': '---js\n{ title: (globalThis.__rolebookPwned = 1, "x") }\n---\n# Title\n',
    'playbooks/unclosed.md': '---\ntitle: Never closed\nms.topic: playbook\n\n# Never closed\n',
  };

  beforeAll(async () => {
    const sandbox = await mkdtemp(path.join(os.tmpdir(), 'rolebook-broken-corpus-'));
    content = path.join(sandbox, 'content');
    await cp(siteContent, content, { recursive: true });
    for (const [file, text] of Object.entries(broken)) {
      await mkdir(path.dirname(path.join(content, file)), { recursive: true });
      await writeFile(path.join(content, file), text);
    }
  });
  afterAll(async () => {
    await rm(path.dirname(content), { recursive: true, force: true });
  });

  it('reports one error per broken document, all at once, and still builds the valid models', async () => {
    const result = await loadContent(content);
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((error) => [path.relative(content, error.file), error.line, error.ruleId]).sort()).toEqual([
      ['playbooks/unclosed.md', 1, 'front-matter-unclosed'],
      // Positioned at the first NUL byte, on the PNG signature's third line.
      ['roles/binary.md', 3, 'file-binary'],
      ['roles/js-front-matter.md', 1, 'front-matter-language'],
    ]);
    // Every document of the project's own content is still built, beside the three broken ones.
    const valid = await loadContent(siteContent, { cacheDir: false });
    expect(valid.documents.length).toBeGreaterThanOrEqual(2);
    expect(result.documents.map((document) => document.model.id).sort()).toEqual(valid.documents.map((document) => document.model.id).sort());
    expect((globalThis as Record<string, unknown>)['__rolebookPwned']).toBeUndefined();
  }, 60_000);

  it('`rolebook check` prints all three errors with file:line:col and exits 1', async () => {
    const { exitCode, stdout } = await run(process.execPath, [path.join(projectRoot, 'bin/rolebook.mjs'), 'check', content], {
      cwd: projectRoot,
    });
    expect(exitCode).toBe(1);
    const errorLines = stdout.split('\n').filter((line) => /:\d+:\d+: error: /.test(line));
    expect(errorLines).toHaveLength(3);
    expect(errorLines.join('\n')).toMatch(/binary\.md:3:\d+: error: .*\[file-binary\]/);
    expect(errorLines.join('\n')).toMatch(/js-front-matter\.md:1:\d+: error: .*\[front-matter-language\]/);
    expect(errorLines.join('\n')).toMatch(/unclosed\.md:1:1: error: .*\[front-matter-unclosed\]/);
  });
});
