/**
 * The content folder as the include and local-file plugins compare paths with it. Paths stay as
 * written below the folder as given (a document's, its includes', the links and pictures in them),
 * so that they compare with the documents found there and with git's history; only where a file
 * really is — the folder, or a folder above it, may be a link (`content -> ../docs`, macOS's /tmp) —
 * is compared with the folder's real place, to refuse links that lead out of it.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

export interface ContentRoot {
  /** The folder as given, absolute. */
  given: string;
  /** Where it really is. */
  real: string;
}

export function contentRootOf(contentRoot: string): ContentRoot {
  const given = path.resolve(contentRoot);
  return { given, real: realpathSync(given) };
}

/** Whether `candidate` lies below `root` (both absolute, in the same space: as given, or real). */
export function isInside(candidate: string, root: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
