/**
 * Reads a role guide's summary and responsibilities (Role Description) and its Required
 * Capabilities into `file.data.role`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { itemText, listItems } from './lib/blocks.ts';
import { documentStart, report } from './lib/report.ts';
import { plainText } from './lib/text.ts';
import { findSection } from './remark-sections.ts';

export interface RoleData {
  summary: string;
  responsibilities: string[];
  capabilities: string[];
}

declare module 'vfile' {
  interface DataMap {
    role: RoleData;
    /** Sections a document of its kind is expected to have but does not. */
    missingSections: string[];
  }
}

export default function remarkRoleDescription() {
  return (tree: Root, file: VFile) => {
    if (file.data.kind !== 'role-guide') return;
    const description = findSection(file.data.sections, 'role description', 'description');
    const capabilities = findSection(file.data.sections, 'required capabilities', 'capabilities');
    const missing = (file.data.missingSections ??= []);
    if (!description) missing.push('Role Description');
    if (!capabilities) missing.push('Required Capabilities');
    for (const name of missing) {
      report(file, `This role guide has no “## ${name}” section.`, documentStart(file), 'section-missing', 'warning');
    }
    file.data.role = {
      summary: (description?.nodes ?? [])
        .filter((node) => node.type === 'paragraph')
        .map((node) => plainText(node))
        .join('\n\n'),
      responsibilities: listItems(description?.nodes ?? []).map(itemText).filter(Boolean),
      capabilities: listItems(capabilities?.nodes ?? []).map(itemText).filter(Boolean),
    };
  };
}
