/**
 * What the reader does, turned into store changes: the toolbar's buttons (new, delete, discard,
 * export, share, print, dismiss), the pickers, the name, a choice and a note. Import, share links
 * and print are in their own modules.
 */
import { deleteAssessment, freeName, renameAssessment } from '../../model/assessment/collection.ts';
import { exportJson } from '../../model/assessment/exchange.ts';
import { LIMITS } from '../../model/assessment/format.ts';
import { download, printMarked } from '../dom.ts';
import type { Entry } from './adapter.ts';
import { importFile } from './import.ts';
import type { Island } from './island.ts';
import { shareLink } from './share.ts';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'assessment';

/** The print styles leave out everything but the assessment. */
const printResults = () => printMarked('rb-printing');

/** The toolbar's buttons (and the notice's and removed entries'), by their `data-rb-act`. */
export function buttonActions<E extends Entry>(island: Island<E>): Record<string, (target: HTMLElement) => void> {
  const { store, view, adapter, noun, say } = island;
  const shown = () => store.state.shown;
  const fileName = (extension: string) => `${slug(island.title)}-${slug(shown().name)}.${extension}`;
  return {
    dismiss: island.dismiss,
    new: () => {
      const { file } = store.state;
      if (file.assessments.length >= LIMITS.assessments) return island.warn(`You already have ${LIMITS.assessments} saved; delete one first.`);
      store.add(freeName(file, `${noun[0]!.toUpperCase()}${noun.slice(1)} ${new Date().toISOString().slice(0, 10)}`));
      view.nameInput.focus();
      view.nameInput.select();
      say(`New ${noun} “${shown().name}” created. You can type a name for it now.`);
    },
    delete: () => {
      const gone = shown().name;
      if (!confirm(`Delete “${gone}”? This cannot be undone.`)) return;
      store.replace(deleteAssessment(store.state.file, gone));
      say(`Deleted “${gone}”. Showing “${shown().name}”.`);
    },
    discard: (target) => {
      store.discard(Number(target.dataset.i));
      say('Entry discarded.');
      view.picker.focus();
    },
    json: () => download(fileName('json'), exportJson(store.state.file, [shown().name]), 'application/json'),
    csv: () => download(fileName('csv'), adapter.csv([shown()]), 'text/csv'),
    share: () => shareLink(island),
    print: printResults,
  };
}

function rename<E extends Entry>({ store, view, say }: Island<E>): void {
  const from = store.state.shown.name;
  const to = view.nameInput.value;
  if (!to.trim() || to === from) {
    view.nameInput.value = from;
    return;
  }
  store.replace(renameAssessment(store.state.file, from, to));
  say(`Renamed to “${store.state.shown.name}”.`);
}

/** Listens on the island's root for clicks, changes and typing. */
export function connectActions<E extends Entry>(island: Island<E>): void {
  const { root, store, view, adapter, say } = island;
  const buttons = buttonActions(island);
  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-rb-act]');
    if (target) buttons[target.dataset.rbAct!]?.(target);
  });
  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target === (view.picker as Element)) {
      store.replace(store.state.file, view.picker.value);
      say(`Showing “${store.state.shown.name}”.`);
    } else if (target === (view.comparePicker as Element)) {
      store.compare(view.comparePicker.value);
      say(view.comparePicker.value ? `Comparing with “${view.comparePicker.value}”; see the table of results.` : 'Comparison closed.');
    } else if (target === view.nameInput) rename(island);
    else if (target.type === 'file') importFile(island, target);
    else if (target.type === 'radio') {
      const index = Number(target.closest<HTMLElement>('[data-i]')!.dataset.i);
      store.setEntry(index, adapter.choose(store.state.shown.entries[index]!, target.value, index), 'entry');
      say(adapter.announce(store.state.shown.entries, index));
    }
  });
  root.addEventListener('input', (event) => {
    const target = event.target as HTMLTextAreaElement;
    if (target.tagName !== 'TEXTAREA') return;
    const index = Number(target.dataset.i);
    store.setEntry(index, { ...store.state.shown.entries[index]!, [adapter.noteKey]: target.value.slice(0, LIMITS.note) }, 'note');
  });
}
