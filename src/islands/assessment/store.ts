/**
 * The island's state: the document's saved file, the assessment shown, the one compared with it.
 * Every change goes through here and is announced to subscribers with what changed, so each
 * region of the page redraws only when what it shows did (typing a note redraws nothing but the
 * note's own copies). Saving is handed to the `save` function it is given (saving.ts).
 */
import { putAssessment } from '../../model/assessment/collection.ts';
import type { AnyAssessment, AssessmentFile } from '../../model/assessment/schemas.ts';
import type { Entry, Shown } from './adapter.ts';

export type Change =
  /** The file: another assessment shown, one added, renamed, deleted, discarded from, imported, or saved by another tab. */
  | { what: 'file' }
  /** A choice made for item `index`. */
  | { what: 'entry'; index: number }
  /** A note typed for item `index`. */
  | { what: 'note'; index: number }
  /** Another assessment chosen to compare with, or none. */
  | { what: 'compare' };

export interface State<E extends Entry> {
  readonly file: AssessmentFile;
  readonly shown: Shown<E>;
  readonly compared: Shown<E> | undefined;
}

export interface Store<E extends Entry> {
  readonly state: State<E>;
  /** Calls `listener` after every change, with what changed. */
  subscribe(listener: (change: Change) => void): void;
  /** Takes a new file, shows `name` (by default the file's current one) and saves unless `save` is false. */
  replace(file: AssessmentFile, name?: string, save?: boolean): void;
  /** Adds an empty assessment called `name` and shows it. */
  add(name: string): void;
  /** Sets entry `index` of the shown assessment; a note is saved a moment after typing stops. */
  setEntry(index: number, entry: E, what: 'entry' | 'note'): void;
  /** Drops entry `index` (one the guide no longer has). */
  discard(index: number): void;
  /** Compares the shown assessment with the one called `name` ('' for none). */
  compare(name: string): void;
}

export interface StoreOptions<E extends Entry> {
  normalise(entries: E[]): E[];
  /** The name of the assessment made when there is none. */
  firstName: string;
  save(file: AssessmentFile, later?: boolean): void;
}

export function createStore<E extends Entry>(file: AssessmentFile, { normalise, firstName, save }: StoreOptions<E>): Store<E> {
  const listeners: ((change: Change) => void)[] = [];
  const state = { file, shown: { name: '', entries: [] } as Shown<E>, compared: undefined as Shown<E> | undefined };
  let comparing = '';
  const now = () => new Date().toISOString();
  const blank = (name: string) => ({ name, updated: now(), entries: normalise([]) }) as AnyAssessment;
  const emit = (change: Change) => listeners.forEach((listener) => listener(change));
  const held = (assessment: AnyAssessment): Shown<E> => ({ name: assessment.name, entries: normalise(assessment.entries as E[]) });

  const show = (name: string | undefined) => {
    if (!state.file.assessments.length) state.file = putAssessment(state.file, blank(firstName));
    const assessment = state.file.assessments.find((a) => a.name === name) ?? state.file.assessments[0]!;
    state.shown = held(assessment);
    state.file = { ...state.file, current: assessment.name };
    // A comparison ends when its assessment is gone or is the one shown.
    const other = state.file.assessments.find((a) => a.name === comparing && a.name !== assessment.name);
    if (!other) comparing = '';
    state.compared = other && held(other);
  };
  /** Writes the shown assessment back into the file and saves it. */
  const commit = (later: boolean) => {
    state.file = putAssessment(state.file, { name: state.shown.name, updated: now(), entries: state.shown.entries } as AnyAssessment);
    save(state.file, later);
  };

  const store: Store<E> = {
    state,
    subscribe: (listener) => void listeners.push(listener),
    replace(next, name = next.current, persist = true) {
      state.file = next;
      show(name);
      if (persist) save(state.file);
      emit({ what: 'file' });
    },
    add: (name) => store.replace(putAssessment(state.file, blank(name))),
    setEntry(index, entry, what) {
      state.shown.entries[index] = entry;
      commit(what === 'note');
      emit({ what, index });
    },
    discard(index) {
      state.shown.entries.splice(index, 1);
      commit(false);
      emit({ what: 'file' });
    },
    compare(name) {
      comparing = name;
      show(state.shown.name);
      emit({ what: 'compare' });
    },
  };
  return store;
}
