/**
 * Key-result tracking on playbook pages, on the same machinery as the self-assessment
 * (assessment-core.ts): a status and a note per key result, grouped by OKR area (built here from
 * the JSON model), a summary, and a results table that also serves comparison and print. Future
 * key results are marked and count apart from the progress figure.
 */
import {
  KEY_RESULT_STATUSES,
  STATUS_LABELS,
  keyResultEntriesFor,
  reconcileKeyResults,
  summariseKeyResults,
  type KeyResultEntry,
  type KeyResultStatus,
} from '../model/assessment.ts';
import { keyResultsCsv } from '../model/assessment-io.ts';
import type { OkrArea } from '../model/schemas.ts';
import { choiceItem, start, type Adapter } from './assessment-core.ts';
import { h, table } from './dom.ts';

const label = (entry: KeyResultEntry | undefined) => (entry?.status ? STATUS_LABELS[entry.status] : 'not tracked');

function adapter({ okrs }: { okrs: OkrArea[] }): Adapter<KeyResultEntry> {
  const analyse = (entries: KeyResultEntry[]) => reconcileKeyResults(okrs, entries);
  // Made for each item: an element can only be in one place.
  const choices = () => KEY_RESULT_STATUSES.map((status) => ({ value: status, label: [h('span', { class: 'rb-choice-name' }, STATUS_LABELS[status])] }));
  return {
    intro: 'Record where each key result stands, with a note if you like. It is kept in this browser only; export it or share a link to pass it on.',
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
