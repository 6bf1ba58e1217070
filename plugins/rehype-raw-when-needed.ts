/**
 * Runs rehype-raw only on trees that still hold raw HTML, so pages without any (most of them, once
 * `<br>` is a markdown break) skip a full HTML parse.
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit, EXIT } from './lib/visit.ts';
import type { VFile } from 'vfile';

export default function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile) => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? raw(tree, file) : tree;
  };
}
