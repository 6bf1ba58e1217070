/**
 * For `vi.mock` of src/git/git.ts in tests that count the git processes a history read starts:
 * the module as it is, with `runGit` recording each command's arguments in `calls` before running it.
 */
import type * as Git from '../../src/git/git.ts';

export function recordingGit(original: typeof Git, calls: string[][]): typeof Git {
  return {
    ...original,
    runGit: (args, options) => {
      calls.push([...args]);
      return original.runGit(args, options);
    },
  };
}
