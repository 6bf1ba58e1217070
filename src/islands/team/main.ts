/**
 * The team view (/team/): a manager imports the assessment files their people exported, by file
 * picker or drag and drop, and sees the team in one table against a chosen role; exports it as
 * CSV, prints it, keeps it in this browser if they choose, and puts a person's own assessment
 * beside the manager's. Everything happens in this page: no file is sent anywhere.
 */
import { type StorageLike } from '../../model/assessment/storage.ts';
import type { RoleRequirements } from '../../model/career.ts';
import { addPeople, emptyTeam, teamCsv, teamTable, type FileProblem, type Person, type SortKey, type Team } from '../../model/team.ts';
import { forgetTeam, loadTeam, saveTeam, type TeamNotice } from '../../model/team-storage.ts';
import { h } from '../dom.ts';
import { droppedFiles, readFiles } from './files.ts';
import { pairView, type PairResult } from './pair.ts';
import { teamTableElement, type Sorting } from './table.ts';

interface PageModel {
  roles: RoleRequirements[];
  base: string;
}

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function printPart(part: 'team' | 'pair'): void {
  // Marks the page so the print styles keep only the chosen part.
  const page = document.documentElement.classList;
  page.add(`rb-printing-${part}`);
  addEventListener('afterprint', () => page.remove(`rb-printing-${part}`), { once: true });
  print();
}

const option = (value: string, label: string) => h('option', { value }, label);

function mount(root: HTMLElement, model: PageModel): void {
  const storage = browserStorage();
  const loaded = loadTeam(storage);
  let team: Team = loaded.team;
  let canSave = loaded.canSave;
  let problems: FileProblem[] = [];
  let sorting: Sorting = { key: { by: 'name' }, direction: 'ascending' };
  let pair: PairResult | undefined;
  let againstChosen = false;
  /** Counts renders, so batches of rows from an older render stop. */
  let renders = 0;
  const storageNotices: TeamNotice[] = loaded.notice ? [loaded.notice] : [];
  const roleById = new Map(model.roles.map((role) => [role.id, role]));

  const input = h('input', { type: 'file', multiple: true, accept: '.json,application/json', 'data-rb-team-files': true });
  const drop = h(
    'div',
    { class: 'rb-drop', 'data-rb-drop': true },
    h('p', null, 'Drop exported assessment files here, or '),
    h('label', { class: 'rb-file' }, 'choose files ', input),
  );
  const against = h('select', { 'data-rb-against': true }, option('', 'no role (levels only)'), ...model.roles.map((role) => option(role.id, role.title)));
  if (loaded.team.people[0] && roleById.has(loaded.team.people[0].docId)) against.value = loaded.team.people[0].docId;
  const filter = h('select', { 'data-rb-filter': true }, option('', 'any role'), ...model.roles.map((role) => option(role.id, role.title)));
  const keep = h('input', { type: 'checkbox', 'data-rb-keep': true, checked: loaded.kept });
  const button = (act: string, text: string) => h('button', { type: 'button', class: 'button', 'data-rb-act': act }, text);
  const live = h('p', { class: 'visually-hidden', role: 'status', 'data-rb-live': true });
  const notices = h('div', { class: 'rb-notice', 'data-rb-team-notices': true });
  const tableBox = h('div', { 'data-rb-team-out': true, class: 'rb-team-print' });
  const selfPick = h('select', { 'data-rb-self': true });
  const managerPick = h('select', { 'data-rb-manager': true });
  const pairBox = h('div', { 'data-rb-pair': true, class: 'rb-pair-print' });
  const pairSection = h(
    'section',
    { class: 'rb-pair-section', 'aria-labelledby': 'rb-pair-title' },
    h('h2', { id: 'rb-pair-title' }, 'Self beside manager'),
    h('p', null, 'Import a person’s own assessment and yours of them (with a different name, such as “Alex (manager)”), then put them side by side for the 1:1. Record the agreed levels and download all three as one file the role page can import.'),
    h('div', { class: 'rb-toolbar' }, h('div', { class: 'rb-row' }, h('label', null, 'Own assessment ', selfPick), h('label', null, 'Manager’s assessment ', managerPick), button('pair', 'Compare'))),
    pairBox,
  );

  const say = (text: string) => (live.textContent = text);
  const everyone = (): Person[] => [...team.people, ...team.replaced];
  const personLabel = (person: Person) => `${person.name} — ${roleById.get(person.docId)?.title ?? person.docId} (${person.source})`;

  const persist = () => {
    if (!keep.checked || !canSave) return;
    const saved = saveTeam(storage, team);
    if (!saved.ok) {
      storageNotices.push(saved.notice);
      canSave = saved.notice.code !== 'newer';
    }
  };

  const renderNotices = () => {
    const lines = [
      ...problems.map((problem) => h('li', null, h('strong', null, problem.file), `: could not be read because ${problem.reason}.`)),
      ...team.duplicates.map((d) => h('li', null, `“${d.name}” was in more than one file: kept the most recently updated one (${d.kept}), not the one in ${d.dropped}.`)),
      ...storageNotices.map((notice) => h('li', null, notice.message)),
    ];
    notices.replaceChildren(...(lines.length ? [h('ul', null, ...lines)] : []));
  };

  const render = () => {
    const role = roleById.get(against.value);
    const people = filter.value ? team.people.filter((person) => person.docId === filter.value) : team.people;
    renderNotices();
    if (!team.people.length) {
      tableBox.replaceChildren(h('p', { class: 'empty' }, 'No one yet: import the files your people exported from their role pages.'));
    } else {
      const table = teamTable(people, model.roles, role);
      const built = teamTableElement(table, (role ?? model.roles.find((r) => r.id === people[0]?.docId) ?? model.roles[0])?.scale ?? [], role, sorting, (id) => `${model.base}${id}/`);
      tableBox.replaceChildren(
        h('p', { class: 'rb-summary', 'data-rb-team-summary': true }, `${people.length} of ${team.people.length} ${team.people.length === 1 ? 'person' : 'people'} shown.`),
        table.unknownSkills.length ? h('p', null, `Skills no role guide on this site lists: ${table.unknownSkills.join(', ')}.`) : '',
        built.element,
      );
      // The remaining rows go on in batches, each in its own task, so a large team never blocks
      // the page for long; a newer render stops an older one's batches.
      const generation = ++renders;
      const step = () => {
        if (generation === renders && built.more()) setTimeout(step, 0);
        else if (generation === renders) tableBox.dataset.complete = '';
      };
      delete tableBox.dataset.complete;
      setTimeout(step, 0);
    }
    const choices = everyone().map((person, i) => option(String(i), personLabel(person)));
    const [self, manager] = [selfPick.value, managerPick.value];
    selfPick.replaceChildren(...choices.map((node) => node.cloneNode(true)));
    managerPick.replaceChildren(...choices);
    if (self) selfPick.value = self;
    managerPick.value = manager || (choices.length > 1 ? '1' : '0');
    pairSection.hidden = everyone().length < 2;
  };

  const importFiles = async (files: File[]) => {
    if (!files.length) return;
    const readings = await readFiles(files);
    problems = readings.filter((reading): reading is Extract<typeof reading, { ok: false }> => !reading.ok);
    const before = team.people.length;
    team = addPeople(team, readings.flatMap((reading) => (reading.ok ? reading.people : [])));
    // Until the manager picks a role, the table is against the role the first person was assessed on.
    if (!againstChosen && team.people[0] && roleById.has(team.people[0].docId)) against.value = team.people[0].docId;
    persist();
    render();
    const added = team.people.length - before;
    say(`${added} ${added === 1 ? 'person' : 'people'} added from ${files.length} ${files.length === 1 ? 'file' : 'files'}${problems.length ? `; ${problems.length} could not be read` : ''}.`);
  };

  const actions: Record<string, (target: HTMLElement) => void> = {
    csv: () => {
      const role = roleById.get(against.value);
      const people = filter.value ? team.people.filter((person) => person.docId === filter.value) : team.people;
      download('team.csv', teamCsv(teamTable(people, model.roles, role), (role ?? model.roles[0])?.scale ?? []), 'text/csv');
    },
    print: () => printPart('team'),
    forget: () => {
      const forgotten = forgetTeam(storage);
      team = emptyTeam();
      problems = [];
      pair = undefined;
      pairBox.replaceChildren();
      keep.checked = false;
      if (!forgotten.ok) storageNotices.push(forgotten.notice);
      render();
      say('This team has been forgotten: it is no longer on this page or kept in this browser.');
    },
    pair: () => {
      const [self, manager] = [everyone()[Number(selfPick.value)], everyone()[Number(managerPick.value)]];
      const role = self && roleById.get(self.docId);
      if (!self || !manager || self === manager || !role || self.docId !== manager.docId) {
        pairBox.replaceChildren(h('p', null, 'Choose two different assessments made on the same role guide.'));
        return;
      }
      pair = pairView(role, self, manager);
      pairBox.replaceChildren(pair.element, h('div', { class: 'rb-row' }, button('agreed', 'Download all three (JSON)'), button('print-pair', 'Print the 1:1 pack')));
      say(`${self.name} and ${manager.name} side by side.`);
    },
    agreed: () => pair && download('one-to-one.json', pair.file(), 'application/json'),
    'print-pair': () => printPart('pair'),
  };

  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-rb-act], [data-rb-sort]');
    if (!target) return;
    if (target.dataset.rbSort) {
      sorting = { key: JSON.parse(target.dataset.rbSort) as SortKey, direction: target.dataset.rbDirection === 'descending' ? 'descending' : 'ascending' };
      render();
      // The table was rebuilt: keep the keyboard where it was.
      root.querySelector<HTMLElement>(`[data-rb-sort='${target.dataset.rbSort}']`)?.focus();
      say(`Sorted by ${target.getAttribute('aria-label')?.replace(/^Sort by /, '')}.`);
      return;
    }
    actions[target.dataset.rbAct!]?.(target);
  });
  input.addEventListener('change', () => {
    void importFiles([...(input.files ?? [])]).then(() => (input.value = ''));
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.dataset.over = '';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset.over);
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    delete drop.dataset.over;
    void importFiles(droppedFiles(event));
  });
  against.addEventListener('change', () => {
    againstChosen = true;
    render();
  });
  filter.addEventListener('change', render);
  keep.addEventListener('change', () => {
    if (keep.checked) {
      canSave = canSave || loadTeam(storage).canSave;
      persist();
      say(canSave ? 'This team will be kept in this browser.' : 'This browser cannot keep the team.');
    } else {
      const forgotten = forgetTeam(storage);
      if (!forgotten.ok) storageNotices.push(forgotten.notice);
      say('This team is no longer kept in this browser; it stays on this page until you leave.');
    }
    renderNotices();
  });

  root.querySelector('[data-rb-nojs]')?.remove();
  root.append(
    drop,
    h(
      'div',
      { class: 'rb-toolbar', 'data-rb-toolbar': true },
      h('div', { class: 'rb-row' }, h('label', null, 'Requirements of ', against), h('label', null, 'People assessed on ', filter)),
      h('div', { class: 'rb-row' }, button('csv', 'Export CSV'), button('print', 'Print'), h('label', { class: 'rb-keep' }, keep, ' Keep this team in this browser'), button('forget', 'Forget this team')),
    ),
    notices,
    live,
    tableBox,
    pairSection,
  );
  render();
}

const root = document.querySelector<HTMLElement>('[data-rb-team]');
const json = root?.querySelector('[data-rb-team-model]')?.textContent;
if (root && json) mount(root, JSON.parse(json) as PageModel);
