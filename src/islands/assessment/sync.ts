/** Another tab saved this document: show what it saved rather than overwrite it later. */
import { loadAssessments, storageKey } from '../../model/assessment/storage.ts';
import type { Entry } from './adapter.ts';
import type { Island } from './island.ts';

export function followOtherTabs<E extends Entry>(island: Island<E>): void {
  const { store, saver, docId, kind } = island;
  addEventListener('storage', (event) => {
    if (event.key !== storageKey(docId) || !saver.canSave) return;
    const fresh = loadAssessments(island.storage, docId, kind);
    if (fresh.notice) island.warn(fresh.notice.message);
    saver.restart(fresh.canSave);
    store.replace(fresh.file, store.state.shown.name, false);
  });
}
