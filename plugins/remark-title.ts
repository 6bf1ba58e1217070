/**
 * Takes the document's H1 as its title (`file.data.title`) and removes it from the body, which the
 * layouts render under their own heading.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainText } from './lib/text.ts';
import { report } from './lib/report.ts';

declare module 'vfile' {
  interface DataMap {
    title: string;
  }
}

export default function remarkTitle() {
  return (tree: Root, file: VFile) => {
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    if (index === -1) return;
    const heading = tree.children[index]!;
    file.data.title = plainText(heading);
    tree.children.splice(index, 1);
    for (const extra of tree.children) {
      if (extra.type === 'heading' && extra.depth === 1) {
        report(file, 'A page has one title (a line starting with “# ”); this is a second one. Use “## ” for a section.', extra, 'heading-second-title', 'warning');
      }
    }
  };
}
