/**
 * The part of loading content that needs no markdown parser: finding the documents, taking each
 * from the parse cache when nothing it was made from changed, and putting the models and problems
 * together. What is not in the cache is handed to `parse` (src/content/load.ts), so a load that
 * finds everything cached — Astro's, after `rolebook check` filled the cache — never loads the
 * pipeline (src/content/load-from-cache.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { withTrailingSlash } from '../model/paths.ts';
import { sortProblems } from '../model/problems.ts';
import type { GlossaryEntry, Problem } from '../model/schemas.ts';
import type { ContentLoadResult, ParsedFile, RenderedDocument } from '../model/rendered.ts';
import { isFragment, toPosix } from '../../plugins/lib/ids.ts';
import { CACHE_FOLDERS, DocumentCache, cacheRoot, hashBytes, pipelineFingerprint, type CacheEntry } from './cache.ts';
import { linkCatalog } from './catalog.ts';
import { glossaryFileHashes } from './glossary-files.ts';
import { projectRoot } from './project-root.ts';

export interface LoadOptions {
  /** Site base path for links; default `/`. */
  base?: string;
  /** Render HTML as well as the model; default true. `check` and `parse` only need models. */
  render?: boolean;
  /**
   * Folder for the parse cache; default `parse/` in the build's cache folder (`cacheRoot()`:
   * `$ROLEBOOK_CACHE_DIR` or `node_modules/.cache/rolebook`). `false` turns caching off.
   */
  cacheDir?: string | false;
  /** Parse in a second thread when this many documents need parsing; default 200. */
  parallelThreshold?: number;
}

export interface ParseFilesOptions {
  contentRoot: string;
  base: string;
  render: boolean;
  glossary: GlossaryEntry[];
}

/** The glossary as read from its files (src/content/glossary.ts), or as the cache kept it. */
export interface LoadedGlossary {
  entries: GlossaryEntry[];
  problems: Problem[];
}

/** Parses the documents the cache could not give, in a second thread from `parallelThreshold` of them; results in `files` order. */
export type ParseMissing = (files: string[], options: ParseFilesOptions, parallelThreshold?: number) => Promise<{ parsed: ParsedFile[]; threads: number }>;

/**
 * Every markdown document below `contentRoot`, as absolute paths, sorted. Folders whose name starts
 * with a dot or that are `node_modules` hold no document and are not entered: a content folder that
 * is a repository's root would otherwise have every file of `.git` listed at every load.
 */
export async function findDocuments(contentRoot: string): Promise<string[]> {
  const markdown: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') return;
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) await walk(file);
        else if (entry.isFile() && /\.md$/i.test(entry.name)) markdown.push(file);
      }),
    );
  };
  await walk(contentRoot);
  return markdown
    .filter((file) => {
      const relative = toPosix(path.relative(contentRoot, file));
      const segments = relative.split('/');
      return !isFragment(relative) && !/^readme\.md$/i.test(segments.at(-1)!) && segments[0]!.toLowerCase() !== 'glossary';
    })
    .sort();
}

/** The parse cache of a load, and the glossary it kept, looked up by the glossary files' hashes. */
export interface OpenedCache {
  cache: DocumentCache | undefined;
  /** The glossary files' hashes, taken before anything reads them: what a fresh read is kept under. */
  glossaryFiles: Record<string, string>;
  /** The glossary the cache kept, if its files still hash the same. */
  keptGlossary: LoadedGlossary | undefined;
}

/**
 * The start of every load (`loadContent`, and Astro's `loadFromCache`, which falls back to it with
 * this result): the parse cache, the glossary files' hashes (taken before they are read, so a file
 * edited in between makes the kept glossary stale, never wrong) and the glossary kept under them.
 */
export async function openCacheAndGlossary(root: string, options: LoadOptions): Promise<OpenedCache> {
  const cache = openCache(root, options);
  const glossaryFiles = cache ? await glossaryFileHashes(root) : {};
  return { cache, glossaryFiles, keptGlossary: cache?.keptGlossary(glossaryFiles) };
}

/** The parse cache for these options and this pipeline's code; none when caching is off or the sources are not at hand. */
function openCache(root: string, options: LoadOptions): DocumentCache | undefined {
  if (options.cacheDir === false) return undefined;
  const fingerprint = pipelineFingerprint(projectRoot);
  if (!fingerprint) return undefined;
  const folder = options.cacheDir ?? path.join(cacheRoot(projectRoot), CACHE_FOLDERS.parse);
  // Not the glossary: an entry records what it looked up in it, and is checked against that (`expansionOf`).
  const key = hashBytes(JSON.stringify([fingerprint, { contentRoot: root, base: baseOf(options), render: renderOf(options) }]));
  return new DocumentCache(folder, key);
}

/**
 * Every document of `root`: from `cache` where its entry still holds, parsed by `parse` otherwise
 * (and the cache updated), with every problem, the glossary's among them. `started` is when the
 * load began, for its stats.
 */
export async function assembleContent(
  root: string,
  options: LoadOptions,
  cache: DocumentCache | undefined,
  glossary: LoadedGlossary,
  parse: ParseMissing,
  started: number,
): Promise<ContentLoadResult> {
  const parseOptions: ParseFilesOptions = { contentRoot: root, base: baseOf(options), render: renderOf(options), glossary: glossary.entries };
  const files = await findDocuments(root);
  const hashOf = includeHasher();
  const expansions = new Map(glossary.entries.map((entry) => [entry.term, entry.expansion]));
  const expansionOf = (term: string): string | null => expansions.get(term) ?? null;
  const entries = new Map<string, CacheEntry>();
  const toParse: string[] = [];
  const toParseHashes: string[] = [];
  for (const file of files) {
    const hash = hashBytes(readFileSync(file));
    const cached = cache?.get(file, hash, hashOf, expansionOf);
    if (cached) {
      entries.set(file, cached);
    } else {
      toParse.push(file);
      toParseHashes.push(hash);
    }
  }
  const { parsed, threads } = toParse.length > 0 ? await parse(toParse, parseOptions, options.parallelThreshold) : { parsed: [], threads: 1 };
  toParse.forEach((file, index) => entries.set(file, DocumentCache.entry(toParseHashes[index]!, parsed[index]!, hashOf)));
  if (cache && (toParse.length > 0 || !cache.holdsExactly(files))) {
    // In document order, so the file is the same whatever order the threads finished in.
    await cache.save(new Map(files.map((file) => [file, entries.get(file)!])));
  }

  const problems: Problem[] = [...glossary.problems];
  const documents: RenderedDocument[] = [];
  const owners = new Map<string, string>();
  for (const file of files) {
    const result = entries.get(file)!.parsed;
    problems.push(...result.problems);
    if (!result.document) continue;
    const { id } = result.document.model;
    const owner = owners.get(id);
    if (owner) {
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        message: `This document gets the id “${id}”, which ${path.relative(root, owner)} already has. Rename one of the files.`,
        ruleId: 'id-duplicate',
      });
      continue;
    }
    owners.set(id, file);
    documents.push(result.document);
  }
  // Role skills meet the catalog here, where every document is known (and cached ones too).
  const catalog = linkCatalog(documents, root);
  problems.push(...catalog.problems);
  return {
    documents: catalog.documents,
    glossary: glossary.entries,
    problems: sortProblems(problems),
    stats: {
      parsed: toParse.length,
      cached: files.length - toParse.length,
      threads,
      parsedIds: parsed.flatMap((file) => (file.document ? [file.document.model.id] : [])),
      ms: Math.round(performance.now() - started),
    },
  };
}

function baseOf(options: LoadOptions): string {
  return withTrailingSlash(options.base ?? '/');
}

function renderOf(options: LoadOptions): boolean {
  return options.render !== false;
}

/** Hashes of include files, read once per load however many documents include them. */
function includeHasher(): (file: string) => string | undefined {
  const hashes = new Map<string, string | undefined>();
  return (file) => {
    if (!hashes.has(file)) hashes.set(file, isFile(file) ? hashBytes(readFileSync(file)) : undefined);
    return hashes.get(file);
  };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
