/**
 * Skipping `astro build` when nothing it reads has changed since the last successful build — what
 * task runners such as Turborepo and Nx do for a task whose inputs hash the same. Astro's
 * incremental build already copies unchanged pages, but it still bundles the site, loads every
 * document and works out every page's key: most of a rebuild with nothing changed.
 *
 * The inputs are everything the pages can show or be built with: every file of the content folder
 * (documents, includes, glossary, pictures), the project's code (src/, plugins/, public/, the Astro
 * and TypeScript config, package.json and the lockfile), the config file, the git history the
 * pages show, the day (review status moves with the calendar), Node's version and every
 * `ROLEBOOK_*` setting. The record is written only after a whole build succeeded, and the output
 * folder must still be as that build left it (every file's size and modification time); anything
 * else, and Astro runs as usual. Deleting the cache folder removes the record: a clean build.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheRoot, STEP_STATS_VARIABLE } from '../content/cache.ts';
import { projectRoot } from '../content/project-root.ts';
import { isoDay } from '../git/dates.ts';
import { filesBelow } from './files-below.ts';

const RECORD_FILE = 'last-build.json';
const PROJECT_FOLDERS = ['src', 'plugins', 'public'];
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

export interface UnchangedBuildRecord {
  inputs: string;
  /** The part of `inputs` that is files (content, code, config): when it differs, the build has changed whatever git says. */
  files?: string;
  /** What `astro build` reported, so a skipped step can say what it kept. */
  pages: number;
  dataFiles: number;
  /** Every file of the output folder: size and modification time. */
  output: Record<string, [number, number]>;
}

/**
 * Git's own folder (or a submodule's `.git` file) is no input: the history the pages show is hashed
 * on its own. A content folder that is a repository's root (`ROLEBOOK_CONTENT=../playbooks`) would
 * otherwise have every object git keeps read and hashed at every build.
 */
const NOT_INPUTS: ReadonlySet<string> = new Set(['.git']);

function hashFolder(hash: ReturnType<typeof createHash>, label: string, root: string): void {
  for (const file of filesBelow(root, NOT_INPUTS)) hashBytesOf(hash.update(`\0${label}/${file}\0`), path.join(root, file));
}

/**
 * Feeds a file's bytes to `hash` through one buffer reused for every file: reading each whole file
 * into a buffer of its own grew the build process by ≈ 16 MB for a 1,000-document site's ≈ 1,200
 * input files, memory it kept while Astro built.
 */
const chunk = Buffer.allocUnsafe(64 * 1024);
function hashBytesOf(hash: ReturnType<typeof createHash>, file: string): void {
  const fd = openSync(file, 'r');
  try {
    for (let read: number; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** The hash of everything `astro build` reads for this build. */
export function buildInputs(options: { contentDir: string; historyFile: string; configFile: string; now?: Date }): string {
  return hashBuildInputs(options).withHistory(options.historyFile);
}

/**
 * The same in two steps: the files first, while git is still reading the history (`rolebook
 * build` hashes them meanwhile), then the history and the rest. `files` is the hash of the files
 * alone (see `LastBuild.filesChanged`).
 */
export function hashBuildInputs(options: { contentDir: string; configFile: string; now?: Date }): { files: string; withHistory(historyFile: string): string } {
  const hash = createHash('sha256');
  hashFolder(hash, 'content', options.contentDir);
  for (const folder of PROJECT_FOLDERS) hashFolder(hash, folder, path.join(projectRoot, folder));
  const files: [string, string][] = [...PROJECT_FILES.map((name): [string, string] => [name, path.join(projectRoot, name)]), ['config', options.configFile]];
  for (const [label, file] of files) hashFile(hash, label, file);
  return {
    files: hash.copy().digest('hex'),
    withHistory(historyFile) {
      // Labelled by role, not path: the history file is written to a new temporary folder each build.
      hashFile(hash, 'git history', historyFile);
      const settings = Object.entries(process.env).filter(([name]) => name.startsWith('ROLEBOOK_') && name !== STEP_STATS_VARIABLE).sort();
      hash.update(JSON.stringify({ day: isoDay(options.now ?? new Date()), node: process.version, settings }));
      return hash.digest('hex');
    },
  };
}

function hashFile(hash: ReturnType<typeof createHash>, label: string, file: string): void {
  hash.update(`\0${label}\0`);
  if (existsSync(file)) hashBytesOf(hash, file);
  else hash.update('missing');
}

function outputFiles(outDir: string): Record<string, [number, number]> {
  const files: Record<string, [number, number]> = {};
  for (const file of filesBelow(outDir)) {
    const stat = statSync(path.join(outDir, file));
    files[file] = [stat.size, stat.mtimeMs];
  }
  return files;
}

const recordFile = (cwd: string) => path.join(cacheRoot(cwd), RECORD_FILE);

function readRecord(cwd: string): UnchangedBuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordFile(cwd), 'utf8')) as UnchangedBuildRecord;
  } catch {
    return undefined;
  }
}

/** Whether the output folder holds exactly the files `record` says the last build left, each with its size and modification time. */
function outputUntouched(record: UnchangedBuildRecord, outDir: string): boolean {
  if (!record.output) return false;
  const now = outputFiles(outDir);
  const names = Object.keys(record.output);
  if (names.length === 0 || names.length !== Object.keys(now).length) return false;
  return names.every((name) => now[name]?.[0] === record.output[name]![0] && now[name]?.[1] === record.output[name]![1]);
}

/**
 * What a build needs to know of the last successful one, from its record, read once (at 1,000
 * documents it lists ≈ 2,600 output files), the output folder listed at most once.
 */
export interface LastBuild {
  /** Whether the last build succeeded and left its record (a first build, or one after a failure, has none). */
  readonly recorded: boolean;
  /**
   * Whether its files (`hashBuildInputs(…).files`) were not these: then this build has changed,
   * known before git's history is read. False without a record or when the files are the same
   * (only the history, the day or the settings can tell).
   */
  filesChanged(files: string): boolean;
  /** Its record when its inputs were `inputs` and the output folder is untouched since. */
  unchanged(inputs: string): UnchangedBuildRecord | undefined;
  /** Whether the output folder is as it left it (whatever changed in the inputs since). */
  outputAsBuilt(): boolean;
}

export function lastBuild(cwd: string, outDir: string): LastBuild {
  const record = readRecord(cwd);
  let untouched: boolean | undefined;
  const outputAsBuilt = () => (untouched ??= !!record && outputUntouched(record, outDir));
  return {
    recorded: record !== undefined,
    filesChanged: (files) => typeof record?.files === 'string' && record.files !== files,
    unchanged: (inputs) => (record?.inputs === inputs && outputAsBuilt() ? record : undefined),
    outputAsBuilt,
  };
}

/** Before Astro runs: a build that fails from here on must not leave a record of the last one. */
export function forgetBuild(cwd: string): void {
  rmSync(recordFile(cwd), { force: true });
}

/** After a whole build succeeded. */
export function rememberBuild(cwd: string, record: Omit<UnchangedBuildRecord, 'output'>, outDir: string): void {
  writeFileSync(recordFile(cwd), JSON.stringify({ ...record, output: outputFiles(outDir) }));
}
