/**
 * Turns content problems into the text a person, GitHub Actions or another tool reads.
 * The check command, the build and the dev server all print through here, so a content owner sees
 * the same words wherever a problem shows up.
 */
import path from 'node:path';
import { sortProblems } from '../model/problems.ts';
import { ruleUrl } from '../model/rules.ts';
import type { Problem } from '../model/schemas.ts';

export { sortProblems };

export type ReportFormat = 'text' | 'github' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'github', 'json'];

export interface ReportOptions {
  /** Paths are printed relative to this folder (the repository root in CI, so annotations land on the right file). */
  cwd: string;
  /** How many documents were checked, for the summary. */
  documentCount: number;
  /** The site's base path and public URL, for links to the rule reference. Default base `/`. */
  site?: { base: string; url?: string };
}


/** `content/roles/x.md`, with `/` separators on every platform. */
export function relativePath(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return relative.split(path.sep).join('/');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `✖ 2 errors, 1 warning in 14 documents`, or `✔ 14 documents checked, no problems`. */
export function summarize(problems: readonly Problem[], documentCount: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return `✔ ${plural(documentCount, 'document')} checked, no problems`;
  const symbol = errors > 0 ? '✖' : '⚠';
  return `${symbol} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(documentCount, 'document')}`;
}

/** One problem the way compilers print them: `path:line:col: error: message [rule-id]`. */
export function formatProblemLine(problem: Problem, cwd: string): string {
  const file = relativePath(problem.file, cwd);
  return `${file}:${problem.line}:${problem.column}: ${problem.severity}: ${oneLine(problem.message)} [${problem.ruleId}]`;
}

/** A message spread over several lines would break `file:line:col` parsers (editors, CI); keep it on one. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * Escaping from the workflow-commands spec (actions/toolkit `command.ts`): the message may not
 * contain raw `%`, CR or LF; property values additionally may not contain `:` or `,`.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=content/x.md,line=3,col=5,title=rolebook skill-level-above-scale::message`: the rule id is the title. */
export function formatGithubAnnotation(problem: Problem, cwd: string): string {
  const properties = [
    `file=${escapeProperty(relativePath(problem.file, cwd))}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(`rolebook ${problem.ruleId}`)}`,
  ].join(',');
  return `::${problem.severity} ${properties}::${escapeData(problem.message)}`;
}

export interface JsonReport {
  documents: number;
  errors: number;
  warnings: number;
  /** Each problem with where its rule is explained (the guide's rule reference). */
  problems: (Problem & { explanation: string })[];
}

export function buildJsonReport(problems: readonly Problem[], options: ReportOptions): JsonReport {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  return {
    documents: options.documentCount,
    errors,
    warnings: sorted.length - errors,
    problems: sorted.map((p) => ({
      file: relativePath(p.file, options.cwd),
      line: p.line,
      column: p.column,
      severity: p.severity,
      message: p.message,
      ruleId: p.ruleId,
      explanation: ruleUrl(p.ruleId, { base: options.site?.base ?? '/', ...(options.site?.url ? { site: options.site.url } : {}) }),
    })),
  };
}

/**
 * The whole report as one string without a trailing newline (print it with `console.log`).
 * `text` and `github` end with the summary line; `json` is a single pretty-printed object.
 */
export function formatProblems(problems: Problem[], format: ReportFormat, options: ReportOptions): string {
  if (format === 'json') return JSON.stringify(buildJsonReport(problems, options), null, 2);
  const sorted = sortProblems(problems);
  const lines =
    format === 'github'
      ? sorted.map((p) => formatGithubAnnotation(p, options.cwd))
      : sorted.map((p) => formatProblemLine(p, options.cwd));
  // The summary is a plain log line in GitHub too: it is not a workflow command, so it just prints.
  lines.push(summarize(sorted, options.documentCount));
  return lines.join('\n');
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
