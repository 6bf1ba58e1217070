/**
 * Refuses link and picture addresses with malformed percent-encoding (`./growth%2.md`,
 * `https://x.com/%E0%A4`): the target cannot be read, and the HTML renderer would silently turn
 * the `%` into `%25`, so the page would link somewhere other than the author thinks.
 * Runs before the plugins that resolve addresses; they skip an address that does not decode.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report, sourceFileOf } from './lib/report.ts';
import { findMalformedPercent } from './lib/url.ts';
import { visit } from './lib/visit.ts';

type Addressed = Link | Image | Definition;

export default function remarkLinkEncoding() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const addressed = node as Addressed;
      const bad = findMalformedPercent(addressed.url);
      if (bad === undefined) return;
      const what = addressed.type === 'image' ? 'picture address' : 'link';
      report(
        file,
        `The ${what} “${addressed.url}” has a % that does not start a valid percent-encoding (“${addressed.url.slice(bad, bad + 3)}”). Write a percent sign as %25 and a space as %20.`,
        placeOf(addressed, bad, file),
        'link-encoding',
      );
    });
  };
}

/** The `%` itself when the address is written as-is in this file, else the start of the link. */
function placeOf(node: Addressed, bad: number, file: VFile): Addressed | { line: number; column: number } {
  const start = node.position?.start;
  const end = node.position?.end;
  if (sourceFileOf(node) || start?.offset === undefined || end?.offset === undefined) return node;
  const source = String(file.value);
  const at = source.slice(start.offset, end.offset).indexOf(node.url);
  if (at === -1) return node;
  const offset = start.offset + at + bad;
  const before = source.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: before.split(/\r\n|\r|\n/).length, column: offset - lineStart + 1 };
}
