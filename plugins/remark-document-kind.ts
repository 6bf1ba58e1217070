/**
 * Decides what kind of document this is (`file.data.kind`): the kind its front matter declares
 * (`kind`, else an `ms.topic` that names a kind, both read by the front-matter schema), else its
 * sections (a `## Levels` section makes a skill catalog entry).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FrontMatterKind } from '../src/model/frontmatter.ts';
import { report } from './lib/report.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    kind: FrontMatterKind;
  }
}

export default function remarkDocumentKind() {
  return (_tree: Root, file: VFile) => {
    const frontMatter = file.data.frontMatter;
    // When the author said the kind and it could not be read (an error already), taking it from
    // ms.topic or guessing it from the sections would check the document against the wrong rules.
    const unreadable = (key: string) => frontMatter !== undefined && (!frontMatter.readable || frontMatter.refused.includes(key));
    if (unreadable('kind')) return;
    const declared = frontMatter?.meta?.kind;
    if (declared) {
      file.data.kind = declared;
      return;
    }
    if (unreadable('ms.topic')) return;
    const sections = file.data.sections;
    if (findSection(sections, 'skills', 'role profile')) file.data.kind = 'role-guide';
    else if (findSection(sections, 'objectives and key results', 'okrs', 'key results')) file.data.kind = 'playbook';
    else if (sections?.some((section) => section.key === 'levels')) file.data.kind = 'skill';
    else {
      report(
        file,
        'Rolebook cannot tell whether this is a role guide or a playbook. Add “ms.topic: role-guide” or “ms.topic: playbook” to the front matter.',
        frontMatter?.positions['ms.topic']?.key ?? { line: 1, column: 1 },
        'kind-unknown',
      );
    }
  };
}
