/**
 * Reads the Objectives and Key Results section — `### area`, `#### Objectives`, `#### Key results`
 * — into `file.data.okrs`, lifting “(Future)” marks into `future: true`.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { OkrArea } from '../src/model/schemas.ts';
import { itemText } from './lib/blocks.ts';
import { documentStart, report } from './lib/report.ts';
import { headingKey, plainText, squash } from './lib/text.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    okrs: OkrArea[];
  }
}

const FUTURE = /\s*\(future\)\s*/i;

export default function remarkOkrs() {
  return (tree: Root, file: VFile) => {
    if (file.data.kind !== 'playbook') return;
    file.data.okrs = [];
    const section = findSection(file.data.sections, 'objectives and key results', 'okrs', 'key results');
    if (!section) {
      (file.data.missingSections ??= []).push('Objectives and Key Results');
      report(file, 'This playbook has no “## … Objectives and Key Results” section.', documentStart(file), 'section-missing', 'warning');
      return;
    }
    let area: OkrArea | undefined;
    let list: 'objectives' | 'keyResults' | undefined;
    let areaNode: RootContent | undefined;
    const finish = () => {
      if (area && areaNode && area.objectives.length + area.keyResults.length === 0) {
        report(file, `The area “${area.area}” has no objectives or key results yet.`, areaNode, 'okr-area-empty', 'warning');
      }
    };
    for (const node of section.nodes) {
      if (node.type === 'heading' && node.depth === 3) {
        finish();
        area = { area: plainText(node), objectives: [], keyResults: [] };
        areaNode = node;
        list = undefined;
        file.data.okrs.push(area);
      } else if (node.type === 'heading' && node.depth >= 4) {
        const key = headingKey(plainText(node));
        list = key.startsWith('objective') ? 'objectives' : key.startsWith('key result') ? 'keyResults' : undefined;
        if (!list) {
          report(file, `“${plainText(node)}” is not “Objectives” or “Key results”, so its list is not read as OKRs.`, node, 'okr-heading', 'warning');
        } else if (!area) {
          report(file, `“${plainText(node)}” comes before any “### area” heading.`, node, 'okr-area-missing');
        }
      } else if (node.type === 'paragraph') {
        // Prose (or a bold pseudo-heading such as **ROB**) ends the list of the heading above it.
        list = undefined;
      } else if (node.type === 'list' && area && list) {
        for (const item of node.children) {
          const text = itemText(item);
          if (!text) continue;
          if (list === 'objectives') area.objectives.push(squash(text.replace(FUTURE, ' ')));
          else area.keyResults.push({ text: squash(text.replace(FUTURE, ' ')), future: FUTURE.test(text) });
        }
      }
    }
    finish();
  };
}
