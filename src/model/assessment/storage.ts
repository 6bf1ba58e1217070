/**
 * Saving assessments in the browser, over any Storage-like object (localStorage in the page, a
 * Map-backed fake in tests). One key per document holds all of its named assessments.
 *
 * Promises to the page: nothing here throws; whatever goes wrong comes back as a notice to show.
 * Data we cannot read is never overwritten: it is copied aside under another key first, and if
 * even that fails we stop saving. A file written by a newer Rolebook is left alone entirely.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, LIMITS } from './format.ts';
import { readReason, storageNotice as notice, type StorageNotice } from './messages.ts';
import { readAssessmentJson } from './read.ts';
import type { AssessmentFile, AssessmentKind } from './schemas.ts';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const storageKey = (docId: string): string => `rolebook:assessments:${docId}`;

export const emptyFile = (docId: string, kind: AssessmentKind): AssessmentFile =>
  ({ format: ASSESSMENT_FORMAT, version: ASSESSMENT_VERSION, docId, kind, assessments: [] }) as AssessmentFile;

export interface Loaded {
  file: AssessmentFile;
  /** False when saving could lose data or cannot work: the page then runs for the session only. */
  canSave: boolean;
  notice?: StorageNotice;
}

/** FNV-1a, so the same unreadable text always lands under the same aside key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

type Aside = { ok: true; key: string } | { ok: false; error: string };

/** If the stored text is not ours to overwrite, copy it aside (or say why we must not write). */
function protectExisting(storage: StorageLike, key: string, docId: string, kind: AssessmentKind): Aside | { newer: number } | null {
  const raw = storage.getItem(key);
  if (raw === null) return null;
  const reading = readAssessmentJson(raw);
  if (reading.state === 'newer') return { newer: reading.version };
  let error: string;
  if (reading.state === 'ok') {
    if (reading.file.docId === docId && reading.file.kind === kind) return null;
    error = readReason({ code: 'other-page' });
  } else {
    error = reading.error;
  }
  const asideKey = `${key}:unreadable:${hash(raw)}`;
  try {
    if (storage.getItem(asideKey) !== raw) storage.setItem(asideKey, raw);
    return { ok: true, key: asideKey };
  } catch {
    return { ok: false, error };
  }
}

/** Loads a document's assessments. Never throws; problems come back as a notice. */
export function loadAssessments(storage: StorageLike | null, docId: string, kind: AssessmentKind): Loaded {
  const fresh = emptyFile(docId, kind);
  if (!storage) return { file: fresh, canSave: false, notice: notice.unavailable() };
  const key = storageKey(docId);
  try {
    const raw = storage.getItem(key);
    if (raw === null) return { file: fresh, canSave: true };
    const reading = readAssessmentJson(raw);
    if (reading.state === 'ok' && reading.file.docId === docId && reading.file.kind === kind) {
      return { file: reading.file, canSave: true };
    }
    const protection = protectExisting(storage, key, docId, kind);
    if (protection && 'newer' in protection) return { file: fresh, canSave: false, notice: notice.newer(protection.newer) };
    const error = reading.state === 'ok' ? readReason({ code: 'other-page' }) : reading.state === 'newer' ? '' : reading.error;
    if (!protection?.ok) return { file: fresh, canSave: false, notice: notice.asideFailed(error) };
    storage.removeItem(key);
    return { file: fresh, canSave: true, notice: notice.setAside(error, protection.key) };
  } catch {
    return { file: fresh, canSave: false, notice: notice.unavailable() };
  }
}

export type Saved = { ok: true } | { ok: false; notice: StorageNotice };

const isQuotaError = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || [22, 1014].includes((error as { code?: number }).code ?? 0));

/**
 * Saves a document's assessments. Re-reads the key first, because another tab (perhaps running a
 * newer version of the site) may have written it since we loaded. Never throws.
 */
export function saveAssessments(storage: StorageLike | null, file: AssessmentFile): Saved {
  if (!storage) return { ok: false, notice: notice.unavailable() };
  const key = storageKey(file.docId);
  try {
    const protection = protectExisting(storage, key, file.docId, file.kind);
    if (protection && 'newer' in protection) return { ok: false, notice: notice.newer(protection.newer) };
    if (protection && !protection.ok) return { ok: false, notice: notice.asideFailed(protection.error) };
    const text = JSON.stringify(file);
    if (text.length > LIMITS.chars) return { ok: false, notice: notice.tooLarge() };
    storage.setItem(key, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, notice: isQuotaError(error) ? notice.quota() : notice.unavailable() };
  }
}
