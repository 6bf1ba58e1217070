/**
 * Splits the body into its `##` sections (`file.data.sections`), the unit every extractor reads.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { headingKey, plainText } from './lib/text.ts';

export interface Section {
  title: string;
  /** Loose form of the title for matching: lower case, punctuation dropped. */
  key: string;
  heading: Heading;
  nodes: RootContent[];
}

declare module 'vfile' {
  interface DataMap {
    sections: Section[];
    /** Blocks before the first `##`. */
    preamble: RootContent[];
  }
}

export default function remarkSections() {
  return (tree: Root, file: VFile) => {
    const sections: Section[] = [];
    const preamble: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth <= 2) {
        const title = plainText(node);
        sections.push({ title, key: headingKey(title), heading: node, nodes: [] });
      } else {
        (sections.at(-1)?.nodes ?? preamble).push(node);
      }
    }
    file.data.sections = sections;
    file.data.preamble = preamble;
  };
}

/** The first section whose loose title matches one of `keys` exactly or contains it. */
export function findSection(sections: Section[] | undefined, ...keys: string[]): Section | undefined {
  if (!sections) return undefined;
  return (
    sections.find((section) => keys.includes(section.key)) ??
    sections.find((section) => keys.some((key) => section.key.includes(key)))
  );
}
