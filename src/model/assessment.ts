/**
 * Saved self-assessments (role guides) and key-result tracking (playbooks): their format, the gap
 * logic, and reconciliation with a guide that changed since the assessment was saved.
 *
 * Two validators describe the one format:
 * - `assessmentSchemas()` builds the Zod schemas. They are the contract (types are inferred from
 *   them) and what Node-side tools use.
 * - `validateAssessmentFile()` is a small hand-written validator with the same rules. The browser
 *   island uses it because Zod costs far more than the island's whole 12 KB gzip budget.
 *   `test/unit/assessment-validator.test.ts` proves with fast-check that both accept and reject
 *   the same inputs and produce the same output, so the two cannot drift apart unnoticed.
 * The Zod schemas are built inside a function so that a bundle which never calls it (the island)
 * drops Zod entirely: a module-level `z.object(...)` call would be kept as a possible side effect.
 *
 * Nothing here touches the DOM or storage; see assessment-storage.ts and assessment-io.ts.
 */
import { z } from 'zod';
import { FORBIDDEN_KEYS } from './forbidden-keys.ts';
import type { LevelScale, OkrArea, RequiredLevel, Skill } from './schemas.ts';

/** Marks a file as ours; anything else under our storage key is "foreign" data. */
export const ASSESSMENT_FORMAT = 'rolebook-assessments';
/** Bump when the stored shape changes, and add a migration in assessment-storage.ts. */
export const ASSESSMENT_VERSION = 1;
/** The "not yet" choice, below every level of any scale (scales may start at L0). */
export const NOT_YET = -1;
export const KEY_RESULT_STATUSES = ['not-started', 'in-progress', 'met', 'not-applicable'] as const;
export type KeyResultStatus = (typeof KEY_RESULT_STATUSES)[number];

/** Bounds on what we read, so a hostile file or storage value cannot exhaust the page. */
export const LIMITS = {
  /** Characters of JSON text read from a file, storage or a share link. */
  chars: 512 * 1024,
  assessments: 50,
  entries: 500,
  /** Assessment names. */
  name: 80,
  /** Skill, area and key-result texts. */
  label: 500,
  /** Evidence and notes. */
  note: 4000,
  level: 100_000,
} as const;

export { FORBIDDEN_KEYS };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** The same rule as a document id in schemas.ts. */
const DOC_ID = /^[a-z0-9][a-z0-9/_-]*$/;
/** A requirement as it was when the entry was saved: `L300+`, `L50+`, `L400`. */
const REQUIRED_CODE = /^L\d{1,6}\+?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One line of text: not empty, no control characters, no spaces at either end. */
export const isCleanLine = (text: string): boolean => text.length > 0 && text.trim() === text && !CONTROL.test(text);
const hasUniqueNames = (items: { name: string }[]): boolean => new Set(items.map((item) => item.name)).size === items.length;

/** Builds the Zod schemas (see the header comment for why this is a function). */
function buildSchemas() {
  const line = (max: number) => z.string().max(max).refine(isCleanLine, 'must be one line of text without spaces at either end');
  const note = z.string().max(LIMITS.note);
  const instant = z.string().regex(ISO_INSTANT, 'expected a time as YYYY-MM-DDTHH:MM:SSZ');
  const SkillEntry = z.strictObject({
    skill: line(LIMITS.label),
    /** A value of the scale (300 for L300), `NOT_YET`, or null when not assessed. */
    level: z.number().int().min(NOT_YET).max(LIMITS.level).nullable(),
    evidence: note,
    /** The requirement when this entry was saved, to tell the user when the guide changed it. */
    required: z.string().regex(REQUIRED_CODE).optional(),
  });
  const KeyResultEntry = z.strictObject({
    area: line(LIMITS.label),
    keyResult: line(LIMITS.label),
    status: z.enum(KEY_RESULT_STATUSES).nullable(),
    note,
  });
  const assessment = <T extends z.ZodType>(entry: T) =>
    z.strictObject({ name: line(LIMITS.name), updated: instant, entries: z.array(entry).max(LIMITS.entries) });
  const SkillAssessment = assessment(SkillEntry);
  const KeyResultTracking = assessment(KeyResultEntry);
  const envelope = {
    format: z.literal(ASSESSMENT_FORMAT),
    version: z.literal(ASSESSMENT_VERSION),
    docId: z.string().max(LIMITS.label).regex(DOC_ID),
    /** The assessment shown last; may name one that no longer exists. */
    current: line(LIMITS.name).optional(),
  };
  const uniqueNames = { message: 'assessment names must be unique' };
  const SkillAssessmentFile = z.strictObject({
    ...envelope,
    kind: z.literal('role-guide'),
    assessments: z.array(SkillAssessment).max(LIMITS.assessments).refine(hasUniqueNames, uniqueNames),
  });
  const KeyResultTrackingFile = z.strictObject({
    ...envelope,
    kind: z.literal('playbook'),
    assessments: z.array(KeyResultTracking).max(LIMITS.assessments).refine(hasUniqueNames, uniqueNames),
  });
  const AssessmentFile = z.discriminatedUnion('kind', [SkillAssessmentFile, KeyResultTrackingFile]);
  return { SkillEntry, KeyResultEntry, SkillAssessment, KeyResultTracking, SkillAssessmentFile, KeyResultTrackingFile, AssessmentFile };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;
export function assessmentSchemas(): Schemas {
  return (schemas ??= buildSchemas());
}

export type SkillEntry = z.infer<Schemas['SkillEntry']>;
export type KeyResultEntry = z.infer<Schemas['KeyResultEntry']>;
export type SkillAssessment = z.infer<Schemas['SkillAssessment']>;
export type KeyResultTracking = z.infer<Schemas['KeyResultTracking']>;
export type SkillAssessmentFile = z.infer<Schemas['SkillAssessmentFile']>;
export type KeyResultTrackingFile = z.infer<Schemas['KeyResultTrackingFile']>;
export type AssessmentFile = z.infer<Schemas['AssessmentFile']>;
export type AnyAssessment = SkillAssessment | KeyResultTracking;
export type AssessmentKind = AssessmentFile['kind'];

/* ------------------------------------------------------------------------------------------ */
/* Hand-written validator: the same rules as the Zod schemas, in a few hundred bytes.          */

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

class Invalid extends Error {}
const fail = (path: string, message: string): never => {
  throw new Invalid(`${path || 'the file'}: ${message}`);
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with exactly the allowed keys (optional ones may be missing); never a prototype key. */
function record(value: unknown, path: string, keys: string[], optional: string[] = []): Record<string, unknown> {
  if (!isRecord(value)) fail(path, 'expected an object');
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (FORBIDDEN_KEYS.includes(key)) fail(path, `the key "${key}" is not allowed`);
    if (!keys.includes(key) && !optional.includes(key)) fail(path, `unexpected key "${key}"`);
  }
  for (const key of keys) if (!Object.hasOwn(object, key)) fail(path, `"${key}" is missing`);
  return object;
}
function text(value: unknown, path: string, max: number, lineOnly: boolean): string {
  if (typeof value !== 'string') fail(path, 'expected text');
  const string = value as string;
  if (string.length > max) fail(path, `longer than ${max} characters`);
  if (lineOnly && !isCleanLine(string)) fail(path, 'must be one line of text without spaces at either end');
  return string;
}
function list(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected a list');
  if ((value as unknown[]).length > max) fail(path, `more than ${max} items`);
  return value as unknown[];
}

function skillEntry(value: unknown, path: string): SkillEntry {
  const o = record(value, path, ['skill', 'level', 'evidence'], ['required']);
  const level = o.level;
  if (level !== null && !(Number.isInteger(level) && (level as number) >= NOT_YET && (level as number) <= LIMITS.level)) {
    fail(`${path}.level`, 'expected a level value or null');
  }
  const entry: SkillEntry = {
    skill: text(o.skill, `${path}.skill`, LIMITS.label, true),
    level: level as number | null,
    evidence: text(o.evidence, `${path}.evidence`, LIMITS.note, false),
  };
  if (o.required !== undefined) {
    if (typeof o.required !== 'string' || !REQUIRED_CODE.test(o.required)) fail(`${path}.required`, 'expected a level such as L300+');
    entry.required = o.required as string;
  }
  return entry;
}
function keyResultEntry(value: unknown, path: string): KeyResultEntry {
  const o = record(value, path, ['area', 'keyResult', 'status', 'note']);
  if (o.status !== null && !KEY_RESULT_STATUSES.includes(o.status as KeyResultStatus)) {
    fail(`${path}.status`, `expected one of ${KEY_RESULT_STATUSES.join(', ')} or null`);
  }
  return {
    area: text(o.area, `${path}.area`, LIMITS.label, true),
    keyResult: text(o.keyResult, `${path}.keyResult`, LIMITS.label, true),
    status: o.status as KeyResultStatus | null,
    note: text(o.note, `${path}.note`, LIMITS.note, false),
  };
}

/** Checks a parsed JSON value against the current format and returns a clean copy. */
export function validateAssessmentFile(value: unknown): Validated<AssessmentFile> {
  try {
    const o = record(value, '', ['format', 'version', 'kind', 'docId', 'assessments'], ['current']);
    if (o.format !== ASSESSMENT_FORMAT) fail('format', `expected "${ASSESSMENT_FORMAT}"`);
    if (o.version !== ASSESSMENT_VERSION) fail('version', `expected ${ASSESSMENT_VERSION}`);
    if (o.kind !== 'role-guide' && o.kind !== 'playbook') fail('kind', 'expected "role-guide" or "playbook"');
    const docId = text(o.docId, 'docId', LIMITS.label, false);
    if (!DOC_ID.test(docId)) fail('docId', 'not a document id');
    const entry = o.kind === 'role-guide' ? skillEntry : keyResultEntry;
    const assessments = list(o.assessments, 'assessments', LIMITS.assessments).map((item, i) => {
      const path = `assessments[${i}]`;
      const a = record(item, path, ['name', 'updated', 'entries']);
      const name = text(a.name, `${path}.name`, LIMITS.name, true);
      const updated = text(a.updated, `${path}.updated`, 40, false);
      if (!ISO_INSTANT.test(updated)) fail(`${path}.updated`, 'expected a time as YYYY-MM-DDTHH:MM:SSZ');
      const entries = list(a.entries, `${path}.entries`, LIMITS.entries).map((e, j) => entry(e, `${path}.entries[${j}]`));
      return { name, updated, entries };
    });
    if (!hasUniqueNames(assessments)) fail('assessments', 'assessment names must be unique');
    const file = { format: ASSESSMENT_FORMAT, version: ASSESSMENT_VERSION, docId, kind: o.kind, assessments } as AssessmentFile;
    if (o.current !== undefined) file.current = text(o.current, 'current', LIMITS.name, true);
    return { ok: true, value: file };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    return { ok: false, error: 'the file could not be read' };
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Gap logic.                                                                                  */

export type SkillStatus = 'meets' | 'below' | 'above' | 'not-assessed';
/** `by` counts levels: how many steps of the scale are missing (below) or beyond an exact requirement (above). */
export interface SkillResult {
  status: SkillStatus;
  by: number;
}

/**
 * Compares a chosen level with a requirement. "+" means at or above. Requirements off the scale
 * (L50 on an L100–L400 scale) count the scale's steps between: "not yet" against L50+ is one
 * level below, because L100 is the first choice that meets it.
 */
export function compareLevel(scale: LevelScale, required: Pick<RequiredLevel, 'value' | 'orAbove'>, chosen: number | null): SkillResult {
  if (chosen === null) return { status: 'not-assessed', by: 0 };
  const stepsBetween = (low: number, high: number) => scale.filter((step) => step.value > low && step.value < high).length;
  if (chosen < required.value) return { status: 'below', by: stepsBetween(chosen, required.value) + 1 };
  if (chosen === required.value || required.orAbove) return { status: 'meets', by: 0 };
  return { status: 'above', by: stepsBetween(required.value, chosen) + 1 };
}

/** `{value: 300, orAbove: true}` → `L300+`. */
export const requiredCode = (level: Pick<RequiredLevel, 'value' | 'orAbove'>): string => `L${level.value}${level.orAbove ? '+' : ''}`;

/** Names compared the way a reader would: case, spacing and dash style do not matter. */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();

export interface SkillRow {
  skill: Skill;
  entry: SkillEntry | undefined;
  result: SkillResult;
  /** The requirement when the entry was saved, when the guide has changed it since. */
  requiredBefore?: string;
}
export interface SkillReconciliation {
  rows: SkillRow[];
  /** Saved entries for skills the guide no longer lists: kept, and shown as such. */
  removed: SkillEntry[];
}

/** Lines a saved assessment up with the role's current skills; nothing saved is dropped. */
export function reconcileSkills(scale: LevelScale, skills: Skill[], entries: SkillEntry[]): SkillReconciliation {
  const used = new Set<SkillEntry>();
  const rows = skills.map((skill): SkillRow => {
    const entry = entries.find((candidate) => !used.has(candidate) && sameName(candidate.skill, skill.name));
    if (entry) used.add(entry);
    const row: SkillRow = { skill, entry, result: compareLevel(scale, skill.level, entry?.level ?? null) };
    const now = requiredCode(skill.level);
    if (entry?.required && entry.required !== now) row.requiredBefore = entry.required;
    return row;
  });
  return { rows, removed: entries.filter((entry) => !used.has(entry)) };
}

export interface SkillSummary {
  total: number;
  assessed: number;
  /** Skills that meet or exceed their requirement. */
  met: number;
  /** Percentage of the role's skills met, 0–100. */
  readiness: number;
  /** Skills below their requirement, largest gap first (then in the guide's order). */
  gaps: SkillRow[];
  notAssessed: SkillRow[];
}

export function summariseSkills(rows: SkillRow[]): SkillSummary {
  const met = rows.filter((row) => row.result.status === 'meets' || row.result.status === 'above').length;
  const gaps = rows.filter((row) => row.result.status === 'below');
  // Array.prototype.sort is stable, so equal gaps keep the guide's order.
  gaps.sort((a, b) => b.result.by - a.result.by);
  return {
    total: rows.length,
    assessed: rows.filter((row) => row.result.status !== 'not-assessed').length,
    met,
    readiness: rows.length ? Math.round((100 * met) / rows.length) : 0,
    gaps,
    notAssessed: rows.filter((row) => row.result.status === 'not-assessed'),
  };
}

/**
 * An assessment's entry for each skill of the role, in the guide's order, plus the removed ones.
 * A saved entry keeps the requirement it was made against until the user chooses again, so a
 * changed requirement stays visible.
 */
export function skillEntriesFor(reconciled: SkillReconciliation): SkillEntry[] {
  return [
    ...reconciled.rows.map((row) => ({
      skill: row.skill.name,
      level: row.entry?.level ?? null,
      evidence: row.entry?.evidence ?? '',
      required: row.entry?.required ?? requiredCode(row.skill.level),
    })),
    ...reconciled.removed,
  ];
}

/* ------------------------------------------------------------------------------------------ */
/* Key results.                                                                                */

export interface KeyResultRow {
  area: string;
  keyResult: string;
  future: boolean;
  entry: KeyResultEntry | undefined;
}
export interface KeyResultReconciliation {
  rows: KeyResultRow[];
  /** Saved entries for key results the playbook no longer lists. */
  removed: KeyResultEntry[];
}

export function reconcileKeyResults(okrs: Pick<OkrArea, 'area' | 'keyResults'>[], entries: KeyResultEntry[]): KeyResultReconciliation {
  const used = new Set<KeyResultEntry>();
  const rows = okrs.flatMap((okr) =>
    okr.keyResults.map((keyResult): KeyResultRow => {
      const entry = entries.find(
        (candidate) => !used.has(candidate) && sameName(candidate.area, okr.area) && sameName(candidate.keyResult, keyResult.text),
      );
      if (entry) used.add(entry);
      return { area: okr.area, keyResult: keyResult.text, future: keyResult.future, entry };
    }),
  );
  return { rows, removed: entries.filter((entry) => !used.has(entry)) };
}

export interface KeyResultSummary {
  counts: Record<KeyResultStatus | 'untracked', number>;
  /** Current (not future) key results that apply. */
  applicable: number;
  met: number;
  /** Percentage of applicable current key results met, 0–100. */
  progress: number;
  future: number;
}

export function summariseKeyResults(rows: KeyResultRow[]): KeyResultSummary {
  const counts = { 'not-started': 0, 'in-progress': 0, met: 0, 'not-applicable': 0, untracked: 0 };
  for (const row of rows) counts[row.entry?.status ?? 'untracked']++;
  const current = rows.filter((row) => !row.future && row.entry?.status !== 'not-applicable');
  const met = current.filter((row) => row.entry?.status === 'met').length;
  return {
    counts,
    applicable: current.length,
    met,
    progress: current.length ? Math.round((100 * met) / current.length) : 0,
    future: rows.filter((row) => row.future).length,
  };
}

export function keyResultEntriesFor(reconciled: KeyResultReconciliation): KeyResultEntry[] {
  return [
    ...reconciled.rows.map((row) => ({
      area: row.area,
      keyResult: row.keyResult,
      status: row.entry?.status ?? null,
      note: row.entry?.note ?? '',
    })),
    ...reconciled.removed,
  ];
}

/* ------------------------------------------------------------------------------------------ */
/* Wording shared by the page, the CSV export and the print layout.                           */

/** `300` → `L300 advanced`; `NOT_YET` → `not yet`; a value the scale no longer has → `L250`. */
export function levelLabel(scale: LevelScale, value: number | null): string {
  if (value === null) return 'not assessed';
  if (value === NOT_YET) return 'not yet';
  const step = scale.find((candidate) => candidate.value === value);
  return step ? `${step.code} ${step.name}` : `L${value}`;
}

const levels = (n: number) => `${n} level${n === 1 ? '' : 's'}`;

export function resultText(result: SkillResult): string {
  if (result.status === 'below') return `below by ${levels(result.by)}`;
  if (result.status === 'above') return `above by ${levels(result.by)}`;
  return result.status === 'meets' ? 'meets' : 'not assessed';
}

export const STATUS_LABELS: Record<KeyResultStatus, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  met: 'met',
  'not-applicable': 'not applicable',
};
