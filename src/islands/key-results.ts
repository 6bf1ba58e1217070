/**
 * Key-result tracking on playbook pages, on the same machinery as the self-assessment
 * (assessment/): a status and a note per key result, grouped by OKR area (built here from the
 * page's data), a summary, and a results table that also serves comparison and print. Future key
 * results are marked and count apart from the progress figure.
 */
import { keyResultsCsv } from '../model/assessment/csv-key-results.ts';
import { KEY_RESULT_STATUSES, type KeyResultStatus } from '../model/assessment/format.ts';
import {
  STATUS_LABELS,
  keyResultEntriesFor,
  reconcileKeyResults,
  summariseKeyResults,
  type KeyResultRow,
} from '../model/assessment/key-results.ts';
import type { KeyResultTrackingData } from '../model/assessment/page-data.ts';
import type { KeyResultEntry } from '../model/assessment/schemas.ts';
import type { Adapter, Shown } from './assessment/adapter.ts';
import { choiceItem } from './assessment/choice-item.ts';
import { start } from './assessment/mount.ts';
import { h, table } from './dom.ts';

const label = (entry: KeyResultEntry | undefined) => (entry?.status ? STATUS_LABELS[entry.status] : 'not tracked');

function summary(rows: KeyResultRow[]): HTMLElement {
  const { counts, met, applicable, progress, future } = summariseKeyResults(rows);
  return h(
    'p',
    { class: 'rb-summary' },
    h('strong', null, `${met} of ${applicable}`),
    ` current key results met (${progress}%) · ${counts['in-progress']} in progress · ${counts['not-started']} not started · ${counts.untracked} not tracked yet`,
    future ? ` · ${future} future key result${future === 1 ? '' : 's'} not counted` : '',
  );
}

function adapter({ okrs }: KeyResultTrackingData): Adapter<KeyResultEntry> {
  const analyse = (entries: KeyResultEntry[]) => reconcileKeyResults(okrs, entries);
  /** The results table's note cells, in key-result order, so a typed note updates only its own cell. */
  let noteCells: HTMLElement[] = [];
  // Made for each item: an element can only be in one place.
  const choices = () => KEY_RESULT_STATUSES.map((status) => ({ value: status, label: [h('span', { class: 'rb-choice-name' }, STATUS_LABELS[status])] }));

  function resultsTable(shown: Shown<KeyResultEntry>, rows: KeyResultRow[], compared?: { name: string; rows: KeyResultRow[] }) {
    noteCells = rows.map((row) => h('span', null, row.entry?.note ?? ''));
    return table(
      `${shown.name}${compared ? ` compared with ${compared.name}` : ''}`,
      ['Key result', 'Area', shown.name, ...(compared ? [compared.name] : []), 'Note'],
      rows.map((row, i) => [
        `${row.keyResult}${row.future ? ' (future)' : ''}`,
        row.area,
        h('span', { 'data-status': row.entry?.status ?? 'untracked' }, label(row.entry)),
        ...(compared ? [label(compared.rows[i]!.entry)] : []),
        noteCells[i],
      ]),
      [compared ? 4 : 3],
    );
  }

  return {
    items() {
      let i = 0;
      return okrs.map(({ area, keyResults }) =>
        h(
          'fieldset',
          { class: 'rb-area' },
          h('legend', null, area),
          ...keyResults.map((keyResult) =>
            choiceItem(
              i++,
              { 'data-future': keyResult.future },
              [h('span', { class: 'rb-item-name' }, keyResult.text), keyResult.future && ' ', keyResult.future && h('span', { class: 'rb-future' }, 'Future')],
              'rb-status',
              choices(),
              null,
              { summary: 'Note', label: `Note on “${keyResult.text}”` },
            ),
          ),
        ),
      );
    },
    noteKey: 'note',
    normalise: (entries) => keyResultEntriesFor(analyse(entries)),
    choice: (entry) => entry.status ?? '',
    choose: (entry, value) => ({ ...entry, status: value as KeyResultStatus }),
    removed: (entry) => `${entry.area}: ${entry.keyResult} (${label(entry)})`,
    announce(entries, i) {
      const { rows } = analyse(entries);
      const { met, applicable } = summariseKeyResults(rows);
      return `${rows[i]!.keyResult}: ${label(rows[i]!.entry)}. ${met} of ${applicable} current key results met.`;
    },
    csv: (trackings) => keyResultsCsv(okrs, trackings),
    render(results, shown, other) {
      const { rows } = analyse(shown.entries);
      const compared = other && { name: other.name, rows: analyse(other.entries).rows };
      results.replaceChildren(h('h3', null, `Progress: ${shown.name}`), summary(rows), resultsTable(shown, rows, compared));
    },
    renderNote(i, text) {
      if (noteCells[i]) noteCells[i].textContent = text;
    },
  };
}

start('playbook', adapter);
