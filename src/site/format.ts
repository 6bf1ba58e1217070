/** Small formatting helpers for pages. */
import GithubSlugger from 'github-slugger';

import { formatDay } from '../git/dates.ts';

/** `2019-07-26` → `July 26, 2019`: the same format as "Last updated" and the page history. */
export function formatDate(day: string): string {
  return formatDay(day);
}

/** A heading-style id with a prefix, unique within one slugger: `okr-business-performance`. */
export function makeIds(prefix: string): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => `${prefix}-${slugger.slug(text) || 'section'}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "drive business results" → "Drive business results". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
