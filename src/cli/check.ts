/** `rolebook check [DIR]`: validates every document; exit 1 on any error. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { LINK_SOURCES_STEP, linkSourcesOf } from '../build/link-sources.ts';
import { writeStepStats } from '../content/cache.ts';
import { loadContent } from '../content/load.ts';
import { findStaleDocuments } from '../git/freshness.ts';
import { formatProblems, isReportFormat } from '../report/reporters.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

export async function runCheck({ values, positionals }: ParsedOptions, io: Io): Promise<number> {
  const format = String(values.format);
  if (!isReportFormat(format)) throw new UsageError(`unknown format “${format}”; use text, github or json.`);
  if (positionals.length > 1) throw new UsageError('check takes one content folder.');
  const config = loadConfig(io.cwd);
  const contentRoot = positionals[0] ? path.resolve(io.cwd, positionals[0]) : config.contentDir;
  if (!existsSync(contentRoot) || !statSync(contentRoot).isDirectory()) {
    throw new UsageError(`no such folder: ${path.relative(io.cwd, contentRoot) || contentRoot}`);
  }
  // Rendered with the site's base, so the parse cache it fills is exactly what `astro build` reads
  // next: `npm run build` parses every document once, not twice.
  const result = await loadContent(contentRoot, { base: config.base });
  writeStepStats('check', result.stats);
  // Within `rolebook build`: the output check, two steps on, reads these instead of every document.
  writeStepStats(LINK_SOURCES_STEP, linkSourcesOf(result.documents));
  const problems = [...result.problems];
  if (values.stale) {
    problems.push(
      ...(await findStaleDocuments(result.documents, { contentRoot, staleAfterMonths: config.staleAfterMonths })),
    );
  }
  const documentCount = result.stats.parsed + result.stats.cached;
  const site = { base: config.base, ...(config.site ? { url: config.site } : {}) };
  io.out(formatProblems(problems, format, { cwd: io.cwd, documentCount, site }));
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}
