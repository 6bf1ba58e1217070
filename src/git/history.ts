/**
 * Page history read from git at build time. One `git log` over the whole content folder builds a
 * map from file to commits, so thousands of documents cost one process, not one per file.
 * Outside a git repository there is no history and pages fall back to `ms.date`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GitError, insideWorkTree, runGit } from './git.ts';

/**
 * Set by `rolebook build` for `astro build`: a file holding the history it read while the content
 * was being checked. Git then runs from the small build process, not forked from the large Astro
 * one (whose momentary copy showed up as 140 MB more at the build's memory peak).
 */
export const HISTORY_FILE_VARIABLE = 'ROLEBOOK_GIT_HISTORY_FILE';

/** Writes `history` (of `contentDir`) for another process to read with `getGitHistory`. */
export async function saveGitHistory(file: string, contentDir: string, history: GitHistory | undefined): Promise<void> {
  const saved = { contentDir: path.resolve(contentDir), history: history && { ...history, commitsByFile: [...history.commitsByFile] } };
  await writeFile(file, JSON.stringify(saved));
}

function savedGitHistory(contentDir: string): { history: GitHistory | undefined } | undefined {
  const file = process.env[HISTORY_FILE_VARIABLE];
  if (!file || !existsSync(file)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    contentDir: string;
    history: (Omit<GitHistory, 'commitsByFile'> & { commitsByFile: [string, CommitInfo[]][] }) | undefined;
  };
  if (saved.contentDir !== contentDir) return undefined;
  return { history: saved.history && { ...saved.history, commitsByFile: new Map(saved.history.commitsByFile) } };
}

export interface CommitInfo {
  hash: string;
  shortHash: string;
  /** When the change landed (committer date), ISO 8601 with offset. Orders history and "Last updated". */
  date: string;
  /** When the author wrote it, ISO 8601 with offset. */
  authorDate: string;
  author: string;
  /** First line of the commit message. */
  subject: string;
}

export interface GitHistory {
  /** Absolute path of the repository's work tree. */
  repoRoot: string;
  /** The content folder as given, absolute. Keys of `commitsByFile` are below it. */
  contentDir: string;
  /** The content folder's path inside the repository, `/`-separated, with a trailing `/` (`content/`), or `` at the root. */
  contentPrefix: string;
  /** A shallow clone (CI's default depth 1) only knows its last commits: dates may all be the same. */
  shallow: boolean;
  /** URL of the `origin` remote, if any. */
  originUrl?: string;
  /** Absolute file path (joined onto `contentDir`) → the commits that touched it, newest first. */
  commitsByFile: Map<string, CommitInfo[]>;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
const FORMAT = `${RECORD}%H${FIELD}%h${FIELD}%cI${FIELD}%aI${FIELD}%an${FIELD}%s`;

/** `git log` of the content folder's files, of every commit or of `range`, as `parseLog` reads it. */
const logArgs = (range?: string) => ['log', '-z', '--name-only', '--no-color', `--format=${FORMAT}`, ...(range ? [range] : []), '--', '.'];

/**
 * Reads the history of every file under `contentDir`, or `undefined` when the folder is not in a
 * git work tree (or git is missing). Any other git failure is thrown as a `GitError`.
 */
export async function readGitHistory(contentDir: string): Promise<GitHistory | undefined> {
  return (await readGitHistoryFrom(contentDir)).history;
}

/** A history read before, and the commit it was read at (src/build/history-cache.ts keeps one between builds). */
export interface KnownHistory {
  head: string;
  history: GitHistory;
}

/**
 * How a history was had: read whole (`git log` of every commit), the known one as it was (the same
 * commit checked out), or the known one extended by the commits made on top of it.
 */
export type HistoryReuse = 'read' | 'same-commit' | 'extended';

export interface HistoryReading {
  history: GitHistory | undefined;
  /** The commit checked out, when there is one and the clone is not shallow: what a later read may start from. */
  head?: string;
  reuse: HistoryReuse;
}

/**
 * `readGitHistory`, starting from a history read before when it can give exactly what a whole read
 * would: at the same commit, or at a commit that a straight line of new ones (no merge) leads
 * from. `git log` walks a line of single-parent commits one by one before it reaches the known
 * commit, and from there walks on as it did then, so the new commits come first and the rest is
 * the known history unchanged. A merge (which can bring older commits in among the known ones, or
 * leave the known line out of a path's history), history rewritten since, or a shallow clone:
 * read whole. A long-lived content repository has thousands of commits, and `git log` of all of
 * them takes seconds that every build waited for.
 */
export async function readGitHistoryFrom(contentDir: string, known?: KnownHistory): Promise<HistoryReading> {
  const folder = path.resolve(contentDir);
  if (!insideWorkTree(folder)) return { history: undefined, reuse: 'read' };
  // The git commands need nothing of each other: they run side by side (each is a process start).
  const revParsing = revParse(folder);
  // Without a known history, the whole log is what will be needed: asked at once.
  const logging = known ? undefined : readLog(folder);
  const originReading = readOriginUrl(folder);
  // Awaited below once git is known to be there; without git they fail alike, and rev-parse says so.
  logging?.catch(() => {});
  originReading.catch(() => {});
  let where: Awaited<ReturnType<typeof revParse>>;
  try {
    where = await revParsing;
  } catch (error) {
    if (error instanceof GitError && error.gitMissing) return { history: undefined, reuse: 'read' };
    throw error;
  }
  const { repoRoot, contentPrefix, shallow } = where;
  const head = shallow ? undefined : where.head;
  const place = { repoRoot, contentDir: folder, contentPrefix, shallow };
  const usable = known && head && known.history.repoRoot === repoRoot && known.history.contentDir === folder && known.history.contentPrefix === contentPrefix && !known.history.shallow;
  let commitsByFile: Map<string, CommitInfo[]> | undefined;
  let reuse: HistoryReuse = 'read';
  if (usable && known.head === head) {
    commitsByFile = known.history.commitsByFile;
    reuse = 'same-commit';
  } else if (usable) {
    const added = await commitsSince(folder, known.head, head, contentPrefix);
    if (added) {
      commitsByFile = withNewerCommits(added, known.history.commitsByFile);
      reuse = 'extended';
    }
  }
  commitsByFile ??= parseLog(await logOrNone(logging ?? readLog(folder), where.head), folder, contentPrefix);
  return { history: { ...place, originUrl: await originReading, commitsByFile }, ...(head ? { head } : {}), reuse };
}

/**
 * Where the content folder is in its repository, whether the clone is shallow, and the commit
 * checked out: one git process. A repository without commits yet has no HEAD, which fails the
 * whole command; asked again without it then.
 */
async function revParse(folder: string): Promise<{ repoRoot: string; contentPrefix: string; shallow: boolean; head?: string }> {
  const where = ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'];
  let lines: string[];
  try {
    lines = (await runGit([...where, 'HEAD'], { cwd: folder })).split('\n');
  } catch (error) {
    if (!(error instanceof GitError) || error.gitMissing) throw error;
    lines = (await runGit(where, { cwd: folder })).split('\n');
    lines.length = 3;
  }
  const [repoRoot = folder, contentPrefix = '', shallow = 'false', head = ''] = lines;
  return { repoRoot, contentPrefix, shallow: shallow.trim() === 'true', ...(head.trim() ? { head: head.trim() } : {}) };
}

/**
 * The content files' commits from `since` (excluded) to `head`, when `head` is `since` followed by a
 * line of commits with one parent each; otherwise (a merge among them, `since` not behind `head`,
 * `since` gone) undefined. The check and the log run side by side.
 */
async function commitsSince(folder: string, since: string, head: string, contentPrefix: string): Promise<Map<string, CommitInfo[]> | undefined> {
  const range = `${since}..${head}`;
  const lining = runGit(['rev-list', '--parents', range], { cwd: folder });
  const logging = runGit(logArgs(range), { cwd: folder });
  lining.catch(() => {});
  logging.catch(() => {});
  try {
    if (!isLineFrom(since, head, await lining)) return undefined;
    return parseLog(await logging, folder, contentPrefix);
  } catch (error) {
    // `since` is not a commit of this repository any more (history rewritten and collected).
    if (error instanceof GitError && !error.gitMissing) return undefined;
    throw error;
  }
}

/** Whether `rev-list --parents` lines (newest first: a commit, then its parents) are one line of single-parent commits from `since` to `head`. */
function isLineFrom(since: string, head: string, revList: string): boolean {
  const commits = revList.trim().split('\n').map((line) => line.split(' '));
  if (commits.length === 0 || commits[0]![0] !== head) return false;
  return commits.every((entry, i) => entry.length === 2 && entry[1] === (i + 1 < commits.length ? commits[i + 1]![0] : since));
}

/**
 * The known files' commits with the newer ones before them, in the order a whole read gives: files
 * first named by a newer commit first, then the rest as they were (a whole read meets them in this order).
 */
function withNewerCommits(newer: Map<string, CommitInfo[]>, known: Map<string, CommitInfo[]>): Map<string, CommitInfo[]> {
  const merged = new Map<string, CommitInfo[]>();
  for (const [file, commits] of newer) merged.set(file, [...commits, ...(known.get(file) ?? [])]);
  for (const [file, commits] of known) if (!merged.has(file)) merged.set(file, commits);
  return merged;
}

function readLog(folder: string): Promise<string> {
  return runGit(logArgs(), { cwd: folder });
}

/**
 * The whole log, or none in a repository without commits yet (rev-parse found no HEAD), whose
 * `git log` fails: that is no history, not an error for the site.
 */
async function logOrNone(logging: Promise<string>, head: string | undefined): Promise<string> {
  try {
    return await logging;
  } catch (error) {
    if (error instanceof GitError && head === undefined) return '';
    throw error;
  }
}

async function readOriginUrl(folder: string): Promise<string | undefined> {
  try {
    return (await runGit(['remote', 'get-url', 'origin'], { cwd: folder })).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError) return undefined; // No origin remote: no derived edit link.
    throw error;
  }
}

/**
 * `git log -z --name-only` prints, per commit, the formatted header, NUL, then a newline and the
 * NUL-terminated paths (relative to the repository root). Each header starts with RECORD.
 */
export function parseLog(output: string, contentDir: string, contentPrefix: string): Map<string, CommitInfo[]> {
  const commitsByFile = new Map<string, CommitInfo[]>();
  let current: CommitInfo | undefined;
  for (const token of output.split('\0')) {
    if (token.startsWith(RECORD)) {
      const [hash = '', shortHash = '', date = '', authorDate = '', author = '', subject = ''] = token.slice(1).split(FIELD);
      current = { hash, shortHash, date, authorDate, author, subject };
      continue;
    }
    const repoPath = token.replace(/^\n/, '');
    if (!current || repoPath === '' || !repoPath.startsWith(contentPrefix)) continue;
    const file = path.join(contentDir, ...repoPath.slice(contentPrefix.length).split('/'));
    const commits = commitsByFile.get(file);
    if (commits) commits.push(current);
    else commitsByFile.set(file, [current]);
  }
  return commitsByFile;
}

/**
 * A file list's commits, newest first, worked out once per history and list (a document's `files`):
 * a build asks for each page's commits four times (its key, its card, the health page and its
 * freshness), ≈ 50 ms of a 1,000-document rebuild's page generation. The lists are never changed.
 */
const commitsByFiles = new WeakMap<GitHistory, WeakMap<readonly string[], CommitInfo[]>>();

/**
 * The latest commits that touched any of `files` (a page's source and its includes), newest first,
 * each commit once.
 */
export function commitsFor(history: GitHistory | undefined, files: readonly string[], limit = Infinity): CommitInfo[] {
  if (!history) return [];
  let byFiles = commitsByFiles.get(history);
  if (!byFiles) commitsByFiles.set(history, (byFiles = new WeakMap()));
  let commits = byFiles.get(files);
  if (!commits) {
    const seen = new Map<string, CommitInfo>();
    for (const file of files) {
      for (const commit of history.commitsByFile.get(path.resolve(file)) ?? []) seen.set(commit.hash, commit);
    }
    commits = [...seen.values()].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    byFiles.set(files, commits);
  }
  return commits.slice(0, limit);
}

export function lastCommitFor(history: GitHistory | undefined, files: readonly string[]): CommitInfo | undefined {
  return commitsFor(history, files, 1)[0];
}

const memo = new Map<string, Promise<GitHistory | undefined>>();

/** `readGitHistory`, once per content folder per process (pages of one build share it). */
export function getGitHistory(contentDir: string): Promise<GitHistory | undefined> {
  const key = path.resolve(contentDir);
  let pending = memo.get(key);
  if (!pending) {
    const saved = savedGitHistory(key);
    pending = saved ? Promise.resolve(saved.history) : readGitHistory(key);
    memo.set(key, pending);
    // A failed read is not cached, so a dev server recovers once the cause is fixed.
    pending.catch(() => memo.delete(key));
  }
  return pending;
}
