/**
 * Named assessments within a file: free names, add or replace, rename, delete, merge imported
 * ones. All return new objects; none mutates its input.
 */
import { LIMITS, TYPED_NAME_MAX } from './format.ts';
import type { AnyAssessment, AssessmentFile } from './schemas.ts';

/** `base`, or `base (2)`, `base (3)` … whichever is free. */
export function freeName(file: AssessmentFile, base: string): string {
  const taken = new Set(file.assessments.map((a) => a.name));
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, TYPED_NAME_MAX).trim() || 'Assessment';
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
