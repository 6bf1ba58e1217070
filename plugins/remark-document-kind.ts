/**
 * Decides whether a document is a role guide, a playbook or a catalog skill (`file.data.kind`): front matter `kind`,
 * else `ms.topic`, else its sections.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { DocumentKind } from '../src/model/schemas.ts';
import { report } from './lib/report.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    kind: DocumentKind;
  }
}

const TOPICS: Record<string, DocumentKind> = {
  'role-guide': 'role-guide',
  roleguide: 'role-guide',
  role: 'role-guide',
  playbook: 'playbook',
  skill: 'skill',
};

export default function remarkDocumentKind() {
  return (_tree: Root, file: VFile) => {
    const values = file.data.frontMatter?.values ?? {};
    const positions = file.data.frontMatter?.positions ?? {};
    const declared = values.kind;
    if (typeof declared === 'string') {
      const kind = TOPICS[declared.toLowerCase()];
      if (kind) {
        file.data.kind = kind;
        return;
      }
      report(file, `kind: “${declared}” is not a kind Rolebook knows. Use role-guide, playbook or skill.`, positions.kind, 'kind-unknown');
      return;
    }
    const topic = typeof values['ms.topic'] === 'string' ? TOPICS[values['ms.topic'].toLowerCase()] : undefined;
    if (topic) {
      file.data.kind = topic;
      return;
    }
    // Unreadable front matter is already an error; guessing the kind would only add noise.
    if (file.messages.some((message) => message.fatal && message.ruleId?.startsWith('front-matter'))) return;
    const sections = file.data.sections;
    if (findSection(sections, 'skills', 'role profile')) file.data.kind = 'role-guide';
    else if (findSection(sections, 'objectives and key results', 'okrs', 'key results')) file.data.kind = 'playbook';
    else if (sections?.some((section) => section.key === 'levels')) file.data.kind = 'skill';
    else {
      report(
        file,
        'Rolebook cannot tell whether this is a role guide or a playbook. Add “ms.topic: role-guide” or “ms.topic: playbook” to the front matter.',
        positions['ms.topic'] ?? { line: 1, column: 1 },
        'kind-unknown',
      );
    }
  };
}
