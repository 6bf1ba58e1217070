/**
 * What the self-assessment needs from the catalog for one role, carried by the role page as a JSON
 * block (`<script type="application/json" data-rb-rubric>`, written by SkillsTable.astro): for each
 * role skill that has a catalog entry, that skill's scale, levels with descriptors, growth steps and
 * resources. Descriptors live in the page, not in the script bundle; skills without a catalog entry
 * are left out (the assessment works as before for them).
 */
import { z } from 'zod';
import { CatalogLevelSchema, GrowthStepSchema, LevelScaleSchema, SkillResourceSchema } from './schemas.ts';

export const RoleRubricSkillSchema = z.object({
  /** The skill's name as the role guide writes it (the assessment's row). */
  name: z.string().min(1),
  /** The catalog document's id, e.g. `skills/people-management`: the stable key for saved entries. */
  skillId: z.string().min(1),
  /** The catalog skill's title. */
  title: z.string().min(1),
  /** The skill page, with the site's base. */
  href: z.string().min(1),
  levelScale: LevelScaleSchema,
  levels: z.array(CatalogLevelSchema),
  growth: z.array(GrowthStepSchema),
  resources: z.array(SkillResourceSchema),
});

export const RoleRubricSchema = z.object({
  version: z.literal(1),
  /** The role guide's id. */
  role: z.string().min(1),
  skills: z.array(RoleRubricSkillSchema),
});

export type RoleRubricSkill = z.infer<typeof RoleRubricSkillSchema>;
export type RoleRubric = z.infer<typeof RoleRubricSchema>;
