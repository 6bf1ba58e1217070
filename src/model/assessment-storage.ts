/**
 * Saving assessments in the browser, over any Storage-like object (localStorage in the page, a
 * Map-backed fake in tests). One key per document holds all of its named assessments.
 *
 * Promises to the page: nothing here throws; whatever goes wrong comes back as a notice to show.
 * Data we cannot read is never overwritten: it is copied aside under another key first, and if
 * even that fails we stop saving. A file written by a newer Rolebook is left alone entirely.
 */
import {
  ASSESSMENT_FORMAT,
  ASSESSMENT_VERSION,
  FORBIDDEN_KEYS,
  LIMITS,
  validateAssessmentFile,
  type AnyAssessment,
  type AssessmentFile,
  type AssessmentKind,
} from './assessment.ts';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const storageKey = (docId: string): string => `rolebook:assessments:${docId}`;

/* ------------------------------------------------------------------------------------------ */
/* Reading a saved or exported file, with migration from older versions.                     */

type Json = Record<string, unknown>;
/** `MIGRATIONS[n]` turns a version-n file into a version n+1 file. */
export type Migrations = Record<number, (file: Json) => Json>;
/**
 * Version 1 is the first format Rolebook shipped, so there is nothing to migrate yet. When the
 * format changes: bump ASSESSMENT_VERSION and add `MIGRATIONS[old] = (file) => newShape`; the
 * migrated result is then checked against the current schema like any other input.
 */
export const MIGRATIONS: Migrations = {};

export type Reading =
  | { state: 'ok'; file: AssessmentFile; migratedFrom?: number }
  | { state: 'newer'; version: number }
  | { state: 'foreign' | 'corrupt' | 'too-large'; error: string };

/** Parses and checks JSON text from storage, a file or a share link. Never throws. */
export function readAssessmentJson(text: string, migrations: Migrations = MIGRATIONS): Reading {
  if (text.length > LIMITS.chars) return { state: 'too-large', error: `it is larger than ${LIMITS.chars / 1024} KB` };
  let data: unknown;
  let forbidden: string | undefined;
  try {
    // The reviver sees every key at every depth before any of our code touches the data.
    data = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.includes(key)) {
        forbidden = key;
        throw new SyntaxError('forbidden key');
      }
      return value;
    });
  } catch {
    return { state: 'corrupt', error: forbidden === undefined ? 'it is not valid JSON' : `the key "${forbidden}" is not allowed` };
  }
  if (typeof data !== 'object' || data === null || (data as Json).format !== ASSESSMENT_FORMAT) {
    return { state: 'foreign', error: 'it is not a Rolebook assessment file' };
  }
  let file = data as Json;
  const version = file.version;
  if (!Number.isSafeInteger(version) || (version as number) < 0) return { state: 'corrupt', error: 'it has no valid format version' };
  if ((version as number) > ASSESSMENT_VERSION) return { state: 'newer', version: version as number };
  try {
    for (let v = version as number; v < ASSESSMENT_VERSION; v++) {
      const migrate = migrations[v];
      if (!migrate) return { state: 'corrupt', error: `format version ${v} can no longer be read` };
      file = migrate(file);
    }
  } catch {
    return { state: 'corrupt', error: `it could not be converted from format version ${version}` };
  }
  const checked = validateAssessmentFile(file);
  if (!checked.ok) return { state: 'corrupt', error: checked.error };
  return version === ASSESSMENT_VERSION ? { state: 'ok', file: checked.value } : { state: 'ok', file: checked.value, migratedFrom: version as number };
}

/* ------------------------------------------------------------------------------------------ */
/* Load and save.                                                                             */

export type NoticeCode = 'unavailable' | 'set-aside' | 'newer' | 'quota' | 'not-saved';
export interface StorageNotice {
  code: NoticeCode;
  message: string;
  /** Where unreadable data was kept. */
  asideKey?: string;
}

const SESSION_ONLY = 'Your work is kept while this page is open; export it to keep a copy.';
const notice = {
  unavailable: (): StorageNotice => ({
    code: 'unavailable',
    message: `This browser does not let the page save data (private mode or storage turned off). ${SESSION_ONLY}`,
  }),
  newer: (version: number): StorageNotice => ({
    code: 'newer',
    message: `Your saved assessments were made by a newer version of this site (format ${version}). This page will not change them. ${SESSION_ONLY}`,
  }),
  quota: (): StorageNotice => ({ code: 'quota', message: `The browser's storage is full, so the latest changes were not saved. ${SESSION_ONLY}` }),
  tooLarge: (): StorageNotice => ({ code: 'not-saved', message: `These assessments are too large to save in the browser. ${SESSION_ONLY}` }),
  asideFailed: (error: string): StorageNotice => ({
    code: 'not-saved',
    message: `Saved data for this page could not be read (${error}) and could not be copied aside, so this page will not overwrite it. ${SESSION_ONLY}`,
  }),
  setAside: (error: string, asideKey: string): StorageNotice => ({
    code: 'set-aside',
    message: `Saved data for this page could not be read (${error}). It has been kept, unchanged, in browser storage under “${asideKey}”, and you are starting afresh.`,
    asideKey,
  }),
};

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
    error = 'it belongs to another page';
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
    const error = reading.state === 'ok' ? 'it belongs to another page' : reading.state === 'newer' ? '' : reading.error;
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

/* ------------------------------------------------------------------------------------------ */
/* Named assessments within a file. All return new objects; none mutates its input.           */

/** `base`, or `base (2)`, `base (3)` … whichever is free. */
export function freeName(file: AssessmentFile, base: string): string {
  const taken = new Set(file.assessments.map((a) => a.name));
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, LIMITS.name - 5).trim() || 'Assessment';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean} (${n})`)) return `${clean} (${n})`;
}

/** Replaces the assessment of the same name, or adds it; makes it current. */
export function putAssessment(file: AssessmentFile, assessment: AnyAssessment): AssessmentFile {
  const others = file.assessments.filter((a) => a.name !== assessment.name);
  const index = file.assessments.findIndex((a) => a.name === assessment.name);
  const assessments = [...others];
  assessments.splice(index === -1 ? others.length : index, 0, assessment);
  return { ...file, assessments, current: assessment.name } as AssessmentFile;
}

export function renameAssessment(file: AssessmentFile, from: string, to: string): AssessmentFile {
  const name = freeName({ ...file, assessments: file.assessments.filter((a) => a.name !== from) } as AssessmentFile, to);
  return {
    ...file,
    assessments: file.assessments.map((a) => (a.name === from ? { ...a, name } : a)),
    current: file.current === from ? name : file.current,
  } as AssessmentFile;
}

export function deleteAssessment(file: AssessmentFile, name: string): AssessmentFile {
  const assessments = file.assessments.filter((a) => a.name !== name);
  return { ...file, assessments, current: file.current === name ? assessments[0]?.name : file.current } as AssessmentFile;
}

/**
 * Adds imported assessments under free names, skipping exact copies of ones already there.
 * Returns the new file and the names added; `full` when they would exceed LIMITS.assessments
 * (then nothing is added).
 */
export function mergeAssessments(file: AssessmentFile, incoming: AnyAssessment[]): { file: AssessmentFile; added: string[]; full?: true } {
  let merged = file;
  const added: string[] = [];
  for (const assessment of incoming) {
    // The same assessment imported twice (or a share link opened twice) is not duplicated.
    const same = JSON.stringify(assessment.entries);
    if (merged.assessments.some((a) => a.name === assessment.name && JSON.stringify(a.entries) === same)) continue;
    const name = freeName(merged, assessment.name);
    merged = putAssessment(merged, { ...assessment, name });
    added.push(name);
  }
  if (merged.assessments.length > LIMITS.assessments) return { file, added: [], full: true };
  return { file: merged, added };
}
