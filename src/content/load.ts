/**
 * Loads a content folder: finds the documents (never the `includes/` fragments), runs each through
 * the pipeline, and returns every model, its HTML, and every problem — all at once, so one bad
 * document never hides the others.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { termLookups, termsMarkedIn } from '../model/glossary-terms.ts';
import { withTrailingSlash } from '../model/paths.ts';
import type { RuleId } from '../model/rules.ts';
import type { GlossaryEntry, Problem } from '../model/schemas.ts';
import { hashBytes } from './cache.ts';
import { decodeText } from '../../plugins/lib/decode.ts';
import { loadGlossary } from './glossary.ts';
import { idForPath, toPosix } from '../../plugins/lib/ids.ts';
import { buildModel } from './model.ts';
import type { createModelProcessor, createRenderProcessor, PipelineOptions } from './pipeline.ts';
import type { ContentLoadResult, DocumentPlaces, ParsedFile } from '../model/rendered.ts';
export type { ParsedFile };
import { projectRoot } from './project-root.ts';
import { assembleContent, openCacheAndGlossary, type LoadOptions, type OpenedCache, type ParseFilesOptions } from './assemble.ts';
export { findDocuments, type LoadOptions, type ParseFilesOptions } from './assemble.ts';

/** Larger markdown files are refused: no real guide comes close, and parsing stays bounded. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const WORKER_FILE = path.join(projectRoot, 'src/content/worker.ts');

type Processor = ReturnType<typeof createModelProcessor> | ReturnType<typeof createRenderProcessor>;

/**
 * Loads and checks every document of a content folder, from the parse cache where it holds. The
 * glossary too: what reading its files gave is kept beside the parse cache with the files' hashes,
 * and taken from there while they are unchanged (its parse is ≈ 0.2 s of a one-change check at
 * 1,000 documents); so a load which finds everything cached needs no parser at all
 * (src/content/load-from-cache.ts).
 */
export async function loadContent(contentRoot: string, options: LoadOptions = {}): Promise<ContentLoadResult> {
  const started = performance.now();
  const root = path.resolve(contentRoot);
  return loadOpened(root, options, await openCacheAndGlossary(root, options), started);
}

/** `loadContent` of `root` once its cache is open (`openCacheAndGlossary`); `started` is when the load began. */
export async function loadOpened(root: string, options: LoadOptions, { cache, glossaryFiles, keptGlossary }: OpenedCache, started: number): Promise<ContentLoadResult> {
  let glossary = keptGlossary;
  if (!glossary) {
    glossary = await loadGlossary(root);
    cache?.keepGlossary({ files: glossaryFiles, ...glossary });
  }
  return assembleContent(root, options, cache, glossary, parseMissing, started);
}

/** Parses `files` on both cores when there are enough of them to pay for a second thread. */
export async function parseMissing(files: string[], options: ParseFilesOptions, parallelThreshold = 200): Promise<{ parsed: ParsedFile[]; threads: number }> {
  const threads = files.length >= parallelThreshold && existsSync(WORKER_FILE) ? 2 : 1;
  const job: ParseJob = { files, next: new SharedArrayBuffer(4) };
  return { parsed: threads === 2 ? await parseInTwoThreads(job, options) : await parseClaimed(job, options), threads };
}

/**
 * The documents to parse, shared by the threads that parse them: each thread claims the next index
 * from `next` (an atomic counter), so a thread that starts late or gets slower documents never
 * leaves the other one waiting at the end.
 */
export interface ParseJob {
  files: string[];
  next: SharedArrayBuffer;
}

/** Parses the documents this thread claims from `job`; results in `job.files` order, with holes where the other thread parsed. */
export async function parseClaimed(job: ParseJob, options: ParseFilesOptions): Promise<ParsedFile[]> {
  // Nothing to parse (a warm cache): the pipeline is not even loaded.
  if (job.files.length === 0) return [];
  const processor = await createProcessor(options);
  const terms = new Set(options.glossary.map((entry) => entry.term));
  const isTerm = (term: string) => terms.has(term);
  const next = new Int32Array(job.next);
  const results: ParsedFile[] = [];
  for (let index = Atomics.add(next, 0, 1); index < job.files.length; index = Atomics.add(next, 0, 1)) {
    results[index] = await parseWith(processor, job.files[index]!, options.contentRoot, options.render, isTerm);
  }
  return results;
}

/** This thread and one worker thread (2 cores here) parse `job` together. */
async function parseInTwoThreads(job: ParseJob, options: ParseFilesOptions): Promise<ParsedFile[]> {
  const worker = new Worker(WORKER_FILE, { workerData: options });
  try {
    const fromWorker = new Promise<ParsedFile[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the parser thread stopped early (exit code ${code})`)));
    });
    worker.postMessage(job);
    const local = await parseClaimed(job, options);
    const remote = await fromWorker;
    return job.files.map((_, index) => local[index] ?? remote[index]!);
  } finally {
    await worker.terminate();
  }
}

/** The markdown pipeline is loaded only when something needs parsing: reading a warm cache (the
 * Astro build, the output check) never pays for it. */
async function createProcessor(options: ParseFilesOptions): Promise<Processor> {
  const { createModelProcessor, createRenderProcessor } = await import('./pipeline.ts');
  const pipeline: PipelineOptions = { contentRoot: options.contentRoot, base: options.base, glossary: options.glossary };
  return options.render ? createRenderProcessor(pipeline) : createModelProcessor(pipeline);
}

/** Parses `files` in order with one processor, in this thread alone. */
export function parseFiles(files: string[], options: ParseFilesOptions): Promise<ParsedFile[]> {
  return parseClaimed({ files, next: new SharedArrayBuffer(4) }, options);
}

/** Parses one document of a content folder (used by `rolebook parse` and the tests). */
export async function parseDocument(
  file: string,
  options: { contentRoot: string; base?: string; glossary?: GlossaryEntry[]; render?: boolean },
): Promise<ParsedFile> {
  const root = path.resolve(options.contentRoot);
  const [parsed] = await parseFiles([path.resolve(file)], {
    contentRoot: root,
    base: withTrailingSlash(options.base ?? '/'),
    render: options.render !== false,
    glossary: options.glossary ?? (await loadGlossary(root)).entries,
  });
  return parsed!;
}

async function parseWith(processor: Processor, file: string, root: string, render: boolean, isTerm: (term: string) => boolean): Promise<ParsedFile> {
  const problem = (message: string, ruleId: RuleId, line = 1, column = 1): ParsedFile => ({
    problems: [{ file, line, column, severity: 'error', message, ruleId }],
    includes: [],
  });
  const size = statSync(file).size;
  if (size === 0) return problem('The file is empty. A document needs front matter and a “# Title”.', 'file-empty');
  if (size > MAX_DOCUMENT_BYTES) {
    return problem(`The file is ${Math.round(size / 1024)} KB; documents are limited to ${MAX_DOCUMENT_BYTES / 1024} KB.`, 'file-too-large');
  }
  const bytes = readFileSync(file);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return decoded.reason === 'binary'
      ? problem('This is a binary file, not markdown text.', 'file-binary', decoded.line, decoded.column)
      : problem('The file is not valid UTF-8 text. Save it as UTF-8 in your editor.', 'file-encoding', decoded.line, decoded.column);
  }
  const vfile = new VFile({ path: file, value: decoded.text });
  const relative = toPosix(path.relative(root, file));
  let html = '';
  try {
    const tree = processor.parse(vfile);
    const transformed = await processor.run(tree, vfile);
    if (render) html = String(processor.stringify(transformed as never, vfile));
  } catch (error) {
    // A plugin refused the document (too deep, too complex…): its message, and those before it, say why.
    if (isRefusal(error)) {
      const messages = vfile.messages.includes(error) ? vfile.messages : [...vfile.messages, error];
      return {
        problems: messages.map((message) => toProblem(message, file)),
        includes: vfile.data.includes ?? [],
        linkTargets: vfile.data.linkTargets ?? {},
        glossaryLookups: vfile.data.glossaryLookups ?? {},
      };
    }
    return problem(`Rolebook could not read this file: ${(error as Error).message}`, 'internal-error');
  }
  // Pictures and files the page refers to count as includes for the cache: adding a missing one re-checks the page.
  const includes = [...(vfile.data.includes ?? []), ...(vfile.data.localFileDependencies ?? [])];
  const linkTargets = vfile.data.linkTargets ?? {};
  const glossaryLookups = vfile.data.glossaryLookups ?? {};
  const model = buildModel(vfile, {
    id: idForPath(relative),
    source: relative,
    includes: (vfile.data.includes ?? []).map((include) => toPosix(path.relative(root, include))),
  });
  const problems = vfile.messages.map((message) => toProblem(message, file));
  // A skill catalog entry has no model yet (buildModel says so with a warning); it is not a broken document.
  if (!model && vfile.data.kind !== 'skill' && !vfile.messages.some((message) => message.fatal)) {
    problems.push({ file, line: 1, column: 1, severity: 'error', message: 'This document could not be read as a role guide or a playbook.', ruleId: 'model-missing' });
  }
  if (!model || problems.some((entry) => entry.severity === 'error')) return { problems, includes, linkTargets, glossaryLookups };
  return {
    problems,
    includes,
    linkTargets,
    glossaryLookups,
    document: {
      model,
      html,
      htmlHash: hashBytes(JSON.stringify(html)),
      markedTerms: termsMarkedIn(html, isTerm),
      headings: vfile.data.headings ?? [],
      files: [file, ...(vfile.data.includes ?? [])],
      links: vfile.data.links ?? [],
      references: vfile.data.references ?? [],
      missingSections: vfile.data.missingSections ?? [],
      localFiles: vfile.data.localFiles ?? [],
      places: placesOf(vfile),
      termLookups: termLookups(model),
    },
  };
}

/** A fatal message a Rolebook plugin threw on purpose (see `refuse` in plugins/lib/report.ts). */
function isRefusal(error: unknown): error is VFileMessage {
  return error instanceof VFileMessage && error.fatal === true && error.source === 'rolebook' && !!error.ruleId;
}

/** Where the parts read across documents are written: the catalog step's, and `ms.date` for the review check. */
function placesOf(vfile: VFile): DocumentPlaces | undefined {
  const data = vfile.data;
  const positions = data.frontMatter?.positions;
  const date = positions?.['ms.date'] ? { date: positions['ms.date'].key } : {};
  if (data.kind === 'role-guide') return { skills: data.skillPlaces ?? [], ...date };
  if (data.kind !== 'skill') return positions?.['ms.date'] ? date : undefined;
  const title = positions?.title?.key ?? { line: (data.frontMatter?.lineCount ?? 0) + 1, column: 1 };
  return { title, ...(positions?.aliases ? { aliases: positions.aliases.key } : {}), ...date };
}

function toProblem(message: VFileMessage, fallbackFile: string): Problem {
  return {
    file: message.file || fallbackFile,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
    // Every Rolebook message has a rule id; one without is a bug, and says so.
    ruleId: message.ruleId ?? ('internal-error' satisfies RuleId),
  };
}
