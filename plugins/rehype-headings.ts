/**
 * Collects the page's `h2`–`h3` headings with their slugs (`file.data.headings`) for the table of
 * contents and search anchors. Runs after rehype-slug.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from './lib/visit.ts';
import type { VFile } from 'vfile';
import type { Heading } from '../src/content/types.ts';

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
  }
}

export default function rehypeHeadings() {
  return (tree: Root, file: VFile) => {
    const headings: Heading[] = (file.data.headings = []);
    visit(tree, 'element', (node) => {
      const depth = /^h([2-3])$/.exec(node.tagName)?.[1];
      const slug = node.properties.id;
      if (depth && typeof slug === 'string') headings.push({ depth: Number(depth), text: toString(node).trim(), slug });
    });
  };
}
