/**
 * A small hand-written validator with the same rules as the Zod schemas (schemas.ts). The browser
 * island uses it because Zod costs far more than the island's whole 12 KB gzip budget;
 * `test/unit/assessment-validator.test.ts` proves with fast-check that both accept and reject the
 * same inputs and produce the same output, so the two cannot drift apart unnoticed. A refusal is
 * an `Invalid` (path, rule, detail); messages.ts words it.
 */
import { NOT_YET } from '../levels.ts';
import {
  ASSESSMENT_FORMAT,
  ASSESSMENT_KINDS,
  ASSESSMENT_VERSION,
  DOC_ID,
  FORBIDDEN_KEYS,
  ISO_INSTANT,
  KEY_RESULT_STATUSES,
  LIMITS,
  REQUIRED_CODE,
  hasUniqueNames,
  isCleanLine,
  type KeyResultStatus,
} from './format.ts';
import { invalidText, readReason, type Invalid } from './messages.ts';
import type { AssessmentFile, AssessmentKind, KeyResultEntry, SkillEntry } from './schemas.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

/** A refusal is thrown as the plain `Invalid` (no Error object to build: the browser bundle is tight). */
const fail = (path: string, rule: Invalid['rule'], detail?: string | number): never => {
  throw { path, rule, detail } satisfies Invalid;
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with exactly the allowed keys (optional ones may be missing); never a prototype key. */
function record(value: unknown, path: string, keys: string[], optional: string[] = []): Record<string, unknown> {
  if (!isRecord(value)) fail(path, 'object');
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (FORBIDDEN_KEYS.includes(key)) fail(path, 'forbidden', key);
    if (!keys.includes(key) && !optional.includes(key)) fail(path, 'unexpected', key);
  }
  for (const key of keys) if (!Object.hasOwn(object, key)) fail(path, 'missing', key);
  return object;
}
function text(value: unknown, path: string, max: number, lineOnly: boolean): string {
  if (typeof value !== 'string') fail(path, 'text');
  const string = value as string;
  if (string.length > max) fail(path, 'long', max);
  if (lineOnly && !isCleanLine(string)) fail(path, 'line');
  return string;
}
function list(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'list');
  if ((value as unknown[]).length > max) fail(path, 'many', max);
  return value as unknown[];
}

function skillEntry(value: unknown, path: string): SkillEntry {
  const o = record(value, path, ['skill', 'level', 'evidence'], ['required', 'skillId']);
  const level = o.level;
  if (level !== null && !(Number.isInteger(level) && (level as number) >= NOT_YET && (level as number) <= LIMITS.level)) {
    fail(`${path}.level`, 'level');
  }
  const entry: SkillEntry = {
    skill: text(o.skill, `${path}.skill`, LIMITS.label, true),
    level: level as number | null,
    evidence: text(o.evidence, `${path}.evidence`, LIMITS.note, false),
  };
  if (o.skillId !== undefined) entry.skillId = text(o.skillId, `${path}.skillId`, LIMITS.label, true);
  if (o.required !== undefined) {
    if (typeof o.required !== 'string' || !REQUIRED_CODE.test(o.required)) fail(`${path}.required`, 'required');
    entry.required = o.required as string;
  }
  return entry;
}
function keyResultEntry(value: unknown, path: string): KeyResultEntry {
  const o = record(value, path, ['area', 'keyResult', 'status', 'note']);
  if (o.status !== null && !KEY_RESULT_STATUSES.includes(o.status as KeyResultStatus)) fail(`${path}.status`, 'status');
  return {
    area: text(o.area, `${path}.area`, LIMITS.label, true),
    keyResult: text(o.keyResult, `${path}.keyResult`, LIMITS.label, true),
    status: o.status as KeyResultStatus | null,
    note: text(o.note, `${path}.note`, LIMITS.note, false),
  };
}

function assessment(item: unknown, path: string, kind: AssessmentKind) {
  const entry = kind === 'role-guide' ? skillEntry : keyResultEntry;
  const a = record(item, path, ['name', 'updated', 'entries']);
  const name = text(a.name, `${path}.name`, LIMITS.name, true);
  const updated = text(a.updated, `${path}.updated`, 40, false);
  if (!ISO_INSTANT.test(updated)) fail(`${path}.updated`, 'instant');
  const entries = list(a.entries, `${path}.entries`, LIMITS.entries).map((e, j) => entry(e, `${path}.entries[${j}]`));
  return { name, updated, entries };
}

/** Checks a parsed JSON value against the current format and returns a clean copy. */
export function validateAssessmentFile(value: unknown): Validated<AssessmentFile> {
  try {
    const o = record(value, '', ['format', 'version', 'kind', 'docId', 'assessments'], ['current']);
    if (o.format !== ASSESSMENT_FORMAT) fail('format', 'format');
    if (o.version !== ASSESSMENT_VERSION) fail('version', 'version');
    const kind = o.kind as AssessmentKind;
    if (!ASSESSMENT_KINDS.includes(kind)) fail('kind', 'kind');
    const docId = text(o.docId, 'docId', LIMITS.label, false);
    if (!DOC_ID.test(docId)) fail('docId', 'docId');
    const assessments = list(o.assessments, 'assessments', LIMITS.assessments).map((item, i) => assessment(item, `assessments[${i}]`, kind));
    if (!hasUniqueNames(assessments)) fail('assessments', 'unique');
    const file = { format: ASSESSMENT_FORMAT, version: ASSESSMENT_VERSION, docId, kind, assessments } as AssessmentFile;
    if (o.current !== undefined) file.current = text(o.current, 'current', LIMITS.name, true);
    return { ok: true, value: file };
  } catch (error) {
    // Only refusals are thrown as plain objects; anything else (an Error) still ends as a refusal, never a crash.
    return { ok: false, error: error instanceof Error ? readReason({ code: 'unreadable' }) : invalidText(error as Invalid) };
  }
}
