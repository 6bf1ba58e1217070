/**
 * The content health report: per document, what its owner should look at — overdue review,
 * draft sections, missing sections, metrics marked "(Future)", no owner. Built from the model,
 * the sections the pipeline found missing and git history, so it says what
 * `rolebook check --stale` says.
 */
import type { RenderedDocument } from '../model/rendered.ts';
import { formatDay } from '../git/dates.ts';
import { pageGitInfoFrom, type PageGitInfo, type SiteGit } from '../git/page.ts';

export type HealthFlagKind = 'stale' | 'draft' | 'missing-section' | 'future-metric' | 'no-owner' | 'no-date';

export interface HealthFlag {
  kind: HealthFlagKind;
  /** Short label for a badge: "Review overdue", "3 draft sections". */
  label: string;
  /** The specifics, in words: which sections, since when. */
  detail?: string;
}

export interface HealthRow {
  document: RenderedDocument;
  git: PageGitInfo;
  owner?: string;
  flags: HealthFlag[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `14 months`, `more than 7 years`. */
function age(months: number): string {
  return months < 24 ? plural(months, 'month') : `more than ${Math.floor(months / 12)} years`;
}

function futureItems(document: RenderedDocument): string[] {
  const model = document.model;
  if (model.kind === 'role-guide') {
    return model.successFactors.flatMap((factor) => factor.metrics.filter((metric) => metric.future).map((metric) => metric.name));
  }
  if (model.kind === 'skill') return [];
  return model.okrs.flatMap((area) => area.keyResults.filter((result) => result.future).map((result) => result.text));
}

export function healthRow(document: RenderedDocument, site: SiteGit, now?: Date): HealthRow {
  const git = pageGitInfoFrom(site, document, now);
  const flags: HealthFlag[] = [];
  const { freshness } = git;
  if (freshness.stale && freshness.reviewDue) {
    flags.push({
      kind: 'stale',
      label: 'Review overdue',
      detail: `Not reviewed for ${age(freshness.ageMonths ?? 0)} (${freshness.reviewedFrom === 'ms.date' ? 'ms.date' : 'last change'}); review was due ${formatDay(freshness.reviewDue)}.`,
    });
  }
  if (!document.model.meta.date) {
    flags.push({ kind: 'no-date', label: 'No ms.date', detail: 'Add ms.date with the date of the last review.' });
  }
  if (document.model.kind === 'playbook' && document.model.drafts.length > 0) {
    flags.push({
      kind: 'draft',
      label: plural(document.model.drafts.length, 'draft section'),
      detail: document.model.drafts.map((draft) => draft.title).join(', '),
    });
  }
  const missing = document.missingSections;
  if (missing.length > 0) {
    flags.push({ kind: 'missing-section', label: plural(missing.length, 'missing section'), detail: missing.join(', ') });
  }
  const future = futureItems(document);
  if (future.length > 0) {
    flags.push({
      kind: 'future-metric',
      label: `${future.length} future ${document.model.kind === 'role-guide' ? 'metric' : 'key result'}${future.length === 1 ? '' : 's'}`,
      detail: future.join('; '),
    });
  }
  const owner = document.model.meta.owner;
  if (!owner) flags.push({ kind: 'no-owner', label: 'No owner', detail: 'Add ft.owner so someone keeps this page up to date.' });
  return { document, git, owner, flags };
}

/** Every document, those needing the most attention first, then by title. */
export function contentHealth(documents: readonly RenderedDocument[], site: SiteGit, now?: Date): HealthRow[] {
  const weight = (row: HealthRow) => row.flags.filter((flag) => flag.kind !== 'future-metric').length;
  return documents
    .map((document) => healthRow(document, site, now))
    .sort((a, b) => weight(b) - weight(a) || a.document.model.title.localeCompare(b.document.model.title, 'en'));
}
