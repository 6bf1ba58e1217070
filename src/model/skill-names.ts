/**
 * How a skill's name is compared across documents: a role guide's "Mentoring / Coaching" is the
 * catalog's "Mentoring/Coaching", and "Delivery & Excellence" is "Delivery and Excellence".
 * Pure, so the content step, the site and the browser all compare names the same way.
 */

import { DASH } from './dashes.ts';
import { editDistance } from './edit-distance.ts';

const DASH_RUNS = new RegExp(`${DASH}+`, 'g');

/** The name reduced to what matters: lower case, one kind of dash, no spacing around `/` or dashes, `&` read as "and". */
export function skillNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(DASH_RUNS, '-')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}


/**
 * The known name closest to `name`, when it is close enough to be a likely typo or variant:
 * a few letters apart (a quarter of the name at most), or one name containing the other.
 */
export function closestSkillName(name: string, known: readonly string[]): string | undefined {
  const key = skillNameKey(name);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const other = skillNameKey(candidate);
    const contained = key.length >= 4 && other.length >= 4 && (other.includes(key) || key.includes(other));
    const distance = contained ? 1 : editDistance(key, other);
    if (distance <= Math.max(2, Math.floor(Math.max(key.length, other.length) / 4)) && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}
