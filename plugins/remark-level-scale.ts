/**
 * Reads the level legend, `L100 – L400 (essentials/intermediate/advanced/expert)`, into
 * `file.data.levelScale`; guides without one get the default L100–L400 scale.
 */
import type { Root } from 'mdast';
import { visit } from './lib/visit.ts';
import type { VFile } from 'vfile';
import { DEFAULT_LEVEL_SCALE } from '../src/model/levels.ts';
import type { LevelScale } from '../src/model/schemas.ts';
import { report } from './lib/report.ts';
import { DASH, plainText } from './lib/text.ts';

declare module 'vfile' {
  interface DataMap {
    levelScale: LevelScale;
    /** True when the guide has no legend line and the default scale applies. */
    levelScaleIsDefault: boolean;
  }
}

const LEGEND = new RegExp(`^L(\\d+)\\s*(?:${DASH}+|to)\\s*L(\\d+)\\s*\\(([^)]+)\\)\\.?$`, 'i');
/** A paragraph that starts like a legend; if LEGEND does not read it, the guide's scale would be silently ignored. */
const LEGEND_LIKE = new RegExp(`^(?:L|Level)\\s*\\d+\\s*(?:${DASH}+|to)\\s*(?:L|Level)\\s*\\d+\\b`, 'i');

/** Whether a paragraph is a level legend line (which is not prose: the summary leaves it out). */
export function isLevelLegend(text: string): boolean {
  return LEGEND.test(text);
}

export default function remarkLevelScale() {
  return (tree: Root, file: VFile) => {
    file.data.levelScale = DEFAULT_LEVEL_SCALE;
    file.data.levelScaleIsDefault = true;
    visit(tree, 'paragraph', (node, _index, parent) => {
      const match = LEGEND.exec(plainText(node));
      if (!match) {
        if (parent?.type === 'root' && LEGEND_LIKE.test(plainText(node))) {
          report(
            file,
            `“${plainText(node)}” looks like a level legend, but Rolebook cannot read it, so the default scale applies. Write it like “L100 – L400 (essentials/intermediate/advanced/expert)”.`,
            node,
            'level-scale-invalid',
          );
        }
        return;
      }
      const [low, high] = [Number(match[1]), Number(match[2])];
      const names = match[3]!.split(/\s*[/,;|]\s*/).map((name) => name.trim()).filter(Boolean);
      const step = names.length > 1 ? (high - low) / (names.length - 1) : 0;
      if (high <= low || names.length < 2 || !Number.isInteger(step) || step <= 0) {
        report(
          file,
          `The level legend “${plainText(node)}” does not add up: ${names.length} names cannot be spread evenly from L${low} to L${high}. Write it like “L100 – L400 (essentials/intermediate/advanced/expert)”.`,
          node,
          'level-scale-invalid',
        );
        return false;
      }
      file.data.levelScale = names.map((name, index) => {
        const value = low + step * index;
        return { code: `L${value}`, value, name };
      });
      file.data.levelScaleIsDefault = false;
      return false;
    });
  };
}
