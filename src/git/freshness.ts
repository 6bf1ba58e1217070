/**
 * Is a document still reviewed? `ms.date` is the date an owner last reviewed the page (as on
 * Microsoft Learn); a page without one counts from its last commit. A page not reviewed within
 * `staleAfterMonths` is stale. A later commit alone does not count as a review: a typo fix or a
 * bulk rename says nothing about whether the content is still right.
 */
import path from 'node:path';
import type { RenderedDocument } from '../model/rendered.ts';
import type { Problem } from '../model/schemas.ts';
import { toMsDate } from '../model/frontmatter.ts';
import { addMonths, dayOfTimestamp, isoDay, monthsBetween } from './dates.ts';
import { getGitHistory, lastCommitFor, type CommitInfo, type GitHistory } from './history.ts';

export const DEFAULT_STALE_AFTER_MONTHS = 12;

export type FreshnessDocument = Pick<RenderedDocument, 'model' | 'files'>;

export interface Freshness {
  /** The day the page counts as reviewed: `ms.date`, else the last commit's day. */
  reviewed?: string;
  reviewedFrom: 'ms.date' | 'git' | 'none';
  /** The latest commit touching the page or any of its includes. */
  lastCommit?: CommitInfo;
  /** The day the page becomes stale if nobody reviews it. */
  reviewDue?: string;
  stale: boolean;
  /** Whole months since the review. */
  ageMonths?: number;
}

export interface FreshnessOptions {
  staleAfterMonths?: number;
  /** Today; tests pin it. */
  now?: Date;
}

export function assessFreshness(
  document: FreshnessDocument,
  history: GitHistory | undefined,
  options: FreshnessOptions = {},
): Freshness {
  const staleAfterMonths = options.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  const today = isoDay(options.now ?? new Date());
  const lastCommit = lastCommitFor(history, document.files);
  const reviewed = document.model.meta.date ?? (lastCommit ? dayOfTimestamp(lastCommit.date) : undefined);
  const reviewedFrom = document.model.meta.date ? 'ms.date' : lastCommit ? 'git' : 'none';
  if (!reviewed) return { reviewedFrom, lastCommit, stale: false };
  const reviewDue = addMonths(reviewed, staleAfterMonths);
  return {
    reviewed,
    reviewedFrom,
    lastCommit,
    reviewDue,
    stale: today > reviewDue,
    ageMonths: monthsBetween(reviewed, today),
  };
}

export interface FindStaleOptions extends FreshnessOptions {
  /** The content folder the documents were loaded from (git runs there). */
  contentRoot: string;
  /** History already read; read from `contentRoot` when omitted. */
  history?: GitHistory;
}

/**
 * One warning (`stale-document`) per stale document, placed on its `ms.date` line (or line 1 when
 * it has none), worded for the page's owner. For `rolebook check --stale`.
 */
export async function findStaleDocuments(documents: readonly Pick<RenderedDocument, 'model' | 'files' | 'places'>[], options: FindStaleOptions): Promise<Problem[]> {
  const staleAfterMonths = options.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  const history = options.history ?? (await getGitHistory(options.contentRoot));
  const problems: Problem[] = [];
  for (const document of documents) {
    const freshness = assessFreshness(document, history, { ...options, staleAfterMonths });
    if (!freshness.stale || !freshness.reviewed) continue;
    const file = path.resolve(options.contentRoot, document.model.source);
    const position = freshness.reviewedFrom === 'ms.date' ? document.places?.date : undefined;
    const period = `${staleAfterMonths} month${staleAfterMonths === 1 ? '' : 's'}`;
    const message =
      freshness.reviewedFrom === 'ms.date'
        ? `This page was last reviewed on ${toMsDate(freshness.reviewed)} (ms.date), more than ${period} ago. ` +
          `Check that it is still right, then set ms.date to today's date.`
        : `This page has no ms.date and was last changed on ${toMsDate(freshness.reviewed)}, more than ${period} ago. ` +
          `Check that it is still right, then add ms.date with today's date.`;
    problems.push({
      file,
      line: position?.line ?? 1,
      column: position?.column ?? 1,
      severity: 'warning',
      message,
      ruleId: 'stale-document',
    });
  }
  return problems;
}
