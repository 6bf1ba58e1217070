/** The one building block of an assessment form, shared by both kinds. */
import { LIMITS } from '../../model/assessment/format.ts';
import { h, type Child } from '../dom.ts';

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
