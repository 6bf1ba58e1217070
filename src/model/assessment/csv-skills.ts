/** The self-assessment's CSV export: one row per skill and assessment, levels worded as on the page. */
import { levelLabel, requiredCode, resultText } from '../levels.ts';
import type { LevelScale, Skill } from '../schemas.ts';
import { csvDocument } from './csv.ts';
import { reconcileSkills } from './gaps.ts';
import type { SkillAssessment } from './schemas.ts';

export function skillsCsv(scale: LevelScale, skills: Skill[], assessments: Pick<SkillAssessment, 'name' | 'entries'>[]): string {
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
