/**
 * Prototype: what a full-tree `visit()` costs per plugin compared with a walk that stops at inline
 * content (the block-level nodes the Rolebook plugins look for: paragraphs, headings, lists,
 * blockquotes, tables, html). Run: node --experimental-strip-types bench/prototypes/visit-cost.ts [corpus]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Parents, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const corpus = process.argv[2] ?? path.join(import.meta.dirname, '../corpus/1000');
const files = ['roles', 'playbooks'].flatMap((folder) =>
  readdirSync(path.join(corpus, folder))
    .filter((name) => name.endsWith('.md'))
    .slice(0, 200)
    .map((name) => path.join(corpus, folder, name)),
);
const processor = unified().use(remarkParse).use(remarkGfm);
const trees = await Promise.all(files.map(async (file) => (await processor.run(processor.parse(readFileSync(file, 'utf8')))) as Root));

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem']);
/** Visits block nodes only: never descends into a paragraph's, heading's or table's inline content. */
function eachBlock(tree: Root, fn: (node: Nodes, index: number, parent: Parents) => void): void {
  const walk = (parent: Parents) => {
    const children = parent.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      fn(child, i, parent);
      if (BLOCK_CONTAINERS.has(child.type)) walk(child as Parents);
    }
  };
  walk(tree);
}

let all = 0;
let blocks = 0;
for (const tree of trees) {
  visit(tree, () => void all++);
  eachBlock(tree, () => void blocks++);
}
console.log(`${trees.length} trees: ${(all / trees.length).toFixed(0)} nodes each, of which ${(blocks / trees.length).toFixed(0)} block-level`);

const time = (label: string, fn: () => void) => {
  for (let i = 0; i < 3; i++) fn();
  const start = performance.now();
  for (let i = 0; i < 10; i++) fn();
  const ms = (performance.now() - start) / 10;
  console.log(`${label}: ${(ms / trees.length * 1000).toFixed(1)} µs per document per pass`);
  return ms;
};
let found = 0;
const full = time("visit(tree, 'paragraph', …)", () => {
  for (const tree of trees) visit(tree, 'paragraph', () => void found++);
});
const pruned = time('eachBlock(tree, …) filtered to paragraphs', () => {
  for (const tree of trees) eachBlock(tree, (node) => void (node.type === 'paragraph' && found++));
});
console.log(`× ${(full / pruned).toFixed(0)} faster; ${found} paragraphs seen`);
