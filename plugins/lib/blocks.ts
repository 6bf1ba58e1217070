/** Reading lists and paragraphs out of a section's blocks. */
import type { List, ListItem, RootContent } from 'mdast';
import { plainText } from './text.ts';

/** Text of a list item without its nested lists. */
export function itemText(item: ListItem): string {
  return plainText(item.children.filter((child) => child.type !== 'list'));
}

/** Top-level items of every list among `nodes`. */
export function listItems(nodes: RootContent[]): ListItem[] {
  return nodes.filter((node): node is List => node.type === 'list').flatMap((list) => list.children);
}

/** Paragraphs and bullets, in order, as plain text. */
export function textBlocks(nodes: RootContent[]): string[] {
  const blocks: string[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph') blocks.push(plainText(node));
    else if (node.type === 'list') blocks.push(...node.children.map(itemText));
  }
  return blocks.filter(Boolean);
}
