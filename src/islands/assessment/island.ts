/**
 * Everything a part of the island works with, handed to each part (actions, import, share links,
 * tab sync, rendering) and to extensions: the store to read and change, the regions to draw in,
 * and the notices.
 */
import type { AssessmentKind } from '../../model/assessment/schemas.ts';
import type { StorageLike } from '../../model/assessment/storage.ts';
import type { Adapter, Entry } from './adapter.ts';
import type { Notices } from './notices.ts';
import type { Saver } from './saving.ts';
import type { Store } from './store.ts';
import type { View } from './view.ts';

export interface Island<E extends Entry> extends Notices {
  root: HTMLElement;
  docId: string;
  kind: AssessmentKind;
  /** The document's title (file names, the print heading). */
  title: string;
  /** "assessment" or "tracking", in the toolbar's words. */
  noun: string;
  adapter: Adapter<E>;
  store: Store<E>;
  view: View;
  storage: StorageLike | null;
  saver: Saver;
}

/**
 * A feature added to the island (a panel, an action): it subscribes to the store and draws in its
 * own element, which it returns to have it placed after the results (or nothing).
 */
export type Extension<E extends Entry> = (island: Island<E>) => Node | void;
