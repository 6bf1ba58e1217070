/** `rolebook parse FILE… [--content-root DIR]`: the models of the given files as a JSON array. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { loadGlossary } from '../content/glossary.ts';
import { CATALOG_FOLDER, linkCatalog } from '../content/catalog.ts';
import { findDocuments, parseDocument } from '../content/load.ts';
import { toPosix } from '../../plugins/lib/ids.ts';
import type { RenderedDocument } from '../model/rendered.ts';
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
  const documents: RenderedDocument[] = [];
  const problems = [];
  for (const file of files) {
    const parsed = await parseDocument(file, { contentRoot, glossary, render: false });
    problems.push(...parsed.problems);
    if (parsed.document) documents.push(parsed.document);
  }
  const linked = await withCatalog(documents, files, contentRoot, glossary);
  problems.push(...linked.problems);
  io.out(JSON.stringify(linked.documents.map((document) => document.model), null, 2));
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

/**
 * Role skills get their `skillId` as in `rolebook check` and the site: the content root's catalog
 * (skills/) is read too, but only the named files are printed, with only their own problems.
 */
async function withCatalog(documents: RenderedDocument[], files: string[], contentRoot: string, glossary: Awaited<ReturnType<typeof loadGlossary>>['entries']) {
  const named = new Set(files);
  const catalogFiles = existsSync(path.join(contentRoot, CATALOG_FOLDER))
    ? (await findDocuments(contentRoot)).filter((file) => !named.has(file) && toPosix(path.relative(contentRoot, file)).startsWith(`${CATALOG_FOLDER}/`))
    : [];
  const catalog: RenderedDocument[] = [];
  for (const file of catalogFiles) {
    const parsed = await parseDocument(file, { contentRoot, glossary, render: false });
    if (parsed.document) catalog.push(parsed.document);
  }
  const linked = linkCatalog([...documents, ...catalog], contentRoot);
  return {
    documents: linked.documents.slice(0, documents.length),
    problems: linked.problems.filter((problem) => named.has(problem.file)),
  };
}
