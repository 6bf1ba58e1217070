/**
 * The people × skills table: row headers are names, column headers skill names (linked to the
 * skill's page when the catalog knows it), each cell the level and, against the chosen role,
 * meets / below by N / above in words. Column headers sort (aria-sort says how); the footer counts
 * who meets each requirement.
 */
import { NOT_YET, requiredCode, resultText } from '../../model/levels.ts';
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

/** Rows put on the page at once, then in batches of MORE_ROWS, each batch its own task. */
const FIRST_ROWS = 20;
const MORE_ROWS = 20;
/** Column widths in rem: the person, readiness and each skill. */
const PERSON_REM = 13;
const READINESS_REM = 10;
const SKILL_REM = 10;

export interface BuiltTable {
  element: HTMLElement;
  /** Adds the next batch of rows; false once every row is on the page. */
  more: () => boolean;
}

/** Builds the table with its first rows; the sort buttons carry their key in `data-rb-sort`. */
export function teamTableElement(table: TeamTable, scale: RoleRequirements['scale'], against: RoleRequirements | undefined, sorting: Sorting, skillHref: (id: string) => string): BuiltTable {
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
  const row = (teamRow: (typeof rows)[number]) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, teamRow.person.name, h('span', { class: 'rb-team-source' }, teamRow.person.source)),
      ...(against ? [h('td', null, teamRow.summary ? `${teamRow.summary.readiness}%` : '–')] : []),
      ...teamRow.cells.map((cell) =>
        h(
          'td',
          { 'data-status': cell.result?.status ?? null },
          shortLevel(scale, cell.level),
          cell.result && cell.level !== null ? h('span', { class: 'rb-team-result' }, resultText(cell.result)) : '',
        ),
      ),
    );
  const tbody = h('tbody', null, ...rows.slice(0, FIRST_ROWS).map(row));
  const element = h(
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
      tbody,
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
  // Fixed table layout (column widths from the header, set here through the CSSOM, which the
  // site's CSP allows) lets rows be added without laying the whole table out again.
  const table_ = element.firstElementChild as HTMLTableElement;
  table_.style.width = `${PERSON_REM + (against ? READINESS_REM : 0) + SKILL_REM * table.columns.length}rem`;
  let next = FIRST_ROWS;
  /** Adds the next rows; false when all are on the page. Called from separate tasks, so no one task is long. */
  const more = (): boolean => {
    tbody.append(...rows.slice(next, next + MORE_ROWS).map(row));
    next += MORE_ROWS;
    return next < rows.length;
  };
  return { element, more: rows.length > FIRST_ROWS ? more : () => false };
}
