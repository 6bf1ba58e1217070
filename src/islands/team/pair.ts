/**
 * Self beside manager on the team page: two imported assessments of one person for one role, both
 * levels and both notes per skill, differences of a level or more said in words, and an agreed
 * level per skill, downloaded with the other two as one file the role page can import. Printing
 * it gives the 1:1 pack with all three.
 */
import { NOT_YET, levelLabel, requiredCode, resultText } from '../../model/levels.ts';
import type { RoleRequirements } from '../../model/career.ts';
import { agreedFile, differenceText, differsByALevel, sideBySide } from '../../model/self-manager.ts';
import type { Person } from '../../model/team.ts';
import { h } from '../dom.ts';

export interface PairResult {
  element: HTMLElement;
  /** The file with the person's, the manager's and the agreed assessment. */
  file: () => string;
}

export function pairView(role: RoleRequirements, self: Person, manager: Person): PairResult {
  const rows = sideBySide(role.scale, role.skills, self.entries, manager.entries);
  const options = [{ value: '', label: 'not agreed yet' }, { value: String(NOT_YET), label: 'not yet' }, ...role.scale.map((step) => ({ value: String(step.value), label: `${step.code} ${step.name}` }))];
  const agreed = rows.map((row, i) => {
    const select = h('select', { id: `rb-agreed-${i}`, 'data-rb-agreed': i }, ...options.map((option) => h('option', { value: option.value }, option.label)));
    // Where both agree already, that is the proposal.
    if (row.self && row.manager && row.self.level === row.manager.level && row.self.level !== null) select.value = String(row.self.level);
    return select;
  });
  const differing = rows.filter(differsByALevel).length;
  const element = h(
    'div',
    { class: 'rb-pair', 'data-rb-pair-view': true },
    h('h3', null, `${self.name} and ${manager.name}: ${role.title}`),
    h('p', { class: 'rb-summary' }, differing ? `${differing} ${differing === 1 ? 'skill differs' : 'skills differ'} by a level or more (marked “differs”).` : 'No skill differs by a level or more.'),
    h(
      'div',
      { class: 'rb-scroll', role: 'region', 'aria-label': 'Self beside manager', tabindex: 0 },
      h(
        'table',
        { class: 'rb-table rb-pair-table' },
        h('caption', null, `${self.name} (own view) beside ${manager.name} (manager’s view), with the agreed level`),
        h('thead', null, h('tr', null, ...['Skill', 'Required', self.name, manager.name, 'Difference', 'Agreed level'].map((text) => h('th', { scope: 'col' }, text)))),
        h(
          'tbody',
          null,
          ...rows.map((row, i) =>
            h(
              'tr',
              { 'data-differs': differsByALevel(row) ? '' : null },
              h('th', { scope: 'row' }, row.skill.name),
              h('td', null, requiredCode(row.skill.level)),
              ...[
                [row.self, row.selfResult],
                [row.manager, row.managerResult],
              ].map(([entry, result]) =>
                h(
                  'td',
                  null,
                  levelLabel(role.scale, (entry as typeof row.self)?.level ?? null),
                  h('span', { class: 'rb-team-result' }, resultText(result as typeof row.selfResult)),
                  (entry as typeof row.self)?.evidence ? h('span', { class: 'rb-pair-note' }, `Evidence: ${(entry as typeof row.self)!.evidence}`) : '',
                ),
              ),
              h('td', null, differsByALevel(row) ? h('strong', { class: 'rb-differs' }, `differs: ${differenceText(row)}`) : differenceText(row)),
              h('td', null, h('label', { class: 'visually-hidden', for: `rb-agreed-${i}` }, `Agreed level for ${row.skill.name}`), agreed[i]!, h('span', { class: 'rb-print-only', 'data-rb-agreed-text': i }, 'not agreed yet')),
            ),
          ),
        ),
      ),
    ),
  );
  // The print copy of each choice, kept in step with the select (selects do not print their text well).
  const sync = () => agreed.forEach((select, i) => (element.querySelector(`[data-rb-agreed-text="${i}"]`)!.textContent = select.selectedOptions[0]?.textContent ?? ''));
  element.addEventListener('change', sync);
  sync();
  const file = () => {
    const levels = agreed.map((select) => (select.value === '' ? null : Number(select.value)));
    const strip = (person: Person) => ({ name: person.name, updated: person.updated, entries: person.entries });
    return `${JSON.stringify(agreedFile(role.id, role.skills, strip(self), strip(manager), levels, new Date().toISOString().replace(/\.\d+Z$/, 'Z')), null, 2)}\n`;
  };
  return { element, file };
}
