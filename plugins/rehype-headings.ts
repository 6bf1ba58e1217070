/**
 * Gives every `h1`–`h6` without an id the id rehype-slug would (GitHub's slugs, numbered when they
 * repeat) and collects the `h2`–`h3` headings with their slugs (`file.data.headings`) for the table
 * of contents and search anchors. One walk of the tree instead of two: rehype-slug's own walk, with
 * unist-util-visit, was ~5 % of a parser thread.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { Heading } from '../src/model/rendered.ts';
import { visit } from './lib/visit.ts';

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
  }
}

const HEADING = /^h[1-6]$/i;
const LISTED = /^h([2-3])$/;

export default function rehypeHeadings() {
  const slugger = new GithubSlugger();
  return (tree: Root, file: VFile) => {
    slugger.reset();
    const headings: Heading[] = (file.data.headings = []);
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      if (!node.properties.id) node.properties.id = slugger.slug(toString(node));
      const depth = LISTED.exec(node.tagName)?.[1];
      const slug = node.properties.id;
      if (depth && typeof slug === 'string') headings.push({ depth: Number(depth), text: toString(node).trim(), slug });
    });
  };
}
