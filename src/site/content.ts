/**
 * The one place pages get content from: the pipeline runs once per build (memoised), and a build
 * with any content error stops here with every problem listed, so a wrong page is never published.
 */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { sharedContentLoader, takeLoadedContent, type ContentLoader } from '../content/shared.ts';
import type { ContentLoadResult, RenderedDocument } from '../model/rendered.ts';
import type { DocumentKind, Playbook, Problem, RoleGuide, SkillDocument } from '../model/schemas.ts';
import { basePath } from './urls.ts';

export interface SiteContent extends ContentLoadResult {
  roles: RenderedDocument[];
  playbooks: RenderedDocument[];
  /** The skills catalog (`skills/*.md`), by title. */
  skills: RenderedDocument[];
  byId: Map<string, RenderedDocument>;
}

let pending: Promise<SiteContent> | undefined;

export function getSiteContent(): Promise<SiteContent> {
  pending ??= load();
  return pending;
}

async function load(): Promise<SiteContent> {
  return loadSiteContent(loadConfig().contentDir, basePath());
}

/**
 * Loads a content folder for the site; throws a ContentError listing every error, if any. The
 * content comes from the build's own load when there was one (src/integrations/content-check.ts),
 * otherwise from `load`: by default the loader that integration shares, so that the pages' bundle
 * holds no markdown pipeline (src/content/shared.ts).
 */
export async function loadSiteContent(contentDir: string, base: string, load = sharedContentLoader()): Promise<SiteContent> {
  const result = takeLoadedContent(contentDir, base) ?? (await requireLoader(load)(contentDir, base));
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
  const documents = [...result.documents].sort(byTitle);
  return {
    ...result,
    documents,
    roles: documents.filter((document) => document.model.kind === 'role-guide'),
    playbooks: documents.filter((document) => document.model.kind === 'playbook'),
    skills: documents.filter((document) => document.model.kind === 'skill'),
    byId: new Map(documents.map((document) => [document.model.id, document])),
  };
}

function requireLoader(load: ContentLoader | undefined): ContentLoader {
  if (load) return load;
  // Only a page module loaded without Rolebook's Astro integrations (astro.config.mjs) gets here.
  throw new Error('No content loader: pages are rendered through astro.config.mjs, whose rolebook:content-check integration loads the content.');
}

export class ContentError extends Error {
  readonly problems: Problem[];
  /** Read by Astro's error overlay, instead of its generic guess. */
  readonly hint = 'Fix these lines in the markdown and save: the page reloads. `npx rolebook check` lists the same problems.';
  /** Read by Astro's error overlay, so it opens the markdown file rather than this module. */
  readonly loc: { file: string; line: number; column: number } | undefined;

  constructor(problems: Problem[]) {
    const lines = problems.map((p) => `  ${relative(p.file)}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.ruleId}]`);
    super(`The content has ${problems.length} error(s); the site was not built:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    const first = problems[0];
    this.loc = first && { file: first.file, line: first.line, column: first.column };
  }
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** One collator for every comparison: `localeCompare` with options built one per call (0.1–0.2 s per 1,000-document sort). */
const titleOrder = new Intl.Collator('en', { sensitivity: 'base' });

export function byTitle(a: RenderedDocument, b: RenderedDocument): number {
  return titleOrder.compare(a.model.title, b.model.title) || a.model.id.localeCompare(b.model.id);
}

export function documentsOfKind(content: SiteContent, kind: DocumentKind): RenderedDocument[] {
  return kind === 'role-guide' ? content.roles : kind === 'skill' ? content.skills : content.playbooks;
}

export function isRole(document: RenderedDocument): document is RenderedDocument & { model: RoleGuide } {
  return document.model.kind === 'role-guide';
}

export function isPlaybook(document: RenderedDocument): document is RenderedDocument & { model: Playbook } {
  return document.model.kind === 'playbook';
}

export function isSkill(document: RenderedDocument): document is RenderedDocument & { model: SkillDocument } {
  return document.model.kind === 'skill';
}
