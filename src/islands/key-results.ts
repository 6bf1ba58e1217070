/**
 * Key-result tracking on playbook pages, on the same machinery as the self-assessment
 * (assessment-core.ts): statuses and notes, a summary, and a results table that also serves
 * comparison and print. Future key results count apart from the progress figure.
 */
import {
  STATUS_LABELS,
  keyResultEntriesFor,
  reconcileKeyResults,
  summariseKeyResults,
  type KeyResultEntry,
  type KeyResultStatus,
} from '../model/assessment.ts';
import { keyResultsCsv } from '../model/assessment-io.ts';
import type { OkrArea } from '../model/schemas.ts';
import { start, type Adapter } from './assessment-core.ts';
import { h, table } from './dom.ts';

const label = (entry: KeyResultEntry | undefined) => (entry?.status ? STATUS_LABELS[entry.status] : 'not tracked');

function adapter({ okrs }: { okrs: OkrArea[] }): Adapter<KeyResultEntry> {
  const analyse = (entries: KeyResultEntry[]) => reconcileKeyResults(okrs, entries);
  return {
    noteKey: 'note',
    normalise: (entries) => keyResultEntriesFor(analyse(entries)),
    choice: (entry) => entry.status ?? '',
    choose: (entry, value) => ({ ...entry, status: value as KeyResultStatus }),
    removed: (entry) => `${entry.area}: ${entry.keyResult} (${label(entry)})`,
    announce(entries, i) {
      const { rows } = analyse(entries);
      const summary = summariseKeyResults(rows);
      return `${rows[i]!.keyResult}: ${label(rows[i]!.entry)}. ${summary.met} of ${summary.applicable} current key results met.`;
    },
    csv: (trackings) => keyResultsCsv(okrs, trackings as never),
    render(results, shown, compared) {
      const { rows } = analyse(shown.entries);
      const before = compared && analyse(compared.entries).rows;
      const { counts, met, applicable, progress, future } = summariseKeyResults(rows);
      results.replaceChildren(
        h('h3', null, `Progress: ${shown.name}`),
        h(
          'p',
          { class: 'rb-summary' },
          h('strong', null, `${met} of ${applicable}`),
          ` current key results met (${progress}%) · ${counts['in-progress']} in progress · ${counts['not-started']} not started · ${counts.untracked} not tracked yet`,
          future ? ` · ${future} future key result${future === 1 ? '' : 's'} not counted` : '',
        ),
        table(
          `${shown.name}${compared ? ` compared with ${compared.name}` : ''}`,
          ['Key result', 'Area', shown.name, ...(compared ? [compared.name] : []), 'Note'],
          rows.map((row, i) => [
            `${row.keyResult}${row.future ? ' (future)' : ''}`,
            row.area,
            h('span', { 'data-status': row.entry?.status ?? 'untracked' }, label(row.entry)),
            ...(before ? [label(before[i]!.entry)] : []),
            row.entry?.note ?? '',
          ]),
          [before ? 4 : 3],
        ),
      );
    },
  };
}

start('playbook', adapter);
