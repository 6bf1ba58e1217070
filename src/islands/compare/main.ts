/**
 * The compare page (/compare/): two roles' required levels side by side, for any pair of the
 * site's roles, with what changes moving from one to the other. The two roles' requirements JSON
 * (the same files the readiness check reads) are fetched when asked for, so the page stays one
 * small page however many roles the site has; without JavaScript the page points to the skills
 * matrix, which shows every role's levels in plain HTML. The chosen pair is kept in the address
 * (`?from=…&to=…`), so a comparison can be linked to and bookmarked.
 */
import { CHANGE_LABELS, compareRequirements, type RequirementRow, type RoleRequirements } from '../../model/career.ts';
import { levelDescription, requiredCode } from '../../model/levels.ts';
import { h } from '../dom.ts';
import { fetchRequirements } from '../requirements.ts';

function levelCell(skill: RequirementRow['from'], role: RoleRequirements): HTMLElement {
  if (!skill) return h('td', null, h('span', { class: 'matrix-none' }, 'Not required'));
  return h(
    'td',
    null,
    h('strong', { class: 'level-code' }, requiredCode(skill.level)),
    ' ',
    h('span', { class: 'level-name' }, levelDescription(role.scale, skill.level)),
    skill.qualifier ? h('span', { class: 'skill-qualifier' }, ` ${skill.qualifier}`) : '',
  );
}

/** The comparison as the static pages had it: a summary line, then a row per skill. */
function comparison(from: RoleRequirements, to: RoleRequirements, skillHref: (id: string) => string): HTMLElement[] {
  const rows = compareRequirements(from, to);
  const count = (change: RequirementRow['change']) => rows.filter((row) => row.change === change).length;
  const caption = `Required levels in ${from.title} and ${to.title}, and what changes`;
  return [
    h('h2', { id: 'rb-compare-title', tabindex: -1 }, `From ${from.title} to ${to.title}`),
    h(
      'p',
      { class: 'section-intro', 'data-rb-compare-summary': true },
      `${count('higher')} higher, ${count('lower')} lower, ${count('same')} the same; ${count('only-to')} newly needed and ${count('only-from')} no longer needed. “+” means that level or above.`,
    ),
    h(
      'div',
      { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
      h(
        'table',
        { class: 'data-table compare-table' },
        h('caption', null, caption),
        h('thead', null, h('tr', null, ...['Skill', from.title, to.title, 'What changes'].map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          null,
          ...rows.map((row) =>
            h(
              'tr',
              { 'data-change': row.change },
              h('th', { scope: 'row' }, row.skillId ? h('a', { href: skillHref(row.skillId) }, row.name) : row.name),
              levelCell(row.from, from),
              levelCell(row.to, to),
              h('td', null, h('span', { class: 'compare-change', 'data-change': row.change }, CHANGE_LABELS[row.change])),
            ),
          ),
        ),
      ),
    ),
  ];
}

function mount(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-rb-compare-form]')!;
  const out = root.querySelector<HTMLElement>('[data-rb-compare-out]')!;
  const [fromPick, toPick] = [form.elements.namedItem('from'), form.elements.namedItem('to')] as HTMLSelectElement[];
  const base = root.dataset.base ?? '/';
  const source = (select: HTMLSelectElement) => select.selectedOptions[0]?.dataset.source ?? '';
  let shown = 0;

  const show = async (moveFocus: boolean) => {
    const ticket = ++shown;
    if (fromPick!.value === toPick!.value) {
      out.replaceChildren(h('p', null, 'Choose two different roles.'));
      return;
    }
    const address = new URL(location.href);
    address.search = new URLSearchParams({ from: fromPick!.value, to: toPick!.value }).toString();
    history.replaceState(null, '', address);
    out.setAttribute('aria-busy', 'true');
    try {
      const [from, to] = await Promise.all([fetchRequirements(source(fromPick!)), fetchRequirements(source(toPick!))]);
      // A newer choice may have been made while these loaded: only the newest is shown.
      if (ticket !== shown) return;
      out.replaceChildren(...comparison(from, to, (id) => `${base}${id}/`));
      if (moveFocus) out.querySelector<HTMLElement>('h2')?.focus();
    } catch {
      if (ticket === shown) out.replaceChildren(h('p', null, 'The roles’ requirements could not be loaded. Check your connection and try again.'));
    } finally {
      if (ticket === shown) out.removeAttribute('aria-busy');
    }
  };

  const wanted = new URLSearchParams(location.search);
  const choose = (select: HTMLSelectElement, id: string | null) => {
    if (id && [...select.options].some((option) => option.value === id)) select.value = id;
  };
  choose(fromPick!, wanted.get('from'));
  choose(toPick!, wanted.get('to'));
  // Without a pair in the address, "to" starts on the second role, so the first choice differs.
  if (!wanted.get('to') && toPick!.value === fromPick!.value && toPick!.options.length > 1) toPick!.selectedIndex = fromPick!.selectedIndex === 0 ? 1 : 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show(true);
  });
  root.querySelector('[data-rb-compare-swap]')?.addEventListener('click', () => {
    [fromPick!.value, toPick!.value] = [toPick!.value, fromPick!.value];
    void show(false);
  });
  root.querySelector('[data-rb-nojs]')?.remove();
  form.hidden = false;
  if (wanted.get('from') && wanted.get('to')) void show(false);
}

const root = document.querySelector<HTMLElement>('[data-rb-compare]');
if (root) mount(root);
