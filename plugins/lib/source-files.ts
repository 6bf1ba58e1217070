/**
 * Keeps track of which file each hast node was written in. remark-docfx-include marks the mdast
 * nodes of an include with `data.sourceFile`; mdast → hast and rehype-raw would drop that mark,
 * so a reference found in the hast could not be reported in the include that holds it.
 */
import type { Parents as HastParents, Root as HastRoot, RootContent } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import { defaultHandlers, type Options as RemarkRehypeOptions } from 'remark-rehype';

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
type Handler = NonNullable<Handlers['text']>;

/** remark-rehype's handlers, each copying the mdast node's `sourceFile` onto the elements and raw nodes it makes. */
export const sourceFileHandlers: Handlers = Object.fromEntries(
  Object.entries(defaultHandlers).map(([type, handle]): [string, Handler] => [
    type,
    (state, node: MdastNodes, parent) => {
      const result = (handle as Handler)(state, node, parent);
      const sourceFile = node.data?.sourceFile;
      if (sourceFile) {
        for (const made of Array.isArray(result) ? result : result ? [result] : []) {
          if (made.type === 'element' || made.type === 'raw') made.data = { ...made.data, sourceFile };
        }
      }
      return result;
    },
  ]),
);

// Comments carry the marks through rehype-raw, which re-parses the tree and keeps comments in place.
// A NUL cannot come from an author: markdown and HTML parsers both replace it.
const START = '\u0000rolebook-source-start:';
const END = '\u0000rolebook-source-end';

/** Before rehype-raw: wraps each node written in another file than its parent in two marker comments. */
export function markSourceFiles(tree: HastRoot): boolean {
  let marked = false;
  const walk = (parent: HastParents, inherited: string | undefined): void => {
    const children: RootContent[] = [];
    for (const child of parent.children) {
      const own = child.data?.sourceFile;
      if ('children' in child) walk(child, own ?? inherited);
      if (own && own !== inherited) {
        children.push({ type: 'comment', value: `${START}${own}` }, child, { type: 'comment', value: END });
        marked = true;
      } else {
        children.push(child);
      }
    }
    (parent as { children: RootContent[] }).children = children;
  };
  walk(tree, undefined);
  return marked;
}

/** After rehype-raw: gives every node between marker comments its file again, and removes the markers. */
export function restoreSourceFiles(tree: HastRoot): void {
  const files: string[] = [];
  const walk = (parent: HastParents): void => {
    const children: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'comment' && child.value.startsWith(START)) {
        files.push(child.value.slice(START.length));
        continue;
      }
      if (child.type === 'comment' && child.value === END) {
        files.pop();
        continue;
      }
      const current = files.at(-1);
      if (current && !child.data?.sourceFile) child.data = { ...child.data, sourceFile: current };
      if ('children' in child) walk(child);
      children.push(child);
    }
    (parent as { children: RootContent[] }).children = children;
  };
  walk(tree);
}
