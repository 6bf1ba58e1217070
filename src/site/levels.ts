/**
 * How a required level reads on the page: "L300+" → "advanced or above", with the steps of the
 * guide's own scale for the visual. A level below the scale (L50) is shown as such, not rounded up.
 */
import { describeRequiredLevel, scaleLevelFor } from '../model/levels.ts';
import type { LevelScale, RequiredLevel } from '../model/schemas.ts';

/** `L300+`, `L400`, `L50+`. */
export function levelCode(level: RequiredLevel): string {
  return `${level.code}${level.orAbove ? '+' : ''}`;
}

export function isBelowScale(scale: LevelScale, level: RequiredLevel): boolean {
  return level.value < scale[0]!.value;
}

/** "advanced or above"; "below essentials (L100), or above" for L50+. */
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

export function scaleSteps(scale: LevelScale, level: RequiredLevel): ScaleStep[] {
  return scale.map((step) => ({
    code: step.code,
    name: step.name,
    state: step.value <= level.value ? 'required' : level.orAbove ? 'welcome' : 'beyond',
  }));
}

/** The longest scale the bar in components.css can draw (it has `n1`…`n12` and `r1`…`r12`). */
export const MAX_BAR_STEPS = 12;
/** The step count the bar assumes when there is no `n` class. */
const DEFAULT_BAR_STEPS = 4;

/**
 * The classes of the level bar (LevelScale.astro): `lv r3 plus` for L300+ on L100–L400,
 * `lv n5 r2` for L200 on a five-step scale, `lv plus below` for L50+. Undefined for a scale too
 * long to draw; the level is written out beside the bar anyway.
 */
export function scaleBarClasses(scale: LevelScale, level: RequiredLevel): string | undefined {
  if (scale.length > MAX_BAR_STEPS) return undefined;
  const required = scaleSteps(scale, level).filter((step) => step.state === 'required').length;
  return [
    'lv',
    scale.length !== DEFAULT_BAR_STEPS && `n${scale.length}`,
    required > 0 && `r${required}`,
    level.orAbove && 'plus',
    isBelowScale(scale, level) && 'below',
  ]
    .filter(Boolean)
    .join(' ');
}

/** "L100 essentials · L200 intermediate · …" */
export function scaleLegend(scale: LevelScale): { code: string; name: string }[] {
  return scale.map(({ code, name }) => ({ code, name }));
}
