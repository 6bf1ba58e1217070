/**
 * Turns `> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` and `[!CAUTION]` blockquotes (GitHub and
 * DocFX alerts) into labelled callouts: `<aside class="callout callout-note">` with a title.
 */
import type { Blockquote, Paragraph, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from './lib/visit.ts';
import { report } from './lib/report.ts';

const TITLES: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

const MARKER = /^\[!([a-z]+)\][ \t]*(?:\r?\n|$)/i;

export default function remarkAlerts() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const lead = first.children[0];
      if (lead?.type !== 'text') return;
      const match = MARKER.exec(lead.value);
      if (!match) return;
      const kind = match[1]!.toLowerCase();
      const title = TITLES[kind];
      if (!title) {
        report(file, `“[!${match[1]}]” is not a known alert. Use NOTE, TIP, IMPORTANT, WARNING or CAUTION.`, node, 'alert-unknown', 'warning');
        return;
      }
      lead.value = lead.value.slice(match[0].length);
      if (lead.value === '') first.children.shift();
      // A soft line break left at the start of the paragraph would render as a leading space.
      const next = first.children[0];
      if (next?.type === 'text') (next as Text).value = next.value.replace(/^\s+/, '');
      if (first.children.length === 0) node.children.shift();
      const heading: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'text', value: title }],
        data: { hProperties: { className: ['callout-title'] } },
      };
      node.children.unshift(heading);
      node.data = {
        ...node.data,
        hName: 'aside',
        hProperties: { className: ['callout', `callout-${kind}`], role: 'note', ariaLabel: title },
      };
    });
  };
}
