/**
 * Reads the Skills list (`- People Management – L300+`, `* Technical skills — L50+ across M365`)
 * into `file.data.skills`, checking each level against the guide's scale.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Skill } from '../src/model/schemas.ts';
import { itemText, listItems } from './lib/blocks.ts';
import { documentStart, report, sourceFileOf } from './lib/report.ts';
import { readSkillLine } from './lib/skill-line.ts';
import type { SourcePlace } from '../src/model/rendered.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    skills: Skill[];
    /** Where each of `skills` is written (same order), for problems found across documents. */
    skillPlaces: SourcePlace[];
  }
}

export default function remarkSkills() {
  return (tree: Root, file: VFile) => {
    if (file.data.kind !== 'role-guide') return;
    const section = findSection(file.data.sections, 'skills', 'required skills');
    file.data.skills = [];
    file.data.skillPlaces = [];
    if (!section) {
      (file.data.missingSections ??= []).push('Skills');
      report(file, 'This role guide has no “## Skills” section, so it has no self-assessment.', documentStart(file), 'section-missing', 'warning');
      return;
    }
    const scale = file.data.levelScale ?? [];
    const top = scale.at(-1);
    const seen = new Map<string, number>();
    for (const item of listItems(section.nodes)) {
      const text = itemText(item);
      const read = readSkillLine(text);
      if (!read.ok) {
        report(file, read.reason, item, read.ruleId);
        continue;
      }
      const { name, value, orAbove, qualifier, canonical, unusual } = read.skill;
      if (unusual) report(file, `Read “${text}” as “${canonical}”. Write it that way, so every guide reads the same.`, item, 'skill-level-notation');
      const skill: Skill = { name, level: { code: `L${value}`, value, orAbove }, ...(qualifier ? { qualifier } : {}) };
      if (top && value > top.value) {
        report(
          file,
          `Skill '${name}' has level L${value}, but this guide's scale ends at ${top.code} (${top.name}). Use a level from ${scale[0]!.code} to ${top.code}.`,
          item,
          'skill-level-above-scale',
        );
        continue;
      }
      if (value >= (scale[0]?.value ?? 0) && !scale.some((step) => step.value === value)) {
        report(
          file,
          `Skill '${name}' has level L${value}, which is not a step of this guide's scale (${scale.map((step) => step.code).join(', ')}).`,
          item,
          'skill-level-off-scale',
          'warning',
        );
      }
      const key = name.toLowerCase();
      if (seen.has(key)) {
        report(file, `The skill '${name}' is listed twice (first on line ${seen.get(key)}). Keep one.`, item, 'skill-duplicate');
        continue;
      }
      seen.set(key, item.position?.start.line ?? 0);
      file.data.skills.push(skill);
      // The role page shows it in its skills table: the full text's line is marked as shown there.
      item.data = { ...item.data, hProperties: { ...item.data?.hProperties, dataStructured: 'skills' } };
      const start = item.position?.start ?? { line: 1, column: 1 };
      const included = sourceFileOf(item);
      file.data.skillPlaces.push({ line: start.line, column: start.column, ...(included ? { file: included } : {}) });
    }
    if (file.data.skills.length === 0 && listItems(section.nodes).length === 0) {
      report(file, 'The “Skills” section lists no skills.', section.heading, 'skills-empty', 'warning');
    }
  };
}
