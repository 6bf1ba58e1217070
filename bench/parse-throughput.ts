/**
 * The parse pipeline's throughput, run in its own process by bench/run.ts so each corpus size gets
 * a fresh heap: Rolebook's `loadContent` (markdown → validated model + rendered HTML, includes and
 * glossary resolved) beside two bare unified passes over the same document files:
 *
 *   bare parse: unified().use(remarkParse).use(remarkGfm) — parse + run
 *   bare html:  the same + remark-rehype + rehype-stringify — parse + run + stringify
 *
 * Each pass reads the files itself, so file reading is in every figure. All three are warmed up on
 * a small corpus first (JIT), then timed `--repeat` times, interleaved, and the median is kept.
 *
 * Usage: node --experimental-strip-types --expose-gc bench/parse-throughput.ts --content DIR [--repeat 3] [--loader-only]
 * Prints one JSON object on stdout.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { generateCorpus, manifestPath, type ExpectedModel } from './generate.ts';
import { median } from './lib/dist-stats.ts';
import { compareModel } from './lib/expectations.ts';

export interface PassResult {
  /** Median wall milliseconds over the timed repeats. */
  ms: number;
  allMs: number[];
  /** Median CPU milliseconds (user + system, all threads of this process). */
  cpuMs: number;
  docsPerSecond: number;
  mbPerSecond: number;
}

export interface ThroughputResult {
  documents: number;
  documentBytes: number;
  repeat: number;
  bareParse: PassResult;
  bareHtml: PassResult;
  loadContent?: PassResult & {
    documentsLoaded: number;
    errors: number;
    warnings: number;
    /** The first few problems, to show why a corpus is not valid. */
    sampleProblems: string[];
    /** Models that differ from what the generator wrote (see lib/expectations.ts). */
    modelMismatches: number;
    sampleMismatches: string[];
  };
  /** Why loadContent was not measured. */
  loadContentUnavailable?: string;
  /** loadContent time ÷ bare time (lower is better; the target is ≤ 1.5). */
  ratioToBareParse?: number;
  ratioToBareHtml?: number;
  /** The same with CPU time: what the pipeline costs on one core, whatever threads it uses. */
  cpuRatioToBareHtml?: number;
  /** loadContent over the same corpus with its on-disk cache filled by a previous call. */
  loadContentWarmCache?: { ms: number; docsPerSecond: number };
  maxRssBytes: number;
}

type LoadContent = (contentRoot: string, options?: { cacheDir?: string | false }) => Promise<{
  documents: { model: Parameters<typeof compareModel>[0] }[];
  problems: { file: string; line: number; column: number; severity: string; message: string; ruleId: string }[];
}>;

/** Role guides and playbooks: every `.md` below the root outside `includes` and `glossary` folders. */
export function documentFiles(root: string): string[] {
  const out: string[] = [];
  for (const folder of ['roles', 'playbooks']) {
    const dir = path.join(root, folder);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.md')) out.push(path.join(dir, entry.name));
    }
  }
  return out.sort();
}

const bareParser = unified().use(remarkParse).use(remarkGfm);
const bareHtml = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

async function runBareParse(files: string[]): Promise<void> {
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    await bareParser.run(bareParser.parse(text));
  }
}

async function runBareHtml(files: string[]): Promise<void> {
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    String(await bareHtml.process(text));
  }
}

async function timed(fn: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function summarise(runs: { ms: number; cpuMs: number }[], documents: number, bytes: number): PassResult {
  const ms = median(runs.map((r) => r.ms));
  return {
    ms,
    allMs: runs.map((r) => Math.round(r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    docsPerSecond: documents / (ms / 1000),
    mbPerSecond: bytes / 1e6 / (ms / 1000),
  };
}

export async function measureThroughput(options: {
  contentRoot: string;
  repeat: number;
  projectRoot: string;
  warmupDir: string;
  /** Only time loadContent (for a CPU profile of the loader alone). */
  loaderOnly?: boolean;
}): Promise<ThroughputResult> {
  const files = documentFiles(options.contentRoot);
  let documentBytes = 0;
  for (const file of files) documentBytes += (await readFile(file)).length;

  let loadContent: LoadContent | undefined;
  let loadContentUnavailable: string | undefined;
  try {
    const module = (await import(pathToFileURL(path.join(options.projectRoot, 'src/content/load.ts')).href)) as {
      loadContent?: LoadContent;
    };
    loadContent = module.loadContent;
    if (!loadContent) loadContentUnavailable = 'src/content/load.ts does not export loadContent';
  } catch (error) {
    loadContentUnavailable = `cannot import src/content/load.ts: ${(error as Error).message.split('\n')[0]}`;
  }

  // Warm-up: the same code paths on a small corpus, so the timed runs measure steady-state code.
  const warm = generateCorpus({ docs: 100, outDir: options.warmupDir, seed: 'warm-up' });
  const warmFiles = warm.documents.map((d) => d.file);
  if (!options.loaderOnly) {
    await runBareParse(warmFiles);
    await runBareHtml(warmFiles);
  }
  // No persistent cache: every timed run parses every document (the warm-cache figure is separate).
  if (loadContent) await loadContent(options.warmupDir, { cacheDir: false });

  const parseRuns: { ms: number; cpuMs: number }[] = [];
  const htmlRuns: { ms: number; cpuMs: number }[] = [];
  const loadRuns: { ms: number; cpuMs: number }[] = [];
  let lastLoad: Awaited<ReturnType<LoadContent>> | undefined;
  for (let i = 0; i < options.repeat; i++) {
    if (!options.loaderOnly) {
      parseRuns.push(await timed(() => runBareParse(files)));
      htmlRuns.push(await timed(() => runBareHtml(files)));
    }
    if (loadContent) {
      const load = loadContent;
      lastLoad = undefined;
      loadRuns.push(
        await timed(async () => {
          lastLoad = await load(options.contentRoot, { cacheDir: false });
        }),
      );
    }
  }

  const result: ThroughputResult = {
    documents: files.length,
    documentBytes,
    repeat: options.repeat,
    bareParse: summarise(parseRuns, files.length, documentBytes),
    bareHtml: summarise(htmlRuns, files.length, documentBytes),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  if (loadContent && lastLoad) {
    const problems = lastLoad.problems;
    result.loadContent = {
      ...summarise(loadRuns, files.length, documentBytes),
      documentsLoaded: lastLoad.documents.length,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      sampleProblems: problems
        .slice(0, 5)
        .map((p) => `${path.relative(options.contentRoot, p.file)}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.ruleId}]`),
      ...checkModels(lastLoad.documents, options.contentRoot),
    };
    result.ratioToBareParse = result.loadContent.ms / result.bareParse.ms;
    result.ratioToBareHtml = result.loadContent.ms / result.bareHtml.ms;
    result.cpuRatioToBareHtml = result.loadContent.cpuMs / result.bareHtml.cpuMs;
    // Warm cache: fill a fresh cache folder once, then time a second call that should only hash and read.
    const cacheDir = path.join(options.warmupDir, '..', 'throughput-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    const load = loadContent;
    await load(options.contentRoot, { cacheDir });
    const warm = await timed(async () => {
      await load(options.contentRoot, { cacheDir });
    });
    rmSync(cacheDir, { recursive: true, force: true });
    result.loadContentWarmCache = { ms: warm.ms, docsPerSecond: files.length / (warm.ms / 1000) };
  } else {
    result.loadContentUnavailable = loadContentUnavailable ?? 'loadContent did not return';
  }
  return result;
}

function checkModels(
  documents: { model: Parameters<typeof compareModel>[0] }[],
  contentRoot: string,
): { modelMismatches: number; sampleMismatches: string[] } {
  const manifest = manifestPath(contentRoot);
  if (!existsSync(manifest)) return { modelMismatches: 0, sampleMismatches: ['no manifest beside the corpus'] };
  const expected = new Map(
    (JSON.parse(readFileSync(manifest, 'utf8')) as { documents: { id: string; expected: ExpectedModel }[] }).documents.map(
      (d) => [d.id, d.expected],
    ),
  );
  const mismatches: string[] = [];
  const seen = new Set<string>();
  for (const { model } of documents) {
    seen.add(model.id);
    const wanted = expected.get(model.id);
    if (wanted) mismatches.push(...compareModel(model, wanted));
    else mismatches.push(`${model.id}: not generated`);
  }
  for (const id of expected.keys()) if (!seen.has(id)) mismatches.push(`${id}: no model`);
  return { modelMismatches: mismatches.length, sampleMismatches: mismatches.slice(0, 8) };
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const contentRoot = flag('content');
  if (!contentRoot) {
    console.error('usage: parse-throughput.ts --content DIR [--repeat N] [--loader-only]');
    process.exit(2);
  }
  const projectRoot = path.resolve(import.meta.dirname, '..');
  const result = await measureThroughput({
    contentRoot: path.resolve(contentRoot),
    repeat: Number(flag('repeat') ?? '3'),
    projectRoot,
    warmupDir: path.join(projectRoot, 'bench/out/warmup-corpus'),
    loaderOnly: argv.includes('--loader-only'),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
