/**
 * Key-result tracking on playbooks: lining saved statuses up with the playbook's current key
 * results, the progress summary, and how a status reads.
 */
import type { OkrArea } from '../schemas.ts';
import type { KeyResultStatus } from './format.ts';
import { sameName } from './gaps.ts';
import type { KeyResultEntry } from './schemas.ts';

/** How a key result's status reads on the page and in the CSV export. */
export const STATUS_LABELS: Record<KeyResultStatus, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  met: 'met',
  'not-applicable': 'not applicable',
};

/** The key results of a playbook as the assessment sees them. */
export type Okrs = Pick<OkrArea, 'area' | 'keyResults'>[];

export interface KeyResultRow {
  area: string;
  keyResult: string;
  future: boolean;
  entry: KeyResultEntry | undefined;
}
export interface KeyResultReconciliation {
  rows: KeyResultRow[];
  /** Saved entries for key results the playbook no longer lists. */
  removed: KeyResultEntry[];
}

export function reconcileKeyResults(okrs: Okrs, entries: KeyResultEntry[]): KeyResultReconciliation {
  const used = new Set<KeyResultEntry>();
  const rows = okrs.flatMap((okr) =>
    okr.keyResults.map((keyResult): KeyResultRow => {
      const entry = entries.find(
        (candidate) => !used.has(candidate) && sameName(candidate.area, okr.area) && sameName(candidate.keyResult, keyResult.text),
      );
      if (entry) used.add(entry);
      return { area: okr.area, keyResult: keyResult.text, future: keyResult.future, entry };
    }),
  );
  return { rows, removed: entries.filter((entry) => !used.has(entry)) };
}

export interface KeyResultSummary {
  counts: Record<KeyResultStatus | 'untracked', number>;
  /** Current (not future) key results that apply. */
  applicable: number;
  met: number;
  /** Percentage of applicable current key results met, 0–100. */
  progress: number;
  future: number;
}

export function summariseKeyResults(rows: KeyResultRow[]): KeyResultSummary {
  const counts = { 'not-started': 0, 'in-progress': 0, met: 0, 'not-applicable': 0, untracked: 0 };
  for (const row of rows) counts[row.entry?.status ?? 'untracked']++;
  const current = rows.filter((row) => !row.future && row.entry?.status !== 'not-applicable');
  const met = current.filter((row) => row.entry?.status === 'met').length;
  return {
    counts,
    applicable: current.length,
    met,
    progress: current.length ? Math.round((100 * met) / current.length) : 0,
    future: rows.filter((row) => row.future).length,
  };
}

export function keyResultEntriesFor(reconciled: KeyResultReconciliation): KeyResultEntry[] {
  return [
    ...reconciled.rows.map((row) => ({
      area: row.area,
      keyResult: row.keyResult,
      status: row.entry?.status ?? null,
      note: row.entry?.note ?? '',
    })),
    ...reconciled.removed,
  ];
}
