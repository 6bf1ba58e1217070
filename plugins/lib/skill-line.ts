/**
 * Reads one line of a Skills list: `People Management – L300+`, `Technical skills – L50+ across
 * M365 Suite`. The canonical form is “name – L<number>” with an optional “+” (or above) and an
 * optional qualifier after the level.
 *
 * Read, with a warning showing the canonical form: another case or spacing (`l300`, `L 300`,
 * `L300 +`), the word (`Level 300`), words for “or above” (`L300 or above`, `and above`, `or
 * higher`), a colon, parentheses or nothing between name and level.
 * Refused, with an error showing the canonical form: ranges (`L200-L300`, `L200–L300`, `L200 to
 * L300`, `L200-300`), two levels on one line, a level without a skill name, a level glued to more
 * text (`L2.5`, `L300x`). A skill's name never contains a level code.
 */
import type { RuleId } from '../../src/model/rules.ts';
import { DASH } from './text.ts';

export interface SkillLine {
  name: string;
  value: number;
  orAbove: boolean;
  qualifier?: string;
  /** The line as it should be written. */
  canonical: string;
  /** True when the line was read but is not written the canonical way. */
  unusual: boolean;
}

export type SkillLineResult = { ok: true; skill: SkillLine } | { ok: false; ruleId: RuleId; reason: string };

/** `L300`, `l 300`, `Level 300`, each with `+` or words for “or above”; not inside a word. */
const LEVEL = /(?<![\p{L}\p{N}])(?:level|l)[ \t]*(\d{1,4})(?![\p{L}\p{N}]|[.,]\d)(\s*\+|\s+(?:or|and)\s+(?:above|higher|more|over|up))?/giu;
const RANGE_BETWEEN = new RegExp(`^\\s*(?:${DASH}+|to|through|until|/)\\s*$`, 'i');
const RANGE_AFTER = new RegExp(`^\\s*(?:${DASH}+|to|through|until|/)\\s*\\d`, 'i');
const SEPARATOR = new RegExp(`\\s*(?:${DASH}+|:|\\()?\\s*$`);
const CANONICAL_SEPARATOR = new RegExp(`^\\s*${DASH}+\\s*$`);

export function readSkillLine(text: string): SkillLineResult {
  const mentions = [...text.matchAll(LEVEL)];
  if (mentions.length === 0) {
    return { ok: false, ruleId: 'skill-syntax', reason: `The skill “${text}” has no level Rolebook can read. Write it as “Skill name – L300” (add + for “or above”).` };
  }
  const first = mentions[0]!;
  const name = text.slice(0, first.index).replace(SEPARATOR, '').trim();
  const code = (match: RegExpMatchArray) => `L${Number(match[1])}`;
  if (mentions.length > 1) {
    const second = mentions[1]!;
    const between = text.slice(first.index + first[0].length, second.index);
    if (mentions.length === 2 && !first[2] && RANGE_BETWEEN.test(between)) return range(text, name, code(first), code(second));
    const suggestion = name ? ` such as “${name} – ${code(first)}”` : '';
    return {
      ok: false,
      ruleId: 'skill-level-multiple',
      reason: `“${text}” holds ${mentions.length} levels (${mentions.map(code).join(', ')}), so Rolebook cannot tell which one the skill needs. Put each skill on its own line with one level${suggestion}.`,
    };
  }
  const after = text.slice(first.index + first[0].length);
  const rangeEnd = RANGE_AFTER.exec(after) ? /\d+/.exec(after)![0] : undefined;
  if (rangeEnd) return range(text, name, code(first), `L${Number(rangeEnd)}`);
  const orAbove = !!first[2];
  const level = `${code(first)}${orAbove ? '+' : ''}`;
  if (!name) {
    return { ok: false, ruleId: 'skill-name-missing', reason: `“${text}” has a level but no skill name. Write it as “Skill name – ${level}”.` };
  }
  const closing = /^\s*\)/.exec(after)?.[0] ?? '';
  const rest = after.slice(closing.length);
  if (rest !== '' && !/^\s/.test(rest)) {
    return { ok: false, ruleId: 'skill-syntax', reason: `The level in “${text}” runs into “${rest.trim().slice(0, 20)}”. Write it as “${name} – ${level}”, with a space before any words after the level.` };
  }
  const qualifier = rest.trim() || undefined;
  const canonical = `${name} – ${level}${qualifier ? ` ${qualifier}` : ''}`;
  const separator = text.slice(text.indexOf(name) + name.length, first.index);
  const unusual = first[0] !== level || !CANONICAL_SEPARATOR.test(separator) || closing !== '';
  return { ok: true, skill: { name, value: Number(first[1]), orAbove, ...(qualifier ? { qualifier } : {}), canonical, unusual } };
}

function range(text: string, name: string, low: string, high: string): SkillLineResult {
  const skill = name || 'Skill name';
  return {
    ok: false,
    ruleId: 'skill-level-range',
    reason: `“${text}” gives a range of levels; a skill has one required level. Write “${skill} – ${low}+” (${low} or above) or “${skill} – ${high}”.`,
  };
}
