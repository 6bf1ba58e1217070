/**
 * The island's regions, built detached (mount.ts puts them on the page in one step, so a failure
 * part way leaves the page as it was, with its no-script note): the toolbar, the notice and
 * live-announcement boxes, the items, the entries the guide no longer has, and the results.
 */
import { TYPED_NAME_MAX } from '../../model/assessment/format.ts';
import { h, type Child } from '../dom.ts';

export interface View {
  picker: HTMLSelectElement;
  nameInput: HTMLInputElement;
  comparePicker: HTMLSelectElement;
  shareBox: HTMLElement;
  shareUrl: HTMLInputElement;
  toolbar: HTMLElement;
  notice: HTMLElement;
  live: HTMLElement;
  items: HTMLElement;
  /** The items' fieldsets, by entry index. */
  fieldsets: HTMLElement[];
  removed: HTMLElement;
  results: HTMLElement;
}

/** A button whose `data-rb-act` names its action in actions.ts. */
export const button = (act: string, text: string, attrs?: Record<string, number>) => h('button', { type: 'button', 'data-rb-act': act, ...attrs }, text);

function toolbar(noun: string, picker: HTMLElement, nameInput: HTMLElement, comparePicker: HTMLElement, shareBox: HTMLElement) {
  return h(
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
}

export function buildView(noun: string, heading: string, items: Child[]): View {
  const picker = h('select', { 'data-rb-select': true });
  const nameInput = h('input', { 'data-rb-name': true, maxlength: TYPED_NAME_MAX, autocomplete: 'off', spellcheck: 'false' });
  const comparePicker = h('select', { 'data-rb-compare': true }, h('option', { value: '' }, 'nothing'));
  const shareUrl = h('input', { readonly: true, 'data-rb-share-url': true });
  const shareBox = h(
    'p',
    { class: 'rb-share', 'data-rb-share': true, hidden: true },
    h('label', null, 'Share link: it carries the choices but no notes, in the part of the address that is never sent to a server', shareUrl),
  );
  const itemsBox = h('fieldset', { class: 'rb-items', 'data-rb-items': true }, h('legend', { class: 'visually-hidden' }, heading), ...items);
  return {
    picker,
    nameInput,
    comparePicker,
    shareBox,
    shareUrl,
    toolbar: toolbar(noun, picker, nameInput, comparePicker, shareBox),
    notice: h('div', { class: 'rb-notice', 'data-rb-notice': true, role: 'alert' }),
    live: h('p', { class: 'visually-hidden', 'data-rb-live': true, 'aria-live': 'polite' }),
    items: itemsBox,
    fieldsets: [...itemsBox.querySelectorAll<HTMLElement>('fieldset[data-i]')],
    removed: h('div', { class: 'rb-removed', 'data-rb-removed': true, hidden: true }),
    results: h('div', { class: 'rb-results', 'data-rb-results': true }),
  };
}
