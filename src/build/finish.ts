/**
 * The last step of a build, after `astro build` has exited: the Pagefind index is written while the
 * output is checked (every internal link and anchor resolves, every page carries its
 * Content-Security-Policy). Pagefind works in its own process, so the two overlap on two cores;
 * neither overlaps the Astro process, whose memory is gone by then.
 */
import os from 'node:os';
import type { Problem } from '../model/schemas.ts';
import { buildSearchIndex } from '../site/search-index.ts';

export interface FinishOptions {
  outDir: string;
  base: string;
  contentDir: string;
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

/** Returns the process exit code: 0, or 1 when the output must not be published. */
export async function finishBuild(options: FinishOptions): Promise<number> {
  // Starting the index spawns the Pagefind process, which does the longer of the two jobs; then
  // this thread (the output check) steps back, so Pagefind gets the CPU first and the check fills in.
  const indexing = timed(buildSearchIndex(options.outDir));
  yieldCpu();
  const [indexed, verified] = await Promise.allSettled([indexing, timed(verifyOutput(options))]);
  let exitCode = 0;
  if (verified.status === 'rejected') {
    options.err(`rolebook build: ${errorMessage(verified.reason)}`);
    exitCode = 1;
  } else {
    const { result, seconds } = verified.value;
    for (const line of result.lines) options.out(line);
    if (result.failure) {
      options.err(result.failure);
      exitCode = 1;
    } else {
      options.out(`Output checked in ${seconds} s.`);
    }
  }
  if (indexed.status === 'rejected') {
    options.err(`rolebook build: ${errorMessage(indexed.reason)}`);
    exitCode = 1;
  } else {
    const { result, seconds } = indexed.value;
    options.out(`Search index built: ${result.pageCount} pages indexed (of ${result.fileCount} HTML files) in ${seconds} s.`);
  }
  return exitCode;
}

interface Verification {
  /** What was checked, for the build log. */
  lines: string[];
  /** Printed last when the output must not be published. */
  failure?: string;
}

async function verifyOutput(options: FinishOptions): Promise<Verification> {
  // Loaded once Pagefind is already at work: they are not needed to start it.
  const [{ formatProblems }, { loadContent }, { CspCheck, writeSecurityHeaders }, { checkLinks }] = await Promise.all([
    import('../report/reporters.ts'),
    import('../content/load.ts'),
    import('./csp-check.ts'),
    import('./link-check.ts'),
  ]);
  // `rolebook check` filled the parse cache at the start of this build: this reads it, parses nothing.
  const { documents } = await loadContent(options.contentDir, { base: options.base });
  const csp = new CspCheck();
  const problems: Problem[] = await checkLinks({ outDir: options.outDir, base: options.base, documents, inspect: csp.inspect });
  const lines: string[] = [];
  const cspProblem = csp.problem();
  if (cspProblem) return { lines, failure: `rolebook build: ${cspProblem}` };
  const headersWarning = await writeSecurityHeaders(options.outDir);
  lines.push(
    headersWarning
      ? `Content-Security-Policy checked on ${csp.pageCount} pages. Warning: ${headersWarning}`
      : `Content-Security-Policy checked on ${csp.pageCount} pages; security headers in _headers.`,
  );
  if (problems.length === 0) {
    lines.push('All internal links and anchors resolve.');
    return { lines };
  }
  // The same lines as `rolebook check`, so editors and CI annotate them the same way.
  options.err(formatProblems(problems, 'text', { cwd: options.cwd, documentCount: documents.length }));
  return {
    lines,
    failure:
      `rolebook build: ${problems.length} broken link${problems.length === 1 ? '' : 's'} (listed above); the site was not published.\n` +
      'Fix each link at the file, line and column above, then build again.',
  };
}

/** Lowers this thread's priority (children started before keep theirs); best effort. */
function yieldCpu(): void {
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here: the two steps just share the CPU evenly.
  }
}

/** The step's result with its duration, for the build log (and the benchmark, which reads it). */
async function timed<T>(step: Promise<T>): Promise<{ result: T; seconds: string }> {
  const started = performance.now();
  const result = await step;
  return { result, seconds: ((performance.now() - started) / 1000).toFixed(1) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
