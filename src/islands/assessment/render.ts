/**
 * Drawing the regions from the store's state, each only when what it shows changed: the toolbar
 * and the removed entries when the file does, an item when its choice does, the results on any
 * choice or comparison, and for a typed note only the note's copy in the results.
 */
import { h } from '../dom.ts';
import { noteOf, type Adapter, type Entry } from './adapter.ts';
import type { Island } from './island.ts';
import type { State } from './store.ts';
import { button, type View } from './view.ts';

const options = (select: HTMLSelectElement, names: string[], selected: string, first?: HTMLOptionElement) =>
  select.replaceChildren(...(first ? [first] : []), ...names.map((name) => h('option', { value: name, selected: name === selected }, name)));

export function renderToolbar<E extends Entry>(view: View, { file, shown, compared }: State<E>): void {
  const names = file.assessments.map((a) => a.name);
  options(view.picker, names, shown.name);
  view.nameInput.value = shown.name;
  options(
    view.comparePicker,
    names.filter((name) => name !== shown.name),
    compared?.name ?? '',
    h('option', { value: '' }, 'nothing'),
  );
}

/** Sets an item's radios and note from its entry. */
export function renderItem<E extends Entry>(fieldset: HTMLElement, entry: E, adapter: Adapter<E>): void {
  const value = adapter.choice(entry);
  for (const radio of fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = radio.value === value;
  const note = fieldset.querySelector('textarea')!;
  const text = noteOf(entry);
  if (note.value !== text) note.value = text;
  // Keep a note visible when there is one, so it is not forgotten (and so it prints).
  if (text) note.closest('details')!.open = true;
}

/** The entries the guide no longer has, each with a button to discard it. */
export function renderRemoved<E extends Entry>(island: Island<E>): void {
  const { view, adapter, noun } = island;
  const count = view.fieldsets.length;
  const removed = island.store.state.shown.entries.slice(count);
  view.removed.hidden = !removed.length;
  view.removed.replaceChildren(
    h('h3', null, 'No longer in this guide'),
    h('p', null, `The guide has changed since this ${noun} was saved. These entries are kept until you discard them.`),
    h(
      'ul',
      null,
      ...removed.map((entry, i) =>
        h('li', null, adapter.removed(entry), ' ', button('discard', 'Discard', { 'data-i': count + i })),
      ),
    ),
  );
}

/** Subscribes the regions to the store. */
export function connectRendering<E extends Entry>(island: Island<E>): void {
  const { store, view, adapter } = island;
  store.subscribe((change) => {
    const { shown, compared } = store.state;
    if (change.what === 'note') return adapter.renderNote(change.index, noteOf(shown.entries[change.index]!));
    if (change.what === 'file') {
      renderToolbar(view, store.state);
      view.fieldsets.forEach((fieldset, i) => renderItem(fieldset, shown.entries[i]!, adapter));
      renderRemoved(island);
    }
    if (change.what === 'entry') renderItem(view.fieldsets[change.index]!, shown.entries[change.index]!, adapter);
    adapter.render(view.results, shown, compared);
  });
}
