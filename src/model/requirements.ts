/**
 * What one role asks for, as other pages need it: the role's scale and skills (with catalog ids
 * when the skills catalog has them) and, per skill, the catalog's rubric when there is one — the
 * level descriptors, growth tips and resources that say what to work on next. Served per role as
 * `/<role id>/requirements.json` and embedded in the team page.
 *
 * The schemas are built inside a function (as in assessment.ts) so islands that only need the
 * types do not pull Zod into their bundle.
 */
import { z } from 'zod';
import { LevelScaleSchema, SkillSchema } from './schemas.ts';

function buildSchemas() {
  const SkillRubric = z.object({
    levels: z.array(z.object({ code: z.string(), value: z.number(), name: z.string().optional(), descriptors: z.array(z.string()) })),
    growth: z.array(z.object({ from: z.string(), to: z.string(), tips: z.array(z.string()) })),
    resources: z.array(z.object({ title: z.string(), url: z.string(), level: z.string().optional() })),
  });
  const CareerSkill = SkillSchema.extend({ skillId: z.string().min(1).optional() });
  const RoleRequirements = z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    scale: LevelScaleSchema,
    skills: z.array(CareerSkill),
    /** Keyed by catalog id; only skills the catalog describes. */
    rubric: z.record(z.string(), SkillRubric).optional(),
  });
  return { SkillRubric, CareerSkill, RoleRequirements };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;
export function requirementsSchemas(): Schemas {
  return (schemas ??= buildSchemas());
}

export type SkillRubric = z.infer<Schemas['SkillRubric']>;
export type CareerSkill = z.infer<Schemas['CareerSkill']>;
export type RoleRequirements = z.infer<Schemas['RoleRequirements']>;
