/**
 * Runs rehype-raw only on trees that still hold raw HTML, so pages without any (most of them, once
 * `<br>` is a markdown break) skip a full HTML parse. rehype-raw rebuilds every node and drops
 * their data, so which include each node came from is carried across it (see lib/source-files).
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit, EXIT } from './lib/visit.ts';
import { markSourceFiles, restoreSourceFiles } from './lib/source-files.ts';
import type { VFile } from 'vfile';

export default function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile) => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    if (!hasRaw) return tree;
    // Only documents with includes have nodes from another file.
    const marked = (file.data.includes?.length ?? 0) > 0 && markSourceFiles(tree);
    const parsed = raw(tree, file) as Root;
    if (marked) restoreSourceFiles(parsed);
    return parsed;
  };
}
