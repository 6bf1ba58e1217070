/**
 * Finds bold pseudo-headings (a paragraph that is only **ROB**) followed by placeholder bullets,
 * records them in `file.data.drafts` and marks them so the page flags them as unfinished.
 */
import type { Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Draft } from '../src/model/schemas.ts';
import { itemText } from './lib/blocks.ts';
import { plainText } from './lib/text.ts';

declare module 'vfile' {
  interface DataMap {
    drafts: Draft[];
  }
}

function isPseudoHeading(node: Root['children'][number] | undefined): node is Paragraph {
  return node?.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong';
}

export default function remarkDrafts() {
  return (tree: Root, file: VFile) => {
    const drafts: Draft[] = (file.data.drafts = []);
    tree.children.forEach((node, index) => {
      const next = tree.children[index + 1];
      if (!isPseudoHeading(node) || next?.type !== 'list') return;
      drafts.push({ title: plainText(node), items: next.children.map(itemText) });
      node.data = { ...node.data, hProperties: { className: ['draft-title'], dataDraft: 'true' } };
      next.data = { ...next.data, hProperties: { className: ['draft-items'] } };
    });
  };
}
