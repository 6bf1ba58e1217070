/**
 * The team view (/team/): a manager imports the assessment files their people exported, by file
 * picker or drag and drop, and sees the team in one table against a chosen role; exports it as
 * CSV, prints it, keeps it in this browser if they choose, and puts a person's own assessment
 * beside the manager's. Everything happens in this page: no file is sent anywhere.
 */
import type { StorageLike } from '../../model/assessment/storage.ts';
import type { RoleRequirements } from '../../model/career.ts';
import { addPeople, emptyTeam, teamCsv, teamTable, teamTableSteps, type FileProblem, type Person, type SortKey, type Team, type TeamTable } from '../../model/team.ts';
import { forgetTeam, loadTeam, saveTeam, type TeamNotice } from '../../model/team-storage.ts';
import { download, h, printMarked } from '../dom.ts';
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

/** Prints the team table or the self-beside-manager view: the print styles keep only the chosen part. */
const printPart = (part: 'team' | 'pair') => printMarked(`rb-printing-${part}`);

const option = (value: string, label: string) => h('option', { value }, label);

/** The page's state and the elements that show it, shared by the parts below. */
interface TeamView {
  root: HTMLElement;
  model: PageModel;
  storage: StorageLike | null;
  roleById: Map<string, RoleRequirements>;
  team: Team;
  canSave: boolean;
  problems: FileProblem[];
  sorting: Sorting;
  pair: PairResult | undefined;
  againstChosen: boolean;
  /** Counts renders, so batches of rows from an older render stop. */
  renders: number;
  /** The last table worked out, for the team, role and filter it was worked out for: sorting reuses it. */
  table: { people: Person[]; against: string; filter: string; table: TeamTable } | undefined;
  /** Puts the rows still waiting for their batch on the page at once (before printing). */
  finishRows: () => void;
  /** The people the self and manager choices were last made from. */
  pairChoices: Person[] | undefined;
  storageNotices: TeamNotice[];
  controls: ReturnType<typeof createControls>;
}

const button = (act: string, text: string) => h('button', { type: 'button', class: 'button', 'data-rb-act': act }, text);

function createControls(model: PageModel, loaded: ReturnType<typeof loadTeam>, roleById: Map<string, RoleRequirements>) {
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
  return {
    input,
    drop,
    against,
    filter,
    keep,
    live: h('p', { class: 'visually-hidden', role: 'status', 'data-rb-live': true }),
    notices: h('div', { class: 'rb-notice', 'data-rb-team-notices': true }),
    tableBox: h('div', { 'data-rb-team-out': true, class: 'rb-team-print' }),
    selfPick,
    managerPick,
    pairBox,
    pairSection,
  };
}

const say = (view: TeamView, text: string) => (view.controls.live.textContent = text);
const everyone = (view: TeamView): Person[] => [...view.team.people, ...view.team.replaced];
const shownPeople = (view: TeamView): Person[] =>
  view.controls.filter.value ? view.team.people.filter((person) => person.docId === view.controls.filter.value) : view.team.people;

function persist(view: TeamView): void {
  if (!view.controls.keep.checked || !view.canSave) return;
  const saved = saveTeam(view.storage, view.team);
  if (!saved.ok) {
    view.storageNotices.push(saved.notice);
    view.canSave = saved.notice.code !== 'newer';
  }
}

function renderNotices(view: TeamView): void {
  const lines = [
    ...view.problems.map((problem) => h('li', null, h('strong', null, problem.file), `: could not be read because ${problem.reason}.`)),
    ...view.team.duplicates.map((d) => h('li', null, `“${d.name}” was in more than one file: kept the most recently updated one (${d.kept}), not the one in ${d.dropped}.`)),
    ...view.storageNotices.map((notice) => h('li', null, notice.message)),
  ];
  view.controls.notices.replaceChildren(...(lines.length ? [h('ul', null, ...lines)] : []));
}

/** Time the table's model may take in one task before the rest waits for the next one. */
const MODEL_BUDGET_MS = 20;

/**
 * Works out the table (a few people at a time, MODEL_BUDGET_MS per task, so 200 people never block
 * the page) and shows it; `then` runs once it is on the page. Sorting reuses the last table.
 */
function renderTable(view: TeamView, then?: () => void): void {
  const { tableBox, against, filter } = view.controls;
  const generation = ++view.renders;
  if (!view.team.people.length) {
    tableBox.replaceChildren(h('p', { class: 'empty' }, 'No one yet: import the files your people exported from their role pages.'));
    then?.();
    return;
  }
  const role = view.roleById.get(against.value);
  const people = shownPeople(view);
  const last = view.table;
  if (last && last.people === view.team.people && last.against === against.value && last.filter === filter.value) {
    showTable(view, last.table, role, people, generation);
    then?.();
    return;
  }
  const steps = teamTableSteps(people, view.model.roles, role);
  const work = () => {
    // A newer render (another role, filter or import) makes this one moot.
    if (generation !== view.renders) return;
    const start = performance.now();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        view.table = { people: view.team.people, against: against.value, filter: filter.value, table: step.value };
        showTable(view, step.value, role, people, generation);
        then?.();
        return;
      }
      if (performance.now() - start > MODEL_BUDGET_MS) break;
    }
    setTimeout(work, 0);
  };
  work();
}

function showTable(view: TeamView, table: TeamTable, role: RoleRequirements | undefined, people: Person[], generation: number): void {
  const { tableBox } = view.controls;
  const { team, model } = view;
  const scale = (role ?? model.roles.find((r) => r.id === people[0]?.docId) ?? model.roles[0])?.scale ?? [];
  const built = teamTableElement(table, scale, role, view.sorting, (id) => `${model.base}${id}/`);
  tableBox.replaceChildren(
    h('p', { class: 'rb-summary', 'data-rb-team-summary': true }, `${people.length} of ${team.people.length} ${team.people.length === 1 ? 'person' : 'people'} shown.`),
    table.unknownSkills.length ? h('p', null, `Skills no role guide on this site lists: ${table.unknownSkills.join(', ')}.`) : '',
    built.element,
  );
  view.finishRows = () => {
    while (generation === view.renders && built.more());
  };
  // The remaining rows go on in batches, each in its own task after the page has drawn the last
  // one, so a large team never blocks the page for long (batches added between two frames were
  // laid out together, in one long task); a newer render stops an older one's batches.
  const step = () => {
    if (generation === view.renders && built.more()) afterNextFrame(step);
    else if (generation === view.renders) tableBox.dataset.complete = '';
  };
  delete tableBox.dataset.complete;
  afterNextFrame(step);
}

/** Runs `then` in a task of its own once the page has drawn a frame (or after 100 ms, when it draws none, as in a hidden tab). */
function afterNextFrame(then: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    setTimeout(then, 0);
  };
  const fallback = setTimeout(go, 100);
  requestAnimationFrame(go);
}

function renderPairChoices(view: TeamView): void {
  const { selfPick, managerPick, pairSection } = view.controls;
  // Sorting, filtering or another role leave the choices as they are: 2 × 200 options are not rebuilt.
  const people = everyone(view);
  const last = view.pairChoices;
  if (last && people.length === last.length && people.every((person, i) => person === last[i])) return;
  view.pairChoices = people;
  const personLabel = (person: Person) => `${person.name} — ${view.roleById.get(person.docId)?.title ?? person.docId} (${person.source})`;
  const choices = people.map((person, i) => option(String(i), personLabel(person)));
  const [self, manager] = [selfPick.value, managerPick.value];
  selfPick.replaceChildren(...choices.map((node) => node.cloneNode(true)));
  managerPick.replaceChildren(...choices);
  if (self) selfPick.value = self;
  managerPick.value = manager || (choices.length > 1 ? '1' : '0');
  pairSection.hidden = people.length < 2;
}

/** Shows the notices, the table and the self/manager choices; `then` runs once the table is on the page. */
function render(view: TeamView, then?: () => void): void {
  renderNotices(view);
  renderTable(view, then);
  renderPairChoices(view);
}

async function importFiles(view: TeamView, files: File[]): Promise<void> {
  if (!files.length) return;
  const readings = await readFiles(files);
  view.problems = readings.filter((reading): reading is Extract<typeof reading, { ok: false }> => !reading.ok);
  const before = view.team.people.length;
  view.team = addPeople(view.team, readings.flatMap((reading) => (reading.ok ? reading.people : [])));
  // Until the manager picks a role, the table is against the role the first person was assessed on.
  const first = view.team.people[0];
  if (!view.againstChosen && first && view.roleById.has(first.docId)) view.controls.against.value = first.docId;
  persist(view);
  render(view);
  const added = view.team.people.length - before;
  say(view, `${added} ${added === 1 ? 'person' : 'people'} added from ${files.length} ${files.length === 1 ? 'file' : 'files'}${view.problems.length ? `; ${view.problems.length} could not be read` : ''}.`);
}

function showPair(view: TeamView): void {
  const { selfPick, managerPick, pairBox } = view.controls;
  const [self, manager] = [everyone(view)[Number(selfPick.value)], everyone(view)[Number(managerPick.value)]];
  const role = self && view.roleById.get(self.docId);
  if (!self || !manager || self === manager || !role || self.docId !== manager.docId) {
    pairBox.replaceChildren(h('p', null, 'Choose two different assessments made on the same role guide.'));
    return;
  }
  view.pair = pairView(role, self, manager);
  pairBox.replaceChildren(view.pair.element, h('div', { class: 'rb-row' }, button('agreed', 'Download all three (JSON)'), button('print-pair', 'Print the 1:1 pack')));
  say(view, `${self.name} and ${manager.name} side by side.`);
}

function forget(view: TeamView): void {
  const forgotten = forgetTeam(view.storage);
  view.team = emptyTeam();
  view.problems = [];
  view.pair = undefined;
  view.controls.pairBox.replaceChildren();
  view.controls.keep.checked = false;
  if (!forgotten.ok) view.storageNotices.push(forgotten.notice);
  render(view);
  say(view, 'This team has been forgotten: it is no longer on this page or kept in this browser.');
}

const ACTIONS: Record<string, (view: TeamView) => void> = {
  csv: (view) => {
    const role = view.roleById.get(view.controls.against.value);
    download('team.csv', teamCsv(teamTable(shownPeople(view), view.model.roles, role), (role ?? view.model.roles[0])?.scale ?? []), 'text/csv');
  },
  print: (view) => {
    // Rows still waiting for their batch go on now: the printed table has everyone.
    view.finishRows();
    printPart('team');
  },
  forget,
  pair: showPair,
  agreed: (view) => view.pair && download('one-to-one.json', view.pair.file(), 'application/json'),
  'print-pair': () => printPart('pair'),
};

function onClick(view: TeamView, event: Event): void {
  const target = (event.target as Element).closest<HTMLElement>('[data-rb-act], [data-rb-sort]');
  if (!target) return;
  if (target.dataset.rbSort) {
    const key = target.dataset.rbSort;
    view.sorting = { key: JSON.parse(key) as SortKey, direction: target.dataset.rbDirection === 'descending' ? 'descending' : 'ascending' };
    const label = target.getAttribute('aria-label')?.replace(/^Sort by /, '');
    render(view, () => {
      // The table was rebuilt: keep the keyboard where it was.
      view.root.querySelector<HTMLElement>(`[data-rb-sort='${key}']`)?.focus();
      say(view, `Sorted by ${label}.`);
    });
    return;
  }
  ACTIONS[target.dataset.rbAct!]?.(view);
}

function onKeepChange(view: TeamView): void {
  if (view.controls.keep.checked) {
    view.canSave = view.canSave || loadTeam(view.storage).canSave;
    persist(view);
    say(view, view.canSave ? 'This team will be kept in this browser.' : 'This browser cannot keep the team.');
  } else {
    const forgotten = forgetTeam(view.storage);
    if (!forgotten.ok) view.storageNotices.push(forgotten.notice);
    say(view, 'This team is no longer kept in this browser; it stays on this page until you leave.');
  }
  renderNotices(view);
}

function wire(view: TeamView): void {
  const { input, drop, against, filter, keep } = view.controls;
  view.root.addEventListener('click', (event) => onClick(view, event));
  input.addEventListener('change', () => {
    void importFiles(view, [...(input.files ?? [])]).then(() => (input.value = ''));
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.dataset.over = '';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset.over);
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    delete drop.dataset.over;
    void importFiles(view, droppedFiles(event));
  });
  against.addEventListener('change', () => {
    view.againstChosen = true;
    render(view);
  });
  filter.addEventListener('change', () => render(view));
  keep.addEventListener('change', () => onKeepChange(view));
}

function mount(root: HTMLElement, model: PageModel): void {
  const storage = browserStorage();
  const loaded = loadTeam(storage);
  const roleById = new Map(model.roles.map((role) => [role.id, role]));
  const controls = createControls(model, loaded, roleById);
  const view: TeamView = {
    root,
    model,
    storage,
    roleById,
    team: loaded.team,
    canSave: loaded.canSave,
    problems: [],
    sorting: { key: { by: 'name' }, direction: 'ascending' },
    pair: undefined,
    againstChosen: false,
    renders: 0,
    table: undefined,
    finishRows: () => {},
    pairChoices: undefined,
    storageNotices: loaded.notice ? [loaded.notice] : [],
    controls,
  };
  wire(view);
  root.querySelector('[data-rb-nojs]')?.remove();
  root.append(
    controls.drop,
    h(
      'div',
      { class: 'rb-toolbar', 'data-rb-toolbar': true },
      h('div', { class: 'rb-row' }, h('label', null, 'Requirements of ', controls.against), h('label', null, 'People assessed on ', controls.filter)),
      h('div', { class: 'rb-row' }, button('csv', 'Export CSV'), button('print', 'Print'), h('label', { class: 'rb-keep' }, controls.keep, ' Keep this team in this browser'), button('forget', 'Forget this team')),
    ),
    controls.notices,
    controls.live,
    controls.tableBox,
    controls.pairSection,
  );
  render(view);
}

const root = document.querySelector<HTMLElement>('[data-rb-team]');
const json = root?.querySelector('[data-rb-team-model]')?.textContent;
if (root && json) mount(root, JSON.parse(json) as PageModel);
