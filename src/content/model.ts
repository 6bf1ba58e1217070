/**
 * Assembles what the remark plugins put on `file.data` into a model and validates it with Zod.
 * A model that fails validation is reported as positioned messages, never published.
 */
import type { VFile } from 'vfile';
import { emptyMeta } from '../model/frontmatter.ts';
import { RolebookDocumentSchema, type RolebookDocument } from '../model/schemas.ts';
import { report } from '../../plugins/lib/report.ts';

export interface ModelIdentity {
  id: string;
  /** Path relative to the content root, `/`-separated. */
  source: string;
  /** Include paths relative to the content root. */
  includes: string[];
}

export function buildModel(file: VFile, identity: ModelIdentity): RolebookDocument | undefined {
  const data = file.data;
  if (!data.kind) return undefined;
  const frontMatter = data.frontMatter;
  // The front matter was validated and normalised by remark-yaml-meta (a missing title is reported there).
  const { kind: _declared, ...meta } = frontMatter?.meta ?? emptyMeta();
  const title = data.title ?? meta.title;
  if (!data.title) {
    report(file, 'The document has no title line (“# Title”). Add one below the front matter.', { line: (frontMatter?.lineCount ?? 0) + 1, column: 1 }, 'heading-title-missing', 'warning');
  }
  const base = { ...identity, meta: { ...meta, title: meta.title ?? title ?? '' }, title: title ?? '' };
  const candidate =
    data.kind === 'role-guide'
      ? {
          ...base,
          kind: 'role-guide' as const,
          summary: data.role?.summary ?? '',
          responsibilities: data.role?.responsibilities ?? [],
          capabilities: data.role?.capabilities ?? [],
          levelScale: data.levelScale,
          skills: data.skills ?? [],
          stakeholders: data.stakeholders ?? [],
          successFactors: data.successFactors ?? [],
        }
      : data.kind === 'skill'
        ? {
            ...base,
            kind: 'skill' as const,
            summary: data.skillDescription?.summary ?? '',
            aliases: data.skillDescription?.aliases ?? [],
            levelScale: data.levelScale,
            levels: data.skillLevels ?? [],
            growth: data.skillGrowth ?? [],
            resources: data.skillResources ?? [],
          }
      : {
          ...base,
          kind: 'playbook' as const,
          overview: data.playbook?.overview ?? [],
          objectives: data.playbook?.objectives ?? [],
          definitions: data.playbook?.definitions ?? [],
          okrs: data.okrs ?? [],
          drafts: data.drafts ?? [],
        };
  const parsed = RolebookDocumentSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    const position = field.startsWith('meta.') ? frontMatter?.positions[field.slice(5)]?.key : undefined;
    report(file, `The document's ${field || 'model'} is not valid: ${issue.message}.`, position ?? { line: 1, column: 1 }, 'model-invalid');
  }
  return undefined;
}
