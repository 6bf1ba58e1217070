/**
 * Reads a catalog skill's summary (the paragraphs between the title and the first section) and its
 * other names (`aliases:` in the front matter, a comma list or a YAML list) into `file.data.skillDescription`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainText } from './lib/text.ts';
import { isLevelLegend } from './remark-level-scale.ts';

export interface SkillDescription {
  summary: string;
  aliases: string[];
}

declare module 'vfile' {
  interface DataMap {
    skillDescription: SkillDescription;
  }
}

export default function remarkSkillDescription() {
  return (_tree: Root, file: VFile) => {
    if (file.data.kind !== 'skill') return;
    const written = file.data.frontMatter?.values.aliases;
    const list = Array.isArray(written) ? written : typeof written === 'string' ? written.split(/\s*[,;]\s*/) : [];
    file.data.skillDescription = {
      summary: (file.data.preamble ?? [])
        .filter((node) => node.type === 'paragraph')
        .map((node) => plainText(node))
        .filter((text) => !isLevelLegend(text))
        .join('\n\n'),
      aliases: [...new Set(list.map((alias) => alias.trim()).filter(Boolean))],
    };
  };
}
