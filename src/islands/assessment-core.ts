/**
 * What the skills assessment and the key-result tracker share: the form around the items (built
 * here, in the browser, from the JSON model the page carries, so the HTML stays small), named
 * assessments saved per document, comparison, export, import, share links, print, notices and
 * announcements. The kind-specific parts (the items, what an entry is, how results look) come in
 * through an `Adapter`.
 *
 * The page must keep working whatever the browser does: storage problems become notices and the
 * assessment carries on for the session. Nothing here sends anything anywhere.
 */
import { LIMITS, type AnyAssessment, type AssessmentKind, type KeyResultEntry, type SkillEntry } from '../model/assessment.ts';
import { exportJson, parseImport, readShareFragment, shareFragment } from '../model/assessment-io.ts';
import {
  deleteAssessment,
  freeName,
  loadAssessments,
  mergeAssessments,
  putAssessment,
  renameAssessment,
  saveAssessments,
  storageKey,
  type StorageLike,
} from '../model/assessment-storage.ts';
import { h, type Child } from './dom.ts';

type Entry = SkillEntry | KeyResultEntry;
export interface Shown<E extends Entry> {
  name: string;
  /** Lined up with the page's items (entry i belongs to the item with `data-i="i"`), then entries the guide no longer has. */
  entries: E[];
}

export interface Adapter<E extends Entry> {
  /** What the reader is asked to do, above the toolbar. */
  intro: string;
  /** The form's items: one `choiceItem` per skill or key result (numbered as entries are), grouped as the document groups them. */
  items(): Child[];
  /** Lines saved entries up with the document's current items. */
  normalise(entries: E[]): E[];
  /** The radio value an entry selects ('' for none). */
  choice(entry: E): string;
  /** The entry with the choice `value` made for item `index`. */
  choose(entry: E, value: string, index: number): E;
  noteKey: 'evidence' | 'note';
  /** How an entry the guide no longer has is described. */
  removed(entry: E): string;
  /** Read out after a choice: the item's result and the overall figure. */
  announce(entries: E[], index: number): string;
  render(results: HTMLElement, shown: Shown<E>, compared: Shown<E> | undefined): void;
  csv(assessments: AnyAssessment[]): string;
}

export interface Choice {
  value: string;
  /** What the radio button reads, e.g. a code and a level name. */
  label: Child[];
  /** Marks a choice that meets the requirement (a green underline; the legend says it in words). */
  meets?: boolean;
}

/**
 * One item of the form: a group of native radio buttons named by its legend, whatever the caller
 * puts after them (a live result), and an optional note. `data-i` ties it to entry `i`.
 */
export function choiceItem(
  i: number,
  attrs: Record<string, string | boolean | undefined>,
  legend: Child[],
  group: string,
  choices: Choice[],
  after: Child,
  note: { summary: string; label: string },
): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'rb-item', 'data-i': i, ...attrs },
    h('legend', null, ...legend),
    h(
      'div',
      { class: 'rb-choices' },
      ...choices.map((choice) =>
        h('label', { class: 'rb-choice', 'data-meets': choice.meets }, h('input', { type: 'radio', name: `${group}-${i}`, value: choice.value }), ...choice.label),
      ),
    ),
    after,
    h(
      'details',
      { class: 'rb-note' },
      h('summary', null, note.summary, ' ', h('span', { class: 'rb-optional' }, '(optional)')),
      h('label', { for: `rb-note-${i}` }, note.label),
      h('textarea', { id: `rb-note-${i}`, 'data-i': i, rows: 3, maxlength: LIMITS.note }),
    ),
  );
}

const now = () => new Date().toISOString();
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'assessment';

function browserStorage(): StorageLike | null {
  try {
    // Reading `localStorage` itself throws where storage is blocked.
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

export function mountAssessment<E extends Entry>(root: HTMLElement, docId: string, kind: AssessmentKind, title: string, adapter: Adapter<E>): void {
  const noun = kind === 'role-guide' ? 'assessment' : 'tracking';
  const button = (act: string, text: string) => h('button', { type: 'button', 'data-rb-act': act }, text);
  // Everything below is built detached and put on the page at the end, in one step, so a failure
  // part way leaves the page as it was (with its no-script note).
  const picker = h('select', { 'data-rb-select': true });
  const nameInput = h('input', { 'data-rb-name': true, maxlength: 75, autocomplete: 'off', spellcheck: 'false' });
  const comparePicker = h('select', { 'data-rb-compare': true }, h('option', { value: '' }, 'nothing'));
  const shareUrl = h('input', { readonly: true, 'data-rb-share-url': true });
  const shareBox = h(
    'p',
    { class: 'rb-share', 'data-rb-share': true, hidden: true },
    h('label', null, 'Share link: it carries the choices but no notes, in the part of the address that is never sent to a server', shareUrl),
  );
  const toolbar = h(
    'div',
    { class: 'rb-toolbar', 'data-rb-toolbar': true },
    h(
      'div',
      { class: 'rb-row' },
      h('label', null, `Saved ${noun}s `, picker),
      h('label', null, 'Name ', nameInput),
      button('new', `New ${noun}`),
      button('delete', 'Delete'),
      h('label', null, 'Compare with ', comparePicker),
    ),
    h(
      'div',
      { class: 'rb-row' },
      button('json', 'Export JSON'),
      button('csv', 'Export CSV'),
      h('label', { class: 'rb-file' }, 'Import JSON ', h('input', { type: 'file', accept: '.json,application/json', 'data-rb-import': true })),
      button('share', 'Share link'),
      button('print', 'Print'),
    ),
    shareBox,
  );
  const noticeBox = h('div', { class: 'rb-notice', 'data-rb-notice': true, role: 'alert' });
  const live = h('p', { class: 'visually-hidden', 'data-rb-live': true, 'aria-live': 'polite' });
  const heading = root.querySelector('h2')?.textContent ?? title;
  const items = h('fieldset', { class: 'rb-items', 'data-rb-items': true }, h('legend', { class: 'visually-hidden' }, heading), ...adapter.items());
  const removedBox = h('div', { class: 'rb-removed', 'data-rb-removed': true, hidden: true });
  const results = h('div', { class: 'rb-results', 'data-rb-results': true });

  const storage = browserStorage();
  const loaded = loadAssessments(storage, docId, kind);
  let { file, canSave } = loaded;
  let shown!: Shown<E>;
  let saveTimer = 0;

  const say = (text: string) => {
    // Emptied first so the same words twice are still announced.
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 50);
  };
  const warn = (text: string) =>
    noticeBox.replaceChildren(
      h('p', null, text),
      h('button', { type: 'button', 'data-rb-act': 'dismiss' }, 'Dismiss'),
    );

  const blank = (name: string): AnyAssessment => ({ name, updated: now(), entries: adapter.normalise([]) }) as AnyAssessment;
  const show = (name: string | undefined) => {
    if (!file.assessments.length) file = putAssessment(file, blank(`My ${noun}`));
    const assessment = file.assessments.find((a) => a.name === name) ?? file.assessments[0]!;
    shown = { name: assessment.name, entries: adapter.normalise(assessment.entries as E[]) };
    file = { ...file, current: assessment.name };
  };

  const persist = () => {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!canSave) return;
    const saved = saveAssessments(storage, file);
    if (!saved.ok) {
      warn(saved.notice.message);
      // A full quota may clear up; the other failures will not during this visit.
      canSave = saved.notice.code === 'quota';
    }
  };
  const commit = (later = false) => {
    file = putAssessment(file, { name: shown.name, updated: now(), entries: shown.entries } as AnyAssessment);
    if (later) {
      clearTimeout(saveTimer);
      saveTimer = window.setTimeout(persist, 400);
    } else persist();
  };

  const options = (select: HTMLSelectElement, names: string[], selected: string, first?: HTMLOptionElement) =>
    select.replaceChildren(...(first ? [first] : []), ...names.map((name) => h('option', { value: name, selected: name === selected }, name)));

  const render = () => {
    const names = file.assessments.map((a) => a.name);
    options(picker, names, shown.name);
    nameInput.value = shown.name;
    const comparing = comparePicker.value;
    options(
      comparePicker,
      names.filter((name) => name !== shown.name),
      comparing,
      h('option', { value: '' }, 'nothing'),
    );
    for (const fieldset of items.querySelectorAll<HTMLElement>('fieldset[data-i]')) {
      const entry = shown.entries[Number(fieldset.dataset.i)]!;
      const value = adapter.choice(entry);
      for (const radio of fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = radio.value === value;
      const note = fieldset.querySelector('textarea')!;
      const text = (entry as Record<string, unknown>)[adapter.noteKey] as string;
      if (note.value !== text) note.value = text;
      // Keep a note visible when there is one, so it is not forgotten (and so it prints).
      if (text) note.closest('details')!.open = true;
    }
    const count = items.querySelectorAll('fieldset[data-i]').length;
    const removed = shown.entries.slice(count);
    removedBox.hidden = !removed.length;
    removedBox.replaceChildren(
      h('h3', null, 'No longer in this guide'),
      h('p', null, `The guide has changed since this ${noun} was saved. These entries are kept until you discard them.`),
      h(
        'ul',
        null,
        ...removed.map((entry, i) =>
          h('li', null, adapter.removed(entry), ' ', h('button', { type: 'button', 'data-rb-act': 'discard', 'data-i': count + i }, 'Discard')),
        ),
      ),
    );
    const other = file.assessments.find((a) => a.name === comparePicker.value);
    adapter.render(results, shown, other && { name: other.name, entries: adapter.normalise(other.entries as E[]) });
  };

  const download = (name: string, text: string, type: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const fileName = (extension: string) => `${slug(title)}-${slug(shown.name)}.${extension}`;

  const actions: Record<string, (target: HTMLElement) => void> = {
    dismiss: () => noticeBox.replaceChildren(),
    new: () => {
      if (file.assessments.length >= LIMITS.assessments) return warn(`You already have ${LIMITS.assessments} saved; delete one first.`);
      file = putAssessment(file, blank(freeName(file, `${noun[0]!.toUpperCase()}${noun.slice(1)} ${now().slice(0, 10)}`)));
      show(file.current);
      persist();
      render();
      nameInput.focus();
      nameInput.select();
      say(`New ${noun} “${shown.name}” created. You can type a name for it now.`);
    },
    delete: () => {
      if (!confirm(`Delete “${shown.name}”? This cannot be undone.`)) return;
      const gone = shown.name;
      file = deleteAssessment(file, gone);
      show(file.current);
      persist();
      render();
      say(`Deleted “${gone}”. Showing “${shown.name}”.`);
    },
    discard: (target) => {
      shown.entries.splice(Number(target.dataset.i), 1);
      commit();
      render();
      say('Entry discarded.');
      picker.focus();
    },
    json: () => download(fileName('json'), exportJson(file, [shown.name]), 'application/json'),
    csv: () => download(fileName('csv'), adapter.csv(file.assessments.filter((a) => a.name === shown.name)), 'text/csv'),
    share: () => {
      const assessment = file.assessments.find((a) => a.name === shown.name)!;
      shareUrl.value = location.href.split('#')[0] + shareFragment(file, assessment);
      shareBox.hidden = false;
      shareUrl.focus();
      shareUrl.select();
      const copied = navigator.clipboard?.writeText(shareUrl.value);
      if (copied) copied.then(() => say('Share link copied.'), () => say('Share link selected; copy it with Ctrl+C.'));
      else say('Share link selected; copy it with Ctrl+C.');
    },
    print: () => {
      // Marks the page so the print styles leave out everything but the assessment.
      const page = document.documentElement.classList;
      page.add('rb-printing');
      addEventListener('afterprint', () => page.remove('rb-printing'), { once: true });
      print();
    },
  };

  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-rb-act]');
    if (target) actions[target.dataset.rbAct!]?.(target);
  });

  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target === (picker as Element)) {
      show(picker.value);
      persist();
      render();
      say(`Showing “${shown.name}”.`);
    } else if (target === (comparePicker as Element)) {
      render();
      say(comparePicker.value ? `Comparing with “${comparePicker.value}”; see the table of results.` : 'Comparison closed.');
    } else if (target === nameInput) {
      const from = shown.name;
      if (nameInput.value.trim() && nameInput.value !== from) {
        file = renameAssessment(file, from, nameInput.value);
        show(file.current);
        persist();
        say(`Renamed to “${shown.name}”.`);
      }
      render();
    } else if (target.type === 'file') {
      const chosen = target.files?.[0];
      target.value = '';
      if (!chosen) return;
      if (chosen.size > LIMITS.chars) return warn(`This file is too large to be an export (over ${LIMITS.chars / 1024} KB). Nothing was changed.`);
      chosen.text().then((text) => {
        const imported = parseImport(text, docId, kind);
        if (!imported.ok) return warn(imported.message);
        const merged = mergeAssessments(file, imported.assessments);
        if (merged.full) return warn(`Importing would make more than ${LIMITS.assessments} saved; delete some first. Nothing was changed.`);
        if (!merged.added.length) return warn('Everything in this file is already here. Nothing was changed.');
        file = merged.file;
        show(merged.added[0]);
        persist();
        render();
        noticeBox.replaceChildren();
        say(`Imported ${merged.added.map((name) => `“${name}”`).join(', ')}.`);
      }, () => warn('The file could not be read. Nothing was changed.'));
    } else if (target.type === 'radio') {
      const index = Number(target.closest<HTMLElement>('[data-i]')!.dataset.i);
      shown.entries[index] = adapter.choose(shown.entries[index]!, target.value, index);
      commit();
      render();
      say(adapter.announce(shown.entries, index));
    }
  });

  root.addEventListener('input', (event) => {
    const target = event.target as HTMLTextAreaElement;
    if (target.tagName !== 'TEXTAREA') return;
    const index = Number(target.dataset.i);
    shown.entries[index] = { ...shown.entries[index]!, [adapter.noteKey]: target.value.slice(0, LIMITS.note) };
    commit(true);
    render();
  });
  // Notes are saved a moment after typing stops; do not lose the last words when the page goes.
  addEventListener('pagehide', () => saveTimer && persist());

  // Another tab saved this document: show what it saved rather than overwrite it later.
  addEventListener('storage', (event) => {
    if (event.key !== storageKey(docId) || !canSave) return;
    const fresh = loadAssessments(storage, docId, kind);
    if (fresh.notice) warn(fresh.notice.message);
    ({ file, canSave } = fresh);
    show(shown.name);
    render();
  });

  // A share link adds its assessment (once) and shows it; it is read before anything else so a
  // visitor with nothing saved does not also get an empty assessment saved beside it.
  const shared = readShareFragment(location.hash, docId, kind);
  let showFirst = file.current;
  if (shared) {
    history.replaceState(null, '', location.pathname + location.search);
    if (!shared.ok) warn(shared.message);
    else {
      const name = `${shared.assessment.name} (shared)`;
      const merged = mergeAssessments(file, [{ ...shared.assessment, name }]);
      if (merged.full) warn(`This link carries a shared ${noun}, but ${LIMITS.assessments} are already saved; delete one and open the link again.`);
      else {
        file = merged.file;
        showFirst = merged.added[0] ?? name;
        say(`Showing the shared ${noun} “${showFirst}”.`);
      }
    }
  }
  show(showFirst);
  if (shared?.ok) persist();
  if (loaded.notice) warn(loaded.notice.message);

  render();
  root.prepend(h('p', { class: 'rb-print-title' }, title));
  root
    .querySelector('[data-rb-nojs]')!
    .replaceWith(h('p', { class: 'rb-intro' }, adapter.intro), toolbar, noticeBox, live, items, removedBox, results);
}

/** Finds the island's root and model on the page and mounts it; a failure leaves the no-script text. */
export function start<E extends Entry>(kind: AssessmentKind, adapterFor: (model: any) => Adapter<E>): void {
  const root = document.querySelector<HTMLElement>(`[data-rb-assessment="${kind}"]`);
  if (!root) return;
  try {
    const model = JSON.parse(root.querySelector('[data-rb-model]')!.textContent!);
    mountAssessment(root, model.docId, kind, model.title, adapterFor(model));
  } catch (error) {
    root.querySelector('[data-rb-nojs]')!.textContent = `The ${kind === 'role-guide' ? 'self-assessment' : 'tracker'} could not start (${String(error)}).`;
  }
}
