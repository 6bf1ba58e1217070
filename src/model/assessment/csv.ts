/**
 * CSV export (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break, quotes doubled), with levels and statuses worded as on the page.
 */
import { levelLabel, requiredCode, resultText } from '../levels.ts';
import type { LevelScale, Skill } from '../schemas.ts';
import { reconcileSkills } from './gaps.ts';
import { STATUS_LABELS, reconcileKeyResults, type Okrs } from './key-results.ts';
import type { KeyResultTracking, SkillAssessment } from './schemas.ts';

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

export function keyResultsCsv(okrs: Okrs, trackings: KeyResultTracking[]): string {
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
