/**
 * Reads a catalog skill's Growing section (`### L200 to L300` with bullets: concrete steps from one
 * level to the next) into `file.data.skillGrowth`; both levels must be steps of the scale.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { GrowthStep } from '../src/model/schemas.ts';
import { textBlocks } from './lib/blocks.ts';
import { report } from './lib/report.ts';
import { subsections } from './lib/subsections.ts';
import { DASH } from './lib/text.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    skillGrowth: GrowthStep[];
  }
}

/** `L200 to L300`, `From L200 to L300`, `L200 – L300`, `L200 → L300`. */
const STEP_HEADING = new RegExp(`^(?:from\\s+)?L\\s?(\\d+)\\s*(?:to|${DASH}+>?|→)\\s*L\\s?(\\d+)\\s*$`, 'i');

export default function remarkSkillGrowth() {
  return (_tree: Root, file: VFile) => {
    if (file.data.kind !== 'skill') return;
    file.data.skillGrowth = [];
    const section = findSection(file.data.sections, 'growing', 'growth', 'how to grow');
    if (!section) return;
    const scale = file.data.levelScale ?? [];
    const codes = scale.map((level) => level.code).join(', ');
    const seen = new Set<string>();
    for (const part of subsections(section.nodes).parts) {
      const match = STEP_HEADING.exec(part.title);
      if (!match) {
        report(file, `The heading “${part.title}” is not a growth step. Write it as “### L200 to L300”.`, part.heading, 'skill-growth-syntax');
        continue;
      }
      const [from, to] = [Number(match[1]), Number(match[2])];
      const missing = [from, to].filter((value) => !scale.some((level) => level.value === value));
      if (missing.length > 0) {
        report(file, `The growth step “${part.title}” names ${missing.map((value) => `L${value}`).join(' and ')}, not on this skill's scale (${codes}).`, part.heading, 'skill-growth-level-off-scale');
        continue;
      }
      if (to <= from) {
        report(file, `The growth step “${part.title}” goes down or nowhere. Write the lower level first, e.g. “### L${Math.min(from, to)} to L${Math.max(from, to)}”.`, part.heading, 'skill-growth-order');
        continue;
      }
      const key = `L${from}-L${to}`;
      if (seen.has(key)) {
        report(file, `The growth step L${from} to L${to} is written twice. Keep one.`, part.heading, 'skill-growth-duplicate');
        continue;
      }
      seen.add(key);
      const tips = textBlocks(part.nodes);
      if (tips.length === 0) report(file, `The growth step L${from} to L${to} has no tips. List concrete steps, one bullet each.`, part.heading, 'skill-growth-empty', 'warning');
      file.data.skillGrowth.push({ from: `L${from}`, to: `L${to}`, tips });
    }
    file.data.skillGrowth.sort((a, b) => Number(a.from.slice(1)) - Number(b.from.slice(1)) || Number(a.to.slice(1)) - Number(b.to.slice(1)));
  };
}
