/**
 * Builds the site from a content folder into its own output folder (one build per distinct
 * options, shared by every test file of a run) and serves a built folder on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The tests' own copy of the demo content. The project's `content/` is the team's to edit: no test
 * may break when a playbook owner changes it (the publish workflow skips the code tests for a change
 * to content alone, on that promise). content-models.test.ts checks `content/` itself is valid.
 */
export const siteContent = path.join(projectRoot, 'test/fixtures/site/content');

export interface BuildOptions {
  /** Content folder; default `siteContent`, the tests' copy of the demo content. */
  contentDir?: string;
  /** Base path, e.g. `/playbook/`. */
  base?: string;
  /** Extra environment for the build. */
  env?: Record<string, string>;
  /** Build even if a previous build with the same options exists in this run. */
  fresh?: boolean;
}

export interface BuildResult {
  outDir: string;
  exitCode: number;
  output: string;
}

function buildKey(options: BuildOptions): string {
  const content = path.resolve(options.contentDir ?? siteContent);
  return createHash('sha256')
    .update(JSON.stringify([process.env.ROLEBOOK_TEST_RUN ?? process.pid, content, options.base ?? '/', options.env ?? {}]))
    .digest('hex')
    .slice(0, 12);
}

/**
 * The site under a base path, shared by the tests that serve it and those that read its files. Vitest
 * puts BASE_URL=/ into process.env, and Vite lets it override the configured base in the build it
 * starts: it is pinned to the base under test. Its search index is written in parts of 4 pages, as a
 * large site's is in parts of 500, so search is tested on an index in parts.
 */
export const BASE_PATH_BUILD = { base: '/playbook/', env: { BASE_URL: '/playbook/', ROLEBOOK_SEARCH_PART_SIZE: '4' } } as const satisfies BuildOptions;

/** Runs `rolebook check` + `astro build` exactly as `npm run build` does. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const key = buildKey(options);
  const outDir = path.join(projectRoot, 'test/.output', key);
  const marker = path.join(outDir, '.build-result.json');
  if (!options.fresh && existsSync(marker)) {
    return JSON.parse(readFileSync(marker, 'utf8')) as BuildResult;
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  // Vitest sets Vite's BASE_URL/MODE/… in process.env; passed on, they would override the build's base.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    ROLEBOOK_CONTENT: path.resolve(options.contentDir ?? siteContent),
    ROLEBOOK_OUT_DIR: path.join(outDir, 'dist'),
    ROLEBOOK_CACHE_DIR: path.join(outDir, 'cache'),
    ...(options.base ? { ROLEBOOK_BASE: options.base } : {}),
    ...options.env,
  };
  const result = await run('npm', ['run', '--silent', 'build'], { cwd: projectRoot, env });
  const built: BuildResult = { outDir: path.join(outDir, 'dist'), exitCode: result.exitCode, output: result.output };
  await writeFile(marker, JSON.stringify(built));
  return built;
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<{ exitCode: number; output: string; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: stdout + stderr, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 at a free port, like a static host: `/x/` → `/x/index.html`,
 * unknown paths → `404.html` with status 404. `base` mounts the folder under a path prefix.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) {
      response.writeHead(404).end('outside base');
      return;
    }
    pathname = pathname.slice(prefix.length - 1) || '/';
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    } catch {
      if (existsSync(`${file}.html`)) file = `${file}.html`;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      const notFound = path.join(root, '404.html');
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(existsSync(notFound) ? await readFile(notFound) : 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
