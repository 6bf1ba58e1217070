/** Splitting a `##` section's blocks at its `###` headings. */
import type { Heading, RootContent } from 'mdast';
import { plainText } from './text.ts';

export interface Subsection {
  title: string;
  heading: Heading;
  nodes: RootContent[];
}

/** The `###` subsections of a section, in order; blocks before the first one are returned apart. */
export function subsections(nodes: RootContent[]): { before: RootContent[]; parts: Subsection[] } {
  const before: RootContent[] = [];
  const parts: Subsection[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) parts.push({ title: plainText(node), heading: node, nodes: [] });
    else if (node.type === 'heading' && node.depth > 3) (parts.at(-1)?.nodes ?? before).push(node);
    else (parts.at(-1)?.nodes ?? before).push(node);
  }
  return { before, parts };
}
