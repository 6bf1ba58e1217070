/**
 * The git history a build read, kept in the build cache with the commit it was read at, so that
 * the next build reads only the commits made since (src/git/history.ts: `readGitHistoryFrom`).
 * The file carries a hash of its own contents: a damaged or hand-edited file is not used, and the
 * history is read whole, as on a first build.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hashBytes, replaceCacheFile } from '../content/cache.ts';
import { readGitHistoryFrom, type CommitInfo, type HistoryReading, type KnownHistory } from '../git/history.ts';

const FORMAT = 1;

/** Where the build cache keeps the last history read. */
export function gitHistoryFile(cacheDir: string): string {
  return path.join(cacheDir, 'git-history.json');
}

interface Kept {
  format: typeof FORMAT;
  head: string;
  repoRoot: string;
  contentDir: string;
  contentPrefix: string;
  commitsByFile: [string, CommitInfo[]][];
}

/** Reads the history of `contentDir`, from the one kept in `file` where it can, and keeps what was read for the next build. */
export async function readGitHistoryKept(contentDir: string, file: string): Promise<HistoryReading> {
  const reading = await readGitHistoryFrom(contentDir, keptHistory(file, path.resolve(contentDir)));
  const { history, head } = reading;
  if (!history || !head) rmSync(file, { force: true });
  else if (reading.reuse !== 'same-commit') {
    const kept: Kept = { format: FORMAT, head, repoRoot: history.repoRoot, contentDir: history.contentDir, contentPrefix: history.contentPrefix, commitsByFile: [...history.commitsByFile] };
    const text = JSON.stringify(kept);
    // A write that fails only costs the next build a whole read.
    replaceCacheFile(file, `${hashBytes(text)}\n${text}`);
  }
  return reading;
}

function keptHistory(file: string, contentDir: string): KnownHistory | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline === -1 || text.slice(0, newline) !== hashBytes(text.slice(newline + 1))) return undefined;
  let kept: Kept;
  try {
    kept = JSON.parse(text.slice(newline + 1)) as Kept;
  } catch {
    return undefined;
  }
  if (kept.format !== FORMAT || kept.contentDir !== contentDir) return undefined;
  return {
    head: kept.head,
    history: { repoRoot: kept.repoRoot, contentDir: kept.contentDir, contentPrefix: kept.contentPrefix, shallow: false, commitsByFile: new Map(kept.commitsByFile) },
  };
}
