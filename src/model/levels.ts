/**
 * How a level reads, everywhere: the default scale, the code of a requirement (`L300+`), the words
 * for it on the page ("advanced or above"), in the assessment ("L300 advanced", "below by 1 level")
 * and the steps of the level bar. The site, the assessment island and the CSV export all import
 * from here, so a level never reads one way on the page and another in the assessment.
 */
import type { LevelScale, RequiredLevel, ScaleLevel } from './schemas.ts';

/** The scale a guide gets when it has no legend line: L100 – L400 (essentials/intermediate/advanced/expert). */
export const DEFAULT_LEVEL_SCALE: LevelScale = [
  { code: 'L100', value: 100, name: 'essentials' },
  { code: 'L200', value: 200, name: 'intermediate' },
  { code: 'L300', value: 300, name: 'advanced' },
  { code: 'L400', value: 400, name: 'expert' },
];

/** The "not yet" choice in an assessment, below every level of any scale (scales may start at L0). */
export const NOT_YET = -1;

type Requirement = Pick<RequiredLevel, 'value' | 'orAbove'>;

/** The scale step a required level names, if it is on the scale (L50 is not on L100–L400). */
export function scaleLevelFor(scale: LevelScale, level: Pick<RequiredLevel, 'value'>): ScaleLevel | undefined {
  return scale.find((step) => step.value === level.value);
}

/** `{value: 300, orAbove: true}` → `L300+`; `L400`, `L50+`. */
export const requiredCode = (level: Requirement): string => `L${level.value}${level.orAbove ? '+' : ''}`;

/** "L300+" reads "advanced or above"; an off-scale level reads as its code ("L50 or above"). */
export function describeRequiredLevel(scale: LevelScale, level: RequiredLevel): string {
  const name = scaleLevelFor(scale, level)?.name ?? level.code;
  return level.orAbove ? `${name} or above` : name;
}

export function isBelowScale(scale: LevelScale, level: Pick<RequiredLevel, 'value'>): boolean {
  return level.value < scale[0]!.value;
}

/**
 * The skills table's wording, which places an off-scale level on the scale: "advanced or above";
 * "below essentials (L100), or above" for L50+; "between advanced and the next level" for L350.
 */
export function levelDescription(scale: LevelScale, level: RequiredLevel): string {
  if (isBelowScale(scale, level)) {
    const first = scale[0]!;
    return `below ${first.name} (${first.code})${level.orAbove ? ', or above' : ''}`;
  }
  if (!scaleLevelFor(scale, level)) {
    // Between two steps (say L250): name the step below and say it is in between.
    const lower = [...scale].reverse().find((step) => step.value < level.value)!;
    return `between ${lower.name} and the next level${level.orAbove ? ', or above' : ''}`;
  }
  return describeRequiredLevel(scale, level);
}

export type StepState = 'required' | 'welcome' | 'beyond';

export interface ScaleStep {
  code: string;
  name: string;
  /** required: up to the required level; welcome: above it, and "+" says that is fine; beyond: above it. */
  state: StepState;
}

export function scaleSteps(scale: LevelScale, level: Requirement): ScaleStep[] {
  return scale.map((step) => ({
    code: step.code,
    name: step.name,
    state: step.value <= level.value ? 'required' : level.orAbove ? 'welcome' : 'beyond',
  }));
}

/** A chosen level in an assessment: `300` → `L300 advanced`; `NOT_YET` → `not yet`; a value the scale no longer has → `L250`. */
export function levelLabel(scale: LevelScale, value: number | null): string {
  if (value === null) return 'not assessed';
  if (value === NOT_YET) return 'not yet';
  const step = scale.find((candidate) => candidate.value === value);
  return step ? `${step.code} ${step.name}` : `L${value}`;
}

/** `3` → `3 levels`. */
export const levelCount = (n: number): string => `${n} level${n === 1 ? '' : 's'}`;

export type SkillStatus = 'meets' | 'below' | 'above' | 'not-assessed';
/** A chosen level against a requirement (computed by `compareLevel` in assessment/gaps.ts). `by` counts levels: how many steps of the scale are missing (below) or beyond an exact requirement (above). */
export interface SkillResult {
  status: SkillStatus;
  by: number;
}

/** A skill's result in words: `below by 2 levels`, `meets`, `above by 1 level`, `not assessed`. */
export function resultText(result: SkillResult): string {
  if (result.status === 'below') return `below by ${levelCount(result.by)}`;
  if (result.status === 'above') return `above by ${levelCount(result.by)}`;
  return result.status === 'meets' ? 'meets' : 'not assessed';
}
