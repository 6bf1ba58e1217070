/**
 * Reads the Role Profile table into `file.data.successFactors`: each row's factor name and summary,
 * its indicators (one per sentence) and its `**Quantitative**:` / `**Qualitative**:` metrics.
 */
import type { PhrasingContent, Root, Table, TableCell } from 'mdast';
import type { VFile } from 'vfile';
import type { Metric, SuccessFactor } from '../src/model/schemas.ts';
import { documentStart, report } from './lib/report.ts';
import { phrasingText, plainText, squash, withoutTrailingPeriod } from './lib/text.ts';
import { findSection } from './remark-sections.ts';

declare module 'vfile' {
  interface DataMap {
    successFactors: SuccessFactor[];
  }
}

const FUTURE = /\s*\(future\)\s*/i;
/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Ms|Dr)\.$/i;

export default function remarkSuccessFactors() {
  return (tree: Root, file: VFile) => {
    if (file.data.kind !== 'role-guide') return;
    file.data.successFactors = [];
    const section = findSection(file.data.sections, 'role profile', 'success factors');
    const table = section?.nodes.find((node): node is Table => node.type === 'table');
    if (!table) {
      (file.data.missingSections ??= []).push('Role Profile');
      report(file, 'This role guide has no “## Role Profile” table of success factors, indicators and metrics.', section?.heading ?? documentStart(file), 'section-missing', 'warning');
      return;
    }
    const [header, ...rows] = table.children;
    const titles = header!.children.map((cell) => plainText(cell).toLowerCase());
    const column = (word: string, fallback: number) => {
      const index = titles.findIndex((title) => title.includes(word));
      return index === -1 ? fallback : index;
    };
    const [factorColumn, indicatorColumn, metricColumn] = [column('factor', 0), column('indicator', 1), column('metric', 2)];
    let unread = 0;
    for (const row of rows) {
      const cells = row.children;
      if (cells.length < 3 || cells.every((cell) => plainText(cell) === '')) {
        if (cells.some((cell) => plainText(cell) !== '')) {
          report(file, 'This Role Profile row has fewer than three cells (factor, indicators, metrics). Separate the cells with |.', row, 'role-profile-row');
          unread++;
        }
        continue;
      }
      const [heading, ...summary] = segments(cells[factorColumn]!);
      const name = withoutTrailingPeriod((heading ?? '').replace(/:\s*$/, ''));
      if (!name) {
        report(file, 'This Role Profile row has no success factor name. Start the first cell with **Name**:', row, 'role-profile-row');
        unread++;
        continue;
      }
      file.data.successFactors.push({
        name,
        summary: summary.join(' '),
        indicators: sentences(plainText(cells[indicatorColumn]!)),
        metrics: metrics(cells[metricColumn]!, file),
      });
    }
    // The role page shows every row as a factor card: the full text's table is marked as shown there.
    if (unread === 0 && file.data.successFactors.length > 0) {
      table.data = { ...table.data, hProperties: { ...table.data?.hProperties, dataStructured: 'success-factors' } };
    }
  };
}

/** Cell text split at line breaks (`<br>`), each piece squashed. */
function segments(cell: TableCell): string[] {
  const pieces: PhrasingContent[][] = [[]];
  for (const child of cell.children) {
    if (child.type === 'break') pieces.push([]);
    else pieces.at(-1)!.push(child);
  }
  return pieces.map((piece) => phrasingText(piece)).filter(Boolean);
}

function metrics(cell: TableCell, file: VFile): Metric[] {
  const found: Metric[] = [];
  for (const piece of segments(cell)) {
    const match = /^(quantitative|qualitative)\s*:\s*(.*)$/i.exec(piece);
    if (!match) {
      report(file, `The metric “${piece}” has no kind. Start it with **Quantitative**: or **Qualitative**:.`, cell, 'metric-kind', 'warning');
      continue;
    }
    const future = FUTURE.test(match[2]!);
    const name = withoutTrailingPeriod(squash(match[2]!.replace(FUTURE, ' ')));
    if (name) found.push({ kind: match[1]!.toLowerCase() as Metric['kind'], name, future });
  }
  return found;
}

/** Splits prose into sentences, keeping “(e.g. Teams)” inside its sentence. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let current = '';
  for (const part of text.split(/(?<=[.!?])\s+(?=[A-Z“"(])/)) {
    current = current ? `${current} ${part}` : part;
    if (!ABBREVIATIONS.test(current)) {
      result.push(withoutTrailingPeriod(current));
      current = '';
    }
  }
  if (current) result.push(withoutTrailingPeriod(current));
  return result.filter(Boolean);
}
