/**
 * `npm run bench -- --docs 100,1000,10000`: builds generated corpora of each size exactly as
 * `npm run build` does and measures what issue 6 asks for. See bench/README.md for each column.
 *
 * This file is run directly by Node with --experimental-strip-types: erasable TypeScript only, and
 * local imports carry their .ts extension.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCorpus, type GeneratedCorpus } from './generate.ts';
import { distStats, documentPages, islandAssets, median, pageAssets, type DistStats, type Sizes } from './lib/dist-stats.ts';
import { describePeak, runMeasured, type MeasuredRun } from './lib/process-tree.ts';
import { readBuildStats, type BuildStats } from '../src/build/stats.ts';
import { compareWithStarlight, comparisonRows, setupStarlight, type StarlightComparison, type StarlightSetup } from './starlight.ts';
import type { ThroughputResult } from './parse-throughput.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const benchOut = path.join(projectRoot, 'bench/out');
/**
 * Earlier corpora and outputs are moved here (a rename) and deleted once everything is measured:
 * ext4 creates files slowly where thousands were deleted moments before (it skips recently freed
 * inodes one by one), which made a build right after `rm -rf` of the last one up to ~1 s slower,
 * a cost of the benchmark's own clean-up, not of the build. (A rebuild still pays it: Astro
 * empties the output folder itself.)
 */
const benchTrash = path.join(benchOut, '.trash');

function moveAside(folder: string): void {
  if (!existsSync(folder)) return;
  mkdirSync(benchTrash, { recursive: true });
  renameSync(folder, path.join(benchTrash, `${Date.now()}-${path.basename(folder)}-${Math.random().toString(36).slice(2, 8)}`));
}

// ---------------------------------------------------------------------------------------------
// Flags.

interface Flags {
  sizes: number[];
  /** Phases to leave out: `build`, `rebuild`, `parse`, `pagefind` (separate run). */
  skip: Set<string>;
  seed?: string;
  repeat?: number;
  /** Shell command used instead of `npm run build` (default). */
  buildCommand?: string;
  results: string;
  replaceResults: boolean;
  echo: boolean;
  cpuProf: boolean;
  /** Print the table of the results file and stop. */
  tableOnly: boolean;
  /** How many times the clean build / no-change rebuild / one-change rebuild sequence runs per size. */
  runs: number;
  /** After each size's builds, `runs` alternating pairs of clean builds: Rolebook, then Starlight (bench/starlight.ts). */
  starlight: boolean;
}

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}`);
  console.error(`usage: npm run bench -- [--docs 100,1000,10000] [--skip 10000,rebuild,parse,build]
       [--repeat N] [--seed S] [--build-command "npx astro build"] [--results FILE] [--replace-results]
       [--runs N] [--starlight] [--echo] [--cpu-prof] [--table-only]`);
  process.exit(2);
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = {
    sizes: [1000],
    skip: new Set(),
    results: path.join(projectRoot, 'bench/results.json'),
    replaceResults: false,
    echo: false,
    cpuProf: false,
    tableOnly: false,
    runs: 1,
    starlight: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${name} needs a value`);
    if (name === '--docs') {
      flags.sizes = value()
        .split(',')
        .map((s) => Number(s.trim().replace(/_/g, '')));
      if (flags.sizes.some((n) => !Number.isInteger(n) || n < 2)) usage('--docs takes whole numbers of at least 2');
    } else if (name === '--skip') for (const item of value().split(',')) flags.skip.add(item.trim());
    else if (/^--skip-\w+$/.test(name)) flags.skip.add(name.slice('--skip-'.length));
    else if (name === '--seed') flags.seed = value();
    else if (name === '--repeat') flags.repeat = Number(value());
    else if (name === '--build-command') flags.buildCommand = value();
    else if (name === '--results') flags.results = path.resolve(value());
    else if (name === '--replace-results') flags.replaceResults = true;
    else if (name === '--echo') flags.echo = true;
    else if (name === '--cpu-prof') flags.cpuProf = true;
    else if (name === '--table-only') flags.tableOnly = true;
    else if (name === '--runs') flags.runs = Number(value());
    else if (name === '--starlight') flags.starlight = true;
    else if (name === '--help' || name === '-h') usage();
    else usage(`unknown flag ${arg}`);
  }
  flags.sizes = flags.sizes.filter((n) => !flags.skip.has(String(n)));
  if (flags.sizes.length === 0) usage('every size is skipped');
  if (!Number.isInteger(flags.runs) || flags.runs < 1) usage('--runs takes a whole number of at least 1');
  return flags;
}

// ---------------------------------------------------------------------------------------------
// One build.

interface BuildMeasurement {
  ok: boolean;
  exitCode: number;
  wallMs: number;
  cpuSeconds: number;
  peakRssBytes: number;
  peakAtMs: number;
  peakProcesses: { command: string; rssMB: number }[];
  /** Lifetimes of the main steps, from the process sampler (±50 ms). */
  phasesMs: { check?: number; astro?: number; pagefind?: number };
  /**
   * What the build says it did, step by step: its stats file (`build-stats.json` in the cache
   * folder, src/build/stats.ts), read after the build; undefined when the build wrote none.
   */
  stats?: BuildStats;
  /** Total RSS of the tree about every 500 ms: [seconds, MB]. */
  rssTimeline: [number, number][];
  /** Every process of the tree with its lifetime and peak memory (the 30 largest). */
  processes: { command: string; startS: number; endS: number; peakMB: number }[];
  loadAverage: number[];
  /** The build's own log lines (without the one-line-per-route listing), with seconds since spawn. */
  timeline: string[];
  log: string;
  outputTail?: string[];
}

function buildEnv(size: number, cpuProfDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ROLEBOOK_CONTENT: path.join(projectRoot, 'bench/corpus', String(size)),
    ROLEBOOK_OUT_DIR: path.join(benchOut, String(size), 'dist'),
    ROLEBOOK_CACHE_DIR: path.join(benchOut, String(size), 'cache'),
    // Telemetry is not part of the build and would only add a background process to the tree.
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (cpuProfDir) {
    // npm replaces NODE_OPTIONS with the project .npmrc's `node-options` for its scripts; its own
    // environment setting wins over the file, so the flags go there, after the file's options.
    const npmrc = existsSync(path.join(projectRoot, '.npmrc')) ? readFileSync(path.join(projectRoot, '.npmrc'), 'utf8') : '';
    const projectOptions = /^node-options\s*=\s*(.*)$/m.exec(npmrc)?.[1]?.trim() ?? '';
    env.npm_config_node_options = `${projectOptions} --cpu-prof --cpu-prof-dir=${cpuProfDir}`.trim();
  }
  return env;
}

function lifetimeOf(run: MeasuredRun, pattern: RegExp): number | undefined {
  // The `sh -c "rolebook check && astro build"` wrapper mentions every step; skip it.
  const matching = run.processes.filter((p) => pattern.test(p.command) && !p.command.includes('&&'));
  if (matching.length === 0) return undefined;
  const first = Math.min(...matching.map((p) => p.firstSeenMs));
  const last = Math.max(...matching.map((p) => p.lastSeenMs));
  return last - first;
}

async function build(size: number, flags: Flags, label: string): Promise<BuildMeasurement> {
  const logFile = path.join(benchOut, String(size), `${label}.log`);
  const profDir = flags.cpuProf ? path.join(benchOut, String(size), `profile-${label}`) : undefined;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const [command, args] = flags.buildCommand
    ? ['sh', ['-c', flags.buildCommand]]
    : ['npm', ['run', '--silent', 'build']];
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  // The stats file is rewritten by every build; removed first so a build that writes none is not credited with the last one's.
  const statsFile = path.join(buildEnv(size).ROLEBOOK_CACHE_DIR!, 'build-stats.json');
  rmSync(statsFile, { force: true });
  const run = await runMeasured(command, args, {
    cwd: projectRoot,
    env: buildEnv(size, profDir),
    logFile,
    echo: flags.echo,
  });
  const measurement: BuildMeasurement = {
    ok: run.exitCode === 0,
    exitCode: run.exitCode,
    wallMs: run.wallMs,
    cpuSeconds: run.cpuSeconds,
    peakRssBytes: run.peakRssBytes,
    peakAtMs: run.peakAtMs,
    peakProcesses: run.peakProcesses.map((p) => ({ command: p.command, rssMB: Math.round(p.rssBytes / 1e6) })),
    phasesMs: {
      check: lifetimeOf(run, /rolebook(\.mjs|\.ts)?\s+check|cli\S*\s+check/),
      astro: lifetimeOf(run, /astro(\.mjs)?\s+build/),
      pagefind: lifetimeOf(run, /pagefind/i),
    },
    stats: readBuildStats(statsFile),
    rssTimeline: run.rssTimeline,
    processes: [...run.processes]
      .sort((a, b) => b.peakRssBytes - a.peakRssBytes)
      .slice(0, 30)
      .map((p) => ({
        command: p.command,
        startS: Math.round(p.firstSeenMs) / 1000,
        endS: Math.round(p.lastSeenMs) / 1000,
        peakMB: Math.round(p.peakRssBytes / 1e6),
      })),
    loadAverage,
    timeline: run.lines
      .filter((line) => line.text.trim() && !line.text.includes('├─'))
      .slice(0, 80)
      .map((line) => `${(line.t / 1000).toFixed(2)} ${line.text.trim().slice(0, 140)}`),
    log: path.relative(projectRoot, logFile),
  };
  if (!measurement.ok) measurement.outputTail = run.lines.slice(-25).map((line) => line.text);
  return measurement;
}

/** Pagefind run on its own over a built site, for when the build does not index (or says nothing). */
async function separatePagefind(distDir: string, outputPath: string): Promise<{ ms: number; ok: boolean; indexBytes: number }> {
  rmSync(outputPath, { recursive: true, force: true });
  const run = await runMeasured('npx', ['pagefind', '--site', distDir, '--output-path', outputPath], {
    cwd: projectRoot,
    env: process.env,
  });
  return { ms: run.wallMs, ok: run.exitCode === 0, indexBytes: distStats(outputPath).totalBytes };
}

// ---------------------------------------------------------------------------------------------
// One corpus size.

interface SizeResult {
  docs: number;
  measuredAt: string;
  corpus: { roles: number; playbooks: number; documentBytes: number; includes: number; glossary: boolean; generateMs: number };
  build?: BuildMeasurement & { pagesPerSecond: number };
  pagefind?: { ms: number; source: string; indexBytes: number };
  dist?: DistStats;
  documentPages?: {
    found: number;
    medianBytes: number;
    medianRoleBytes: number;
    medianPlaybookBytes: number;
    maxBytes: number;
    example: string;
  };
  rolePage?: {
    page: string;
    js: Sizes;
    css: Sizes;
    assets: { url: string; kind: string; via: string; raw: number; gzip: number }[];
    missing: string[];
    assessment: { identifiedBy: string[]; js: Sizes };
  };
  /** A second build with nothing changed (same output and cache folders). */
  noChange?: BuildMeasurement;
  /** A build after one document changed, following the no-change one. */
  rebuild?: BuildMeasurement & { changedFile: string; changeVisible: boolean; savedPercent: number };
  /** Every clean / no-change / one-change sequence of this run (`--runs N`), for the spread. */
  runs?: RunTimes[];
  parse?: ThroughputResult | { error: string };
  /** `--starlight`: alternating clean builds of Rolebook and Starlight on this corpus (bench/starlight.ts). */
  starlight?: StarlightComparison;
}

interface RunTimes {
  loadAverage: number;
  clean: { wallMs: number; cpuSeconds: number; ok: boolean };
  noChange?: { wallMs: number; cpuSeconds: number; ok: boolean };
  oneChange?: { wallMs: number; cpuSeconds: number; ok: boolean; changeVisible: boolean };
}

const times = (m: BuildMeasurement) => ({ wallMs: m.wallMs, cpuSeconds: m.cpuSeconds, ok: m.ok });

/** Appends a sentence to a mid-corpus role guide (LF, no BOM) and returns how to undo it. */
function changeOneDocument(corpus: GeneratedCorpus): { id: string; file: string; marker: string; restore: () => void } {
  const roles = corpus.documents.filter((d) => d.kind === 'role-guide');
  let index = Math.floor(roles.length / 2);
  let original = readFileSync(roles[index]!.file);
  while (original.includes('\r') || original[0] === 0xef) {
    index = (index + 1) % roles.length;
    original = readFileSync(roles[index]!.file);
  }
  const doc = roles[index]!;
  const marker = 'This sentence was appended by the benchmark to time an incremental build.';
  writeFileSync(doc.file, `${original.toString('utf8').replace(/\n*$/, '\n')}\n${marker}\n`);
  return { id: doc.id, file: doc.file, marker, restore: () => writeFileSync(doc.file, original) };
}

async function parseThroughput(size: number, flags: Flags): Promise<ThroughputResult | { error: string }> {
  const repeat = flags.repeat ?? (size <= 1000 ? 3 : 1);
  const args = [
    '--experimental-strip-types',
    '--expose-gc',
    '--no-warnings',
    path.join(projectRoot, 'bench/parse-throughput.ts'),
    '--content',
    path.join(projectRoot, 'bench/corpus', String(size)),
    '--repeat',
    String(repeat),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      // The loader might print on stdout itself; the result is the last JSON line.
      const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as ThroughputResult);
      else resolve({ error: `exit ${code}: ${(stderr || stdout).trim().split('\n').slice(-8).join('\n')}` });
    });
  });
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * One clean build (output and cache folders emptied first), then a rebuild with nothing changed,
 * then a rebuild after one document changed. `into` (the first sequence of a size) also gets the
 * full measurements, output stats and the role page's assets.
 */
async function buildSequence(size: number, flags: Flags, corpus: GeneratedCorpus, label: string, into?: SizeResult): Promise<RunTimes | undefined> {
  const distDir = path.join(benchOut, String(size), 'dist');
  moveAside(path.join(benchOut, String(size)));
  mkdirSync(path.join(benchOut, String(size)), { recursive: true });
  log(`clean build (empty cache)${label}…`);
  const first = await build(size, flags, `build${label}`);
  const dist = distStats(distDir);
  log(`  ${first.ok ? 'ok' : `FAILED (exit ${first.exitCode})`} in ${(first.wallMs / 1000).toFixed(1)} s, peak ${(first.peakRssBytes / 1e6).toFixed(0)} MB (${describePeak(first.peakProcesses)}), ${dist.htmlFiles} pages; log: ${first.log}`);
  if (!first.ok) for (const line of first.outputTail ?? []) log(`    │ ${line}`);
  const run: RunTimes = { loadAverage: first.loadAverage[0]!, clean: times(first) };
  if (into) {
    into.build = { ...first, pagesPerSecond: dist.htmlFiles / (first.wallMs / 1000) };
    into.dist = dist;
    if (first.ok) await measureOutput(into, flags, corpus, distDir, dist);
  }
  if (!first.ok || flags.skip.has('rebuild')) return run;

  log(`rebuild with nothing changed${label}…`);
  const unchanged = await build(size, flags, `rebuild-nochange${label}`);
  log(`  ${unchanged.ok ? 'ok' : 'FAILED'} in ${(unchanged.wallMs / 1000).toFixed(1)} s (${reuseSummary(unchanged.stats)})`);
  run.noChange = times(unchanged);
  if (into) into.noChange = unchanged;

  const change = changeOneDocument(corpus);
  log(`rebuild after appending a sentence to ${change.id}${label}…`);
  try {
    const second = await build(size, flags, `rebuild${label}`);
    const page = documentPages(distDir, [change.id]).get(change.id);
    const changeVisible = page !== undefined && readFileSync(page, 'utf8').includes(change.marker);
    log(`  ${second.ok ? 'ok' : 'FAILED'} in ${(second.wallMs / 1000).toFixed(1)} s; change visible: ${changeVisible} (${reuseSummary(second.stats)})`);
    run.oneChange = { ...times(second), changeVisible };
    if (into) into.rebuild = { ...second, changedFile: change.id, changeVisible, savedPercent: (1 - second.wallMs / first.wallMs) * 100 };
  } finally {
    change.restore();
  }
  return run;
}

/** "parse 999/1000 reused · pages 1008/1009 · output check … · search index reused", from the stats file. */
function reuseSummary(stats: BuildStats | undefined): string {
  if (!stats) return 'no stats file';
  const { gitHistory, check, astro, outputCheck, searchIndex } = stats.steps;
  return [
    gitHistory && `git history ${gitHistory.reuse === 'read' ? 'read' : gitHistory.reuse === 'same-commit' ? 'reused' : 'extended'}`,
    check && `documents ${check.reused}/${check.documents} reused`,
    astro && `pages ${astro.reused}/${astro.pages}`,
    outputCheck && `output check ${outputCheck.reused}/${outputCheck.pages}`,
    searchIndex &&
      `search index ${searchIndex.reused ? 'reused' : `parts ${searchIndex.partsReused}/${searchIndex.parts} reused, ${searchIndex.pagesIndexed}/${searchIndex.pages} pages indexed${searchIndex.partsReadEarly ? `, ${searchIndex.partsReadEarly} part read beside Astro` : ''}`}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Search index timing, page sizes and the role page's assets, from the clean build's output. */
async function measureOutput(result: SizeResult, flags: Flags, corpus: GeneratedCorpus, distDir: string, dist: DistStats): Promise<void> {
  const first = result.build!;
  // Pagefind: the build's stats file, else the sampled lifetime of its process, else a separate run.
  const indexBytes = dist.bytesByFolder['pagefind'] ?? 0;
  const searchStep = first.stats?.steps.searchIndex;
  if (searchStep) {
    result.pagefind = { ms: searchStep.ms, source: 'build stats file', indexBytes };
  } else if (first.phasesMs.pagefind !== undefined && indexBytes > 0) {
    result.pagefind = { ms: first.phasesMs.pagefind, source: 'pagefind process lifetime during the build', indexBytes };
  } else if (!flags.skip.has('pagefind')) {
    log('  the build did not report Pagefind; timing it separately…');
    const separate = await separatePagefind(distDir, path.join(benchOut, String(result.docs), 'pagefind-separate'));
    result.pagefind = {
      ms: separate.ms,
      source: `separate run${indexBytes === 0 ? ' (the build wrote no index)' : ''}${separate.ok ? '' : ' (FAILED)'}`,
      indexBytes: indexBytes || separate.indexBytes,
    };
  }

  const pages = documentPages(distDir, corpus.documents.map((d) => d.id));
  const bytesOf = (ids: string[]) => ids.flatMap((id) => (pages.has(id) ? [readFileSync(pages.get(id)!).length] : []));
  const roleIds = corpus.documents.filter((d) => d.kind === 'role-guide').map((d) => d.id);
  const playbookIds = corpus.documents.filter((d) => d.kind === 'playbook').map((d) => d.id);
  const all = bytesOf([...roleIds, ...playbookIds]);
  if (all.length > 0) {
    result.documentPages = {
      found: all.length,
      medianBytes: median(all),
      medianRoleBytes: median(bytesOf(roleIds)),
      medianPlaybookBytes: median(bytesOf(playbookIds)),
      maxBytes: Math.max(...all),
      example: path.relative(distDir, pages.get(roleIds[0]!) ?? pages.values().next().value!),
    };
  }
  // The role page: the first role guide's page (every role page has the same furniture).
  const rolePage = pages.get(roleIds[0]!) ?? path.join(distDir, 'index.html');
  if (existsSync(rolePage)) {
    const base = process.env.ROLEBOOK_BASE ?? readBase();
    const assets = await pageAssets(distDir, rolePage, base);
    const assessment = await islandAssets(distDir, assets, /assess/i, base);
    result.rolePage = {
      page: path.relative(distDir, rolePage),
      js: assets.js,
      css: assets.css,
      assets: assets.assets.map(({ url, kind, via, raw, gzip }) => ({ url, kind, via, raw, gzip })),
      missing: assets.missing,
      assessment: { identifiedBy: assessment.identifiedBy, js: assessment.js },
    };
  }
}

async function benchSize(size: number, flags: Flags, starlight?: StarlightSetup): Promise<SizeResult> {
  log(`\n── ${size} documents ──`);
  const startGenerate = performance.now();
  moveAside(path.join(projectRoot, 'bench/corpus', String(size)));
  const corpus = generateCorpus({
    docs: size,
    outDir: path.join(projectRoot, 'bench/corpus', String(size)),
    seed: flags.seed,
    glossaryFrom: path.join(projectRoot, 'content/glossary'),
  });
  const result: SizeResult = {
    docs: size,
    measuredAt: new Date().toISOString(),
    corpus: {
      roles: corpus.documents.filter((d) => d.kind === 'role-guide').length,
      playbooks: corpus.documents.filter((d) => d.kind === 'playbook').length,
      documentBytes: corpus.documentBytes,
      includes: corpus.includes.length,
      glossary: corpus.glossaryCopied,
      generateMs: performance.now() - startGenerate,
    },
  };
  log(`corpus: ${corpus.documents.length} documents, ${(corpus.documentBytes / 1e6).toFixed(2)} MB in ${path.relative(projectRoot, corpus.outDir)}`);

  const distDir = path.join(benchOut, String(size), 'dist');
  if (!flags.skip.has('build')) {
    result.runs = [];
    for (let index = 0; index < flags.runs; index++) {
      const label = flags.runs === 1 ? '' : `-${index + 1}`;
      const times = await buildSequence(size, flags, corpus, label, index === 0 ? result : undefined);
      if (times) result.runs.push(times);
    }
  }

  if (starlight) {
    // Each pair: a Rolebook clean build exactly as above (empty output and cache), then Starlight's.
    result.starlight = await compareWithStarlight(starlight, corpus.outDir, flags.runs, async (label) => {
      moveAside(path.join(benchOut, String(size)));
      mkdirSync(path.join(benchOut, String(size)), { recursive: true });
      return build(size, flags, label);
    }, flags.echo);
  }

  if (!flags.skip.has('parse')) {
    log('parse throughput (loadContent vs bare remark)…');
    result.parse = await parseThroughput(size, flags);
    if ('error' in result.parse) log(`  failed: ${result.parse.error}`);
    else if (result.parse.loadContentUnavailable) log(`  loadContent not measured: ${result.parse.loadContentUnavailable}`);
    else if (result.parse.loadContent) {
      const t = result.parse.loadContent;
      log(`  ${t.documentsLoaded} models, ${t.errors} errors, ${t.warnings} warnings, ${t.modelMismatches} differ from the generator's expectations`);
      for (const line of [...t.sampleProblems.filter((p) => p.includes(': error:')), ...t.sampleMismatches]) log(`    ${line}`);
    }
  }
  return result;
}

function readBase(): string {
  try {
    const config = JSON.parse(readFileSync(path.join(projectRoot, 'rolebook.config.json'), 'utf8')) as { base?: string };
    return config.base ?? '/';
  } catch {
    return '/';
  }
}

// ---------------------------------------------------------------------------------------------
// The table.

const KB = 1024;
const fmt = {
  s: (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1)),
  mb: (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)),
  kb: (bytes: number | undefined) => (bytes === undefined || Number.isNaN(bytes) ? '–' : (bytes / KB).toFixed(1)),
  n: (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits)),
  sizes: (s: Sizes | undefined) => (s ? `${fmt.kb(s.raw)} / ${fmt.kb(s.gzip)}` : '–'),
};

interface Row {
  label: string;
  value: (r: SizeResult) => string;
  /** Target text, and a check for the 1,000-document result. */
  target?: string;
  pass?: (r: SizeResult, all: SizeResult[]) => boolean | undefined;
}

function throughput(r: SizeResult): ThroughputResult | undefined {
  return r.parse && !('error' in r.parse) ? r.parse : undefined;
}

const ROWS: Row[] = [
  { label: 'Documents (roles + playbooks)', value: (r) => `${r.corpus.roles} + ${r.corpus.playbooks}` },
  { label: 'Corpus size (MB)', value: (r) => fmt.mb(r.corpus.documentBytes) },
  { label: 'Machine load average at build start', value: (r) => (r.build ? r.build.loadAverage[0]!.toFixed(2) : '–') },
  {
    label: 'Loader: errors / warnings / model mismatches',
    value: (r) => {
      const t = throughput(r)?.loadContent;
      return t ? `${t.errors} / ${t.warnings} / ${t.modelMismatches}` : '–';
    },
  },
  {
    label: 'Clean build wall (s)',
    value: (r) => (r.build ? `${fmt.s(r.build.wallMs)}${r.build.ok ? '' : ' FAILED'}${spread(r, 'clean')}` : '–'),
    target: '≤ 11 s',
    pass: (r) => (r.build ? r.build.ok && r.build.wallMs <= 11_000 : undefined),
  },
  { label: '  CPU time, all processes (s)', value: (r) => fmt.n(r.build?.cpuSeconds, 1) },
  ...stepRows('build'),
  {
    label: 'No-change rebuild wall (s) / ÷ clean',
    value: (r) => (r.noChange && r.build ? `${fmt.s(r.noChange.wallMs)}${r.noChange.ok ? '' : ' FAILED'} / ${ratio(r.noChange, r.build)}${spread(r, 'noChange')}` : '–'),
    target: '≤ 0.2× clean',
    pass: (r) => (r.noChange && r.build ? r.noChange.ok && r.noChange.wallMs <= 0.2 * r.build.wallMs : undefined),
  },
  { label: '  CPU time, all processes (s)', value: (r) => fmt.n(r.noChange?.cpuSeconds, 1) },
  ...stepRows('noChange'),
  {
    label: 'One-change rebuild wall (s) / ÷ clean',
    value: (r) =>
      r.rebuild && r.build
        ? `${fmt.s(r.rebuild.wallMs)}${r.rebuild.ok ? '' : ' FAILED'}${r.rebuild.changeVisible ? '' : ' (change NOT in output)'} / ${ratio(r.rebuild, r.build)}${spread(r, 'oneChange')}`
        : '–',
    target: '≤ 0.3× clean',
    pass: (r) => (r.rebuild && r.build ? r.rebuild.ok && r.rebuild.changeVisible && r.rebuild.wallMs <= 0.3 * r.build.wallMs : undefined),
  },
  { label: '  CPU time, all processes (s)', value: (r) => fmt.n(r.rebuild?.cpuSeconds, 1) },
  ...stepRows('rebuild'),
  { label: 'Search index (Pagefind) in the clean build (s)', value: (r) => (r.pagefind ? `${fmt.s(r.pagefind.ms)}${r.pagefind.source.startsWith('separate') ? '*' : ''}` : '–') },
  {
    label: 'Peak memory, process tree (MB)',
    value: (r) => fmt.mb(r.build?.peakRssBytes),
    target: '≤ 700 MB',
    pass: (r) => (r.build ? r.build.peakRssBytes <= 700e6 : undefined),
  },
  ...comparisonRows().map(
    (row): Row => ({ label: row.label, value: (r) => row.value(r.starlight), target: row.target, pass: row.pass && ((r) => row.pass!(r.starlight)) }),
  ),
  { label: 'HTML pages written', value: (r) => fmt.n(r.dist?.htmlFiles) },
  { label: 'Pages per second (full build)', value: (r) => fmt.n(r.build?.pagesPerSecond) },
  { label: 'Build time per document (ms)', value: (r) => (r.build ? fmt.n(r.build.wallMs / r.docs, 1) : '–') },
  { label: 'dist size (MB)', value: (r) => fmt.mb(r.dist?.totalBytes) },
  { label: '  of which search index (MB)', value: (r) => fmt.mb(r.pagefind?.indexBytes) },
  {
    label: 'Median HTML per document page (KB)',
    value: (r) => fmt.kb(r.documentPages?.medianBytes),
    target: '≤ 30 KB, flat',
    pass: (r, all) => {
      if (!r.documentPages) return undefined;
      const smallest = all.find((x) => x.documentPages);
      const flat = !smallest || r.documentPages.medianBytes <= smallest.documentPages!.medianBytes * 1.1;
      return r.documentPages.medianBytes <= 30 * KB && flat;
    },
  },
  { label: '  role / playbook pages (KB)', value: (r) => (r.documentPages ? `${fmt.kb(r.documentPages.medianRoleBytes)} / ${fmt.kb(r.documentPages.medianPlaybookBytes)}` : '–') },
  {
    label: 'Role page JS before search, raw / gzip (KB)',
    value: (r) => fmt.sizes(r.rolePage?.js),
    target: '≤ 16 KB gzip',
    pass: (r) => (r.rolePage ? r.rolePage.js.gzip <= 16 * KB : undefined),
  },
  {
    label: '  of which the assessment, raw / gzip (KB)',
    value: (r) => (r.rolePage ? (r.rolePage.assessment.identifiedBy.length ? fmt.sizes(r.rolePage.assessment.js) : 'not found') : '–'),
    target: '≤ 12 KB gzip',
    pass: (r) => (r.rolePage?.assessment.identifiedBy.length ? r.rolePage.assessment.js.gzip <= 12 * KB : undefined),
  },
  {
    label: 'Role page CSS, raw / gzip (KB)',
    value: (r) => fmt.sizes(r.rolePage?.css),
    target: '≤ 10 KB gzip',
    pass: (r) => (r.rolePage ? r.rolePage.css.gzip <= 10 * KB : undefined),
  },
  { label: 'Parse: loadContent (docs/s, MB/s)', value: (r) => { const t = throughput(r)?.loadContent; return t ? `${fmt.n(t.docsPerSecond)}, ${fmt.n(t.mbPerSecond, 2)}` : '–'; } },
  { label: 'Parse: bare remark+gfm (docs/s, MB/s)', value: (r) => { const t = throughput(r)?.bareParse; return t ? `${fmt.n(t.docsPerSecond)}, ${fmt.n(t.mbPerSecond, 2)}` : '–'; } },
  { label: 'Parse: bare + rehype → HTML (docs/s, MB/s)', value: (r) => { const t = throughput(r)?.bareHtml; return t ? `${fmt.n(t.docsPerSecond)}, ${fmt.n(t.mbPerSecond, 2)}` : '–'; } },
  { label: 'Parse: loadContent, warm cache (docs/s)', value: (r) => fmt.n(throughput(r)?.loadContentWarmCache?.docsPerSecond) },
  { label: 'loadContent ÷ bare parse', value: (r) => fmt.n(throughput(r)?.ratioToBareParse, 2) },
  {
    label: 'loadContent ÷ bare parse + HTML',
    value: (r) => fmt.n(throughput(r)?.ratioToBareHtml, 2),
    target: '≤ 1.5×',
    pass: (r) => { const t = throughput(r); return t?.ratioToBareHtml === undefined ? undefined : t.ratioToBareHtml <= 1.5; },
  },
  { label: '  the same in CPU time (all threads)', value: (r) => fmt.n(throughput(r)?.cpuRatioToBareHtml, 2) },
];

function ratio(a: BuildMeasurement, b: BuildMeasurement): string {
  return `${(a.wallMs / b.wallMs).toFixed(2)}×`;
}

/** " (min–max of N)" when the size ran several sequences (`--runs`). */
function spread(r: SizeResult, which: 'clean' | 'noChange' | 'oneChange'): string {
  const walls = (r.runs ?? []).flatMap((run) => (run[which] ? [run[which]!.wallMs] : []));
  if (walls.length < 2) return '';
  return ` (${fmt.s(Math.min(...walls))}–${fmt.s(Math.max(...walls))}, ${walls.length} runs)`;
}

/** Each step of one build, from its stats file: time, and what it reused from the build before. */
function stepRows(which: 'build' | 'noChange' | 'rebuild'): Row[] {
  const steps = (r: SizeResult) => r[which]?.stats?.steps;
  return [
    {
      label: '    check: time (s), documents parsed / reused',
      value: (r) => { const c = steps(r)?.check; return c ? `${fmt.s(c.ms)}, ${c.parsed} / ${c.reused}` : '–'; },
    },
    {
      label: '    astro build: time (s), pages rendered / reused',
      value: (r) => { const a = steps(r)?.astro; return a ? `${fmt.s(a.ms)}, ${a.rendered} / ${a.reused}` : '–'; },
    },
    {
      label: '    output check: time (s), pages scanned / reused',
      value: (r) => { const o = steps(r)?.outputCheck; return o ? `${fmt.s(o.ms)}, ${o.scanned} / ${o.reused}` : '–'; },
    },
    {
      label: '    search index (beside it): time (s), parts built / reused',
      // Runs from before the index came in parts (no `parts` in their stats) had one part.
      value: (r) => { const i = steps(r)?.searchIndex; return i ? `${fmt.s(i.ms)}, ${i.reused ? `0 / ${i.parts ?? 1}` : `${(i.parts ?? 1) - (i.partsReused ?? 0)} / ${i.partsReused ?? 0}`}` : '–'; },
    },
  ];
}

function table(results: SizeResult[]): string {
  const header = ['Measure', ...results.map((r) => `${r.docs.toLocaleString('en')} docs`), 'Target (1,000 docs)'];
  const lines = [header, header.map((h) => '-'.repeat(Math.max(3, h.length)))];
  const at1000 = results.find((r) => r.docs === 1000);
  for (const row of ROWS) {
    // A measure no column has (e.g. a step this version of the build does not have) is left out.
    if (results.every((r) => row.value(r) === '–')) continue;
    let target = row.target ?? '';
    if (row.target && at1000 && row.pass) {
      const verdict = row.pass(at1000, results);
      if (verdict !== undefined) target += verdict ? ' ✔' : ' ✘';
    }
    lines.push([row.label, ...results.map((r) => row.value(r)), target]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l, li) => `| ${l.map((cell, i) => (li === 1 ? '-'.repeat(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`)
    .join('\n');
}

function scalingNote(results: SizeResult[]): string | undefined {
  const a = results.find((r) => r.docs === 1000 && r.build?.ok);
  const b = results.find((r) => r.docs === 10000);
  if (!a || !b?.build) return undefined;
  if (!b.build.ok) return `10,000 documents: build FAILED (exit ${b.build.exitCode}).`;
  const factor = b.build.wallMs / a.build!.wallMs;
  const commitOf = (r: SizeResult) => (r as SizeResult & { commit?: string }).commit;
  const caveat =
    commitOf(a) !== commitOf(b) ? ` (measured on different commits, ${commitOf(a)} and ${commitOf(b)}: compare with care)` : '';
  return `Scaling${caveat} 1,000 → 10,000: build time × ${factor.toFixed(2)} (linear would be × 10; ${factor <= 10 ? 'no worse than linear ✔' : 'worse than linear ✘'}), peak memory × ${(b.build.peakRssBytes / a.build!.peakRssBytes).toFixed(2)}.`;
}

// ---------------------------------------------------------------------------------------------

function gitDescription(): Promise<{ commit?: string; dirty?: boolean }> {
  // Read-only git queries, to say which code was measured.
  const run = (args: string[]) =>
    new Promise<string | undefined>((resolve) => {
      const child = spawn('git', args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', (code) => resolve(code === 0 ? out.trim() : undefined));
      child.on('error', () => resolve(undefined));
    });
  return Promise.all([run(['rev-parse', '--short', 'HEAD']), run(['status', '--porcelain', '--untracked-files=no'])]).then(
    ([commit, status]) => ({ commit, dirty: status === undefined ? undefined : status.length > 0 }),
  );
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  mkdirSync(benchOut, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
  log(`Rolebook benchmark on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  if (os.loadavg()[0]! > 1) log('warning: the machine is busy; timings will be slower than on an idle machine.');

  // Which code is measured: read before the run, as commits may land while it runs.
  const git = await gitDescription();
  // Starlight is installed (once) before anything is measured, so a failed install stops the run early.
  const starlight = flags.starlight && !flags.tableOnly ? setupStarlight() : undefined;
  const results: SizeResult[] = [];
  if (!flags.tableOnly) for (const size of flags.sizes) results.push(await benchSize(size, flags, starlight));
  rmSync(benchTrash, { recursive: true, force: true });

  // Keep results for sizes not measured in this run (e.g. 10,000 measured on its own), unless told not to.
  let previous: Record<string, SizeResult> = {};
  if (!flags.replaceResults && existsSync(flags.results)) {
    try {
      previous = (JSON.parse(readFileSync(flags.results, 'utf8')) as { sizes?: Record<string, SizeResult> }).sizes ?? {};
    } catch {
      previous = {};
    }
  }
  const sizes: Record<string, SizeResult & { commit?: string; dirty?: boolean }> = { ...previous };
  for (const r of results) sizes[String(r.docs)] = { ...r, ...git };
  const document = { generatedAt: new Date().toISOString(), machine, argv: process.argv.slice(2), sizes };
  if (!flags.tableOnly) writeFileSync(flags.results, `${JSON.stringify(document, null, 2)}\n`);

  const all = Object.values(sizes).sort((a, b) => a.docs - b.docs);
  console.log('');
  console.log(table(all));
  const pagefindSeparate = all.some((r) => r.pagefind?.source.startsWith('separate'));
  if (pagefindSeparate) console.log('\n* Pagefind timed in a separate run after the build (the build did not report it).');
  const note = scalingNote(all);
  if (note) console.log(`\n${note}`);
  const older = all.filter((r) => !results.some((x) => x.docs === r.docs));
  if (older.length) console.log(`\nColumns ${older.map((r) => r.docs).join(', ')} are from earlier runs (${older.map((r) => r.measuredAt).join(', ')}).`);
  console.log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB RAM, Node ${machine.node}, ${machine.os}.`);
  console.log(`Results: ${path.relative(projectRoot, flags.results)}`);
  const incomplete = results.filter((r) => r.starlight && !r.starlight.ok);
  if (incomplete.length) {
    console.error(`\nbench: a build of the Starlight comparison failed or missed pages (${incomplete.map((r) => r.docs).join(', ')} documents): its ratios are not valid.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
