/**
 * Reads Key Stakeholders bullets into `file.data.stakeholders`: `CXP PMs to drive priority area
 * results` → group `CXP PMs`, purpose `drive priority area results`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Stakeholder } from '../src/model/schemas.ts';
import { itemText, listItems } from './lib/blocks.ts';
import { documentStart, report } from './lib/report.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    stakeholders: Stakeholder[];
  }
}

const PURPOSE = /^(.+?)\s+(?:to|for)\s+(.+)$/;

export default function remarkStakeholders() {
  return (tree: Root, file: VFile) => {
    if (file.data.kind !== 'role-guide') return;
    const section = findSection(file.data.sections, 'key stakeholders', 'stakeholders');
    if (!section) {
      (file.data.missingSections ??= []).push('Key Stakeholders');
      report(file, 'This role guide has no “## Key Stakeholders” section.', documentStart(file), 'section-missing', 'warning');
    }
    file.data.stakeholders = listItems(section?.nodes ?? [])
      .map(itemText)
      .filter(Boolean)
      .map((text) => {
        const match = PURPOSE.exec(text);
        return match ? { text, group: match[1]!.trim(), purpose: match[2]!.trim() } : { text };
      });
  };
}
