/**
 * Assessments in and out as JSON files: the export, and reading an export (or a share link's
 * payload) for one document. Import uses the same reader and validator as storage (read.ts).
 */
import { importRefusal, type ImportProblem, type ImportSource } from './messages.ts';
import { readAssessmentJson } from './read.ts';
import type { AnyAssessment, AssessmentFile, AssessmentKind } from './schemas.ts';

export type Imported = { ok: true; assessments: AnyAssessment[] } | { ok: false; message: string };

/** What the text holds for the document `docId`, or the problem with it. */
function importProblem(text: string, docId: string, kind: AssessmentKind): AnyAssessment[] | ImportProblem {
  const reading = readAssessmentJson(text);
  switch (reading.state) {
    case 'too-large':
    case 'foreign':
      return { code: reading.state };
    case 'corrupt':
      return { code: 'corrupt', reason: reading.error };
    case 'newer':
      return { code: 'newer', version: reading.version };
  }
  const { file } = reading;
  if (file.kind !== kind || file.docId !== docId) return { code: 'other-document', docId: file.docId, here: docId, keyResults: file.kind === 'playbook' };
  return file.assessments.length ? file.assessments : { code: 'empty' };
}

/** Reads an exported file (or a share link's payload) for the document `docId`; any problem gives a message for the user. */
export function parseImport(text: string, docId: string, kind: AssessmentKind, source: ImportSource = 'file'): Imported {
  const found = importProblem(text, docId, kind);
  return Array.isArray(found) ? { ok: true, assessments: found } : { ok: false, message: importRefusal(found, source) };
}

/** The JSON export: the same shape as storage, holding the chosen assessments. */
export function exportJson(file: AssessmentFile, names: string[]): string {
  const assessments = file.assessments.filter((a) => names.includes(a.name));
  return `${JSON.stringify({ ...file, assessments, current: names[0] }, null, 2)}\n`;
}
