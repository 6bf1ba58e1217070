/**
 * Every sentence the assessment model says about a problem, made in this one place from a
 * structured problem (a code and its values). The validator, the reader, import, share links and
 * storage report codes; none of them writes or rewrites wording of its own.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, KEY_RESULT_STATUSES, LIMITS } from './format.ts';

/* The validator --------------------------------------------------------------------------- */

export const LINE_RULE = 'must be one line of text without spaces at either end';
export const INSTANT_RULE = 'expected a time as YYYY-MM-DDTHH:MM:SSZ';
export const UNIQUE_RULE = 'assessment names must be unique';

const RULES = {
  object: () => 'expected an object',
  forbidden: (key) => `the key "${key}" is not allowed`,
  unexpected: (key) => `unexpected key "${key}"`,
  missing: (key) => `"${key}" is missing`,
  text: () => 'expected text',
  long: (max) => `longer than ${max} characters`,
  line: () => LINE_RULE,
  list: () => 'expected a list',
  many: (max) => `more than ${max} items`,
  level: () => 'expected a level value or null',
  required: () => 'expected a level such as L300+',
  status: () => `expected one of ${KEY_RESULT_STATUSES.join(', ')} or null`,
  format: () => `expected "${ASSESSMENT_FORMAT}"`,
  version: () => `expected ${ASSESSMENT_VERSION}`,
  kind: () => 'expected "role-guide" or "playbook"',
  docId: () => 'not a document id',
  instant: () => INSTANT_RULE,
  unique: () => UNIQUE_RULE,
} satisfies Record<string, (detail?: string | number) => string>;

/** A value the validator refused: where (`assessments[0].name`, '' for the whole file), which rule, and the key or bound involved. */
export interface Invalid {
  path: string;
  rule: keyof typeof RULES;
  detail?: string | number;
}

export const invalidText = ({ path, rule, detail }: Invalid): string => `${path || 'the file'}: ${RULES[rule](detail)}`;

/* Reading JSON text ------------------------------------------------------------------------ */

/** Why stored or imported text could not be read. */
export type ReadProblem =
  | { code: 'too-large' | 'foreign' | 'not-json' | 'no-version' | 'other-page' | 'unreadable' }
  | { code: 'forbidden-key'; key: string }
  | { code: 'lost-version' | 'unconvertible'; version: number };

/** The reason as a clause that follows "because" or sits in brackets: "it is not valid JSON". */
export function readReason(problem: ReadProblem): string {
  switch (problem.code) {
    case 'too-large':
      return `it is larger than ${LIMITS.chars / 1024} KB`;
    case 'foreign':
      return 'it is not a Rolebook assessment file';
    case 'not-json':
      return 'it is not valid JSON';
    case 'no-version':
      return 'it has no valid format version';
    case 'other-page':
      return 'it belongs to another page';
    case 'unreadable':
      return 'the file could not be read';
    case 'forbidden-key':
      return RULES.forbidden(problem.key);
    case 'lost-version':
      return `format version ${problem.version} can no longer be read`;
    case 'unconvertible':
      return `it could not be converted from format version ${problem.version}`;
  }
}

/* Import and share links ------------------------------------------------------------------- */

export type ImportProblem =
  | { code: 'too-large' | 'foreign' | 'empty' | 'full' | 'nothing-new' | 'unreadable-file' | 'link-too-long' | 'link-damaged' }
  | { code: 'corrupt'; reason: string }
  | { code: 'newer'; version: number }
  | { code: 'other-document'; docId: string; here: string; keyResults: boolean };

/** Where an import came from, which names it in the sentence. */
export type ImportSource = 'file' | 'link';

/** The sentence shown when an import or a share link is refused; the page is left as it was. */
export function importRefusal(problem: ImportProblem, source: ImportSource): string {
  const subject = source === 'file' ? 'This file' : 'This share link';
  const unchanged = ' Nothing was changed.';
  switch (problem.code) {
    case 'link-too-long':
      return 'This share link is too long to be an assessment.';
    case 'link-damaged':
      return 'This share link is damaged (perhaps cut short when it was copied).';
    case 'too-large':
      return `${subject} is too large to be an assessment export (larger than ${LIMITS.chars / 1024} KB).${unchanged}`;
    case 'foreign':
      return `${subject} is not a Rolebook assessment export.${unchanged}`;
    case 'corrupt':
      return `${subject} cannot be imported because ${problem.reason}.${unchanged}`;
    case 'newer':
      return `${subject} was exported by a newer version of this site (format ${problem.version}), which this page cannot read.${unchanged}`;
    case 'other-document':
      return `${subject} holds ${problem.keyResults ? 'key results' : 'assessments'} for “${problem.docId}”, not for this page (“${problem.here}”).${unchanged}`;
    case 'empty':
      return `${subject} holds no assessments.${unchanged}`;
    case 'full':
      return `Importing would make more than ${LIMITS.assessments} saved; delete some first.${unchanged}`;
    case 'nothing-new':
      return `Everything in ${subject.toLowerCase()} is already here.${unchanged}`;
    case 'unreadable-file':
      return `The file could not be read.${unchanged}`;
  }
}

/* Storage ---------------------------------------------------------------------------------- */

export type NoticeCode = 'unavailable' | 'set-aside' | 'newer' | 'quota' | 'not-saved';
export interface StorageNotice {
  code: NoticeCode;
  message: string;
  /** Where unreadable data was kept. */
  asideKey?: string;
}

const SESSION_ONLY = 'Your work is kept while this page is open; export it to keep a copy.';
/** The notices storage gives the page, by what went wrong. */
export const storageNotice = {
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
  asideFailed: (reason: string): StorageNotice => ({
    code: 'not-saved',
    message: `Saved data for this page could not be read (${reason}) and could not be copied aside, so this page will not overwrite it. ${SESSION_ONLY}`,
  }),
  setAside: (reason: string, asideKey: string): StorageNotice => ({
    code: 'set-aside',
    message: `Saved data for this page could not be read (${reason}). It has been kept, unchanged, in browser storage under “${asideKey}”, and you are starting afresh.`,
    asideKey,
  }),
};
