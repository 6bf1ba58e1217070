/** `rolebook parse FILE… [--content-root DIR]`: the models of the given files as a JSON array. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { loadGlossary } from '../content/glossary.ts';
import { parseDocument } from '../content/load.ts';
import { formatProblems } from '../report/reporters.ts';
import { UsageError, type Io, type ParsedOptions } from './io.ts';

export async function runParse({ values, positionals }: ParsedOptions, io: Io): Promise<number> {
  if (positionals.length === 0) throw new UsageError('name at least one markdown file to parse.');
  const files = positionals.map((file) => path.resolve(io.cwd, file));
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${path.relative(io.cwd, file) || file}`);
  }
  const contentRoot = path.resolve(io.cwd, (values['content-root'] as string | undefined) ?? defaultContentRoot(files, io.cwd));
  const glossary = (await loadGlossary(contentRoot)).entries;
  const models = [];
  const problems = [];
  for (const file of files) {
    const parsed = await parseDocument(file, { contentRoot, glossary, render: false });
    problems.push(...parsed.problems);
    if (parsed.document) models.push(parsed.document.model);
  }
  io.out(JSON.stringify(models, null, 2));
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (problems.length > 0) io.err(formatProblems(problems, 'text', { cwd: io.cwd, documentCount: files.length }));
  return errors.length > 0 ? 1 : 0;
}

/**
 * Without --content-root, includes may reach anywhere inside the configured content folder when the
 * files are in it, else inside the nearest folder named `content` above them, else their own folder.
 */
function defaultContentRoot(files: string[], cwd: string): string {
  const inside = (folder: string) => files.every((file) => !path.relative(folder, file).startsWith('..'));
  const configured = loadConfig(cwd).contentDir;
  if (inside(configured)) return configured;
  const parts = path.dirname(files[0]!).split(path.sep);
  const content = parts.lastIndexOf('content');
  const candidate = content > 0 ? parts.slice(0, content + 1).join(path.sep) : path.dirname(files[0]!);
  return inside(candidate) ? candidate : path.dirname(files[0]!);
}
