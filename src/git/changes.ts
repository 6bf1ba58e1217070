/**
 * What changed between two commits, for deciding what a push or pull request needs
 * (scripts/publish-scope.ts): a change to the content folder alone, since a commit whose code passed
 * every test, needs no code test again. Node built-ins only: that script runs before `npm install`.
 */
import path from 'node:path';
import { GitError, runGit } from './git.ts';

/** Whether `commit` names a commit this clone has (a shallow or force-pushed history may not). */
export async function hasCommit(repoDir: string, commit: string): Promise<boolean> {
  try {
    await runGit(['cat-file', '-e', `${commit}^{commit}`], { cwd: repoDir });
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode !== undefined) return false;
    throw error;
  }
}

/** Whether `ancestor` is `descendant` or in its history. */
export async function isAncestor(repoDir: string, ancestor: string, descendant: string): Promise<boolean> {
  try {
    await runGit(['merge-base', '--is-ancestor', ancestor, descendant], { cwd: repoDir });
    return true;
  } catch (error) {
    // 1 is git's "no"; anything else (an unknown commit) is an error for the caller.
    if (error instanceof GitError && error.exitCode === 1) return false;
    throw error;
  }
}

/**
 * Every path, relative to the repository's top, that differs between the two commits. Renames are
 * listed as the old path and the new one, so a file moved out of the content folder counts outside it.
 */
export async function changedFiles(repoDir: string, from: string, to: string): Promise<string[]> {
  const output = await runGit(['diff', '--name-only', '--no-renames', '-z', from, to, '--'], { cwd: repoDir });
  return output.split('\0').filter((name) => name !== '');
}

/** The repository's top folder, absolute. */
export async function repositoryTop(repoDir: string): Promise<string> {
  return path.resolve((await runGit(['rev-parse', '--show-toplevel'], { cwd: repoDir })).trim());
}

/**
 * The paths in `files` (relative to `top`, `/`-separated as git writes them) that lie outside
 * `folder` (absolute); `undefined` when `folder` is the repository itself or lies outside it, so no
 * path can be told apart as inside it.
 */
export function filesOutside(files: readonly string[], top: string, folder: string): string[] | undefined {
  const inside = path.relative(top, folder).split(path.sep).join('/');
  if (inside === '' || inside === '..' || inside.startsWith('../') || path.isAbsolute(inside)) return undefined;
  const prefix = `${inside}/`;
  return files.filter((file) => !file.startsWith(prefix));
}
