/**
 * Records every reference (`href`, `src`, …) of the rendered body in `file.data.references`, with
 * the line and column where the author wrote it — in the document or in the include that holds
 * it — so the output check can report a broken link, markdown or raw HTML, at its source (as
 * starlight-links-validator collects links from the hast while it is rendered). Runs last, on the
 * sanitised tree: what the sanitiser removed never reaches a page and is not a link to check.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import type { ContentReference } from '../src/model/rendered.ts';
import { isExternalReference, REFERENCE_ATTRIBUTES } from './lib/references.ts';
import { LOCAL_FILE_PREFIX } from './remark-local-files.ts';

declare module 'vfile' {
  interface DataMap {
    references: ContentReference[];
  }
}

export default function rehypePageLinks() {
  return (tree: Root, file: VFile) => {
    const references: ContentReference[] = (file.data.references = []);
    const walk = (node: Root | Element, inheritedFile: string | undefined): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const sourceFile = child.data?.sourceFile ?? inheritedFile;
        const start = child.position?.start;
        // Elements without a position were made by a plugin, not written: the check reports them at the built page.
        for (const attribute of (start && REFERENCE_ATTRIBUTES.get(child.tagName)) || []) {
          const value = child.properties[attribute];
          // A picture or file beside the content (a placeholder until the page swaps in its published
          // address) was checked where it was written by remark-local-files.
          if (typeof value !== 'string' || isExternalReference(value) || value.startsWith(LOCAL_FILE_PREFIX)) continue;
          references.push({ value, ...(sourceFile ? { file: sourceFile } : {}), line: start!.line, column: start!.column });
        }
        walk(child, sourceFile);
      }
    };
    walk(tree, undefined);
  };
}
