/** The key-result tracker's CSV export: one row per key result and tracking. */
import { csvDocument } from './csv.ts';
import { STATUS_LABELS, reconcileKeyResults, type Okrs } from './key-results.ts';
import type { KeyResultTracking } from './schemas.ts';

export function keyResultsCsv(okrs: Okrs, trackings: Pick<KeyResultTracking, 'name' | 'entries'>[]): string {
  const header = ['Tracking', 'Area', 'Key result', 'Future', 'Status', 'Note'];
  const rows = trackings.flatMap((tracking) => {
    const { rows: current, removed } = reconcileKeyResults(okrs, tracking.entries);
    return [
      ...current.map((row) => [
        tracking.name,
        row.area,
        row.keyResult,
        row.future ? 'yes' : 'no',
        row.entry?.status ? STATUS_LABELS[row.entry.status] : 'not tracked',
        row.entry?.note ?? '',
      ]),
      ...removed.map((entry) => [
        tracking.name,
        entry.area,
        entry.keyResult,
        '',
        `${entry.status ? STATUS_LABELS[entry.status] : 'not tracked'} (no longer in this playbook)`,
        entry.note,
      ]),
    ].map((cells) => ({ cells, userText: [true, true, true, false, false, true] }));
  });
  return csvDocument(header, rows);
}
