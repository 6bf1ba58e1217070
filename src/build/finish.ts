/**
 * The last step of a build, after `astro build` has exited: the Pagefind index is written while the
 * output is checked (every internal link and anchor resolves, every page carries its
 * Content-Security-Policy). Pagefind works in its own process, so the two overlap on two cores;
 * neither overlaps the Astro process, whose memory is gone by then.
 *
 * Both reuse the last build's work where the pages allow it: each page's bytes are hashed once
 * (and not read at all when it is the file the last build hashed: src/build/page-hashes.ts);
 * the output check re-examines only pages whose bytes changed, and each part of the search index
 * none of whose pages changed is put back from the last build (Pagefind cannot update an index in
 * part, so the index is written in parts; see src/build/search-cache.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { CACHE_FOLDERS, cacheRoot } from '../content/cache.ts';
import type { Problem } from '../model/schemas.ts';
import { filesBelow } from './files-below.ts';
import { LINK_SOURCES_STEP, LinkSourcesReportSchema, type LinkSource } from './link-sources.ts';
import { hashPages, pageHashesFile } from './page-hashes.ts';
import type { EarlyReadings, SearchIndexResult } from '../site/search-index.ts';
import { startSiteSearch } from './search-cache.ts';
import { readStepReport, type StepStats } from './stats.ts';

export interface FinishOptions {
  outDir: string;
  base: string;
  contentDir: string;
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** The build's step folder, where `rolebook check` left the documents' links (src/build/link-sources.ts). */
  stepReports?: string;
  /** Pages a search index part holds on average (src/site/search-index.ts) when not the default. */
  searchPartSize?: number;
  /** Search parts Pagefind began reading while Astro rendered (src/build/search-ahead.ts). */
  early?: EarlyReadings;
}

export interface FinishResult {
  /** 0, or 1 when the output must not be published. */
  exitCode: number;
  steps: Pick<StepStats, 'outputCheck' | 'searchIndex'>;
}

export async function finishBuild(options: FinishOptions): Promise<FinishResult> {
  const cache = cacheRoot(options.cwd);
  const started = performance.now();
  // Listed and hashed once, for the search index's parts and the output check.
  const files = filesBelow(options.outDir);
  const { htmlHashes, searchable, read } = hashPages(options.outDir, files, pageHashesFile(cache));
  // Pagefind, the longer of this step's two jobs, is set reading before the output check starts
  // (whose work on this thread would hold up its requests); this thread then steps back, so
  // Pagefind gets the CPU first and the output check fills in. To the lowest priority: a Pagefind
  // started beside Astro inherited a lowered one (src/build/search-ahead.ts).
  const starting = startSiteSearch({ siteDir: options.outDir, cacheFolder: path.join(cache, CACHE_FOLDERS.search), htmlHashes, searchable, pagesPerPart: options.searchPartSize, early: options.early });
  await starting.catch(() => {});
  const indexing = starting.then((search) => search.finished).then((result) => ({ result, ms: Math.round(performance.now() - started) }));
  yieldCpu();
  const [indexed, verified] = await Promise.allSettled([indexing, timed(verifyOutput(options, path.join(cache, CACHE_FOLDERS.outputCheck), files, htmlHashes))]);
  let exitCode = 0;
  const steps: FinishResult['steps'] = {};
  if (verified.status === 'rejected') {
    options.err(`rolebook build: ${errorMessage(verified.reason)}`);
    exitCode = 1;
  } else {
    const { result, ms } = verified.value;
    steps.outputCheck = { ms, ...result.counts, pagesRead: read };
    const reuse = result.counts.reused > 0 ? ` (${result.counts.scanned} scanned, ${result.counts.reused} unchanged since the last build)` : '';
    options.out(`Output checked: ${result.counts.pages} pages${reuse} in ${seconds(ms)} s. ${result.lines.join(' ')}`);
    if (result.failure) {
      options.err(result.failure);
      exitCode = 1;
    }
  }
  if (indexed.status === 'rejected') {
    options.err(`rolebook build: ${errorMessage(indexed.reason)}`);
    exitCode = 1;
  } else {
    const { result, ms } = indexed.value;
    const { pageCount, parts, partsReused, pagesIndexed, partsReadEarly } = result;
    steps.searchIndex = { ms, pages: pageCount, htmlFiles: htmlHashes.size, reused: partsReused === parts, parts, partsReused, pagesIndexed, partsReadEarly };
    options.out(searchIndexLine(result, htmlHashes.size, ms));
  }
  return { exitCode, steps };
}

/** The search step's line in the build log: what was indexed in this build, and what was put back. */
function searchIndexLine({ pageCount, parts, partsReused, pagesIndexed }: SearchIndexResult, htmlFiles: number, ms: number): string {
  const time = `${seconds(ms)} s`;
  if (partsReused === parts) return `Search index reused: ${pageCount} pages (of ${htmlFiles} HTML files), no page changed since the last build, in ${time}.`;
  if (partsReused === 0) return `Search index built: ${pageCount} pages indexed (of ${htmlFiles} HTML files) in ${time}.${parts > 1 ? ` ${parts} parts.` : ''}`;
  return `Search index built: ${pagesIndexed} pages indexed (of ${htmlFiles} HTML files) in ${time}; ${pageCount - pagesIndexed} more, in ${partsReused} of its ${parts} parts, unchanged since the last build.`;
}

interface Verification {
  counts: { pages: number; scanned: number; reused: number };
  /** What was checked, for the build log. */
  lines: string[];
  /** Printed last when the output must not be published. */
  failure?: string;
}

async function verifyOutput(options: FinishOptions, cacheFolder: string, files: readonly string[], htmlHashes: ReadonlyMap<string, string>): Promise<Verification> {
  // Loaded once Pagefind is already at work: they are not needed to start it.
  const [{ formatProblems }, { CspCheck, writeSecurityHeaders }, { checkLinks }, { OutputScanCache }] = await Promise.all([
    import('../report/reporters.ts'),
    import('./csp-check.ts'),
    import('./link-check.ts'),
    import('./output-cache.ts'),
  ]);
  const documents = await documentLinks(options);
  const csp = new CspCheck();
  const scans = new OutputScanCache(cacheFolder, htmlHashes);
  const problems: Problem[] = await checkLinks({ outDir: options.outDir, base: options.base, documents, files, check: scans.check, inspect: csp.inspect });
  await scans.save();
  const counts = { pages: csp.pageCount, ...scans.counts() };
  const lines: string[] = [];
  const cspProblem = csp.problem();
  if (cspProblem) return { counts, lines, failure: `rolebook build: ${cspProblem}` };
  const headersWarning = await writeSecurityHeaders(options.outDir);
  lines.push(
    headersWarning
      ? `Content-Security-Policy on every page. Warning: ${headersWarning}`
      : 'Content-Security-Policy on every page; security headers in _headers.',
  );
  if (problems.length === 0) {
    lines.push('All internal links and anchors resolve.');
    return { counts, lines };
  }
  // The same lines as `rolebook check`, so editors and CI annotate them the same way.
  options.err(formatProblems(problems, 'text', { cwd: options.cwd, documentCount: documents.length }));
  return {
    counts,
    lines,
    failure:
      `rolebook build: ${problems.length} broken link${problems.length === 1 ? '' : 's'} (listed above); the site was not published.\n` +
      'Fix each link at the file, line and column above, then build again.',
  };
}

/** Where each document's links were written: as `rolebook check` left them, else from the parse cache. */
async function documentLinks(options: FinishOptions): Promise<LinkSource[]> {
  const handed = options.stepReports ? await readStepReport(options.stepReports, LINK_SOURCES_STEP, LinkSourcesReportSchema) : undefined;
  if (handed) return handed.documents;
  // `rolebook check` filled the parse cache at the start of this build: this reads it, parses nothing.
  const { loadContent } = await import('../content/load.ts');
  return (await loadContent(options.contentDir, { base: options.base })).documents;
}

/** Lowers this thread's priority to the lowest (children started before keep theirs); best effort. */
function yieldCpu(): void {
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted here: the two steps just share the CPU evenly.
  }
}

/** The step's result with its duration in milliseconds, for the build log and the stats file. */
async function timed<T>(step: Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await step;
  return { result, ms: Math.round(performance.now() - started) };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
