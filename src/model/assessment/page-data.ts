/**
 * What a page hands its assessment island, as a JSON block: picked from the document model, so
 * the island works with the model's own inferred types and there is no second description of a
 * role or a playbook to keep in step.
 */
import type { Playbook, RoleGuide } from '../schemas.ts';
import type { Okrs } from './key-results.ts';

export type RoleAssessmentData = Pick<RoleGuide, 'kind' | 'id' | 'title' | 'levelScale' | 'skills'>;
export type KeyResultTrackingData = Pick<Playbook, 'kind' | 'id' | 'title'> & { okrs: Okrs };
export type AssessmentPageData = RoleAssessmentData | KeyResultTrackingData;

export const roleAssessmentData = ({ kind, id, title, levelScale, skills }: RoleGuide): RoleAssessmentData => ({ kind, id, title, levelScale, skills });

/** Objectives stay on the page; the tracker needs only the areas and their key results. */
export const keyResultTrackingData = ({ kind, id, title, okrs }: Playbook): KeyResultTrackingData => ({
  kind,
  id,
  title,
  okrs: okrs.map(({ area, keyResults }) => ({ area, keyResults })),
});
