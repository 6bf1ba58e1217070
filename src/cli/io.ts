/** What every command shares: its terminal, its parsed options and how it fails. */

export class UsageError extends Error {}

/** A wrong command, option or missing file (and an invalid rolebook.config.json). */
export const EXIT_USAGE = 2;
/** An unexpected exception: a bug in Rolebook (sysexits.h EX_SOFTWARE). */
export const EXIT_BUG = 70;
export const BUG_LINE =
  'This is a bug in Rolebook, not a problem with your content. Please report it with the lines above.';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export interface ParsedOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}
