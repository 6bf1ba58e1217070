/**
 * Keeping a team in this browser, only when the manager asks to, with the assessments' storage
 * promises (assessment-storage.ts): nothing here throws; data we cannot read is copied aside
 * before anything overwrites it; a team saved by a newer Rolebook is left alone; a full or
 * disabled storage comes back as a notice. "Forget this team" removes it in one step.
 *
 * Each person is stored as a one-assessment export file and read back through the assessments'
 * reader, so a person saved under an older assessment format is migrated like any imported file.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, FORBIDDEN_KEYS } from './assessment/format.ts';
import type { AssessmentFile } from './assessment/schemas.ts';
import { readAssessmentJson } from './assessment/read.ts';
import type { StorageLike } from './assessment/storage.ts';
import { TEAM_LIMITS, emptyTeam, type Person, type Team } from './team.ts';

export const TEAM_KEY = 'rolebook:team';
export const TEAM_FORMAT = 'rolebook-team';
export const TEAM_VERSION = 1;
/** Characters of stored team JSON: 200 people with notes fit; a browser's quota is about 5 M. */
export const TEAM_CHARS = 4 * 1024 * 1024;

export type TeamNoticeCode = 'unavailable' | 'set-aside' | 'newer' | 'quota' | 'not-saved' | 'dropped';
export interface TeamNotice {
  code: TeamNoticeCode;
  message: string;
}
export interface LoadedTeam {
  team: Team;
  /** A team is stored here: the manager chose to keep it. */
  kept: boolean;
  /** False when writing could lose data or cannot work. */
  canSave: boolean;
  notice?: TeamNotice;
}

const SESSION_ONLY = 'The team is shown while this page is open; import the files again next time.';
const notices = {
  unavailable: (): TeamNotice => ({ code: 'unavailable', message: `This browser does not let the page keep data (private mode or storage turned off). ${SESSION_ONLY}` }),
  newer: (version: number): TeamNotice => ({
    code: 'newer',
    message: `The team kept in this browser was saved by a newer version of this site (format ${version}). This page will not change it. ${SESSION_ONLY}`,
  }),
  quota: (): TeamNotice => ({ code: 'quota', message: `The browser's storage is full, so the team was not kept. ${SESSION_ONLY}` }),
  tooLarge: (): TeamNotice => ({ code: 'not-saved', message: `This team is too large to keep in the browser. ${SESSION_ONLY}` }),
  aside: (key: string): TeamNotice => ({
    code: 'set-aside',
    message: `The team kept in this browser could not be read. It has been kept, unchanged, in browser storage under “${key}”, and you are starting afresh.`,
  }),
  asideFailed: (): TeamNotice => ({ code: 'not-saved', message: `The team kept in this browser could not be read and could not be copied aside, so this page will not overwrite it. ${SESSION_ONLY}` }),
  dropped: (n: number): TeamNotice => ({ code: 'dropped', message: `${n} kept ${n === 1 ? 'assessment' : 'assessments'} could not be read and ${n === 1 ? 'was' : 'were'} left out.` }),
};

type Stored = { source: string; replaced?: true; file: AssessmentFile };

const toStored = (person: Person, replaced: boolean): Stored => ({
  source: person.source,
  ...(replaced ? { replaced: true as const } : {}),
  file: {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    kind: 'role-guide',
    docId: person.docId,
    assessments: [{ name: person.name, updated: person.updated, entries: person.entries }],
  } as AssessmentFile,
});

/** The stored text, or why it cannot be used. */
type Parsed = { ok: true; team: Team; dropped: number } | { ok: false; newer?: number };

function parseTeam(raw: string): Parsed {
  if (raw.length > TEAM_CHARS) return { ok: false };
  let data: unknown;
  try {
    data = JSON.parse(raw, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.includes(key)) throw new SyntaxError(key);
      return value;
    });
  } catch {
    return { ok: false };
  }
  const o = data as { format?: unknown; version?: unknown; people?: unknown };
  if (typeof data !== 'object' || data === null || o.format !== TEAM_FORMAT || !Number.isSafeInteger(o.version)) return { ok: false };
  if ((o.version as number) > TEAM_VERSION) return { ok: false, newer: o.version as number };
  if (o.version !== TEAM_VERSION || !Array.isArray(o.people) || o.people.length > TEAM_LIMITS.people * 2) return { ok: false };
  const team = emptyTeam();
  let dropped = 0;
  for (const item of o.people as Partial<Stored>[]) {
    const reading = typeof item?.source === 'string' && item.source.length <= 500 ? readAssessmentJson(JSON.stringify(item.file ?? null)) : undefined;
    const assessment = reading?.state === 'ok' && reading.file.kind === 'role-guide' ? reading.file.assessments[0] : undefined;
    if (!reading || reading.state !== 'ok' || !assessment) {
      dropped++;
      continue;
    }
    const person: Person = { name: assessment.name, updated: assessment.updated, docId: reading.file.docId, source: item.source!, entries: assessment.entries as Person['entries'] };
    (item.replaced ? team.replaced : team.people).push(person);
  }
  return { ok: true, team, dropped };
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Loads the kept team, if any. Never throws. */
export function loadTeam(storage: StorageLike | null): LoadedTeam {
  const fresh = { team: emptyTeam(), kept: false };
  if (!storage) return { ...fresh, canSave: false, notice: notices.unavailable() };
  try {
    const raw = storage.getItem(TEAM_KEY);
    if (raw === null) return { ...fresh, canSave: true };
    const parsed = parseTeam(raw);
    if (parsed.ok) return { team: parsed.team, kept: true, canSave: true, ...(parsed.dropped ? { notice: notices.dropped(parsed.dropped) } : {}) };
    if (parsed.newer) return { ...fresh, canSave: false, notice: notices.newer(parsed.newer) };
    const asideKey = `${TEAM_KEY}:unreadable:${hash(raw)}`;
    try {
      storage.setItem(asideKey, raw);
    } catch {
      return { ...fresh, canSave: false, notice: notices.asideFailed() };
    }
    storage.removeItem(TEAM_KEY);
    return { ...fresh, canSave: true, notice: notices.aside(asideKey) };
  } catch {
    return { ...fresh, canSave: false, notice: notices.unavailable() };
  }
}

const isQuotaError = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || [22, 1014].includes((error as { code?: number }).code ?? 0));

export type TeamSaved = { ok: true } | { ok: false; notice: TeamNotice };

/** Keeps the team. Re-reads the key first: another tab may have written a newer format since. */
export function saveTeam(storage: StorageLike | null, team: Team): TeamSaved {
  if (!storage) return { ok: false, notice: notices.unavailable() };
  try {
    const existing = storage.getItem(TEAM_KEY);
    if (existing !== null) {
      const parsed = parseTeam(existing);
      if (!parsed.ok && parsed.newer) return { ok: false, notice: notices.newer(parsed.newer) };
      if (!parsed.ok) return { ok: false, notice: notices.asideFailed() };
    }
    const people = [...team.people.map((person) => toStored(person, false)), ...team.replaced.map((person) => toStored(person, true))];
    const text = JSON.stringify({ format: TEAM_FORMAT, version: TEAM_VERSION, people });
    if (text.length > TEAM_CHARS) return { ok: false, notice: notices.tooLarge() };
    storage.setItem(TEAM_KEY, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, notice: isQuotaError(error) ? notices.quota() : notices.unavailable() };
  }
}

/** "Forget this team": removes the kept team from this browser. */
export function forgetTeam(storage: StorageLike | null): TeamSaved {
  if (!storage) return { ok: false, notice: notices.unavailable() };
  try {
    storage.removeItem(TEAM_KEY);
    return { ok: true };
  } catch {
    return { ok: false, notice: notices.unavailable() };
  }
}
