/**
 * Where the search index is published. Pagefind cannot update an index in part, so a large site's
 * index is written in parts (src/site/search-index.ts), each a Pagefind index of its own: a changed
 * page means indexing its part again, not the whole site. The first part is the `pagefind/` folder
 * with Pagefind's scripts; the others are folders inside it, which the search UI merges into the
 * first (Pagefind's `mergeIndex`), listed in a small manifest next to them. Shared by the build and
 * the search UI, so it holds no Node code.
 */

/** The index's folder in the built site: the first part, with Pagefind's scripts and WebAssembly. */
export const SEARCH_FOLDER = 'pagefind';

/** The manifest (in SEARCH_FOLDER) naming the parts to merge into the first: `{"parts":["part-1/", …]}`. */
export const PARTS_MANIFEST = 'rolebook-parts.json';

/** The folder of part `number` relative to SEARCH_FOLDER ('' for the first part), with a trailing `/`. */
export function partFolder(number: number): string {
  return number === 0 ? '' : `part-${number}/`;
}

/** What a manifest may name: a part folder and nothing else, whatever the file holds. */
export const PART_FOLDER_PATTERN = /^part-[1-9]\d*\/$/;
