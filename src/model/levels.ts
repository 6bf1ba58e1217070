import type { LevelScale, RequiredLevel, ScaleLevel } from './schemas.ts';

/** The scale a guide gets when it has no legend line: L100 – L400 (essentials/intermediate/advanced/expert). */
export const DEFAULT_LEVEL_SCALE: LevelScale = [
  { code: 'L100', value: 100, name: 'essentials' },
  { code: 'L200', value: 200, name: 'intermediate' },
  { code: 'L300', value: 300, name: 'advanced' },
  { code: 'L400', value: 400, name: 'expert' },
];

/** The scale step a required level names, if it is on the scale (L50 is not on L100–L400). */
export function scaleLevelFor(scale: LevelScale, level: Pick<RequiredLevel, 'value'>): ScaleLevel | undefined {
  return scale.find((step) => step.value === level.value);
}

/** "L300+" reads "advanced or above"; an off-scale level reads as its code ("L50 or above"). */
export function describeRequiredLevel(scale: LevelScale, level: RequiredLevel): string {
  const name = scaleLevelFor(scale, level)?.name ?? level.code;
  return level.orAbove ? `${name} or above` : name;
}
