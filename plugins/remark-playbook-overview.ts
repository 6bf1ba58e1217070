/**
 * Reads a playbook's Overview and Objectives prose and its Definitions list (kept as a tree) into
 * `file.data.playbook`.
 */
import type { List, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { DefinitionNode } from '../src/model/schemas.ts';
import { itemText, textBlocks } from './lib/blocks.ts';
import { documentStart, report } from './lib/report.ts';
import { findSection } from './remark-sections.ts';

export interface PlaybookData {
  overview: string[];
  objectives: string[];
  definitions: DefinitionNode[];
}

declare module 'vfile' {
  interface DataMap {
    playbook: PlaybookData;
  }
}

export default function remarkPlaybookOverview() {
  return (tree: Root, file: VFile) => {
    if (file.data.kind !== 'playbook') return;
    const sections = file.data.sections;
    const overview = findSection(sections, 'overview', 'purpose');
    // "Objectives" alone, not the "Objectives and Key Results" section.
    const objectives = sections?.find((section) => section.key === 'objectives');
    const definitions = findSection(sections, 'definitions', 'definition');
    const missing = (file.data.missingSections ??= []);
    for (const [name, section] of [['Overview', overview], ['Objectives', objectives], ['Definitions', definitions]] as const) {
      if (section) continue;
      missing.push(name);
      report(file, `This playbook has no “## ${name}” section.`, documentStart(file), 'section-missing', 'warning');
    }
    file.data.playbook = {
      overview: textBlocks(overview?.nodes ?? []),
      objectives: textBlocks(objectives?.nodes ?? []),
      definitions: (definitions?.nodes ?? []).filter((node): node is List => node.type === 'list').flatMap(toTree),
    };
  };
}

function toTree(list: List): DefinitionNode[] {
  return list.children.map((item) => ({
    text: itemText(item),
    children: item.children.filter((child): child is List => child.type === 'list').flatMap(toTree),
  }));
}
