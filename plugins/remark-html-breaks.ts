/**
 * Turns raw `<br>` tags (common inside table cells) into markdown line breaks, so the most common
 * piece of raw HTML needs no HTML parser and the extractors can split cells on real breaks.
 */
import type { Break, Root } from 'mdast';
import { visit } from './lib/visit.ts';

const BR = /^<br\s*\/?>$/i;

export default function remarkHtmlBreaks() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined || !BR.test(node.value.trim())) return;
      const replacement: Break = { type: 'break', position: node.position, ...(node.data ? { data: node.data } : {}) };
      parent.children.splice(index, 1, replacement as never);
    });
  };
}
