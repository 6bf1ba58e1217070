/**
 * What a document's card in a list shows (the home page, the role and playbook indexes): worked out
 * here, not in the component, so an index page's cacheKey can hash exactly what its cards show.
 */
import { pageGitInfoFrom, siteGit, type PageGitInfo } from '../git/page.ts';
import type { RenderedDocument } from '../model/rendered.ts';
import type { DocumentKind } from '../model/schemas.ts';
import { plural } from './format.ts';

export interface DocumentCardData {
  id: string;
  kind: DocumentKind;
  title: string;
  /** Left out when it only repeats the title. */
  description?: string;
  /** `12 skills`, `3 OKR areas`… */
  facts: string[];
  owner?: string;
  /** `YYYY-MM-DD`. */
  lastUpdated?: string;
}

export function documentCard(document: RenderedDocument, git: Pick<PageGitInfo, 'lastUpdated'>): DocumentCardData {
  const { model } = document;
  const description = model.meta.description && model.meta.description !== model.meta.title ? model.meta.description : undefined;
  const facts =
    model.kind === 'role-guide'
      ? [plural(model.skills.length, 'skill'), plural(model.successFactors.length, 'success factor')]
      : model.kind === 'playbook'
        ? [
            plural(model.okrs.length, 'OKR area'),
            plural(model.okrs.reduce((total, area) => total + area.keyResults.length, 0), 'key result'),
            ...(model.drafts.length > 0 ? [plural(model.drafts.length, 'unfinished section')] : []),
          ]
        : [];
  return {
    id: model.id,
    kind: model.kind,
    title: model.title,
    ...(description ? { description } : {}),
    facts,
    ...(model.meta.owner ? { owner: model.meta.owner } : {}),
    ...(git.lastUpdated ? { lastUpdated: git.lastUpdated } : {}),
  };
}

/** The cards of `documents`, with their last update from this build's git history. */
export async function documentCards(documents: readonly RenderedDocument[]): Promise<DocumentCardData[]> {
  const site = await siteGit();
  return documents.map((document) => documentCard(document, pageGitInfoFrom(site, document)));
}
