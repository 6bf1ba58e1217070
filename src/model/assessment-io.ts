/**
 * Getting assessments in and out of the browser: JSON export and import, CSV export, and share
 * links that carry the levels in the URL fragment (which browsers never send to a server).
 * Import uses the same reader and validator as storage (see assessment.ts for why that validator
 * is hand-written and how it is held to the Zod schema).
 */
import {
  LIMITS,
  STATUS_LABELS,
  levelLabel,
  reconcileKeyResults,
  reconcileSkills,
  requiredCode,
  resultText,
  type AnyAssessment,
  type AssessmentFile,
  type AssessmentKind,
  type KeyResultTracking,
  type SkillAssessment,
} from './assessment.ts';
import { readAssessmentJson } from './assessment-storage.ts';
import type { LevelScale, OkrArea, Skill } from './schemas.ts';

const NOTHING_CHANGED = 'Nothing was changed.';

export type Imported = { ok: true; assessments: AnyAssessment[] } | { ok: false; message: string };

/** Reads an exported file for the document `docId`; any problem gives a message for the user. */
export function parseImport(text: string, docId: string, kind: AssessmentKind): Imported {
  const reading = readAssessmentJson(text);
  const refuse = (why: string): Imported => ({ ok: false, message: `${why} ${NOTHING_CHANGED}` });
  switch (reading.state) {
    case 'too-large':
      return refuse(`This file is too large to be an assessment export (${reading.error.replace('it is ', '')}).`);
    case 'foreign':
      return refuse('This file is not a Rolebook assessment export.');
    case 'corrupt':
      return refuse(`This file cannot be imported because ${reading.error}.`);
    case 'newer':
      return refuse(`This file was exported by a newer version of this site (format ${reading.version}), which this page cannot read.`);
  }
  const { file } = reading;
  if (file.kind !== kind || file.docId !== docId) {
    return refuse(`This file holds ${file.kind === 'playbook' ? 'key results' : 'assessments'} for “${file.docId}”, not for this page (“${docId}”).`);
  }
  if (file.assessments.length === 0) return refuse('This file holds no assessments.');
  return { ok: true, assessments: file.assessments };
}

/** The JSON export: the same shape as storage, holding the chosen assessments. */
export function exportJson(file: AssessmentFile, names: string[]): string {
  const assessments = file.assessments.filter((a) => names.includes(a.name));
  return `${JSON.stringify({ ...file, assessments, current: names[0] }, null, 2)}\n`;
}

/* ------------------------------------------------------------------------------------------ */
/* CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote */
/* or line break, quotes doubled).                                                            */

/**
 * Text a person typed could start with `=`, `+`, `-` or `@`, which spreadsheets run as a formula
 * ("CSV injection"); such cells get a leading apostrophe, which spreadsheets show as text.
 */
export function csvField(value: string, userText = false): string {
  const safe = userText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(header: string[], rows: { cells: string[]; userText: boolean[] }[]): string {
  const lines = [header.map((cell) => csvField(cell)), ...rows.map((row) => row.cells.map((cell, i) => csvField(cell, row.userText[i])))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

export function skillsCsv(scale: LevelScale, skills: Skill[], assessments: SkillAssessment[]): string {
  const header = ['Assessment', 'Skill', 'Required', 'Your level', 'Result', 'Evidence'];
  // Names come from imported files too, so they are treated as typed text like the evidence.
  const userText = [true, true, false, false, false, true];
  const rows = assessments.flatMap((assessment) => {
    const { rows: current, removed } = reconcileSkills(scale, skills, assessment.entries);
    return [
      ...current.map((row) => [
        assessment.name,
        row.skill.name,
        `${requiredCode(row.skill.level)}${row.skill.qualifier ? ` ${row.skill.qualifier}` : ''}`,
        levelLabel(scale, row.entry?.level ?? null),
        resultText(row.result),
        row.entry?.evidence ?? '',
      ]),
      ...removed.map((entry) => [
        assessment.name,
        entry.skill,
        entry.required ?? '',
        levelLabel(scale, entry.level),
        'no longer in this role',
        entry.evidence,
      ]),
    ].map((cells) => ({ cells, userText }));
  });
  return csvDocument(header, rows);
}

export function keyResultsCsv(okrs: Pick<OkrArea, 'area' | 'keyResults'>[], trackings: KeyResultTracking[]): string {
  const header = ['Tracking', 'Area', 'Key result', 'Future', 'Status', 'Note'];
  const rows = trackings.flatMap((tracking) => {
    const { rows: current, removed } = reconcileKeyResults(okrs, tracking.entries);
    return [
      ...current.map((row) => [
        tracking.name,
        row.area,
        row.keyResult,
        row.future ? 'yes' : 'no',
        row.entry?.status ? STATUS_LABELS[row.entry.status] : 'not tracked',
        row.entry?.note ?? '',
      ]),
      ...removed.map((entry) => [
        tracking.name,
        entry.area,
        entry.keyResult,
        '',
        `${entry.status ? STATUS_LABELS[entry.status] : 'not tracked'} (no longer in this playbook)`,
        entry.note,
      ]),
    ].map((cells) => ({ cells, userText: [true, true, true, false, false, true] }));
  });
  return csvDocument(header, rows);
}

/* ------------------------------------------------------------------------------------------ */
/* Share links: `#assessment=<base64url JSON>`, levels and statuses only (no evidence/notes).  */

export const SHARE_PREFIX = '#assessment=';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The fragment for one assessment, without its evidence or notes (they may be private). */
export function shareFragment(file: AssessmentFile, assessment: AnyAssessment): string {
  const entries = assessment.entries.map((entry) => ('evidence' in entry ? { ...entry, evidence: '' } : { ...entry, note: '' }));
  const shared = { format: file.format, version: file.version, kind: file.kind, docId: file.docId, assessments: [{ ...assessment, entries }] };
  return SHARE_PREFIX + toBase64Url(JSON.stringify(shared));
}

export type SharedReading = { ok: true; assessment: AnyAssessment } | { ok: false; message: string } | null;

/** Reads a share fragment (`location.hash`); null when the fragment is not a share link. */
export function readShareFragment(hash: string, docId: string, kind: AssessmentKind): SharedReading {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const encoded = hash.slice(SHARE_PREFIX.length);
  if (encoded.length > (LIMITS.chars * 4) / 3) return { ok: false, message: 'This share link is too long to be an assessment.' };
  let text: string;
  try {
    text = fromBase64Url(encoded);
  } catch {
    return { ok: false, message: 'This share link is damaged (perhaps cut short when it was copied).' };
  }
  const imported = parseImport(text, docId, kind);
  if (!imported.ok) return { ok: false, message: imported.message.replace(/This file/g, 'This share link') };
  const [assessment] = imported.assessments;
  return assessment ? { ok: true, assessment } : null;
}
