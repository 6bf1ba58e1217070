/**
 * The Zod schemas of a saved assessment file: the contract (every assessment type is inferred
 * from them) and what Node-side tools validate with. The browser uses validate.ts instead, held
 * to these schemas by test/unit/assessment-validator.test.ts.
 *
 * The schemas are built inside a function so that a bundle which never calls it drops Zod: a
 * module-level `z.object(...)` call would be kept as a possible side effect. The island only
 * imports types from here.
 */
import { z } from 'zod';
import { NOT_YET } from '../levels.ts';
import {
  ASSESSMENT_FORMAT,
  ASSESSMENT_VERSION,
  DOC_ID,
  ISO_INSTANT,
  KEY_RESULT_STATUSES,
  LIMITS,
  REQUIRED_CODE,
  hasUniqueNames,
  isCleanLine,
} from './format.ts';
import { INSTANT_RULE, LINE_RULE, UNIQUE_RULE } from './messages.ts';

function buildSchemas() {
  const line = (max: number) => z.string().max(max).refine(isCleanLine, LINE_RULE);
  const note = z.string().max(LIMITS.note);
  const instant = z.string().regex(ISO_INSTANT, INSTANT_RULE);
  const SkillEntry = z.strictObject({
    /** The skill's name in the guide when saved; the key when the skill has no catalog entry. */
    skill: line(LIMITS.label),
    /** The catalog skill's id (version 2 on): the key, so a renamed skill or a new alias keeps the entry. */
    skillId: line(LIMITS.label).optional(),
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
  const uniqueNames = { message: UNIQUE_RULE };
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
