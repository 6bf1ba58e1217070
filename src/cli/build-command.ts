/**
 * `rolebook build`: what `npm run build` runs. Three steps, each in its own process so that no two
 * large ones hold memory at once:
 *  1. `rolebook check` parses every document on both cores, prints every problem and fills the
 *     parse cache (a content error stops the build here, before anything is written);
 *  2. `astro build` renders the pages from that cache;
 *  3. the search index is written while the output's links and CSP are checked (src/build/finish.ts).
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaths, outDir } from '../config-file.ts';
import { HISTORY_FILE_VARIABLE, readGitHistory, saveGitHistory } from '../git/history.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

const ROLEBOOK_BIN = fileURLToPath(new URL('../../bin/rolebook.mjs', import.meta.url));

function astroBin(): string {
  const manifest = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(manifest), 'bin/astro.mjs');
}

/**
 * Astro's bundler (Rolldown) allocates with mimalloc, which by default commits whole arenas up
 * front: ~120 MB of the Astro process's peak at 1,000 documents, for no measurable speed.
 */
const ASTRO_ENV = { MIMALLOC_ARENA_EAGER_COMMIT: '0' };

/**
 * The check parses in two threads. With no core to spare, V8's garbage-collection helper threads
 * only fight them (2 cores, 1,000 documents: 3.9 s against 4.2–4.6 s, 1 s less CPU); with spare
 * cores the helpers run beside them, so the flag is left off there.
 */
const CHECK_NODE_FLAGS = os.availableParallelism() <= 2 ? ['--single-threaded-gc'] : [];

export async function runBuild({ positionals }: ParsedOptions, io: Io): Promise<number> {
  if (positionals.length > 0) {
    throw new UsageError('build takes no arguments; the content folder and base path come from rolebook.config.json (or ROLEBOOK_CONTENT, ROLEBOOK_BASE).');
  }
  const config = buildPaths(io.cwd);
  // Page history comes from git, read here while the content is checked (see src/git/history.ts).
  const historyFile = path.join(os.tmpdir(), `rolebook-git-history-${process.pid}.json`);
  const history = readGitHistory(config.contentDir).then((read) => saveGitHistory(historyFile, config.contentDir, read));
  history.catch(() => {});
  try {
    const checked = await runStep(process.execPath, [...CHECK_NODE_FLAGS, ROLEBOOK_BIN, 'check'], io.cwd);
    if (checked !== 0) return checked;
    await history;
    const env = { ...ASTRO_ENV, ...process.env, [HISTORY_FILE_VARIABLE]: historyFile };
    const built = await runStep(process.execPath, [astroBin(), 'build'], io.cwd, env);
    if (built !== 0) return built;
  } finally {
    await rm(historyFile, { force: true });
  }
  const { finishBuild } = await import('../build/finish.ts');
  return finishBuild({
    outDir: outDir(io.cwd),
    base: config.base,
    contentDir: config.contentDir,
    out: io.out,
    err: io.err,
    cwd: io.cwd,
  });
}

/** Runs one step with this terminal; resolves to its exit code (1 when it was killed by a signal). */
function runStep(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
