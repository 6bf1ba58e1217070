/**
 * The one seam between Rolebook and the `git` program. Everything that reads history goes
 * through `runGit`, so failures carry the command that failed and its stderr (as `cause`), and
 * "there is no repository here" is told apart from a real error.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export class GitError extends Error {
  readonly args: readonly string[];
  readonly stderr: string;

  // Plain fields, not parameter properties: the CLI runs on Node's type stripping (erasable syntax only).
  constructor(message: string, args: readonly string[], stderr: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'GitError';
    this.args = args;
    this.stderr = stderr;
  }

  /** git is not installed: callers fall back to ms.date, as for a folder outside any repository. */
  get gitMissing(): boolean {
    return (this.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  }

  /** git's exit status, when it ran (1 is `--quiet`'s "no", 128 a fatal error). */
  get exitCode(): number | undefined {
    const code = (this.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'number' ? code : undefined;
  }
}

/**
 * Whether `folder` lies in a git work tree: a `.git` folder (or, in a linked work tree or
 * submodule, a `.git` file) in it or above it, or a repository named by GIT_DIR. Read from the
 * file system, not from git's error text.
 */
export function insideWorkTree(folder: string): boolean {
  if (process.env.GIT_DIR) return true;
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

export interface GitOptions {
  /** Folder git runs in (`git -C <cwd>`), so the repository is found from the content folder itself. */
  cwd: string;
}

/** Git history of a large content repository can be many megabytes of names; never truncate it. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

export function runGit(args: readonly string[], options: GitOptions): Promise<string> {
  const fullArgs = ['-C', options.cwd, '-c', 'core.quotePath=false', '-c', 'log.showSignature=false', ...args];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      fullArgs,
      {
        encoding: 'utf8',
        maxBuffer: MAX_OUTPUT,
        // No pager, no prompts, no locale-dependent messages: the output is parsed.
        env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.trim().split('\n')[0] || error.message;
          reject(new GitError(`git ${args.join(' ')} failed in ${options.cwd}: ${detail}`, fullArgs, stderr, { cause: error }));
          return;
        }
        resolve(stdout);
      },
    );
  });
}
