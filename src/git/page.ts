/**
 * What a page shows about its own history: last updated, a short history, the edit link and its
 * review status. Git is read once per build (memoised per content folder); outside git the page
 * falls back to `ms.date` and shows no history.
 */
import { loadConfig, type RolebookConfig } from '../config.ts';
import type { RenderedDocument } from '../model/rendered.ts';
import { dayOfTimestamp } from './dates.ts';
import { assessFreshness, type Freshness } from './freshness.ts';
import { commitsFor, getGitHistory, type CommitInfo, type GitHistory } from './history.ts';
import { commitUrl, editUrl, fileHistoryUrl, repositoryLinks, type RepositoryLinks } from './repository.ts';

/** How many commits a page lists; the full history is one link away. */
export const PAGE_HISTORY_LENGTH = 5;

export interface HistoryEntry extends CommitInfo {
  /** Calendar day the change landed, `YYYY-MM-DD`. */
  day: string;
  url?: string;
}

export interface PageGitInfo {
  /** `YYYY-MM-DD` of the latest commit touching the page or its includes, else `ms.date`. */
  lastUpdated?: string;
  lastUpdatedFrom: 'git' | 'ms.date' | 'none';
  history: HistoryEntry[];
  editUrl?: string;
  historyUrl?: string;
  freshness: Freshness;
  /** The clone is shallow, so the history shown may be cut short. */
  shallow: boolean;
}

export interface SiteGit {
  config: RolebookConfig;
  history: GitHistory | undefined;
  links: RepositoryLinks | undefined;
}

let current: Promise<SiteGit> | undefined;

/** Config, history and repository links for the current build (read once; pages share it). */
export function siteGit(config?: RolebookConfig): Promise<SiteGit> {
  if (config) return readSiteGit(config);
  current ??= readSiteGit(loadConfig());
  // A failure is not kept: the dev server recovers once the cause is fixed.
  current.catch(() => (current = undefined));
  return current;
}

async function readSiteGit(config: RolebookConfig): Promise<SiteGit> {
  const history = await getGitHistory(config.contentDir);
  return { config, history, links: repositoryLinks(config, history) };
}

export function pageGitInfoFrom(site: SiteGit, document: Pick<RenderedDocument, 'model' | 'files'>, now?: Date): PageGitInfo {
  const commits = commitsFor(site.history, document.files, PAGE_HISTORY_LENGTH);
  const latest = commits[0];
  const history = commits.map((commit) => ({
    ...commit,
    day: dayOfTimestamp(commit.date),
    url: site.links ? commitUrl(site.links, commit.hash) : undefined,
  }));
  return {
    lastUpdated: latest ? dayOfTimestamp(latest.date) : document.model.meta.date,
    lastUpdatedFrom: latest ? 'git' : document.model.meta.date ? 'ms.date' : 'none',
    history,
    editUrl: site.links ? editUrl(site.links, document.model.source) : undefined,
    historyUrl: site.links ? fileHistoryUrl(site.links, document.model.source) : undefined,
    freshness: assessFreshness(document, site.history, { staleAfterMonths: site.config.staleAfterMonths, now }),
    shallow: site.history?.shallow ?? false,
  };
}

export async function pageGitInfo(document: Pick<RenderedDocument, 'model' | 'files'>): Promise<PageGitInfo> {
  return pageGitInfoFrom(await siteGit(), document);
}
