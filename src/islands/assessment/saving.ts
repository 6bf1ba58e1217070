/**
 * Saving to the browser's storage: at once after a choice, a moment after typing stops for a
 * note, and before the page goes. A failure becomes a notice; a full quota may clear up, the other
 * failures will not during this visit, so saving stops for the session.
 */
import type { AssessmentFile } from '../../model/assessment/schemas.ts';
import { saveAssessments, type StorageLike } from '../../model/assessment/storage.ts';

export interface Saver {
  save(file: AssessmentFile, later?: boolean): void;
  readonly canSave: boolean;
  /** After another tab saved: forget what was waiting and save (or not) from now on. */
  restart(canSave: boolean): void;
}

/** `localStorage`, or null where the browser blocks it (reading it then throws). */
export function browserStorage(): StorageLike | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

export function createSaver(storage: StorageLike | null, canSave: boolean, warn: (text: string) => void): Saver {
  let pending: AssessmentFile | undefined;
  let timer = 0;
  const flush = () => {
    clearTimeout(timer);
    const file = pending;
    pending = undefined;
    if (!file || !canSave) return;
    const saved = saveAssessments(storage, file);
    if (!saved.ok) {
      warn(saved.notice.message);
      canSave = saved.notice.code === 'quota';
    }
  };
  // Notes are saved a moment after typing stops; do not lose the last words when the page goes.
  addEventListener('pagehide', flush);
  return {
    save(file, later = false) {
      pending = file;
      if (!later) return flush();
      clearTimeout(timer);
      timer = window.setTimeout(flush, 400);
    },
    get canSave() {
      return canSave;
    },
    restart(can) {
      clearTimeout(timer);
      pending = undefined;
      canSave = can;
    },
  };
}
