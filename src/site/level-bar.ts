/**
 * The classes of the level bar that LevelScale.astro draws with components.css. How a level reads
 * in words is in src/model/levels.ts; this is only the drawing.
 */
import { isBelowScale, scaleSteps } from '../model/levels.ts';
import type { LevelScale, RequiredLevel } from '../model/schemas.ts';

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
