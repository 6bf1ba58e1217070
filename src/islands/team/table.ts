/**
 * The people × skills table: row headers are names, column headers skill names (linked to the
 * skill's page when the catalog knows it), each cell the level and, against the chosen role,
 * meets / below by N / above in words. Column headers sort (aria-sort says how); the footer counts
 * who meets each requirement.
 */
import { NOT_YET, requiredCode, resultText } from '../../model/assessment.ts';
import type { RoleRequirements } from '../../model/career.ts';
import { sortRows, type SortDirection, type SortKey, type TeamTable } from '../../model/team.ts';
import { h } from '../dom.ts';

export interface Sorting {
  key: SortKey;
  direction: SortDirection;
}

/** `L300`, `not yet`, `not assessed`: the code only, as the column header names the skill. */
const shortLevel = (scale: RoleRequirements['scale'], value: number | null): string =>
  value === null ? 'not assessed' : value === NOT_YET ? 'not yet' : (scale.find((step) => step.value === value)?.code ?? `L${value}`);

const sameKey = (a: SortKey, b: SortKey) => a.by === b.by && (a.by !== 'skill' || (b.by === 'skill' && a.column === b.column));

/** Builds the table; `onSort` is called with the key of a header whose button was pressed. */
export function teamTableElement(table: TeamTable, scale: RoleRequirements['scale'], against: RoleRequirements | undefined, sorting: Sorting, skillHref: (id: string) => string): HTMLElement {
  const header = (label: Node | string, key: SortKey, name: string, extra?: Node | string) => {
    const active = sameKey(sorting.key, key);
    const next = active && sorting.direction === 'ascending' ? 'descending' : 'ascending';
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? sorting.direction : null },
      label,
      extra ?? '',
      ' ',
      h(
        'button',
        { type: 'button', class: 'rb-sort', 'data-rb-sort': JSON.stringify(key), 'data-rb-direction': next, 'aria-label': `Sort by ${name}, ${next}` },
        active ? (sorting.direction === 'ascending' ? '▲' : '▼') : '↕',
      ),
    );
  };
  const rows = sortRows(table.rows, sorting.key, sorting.direction);
  const caption = against ? `The team’s levels against ${against.title}’s requirements` : 'The team’s levels';
  return h(
    'div',
    { class: 'rb-scroll rb-team-scroll', role: 'region', 'aria-label': caption, tabindex: 0 },
    h(
      'table',
      { class: 'rb-table rb-team-table', 'data-rb-team-table': true },
      h('caption', null, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          header('Person', { by: 'name' }, 'person'),
          ...(against ? [header('Readiness', { by: 'readiness' }, 'readiness')] : []),
          ...table.columns.map((column, i) =>
            header(
              column.skillId ? h('a', { href: skillHref(column.skillId) }, column.name) : column.name,
              { by: 'skill', column: i },
              column.name,
              column.required ? h('span', { class: 'rb-team-required' }, ` required ${requiredCode(column.required.level)}`) : '',
            ),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        ...rows.map((row) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, row.person.name, h('span', { class: 'rb-team-source' }, row.person.source)),
            ...(against ? [h('td', null, row.summary ? `${row.summary.readiness}%` : '–')] : []),
            ...row.cells.map((cell) => {
              const status = cell.result?.status;
              return h(
                'td',
                { 'data-status': status ?? null },
                shortLevel(scale, cell.level),
                cell.result && cell.level !== null ? h('span', { class: 'rb-team-result' }, resultText(cell.result)) : '',
              );
            }),
          ),
        ),
      ),
      against
        ? h(
            'tfoot',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, 'Meeting the requirement'),
              h('td', null, ''),
              ...table.columns.map((column) => h('td', null, column.required ? `${column.meeting} of ${table.rows.length}` : 'not required')),
            ),
          )
        : '',
    ),
  );
}
