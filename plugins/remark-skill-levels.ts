/**
 * Reads a catalog skill's Levels section (`### L300 – Advanced` with bullets that say what the level
 * looks like) into `file.data.skillLevels`, in scale order, checking each heading against the scale.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { CatalogLevel } from '../src/model/schemas.ts';
import { textBlocks } from './lib/blocks.ts';
import { documentStart, report } from './lib/report.ts';
import { subsections } from './lib/subsections.ts';
import { DASH } from './lib/text.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    skillLevels: CatalogLevel[];
  }
}

/** `L300`, `L300 – Advanced`, `L 300: Advanced`. */
const LEVEL_HEADING = new RegExp(`^L\\s?(\\d+)\\s*(?:(?:${DASH}+|:)\\s*(.*?))?\\s*$`, 'i');

export default function remarkSkillLevels() {
  return (_tree: Root, file: VFile) => {
    if (file.data.kind !== 'skill') return;
    file.data.skillLevels = [];
    const section = findSection(file.data.sections, 'levels', 'level descriptions');
    if (!section) {
      report(file, 'This skill has no “## Levels” section, so it says nothing about what each level looks like.', documentStart(file), 'section-missing', 'warning');
      return;
    }
    const scale = file.data.levelScale ?? [];
    const seen = new Map<number, number>();
    const { parts } = subsections(section.nodes);
    for (const part of parts) {
      const match = LEVEL_HEADING.exec(part.title);
      if (!match) {
        report(file, `The heading “${part.title}” is not a level. Write it as “### L300 – ${scale[2]?.name ?? 'Advanced'}”.`, part.heading, 'skill-level-syntax');
        continue;
      }
      const value = Number(match[1]);
      const step = scale.find((level) => level.value === value);
      if (!step) {
        const top = scale.at(-1)!;
        const where = value > top.value ? `beyond this skill's scale, which ends at ${top.code} (${top.name})` : 'not a step of this skill\'s scale';
        report(file, `L${value} is ${where}. Use one of ${scale.map((level) => level.code).join(', ')}.`, part.heading, value > top.value ? 'skill-level-beyond-scale' : 'skill-level-not-on-scale');
        continue;
      }
      if (seen.has(value)) {
        report(file, `${step.code} is described twice (first on line ${seen.get(value)}). Keep one “### ${step.code}” heading.`, part.heading, 'skill-level-duplicate');
        continue;
      }
      seen.set(value, part.heading.position?.start.line ?? 0);
      const name = match[2]?.trim() || undefined;
      if (name && name.toLowerCase() !== step.name.toLowerCase()) {
        report(file, `The heading calls ${step.code} “${name}”, but the scale calls it “${step.name}”. Use the scale's name, or change the legend.`, part.heading, 'skill-level-name', 'warning');
      }
      const descriptors = textBlocks(part.nodes);
      if (descriptors.length === 0) {
        report(file, `${step.code} has no descriptors. List what someone at this level does, one bullet each.`, part.heading, 'skill-level-empty', 'warning');
      }
      file.data.skillLevels.push({ code: step.code, value, ...(name ? { name } : {}), descriptors });
    }
    file.data.skillLevels.sort((a, b) => a.value - b.value);
  };
}
