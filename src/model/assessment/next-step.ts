/**
 * "What to work on next" for a skill below its requirement: the next level up from where the
 * person is, what that level looks like, the catalog's growth tips for that step, and the
 * resources suited to that level. Chosen on the role's scale; the catalog is read by level value
 * and code, so a catalog that describes only some levels gives what it has.
 */
import { NOT_YET } from '../levels.ts';
import type { RoleRubricSkill } from '../role-rubric.ts';
import type { LevelScale, ScaleLevel, SkillResource } from '../schemas.ts';

export interface NextStep {
  /** The level to reach next: the role scale's first step above the chosen level. */
  level: ScaleLevel;
  /** What the catalog says that level looks like. */
  descriptors: string[];
  /** The catalog's tips for moving up to it (from the chosen level's step, or any step when starting out). */
  tips: string[];
  /** Resources the catalog marks with that level. */
  resources: SkillResource[];
}

type Rubric = Pick<RoleRubricSkill, 'levels' | 'growth' | 'resources'>;

/**
 * The next step from `chosen` (a scale value, an off-scale value, or NOT_YET) towards a higher
 * level; undefined at the top of the scale, or when the catalog says nothing about that step.
 */
export function nextStep(scale: LevelScale, rubric: Rubric, chosen: number): NextStep | undefined {
  const level = scale.find((step) => step.value > chosen);
  if (!level) return undefined;
  // The step the person stands on; an off-scale level (L250) stands on the step below it.
  const from = chosen === NOT_YET ? undefined : scale.filter((step) => step.value <= chosen).at(-1)?.code;
  const step: NextStep = {
    level,
    descriptors: rubric.levels.find((described) => described.value === level.value)?.descriptors ?? [],
    tips: rubric.growth.filter((growth) => growth.to === level.code && (!from || growth.from === from)).flatMap((growth) => growth.tips),
    resources: rubric.resources.filter((resource) => resource.level === level.code),
  };
  return step.descriptors.length || step.tips.length || step.resources.length ? step : undefined;
}
