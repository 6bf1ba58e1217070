/**
 * What a kind of assessment plugs into the shared machinery: the skills self-assessment
 * (role-assessment.ts) and the key-result tracker (key-results.ts) each give one `Adapter`.
 */
import type { KeyResultEntry, SkillEntry } from '../../model/assessment/schemas.ts';
import type { Child } from '../dom.ts';

export type Entry = SkillEntry | KeyResultEntry;

/** One named assessment as the island holds it. */
export interface Shown<E extends Entry> {
  name: string;
  /** Lined up with the page's items (entry i belongs to the item with `data-i="i"`), then entries the guide no longer has. */
  entries: E[];
}

export interface Adapter<E extends Entry> {
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
  csv(assessments: { name: string; entries: E[] }[]): string;
  /** Draws the results region (and each item's live result) for the shown assessment and the one compared with it. */
  render(results: HTMLElement, shown: Shown<E>, compared: Shown<E> | undefined): void;
  /** Keeps the results' copy of note `index` in step while it is typed, without redrawing anything else. */
  renderNote(index: number, text: string): void;
}

/** The note of an entry, whichever kind it is. */
export const noteOf = (entry: Entry): string =>
  'evidence' in entry ? entry.evidence : entry.note;
