/**
 * `rolebook build`: what `npm run build` runs. Three steps, each in its own process so that no two
 * large ones hold memory at once:
 *  1. `rolebook check` parses every document on both cores, prints every problem and fills the
 *     parse cache (a content error stops the build here, before anything is written);
 *  2. `astro build` renders the pages from that cache, copying unchanged ones from the last build
 *     (on a rebuild it is started beside the check and held before it reads or writes anything,
 *     so its own start-up overlaps the check: src/build/held-step.ts);
 *  3. the search index is written while the output's links and CSP are checked (src/build/finish.ts;
 *     the check leaves the documents' links for it: src/build/link-sources.ts); on a rebuild, the
 *     search part of a document the check parsed again is read beside Astro (src/build/search-ahead.ts).
 * Each step reuses the last build's work where its inputs did not change (all caches are below
 * `cacheRoot()`); the log gets one line per step, and `build-stats.json` beside the caches says
 * the same for tools (the benchmark reads it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaths, configFilePath, outDir, searchPartSize } from '../config-file.ts';
import { forgetBuild, hashBuildInputs, lastBuild, rememberBuild, type UnchangedBuildRecord } from '../build/unchanged-build.ts';
import { runStep, startHeldStep, type HeldStep } from '../build/held-step.ts';
import { OUTPUT_PREPARED_VARIABLE, prepareOutput, type PreparedOutput } from '../build/reused-pages.ts';
import { CACHE_FOLDERS, cacheRoot, STEP_STATS_VARIABLE } from '../content/cache.ts';
import { HISTORY_FILE_VARIABLE, saveGitHistory } from '../git/history.ts';
import { gitHistoryFile, readGitHistoryKept } from '../build/history-cache.ts';
import type { SearchAhead } from '../build/search-ahead.ts';
import type { AstroStats, StepStats } from '../build/stats.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

const ROLEBOOK_BIN = fileURLToPath(new URL('../../bin/rolebook.mjs', import.meta.url));

function astroBin(): string {
  const manifest = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(manifest), 'bin/astro.mjs');
}

/**
 * Astro's bundler (Rolldown) allocates with mimalloc, which by default commits whole arenas up
 * front: ~120 MB of the Astro process's peak at 1,000 documents, for no measurable speed. By default
 * it also kept most of what the bundling freed (its statistics: 12 MB purged, against 235 MB with
 * no purge delay) resident while the pages render, when the process peaks. Freed memory is purged
 * at once instead (clean builds at 1,000 documents, three alternating pairs: Astro's peak 538–545 MB
 * against 542–572, the process tree's (npm aside) 620–629 against 626–655; bundling ≈ 0.05–0.1 s slower).
 * Astro logs warnings and errors only (astro.config.mjs): this command prints its summary. It
 * leaves the output folder as this command prepared it (src/build/reused-pages.ts).
 */
const ASTRO_ENV = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0', ROLEBOOK_QUIET_ASTRO: '1', [OUTPUT_PREPARED_VARIABLE]: '1' };

/**
 * The step reports' schemas (Zod: ≈ 0.1 s of module loading) are first needed when the check ends:
 * loaded after Astro is started, not before, since Astro's start is what a rebuild waits for.
 */
const statsModule = () => import('../build/stats.ts');

/**
 * The check parses in two threads. With no core to spare, V8's garbage-collection helper threads
 * only fight them (2 cores, 1,000 documents: 3.9 s against 4.2–4.6 s, 1 s less CPU); with spare
 * cores the helpers run beside them, so that flag is left off there. Parsing makes many short-lived
 * objects: with a 16 MB young generation fewer of them survive into the old one (1,000 documents,
 * alternating: peak 400–500 MB against 600–705 MB, 7.1–7.5 s against 7.6–9.3 s; a one-change
 * check 1.4–1.5 s against 1.9–2.1 s).
 */
const CHECK_NODE_FLAGS = ['--max-semi-space-size=16', ...(os.availableParallelism() <= 2 ? ['--single-threaded-gc'] : [])];

/**
 * The same young generation for Astro's process, which loading the content and generating pages
 * fill with short-lived objects too. `npm run build` gave it this already, through the project's
 * `.npmrc` (`node-options`, which npm passes to its scripts as NODE_OPTIONS); run any other way
 * (`node bin/rolebook.mjs build`, as the tests and a CI step may), Astro's process went without
 * (session 16, 1,000 documents, run without npm and sampled every 50 ms: clean builds, four
 * alternating pairs, Astro's peak 477–499 MB against 560–624, the process tree's 556–579 against
 * 639–704; one-change rebuilds, ten pairs, Astro 0.36 s faster in the median, 0.5 s less CPU).
 * Its GC helper threads stay on (`--single-threaded-gc` for Astro gained nothing in session 14).
 */
const ASTRO_NODE_FLAGS = ['--max-semi-space-size=16'];

export async function runBuild({ positionals }: ParsedOptions, io: Io): Promise<number> {
  if (positionals.length > 0) {
    throw new UsageError('build takes no arguments; the content folder and base path come from rolebook.config.json (or ROLEBOOK_CONTENT, ROLEBOOK_BASE).');
  }
  const started = performance.now();
  const config = { ...buildPaths(io.cwd), searchPartSize: searchPartSize() };
  const steps: StepStats = {};
  const stepReports = await mkdtemp(path.join(os.tmpdir(), 'rolebook-build-'));
  const finish = async (exitCode: number): Promise<number> => {
    await rm(stepReports, { recursive: true, force: true });
    const totalMs = Math.round(performance.now() - started);
    const { buildStatsFile, writeBuildStats } = await statsModule();
    await writeBuildStats(buildStatsFile(io.cwd), { version: 1, finishedAt: new Date().toISOString(), ok: exitCode === 0, totalMs, steps }).catch(
      (error: unknown) => io.err(`rolebook build: could not write the build stats: ${(error as Error).message}`),
    );
    if (exitCode === 0) io.out(`Built in ${seconds(totalMs)} s.`);
    return exitCode;
  };
  const env = { ...process.env, [STEP_STATS_VARIABLE]: stepReports };
  // First: the check is the longest of what runs before Astro, and needs nothing of the rest.
  const checking = runStep(process.execPath, [...CHECK_NODE_FLAGS, ROLEBOOK_BIN, 'check'], io.cwd, env);
  // Page history comes from git, read here while the content is checked (see src/git/history.ts).
  const historyFile = path.join(stepReports, 'git-history.json');
  const historyStarted = performance.now();
  const history = readGitHistoryKept(config.contentDir, gitHistoryFile(cacheRoot(io.cwd))).then(async ({ history: read, reuse }) => {
    await saveGitHistory(historyFile, config.contentDir, read);
    steps.gitHistory = { ms: Math.round(performance.now() - historyStarted), reuse };
  });
  history.catch(() => {});
  const astroArgs = [...ASTRO_NODE_FLAGS, astroBin(), 'build'];
  const astroEnv = { ...ASTRO_ENV, ...env, [HISTORY_FILE_VARIABLE]: historyFile };

  let prepared: PreparedBuild;
  try {
    prepared = await prepareBuild(io.cwd, config.contentDir, history, historyFile, () => startHeldStep(process.execPath, astroArgs, io.cwd, astroEnv));
  } catch (error) {
    await checking;
    throw error;
  }
  const { inputs, inputFiles, unchanged, held, output } = prepared;
  // Loads while the check runs.
  statsModule().catch(() => {});

  const checked = await checking;
  const check = await reportCheck(stepReports, checked.ms, io);
  steps.check = check?.stats;
  if (checked.exitCode !== 0) {
    output?.discard();
    if (held) {
      await held.stop();
      steps.astroEarlyStart = 'stopped';
    }
    return finish(checked.exitCode);
  }
  if (held) steps.astroEarlyStart = 'released';

  if (unchanged) steps.astro = reportKept(unchanged, io);
  forgetBuild(io.cwd);
  const placed = output?.place();
  const oldOutputRemoved = placed?.oldOutputRemoved ?? (async () => {});
  // Loaded while Astro works (this process is idle meanwhile), so the last step starts the moment Astro ends.
  const finishStep = import('../build/finish.ts');
  finishStep.catch(() => {});
  // A held Astro's time counts from its release: its start-up overlapped the check.
  const building = unchanged ? undefined : held ? held.release() : runStep(process.execPath, astroArgs, io.cwd, astroEnv);
  // Only time is lost should it fail: the last step then reads every changed part itself.
  const ahead = building && check ? await readSearchAhead(io.cwd, check.parsedIds, config.searchPartSize).catch(() => undefined) : undefined;
  const built = (await building) ?? { exitCode: 0, ms: 0 };
  const { AstroStatsSchema, readStepReport } = await statsModule();
  const astro = unchanged ? undefined : await readStepReport(stepReports, 'astro', AstroStatsSchema);
  if (astro) steps.astro = reportAstro(astro, { ...built, output: output?.way }, io);
  if (built.exitCode !== 0) {
    await ahead?.abandon();
    await oldOutputRemoved();
    return finish(built.exitCode);
  }
  placed?.settle();

  const { finishBuild } = await finishStep;
  const finished = await finishBuild({
    outDir: outDir(io.cwd),
    base: config.base,
    contentDir: config.contentDir,
    out: io.out,
    err: io.err,
    cwd: io.cwd,
    stepReports,
    searchPartSize: config.searchPartSize,
    early: ahead,
  }).finally(() => ahead?.abandon());
  Object.assign(steps, finished.steps);
  await oldOutputRemoved();
  if (finished.exitCode === 0) {
    const written = unchanged ?? { pages: astro?.pages ?? 0, dataFiles: astro?.dataFiles ?? 0 };
    rememberBuild(io.cwd, { inputs, files: inputFiles, pages: written.pages, dataFiles: written.dataFiles }, outDir(io.cwd));
  }
  return finish(finished.exitCode);
}

interface PreparedBuild {
  /** The hash of everything `astro build` reads, and of its files alone (src/build/unchanged-build.ts). */
  inputs: string;
  inputFiles: string;
  /** The last build's record when nothing Astro reads changed since: Astro is not run. */
  unchanged: UnchangedBuildRecord | undefined;
  /** Astro, started beside the check and held before it reads or writes anything. */
  held: HeldStep | undefined;
  /** The output folder being made ready for Astro (src/build/reused-pages.ts); none when Astro is not run. */
  output: PreparedOutput | undefined;
}

/**
 * What runs beside the check: the inputs hashed (while git reads the history), and on a rebuild with
 * something changed, Astro started and held (src/integrations/check-gate.ts) — at once when files
 * changed, since its start-up is what a one-change rebuild waits for; otherwise once git's history
 * said whether anything did — and the pages it will reuse linked. Not on a first build, where the
 * check parses on both cores and Astro's start-up would only add its memory to the check's peak.
 */
async function prepareBuild(cwd: string, contentDir: string, history: Promise<unknown>, historyFile: string, startAstro: () => HeldStep): Promise<PreparedBuild> {
  let held: HeldStep | undefined;
  let output: PreparedOutput | undefined;
  try {
    const last = lastBuild(cwd, outDir(cwd));
    const files = hashBuildInputs({ contentDir, configFile: configFilePath(cwd) });
    if (last.filesChanged(files.files)) held = startAstro();
    await history;
    const inputs = files.withHistory(historyFile);
    const unchanged = last.unchanged(inputs);
    if (!unchanged && !held && last.recorded) held = startAstro();
    // The last output kept for Astro to build into, or the pages it will reuse linked beside it.
    if (!unchanged) output = prepareOutput(path.join(cacheRoot(cwd), CACHE_FOLDERS.astro), outDir(cwd), last.outputAsBuilt());
    return { inputs, inputFiles: files.files, unchanged, held, output };
  } catch (error) {
    output?.discard();
    await held?.stop();
    throw error;
  }
}

/** The check's line in the log and its stats, from its own report, with the ids of the documents it parsed. */
async function reportCheck(stepReports: string, ms: number, io: Io): Promise<{ stats: StepStats['check']; parsedIds: string[] } | undefined> {
  const { CheckStatsSchema, readStepReport } = await statsModule();
  const check = await readStepReport(stepReports, 'check', CheckStatsSchema);
  if (!check) return undefined;
  const documents = check.parsed + check.cached;
  io.out(`Content checked: ${documents} documents (${check.parsed} parsed, ${check.cached} unchanged since the last build) in ${seconds(ms)} s.`);
  return { stats: { ms, documents, parsed: check.parsed, reused: check.cached, threads: check.threads }, parsedIds: check.parsedIds };
}

/**
 * Beside Astro, the search part of each document the check parsed again is read from the pages the
 * last build left (src/build/search-ahead.ts); loaded once Astro is let go, which it must not wait for.
 */
async function readSearchAhead(cwd: string, parsedIds: readonly string[], pagesPerPart: number | undefined): Promise<SearchAhead | undefined> {
  if (parsedIds.length === 0) return undefined;
  const [{ startSearchAhead }, { pageHashesFile }] = await Promise.all([import('../build/search-ahead.ts'), import('../build/page-hashes.ts')]);
  return startSearchAhead({ siteDir: outDir(cwd), recordFile: pageHashesFile(cacheRoot(cwd)), parsedIds, pagesPerPart });
}

/** Astro's line in the log and its stats when it did not run: every page of the last build is kept. */
function reportKept(unchanged: UnchangedBuildRecord, io: Io): StepStats['astro'] {
  const kept = unchanged.pages + unchanged.dataFiles;
  io.out(`Pages built: nothing Astro reads changed since the last build; its ${unchanged.pages} pages and ${unchanged.dataFiles} data files are kept.`);
  return { ms: 0, pages: kept, rendered: 0, reused: kept, contentLoadMs: 0, skipped: true };
}

/** Astro's line in the log and its stats, from what the build-stats integration reported. */
function reportAstro(astro: AstroStats, { ms, startWaitMs, output }: { ms: number; startWaitMs?: number; output?: PreparedOutput['way'] }, io: Io): StepStats['astro'] {
  // Pages and data files (each role's requirements JSON, rubric.json…) alike: written, or copied unchanged from the last build.
  const written = astro.pages + astro.dataFiles;
  const reused =
    astro.documentPages - astro.documentPagesRendered + (astro.sitePages - astro.sitePagesRendered) + (astro.dataFiles - astro.dataFilesRendered);
  io.out(`Pages built: ${astro.pages} pages and ${astro.dataFiles} data files (${written - reused} rendered, ${reused} unchanged since the last build) in ${seconds(ms)} s.`);
  return { ms, pages: written, rendered: written - reused, reused, contentLoadMs: astro.contentLoadMs, ...(startWaitMs === undefined ? {} : { startWaitMs }), ...(output ? { output } : {}) };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
