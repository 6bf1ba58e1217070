/**
 * Reads a catalog skill's Resources section (`- [Title](https://…) (L200)`) into
 * `file.data.skillResources`. Runs after remark-content-links, so a link to another document is
 * already its site URL; any scheme but http(s) and mailto is refused, since the page links to it.
 */
import type { Link, ListItem, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { SkillResource } from '../src/model/schemas.ts';
import { listItems } from './lib/blocks.ts';
import { report } from './lib/report.ts';
import { phrasingText, plainText } from './lib/text.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    skillResources: SkillResource[];
  }
}

/** `(L200)`, `– L200` or `L200` at the end of the item, after the link. */
const LEVEL = /\bL\s?(\d+)\)?\s*\.?\s*$/i;
const SAFE_URL = /^(?:https?:|mailto:|\/(?!\/)|#)/i;

export default function remarkSkillResources() {
  return (_tree: Root, file: VFile) => {
    if (file.data.kind !== 'skill') return;
    file.data.skillResources = [];
    const section = findSection(file.data.sections, 'resources', 'learning resources');
    if (!section) return;
    const scale = file.data.levelScale ?? [];
    for (const item of listItems(section.nodes)) {
      const resource = readResource(item, file, scale.map((level) => level.code));
      if (resource) file.data.skillResources.push(resource);
    }
  };
}

function readResource(item: ListItem, file: VFile, codes: string[]): SkillResource | undefined {
  const paragraph = item.children.find((child) => child.type === 'paragraph');
  const link = paragraph?.children.find((child): child is Link => child.type === 'link');
  if (!paragraph || !link) {
    report(file, `The resource “${plainText(item)}” has no link. Write it as “- [Title](https://…) (L200)”.`, item, 'skill-resource-syntax');
    return undefined;
  }
  if (!SAFE_URL.test(link.url)) {
    report(file, `The resource link “${link.url}” is not a web address. Use an https:// address or a link to another document.`, link, 'skill-resource-url');
    return undefined;
  }
  const after = phrasingText(paragraph.children.slice(paragraph.children.indexOf(link) + 1));
  const level = LEVEL.exec(after);
  const code = level ? `L${Number(level[1])}` : undefined;
  if (code && !codes.includes(code)) {
    report(file, `The resource “${plainText(link)}” is marked ${code}, not on this skill's scale (${codes.join(', ')}).`, item, 'skill-resource-level');
    return undefined;
  }
  const title = plainText(link) || link.url;
  return { title, url: link.url, ...(code ? { level: code } : {}) };
}
