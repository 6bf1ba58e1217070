/**
 * The saved-assessment format's constants and its small shared rules. The Zod schemas
 * (schemas.ts) and the browser's validator (validate.ts) both build on these, so the two cannot
 * disagree about a limit or a pattern.
 */

/** Marks a file as ours; anything else under our storage key is "foreign" data. */
export const ASSESSMENT_FORMAT = 'rolebook-assessments';
/** Bump when the stored shape changes, and add a migration in read.ts. */
export const ASSESSMENT_VERSION = 2;
export const KEY_RESULT_STATUSES = ['not-started', 'in-progress', 'met', 'not-applicable'] as const;
export type KeyResultStatus = (typeof KEY_RESULT_STATUSES)[number];
export const ASSESSMENT_KINDS = ['role-guide', 'playbook'] as const;

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

/** The longest name a person may type: room is left for the " (12)" that keeps names unique. */
export const TYPED_NAME_MAX = LIMITS.name - ' (99)'.length;

export { FORBIDDEN_KEYS } from '../forbidden-keys.ts';

export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** The same rule as a document id in schemas.ts. */
export const DOC_ID = /^[a-z0-9][a-z0-9/_-]*$/;
/** A requirement as it was when the entry was saved: `L300+`, `L50+`, `L400`. */
export const REQUIRED_CODE = /^L\d{1,6}\+?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One line of text: not empty, no control characters, no spaces at either end. */
export const isCleanLine = (text: string): boolean => text.length > 0 && text.trim() === text && !CONTROL.test(text);
export const hasUniqueNames = (items: { name: string }[]): boolean => new Set(items.map((item) => item.name)).size === items.length;
