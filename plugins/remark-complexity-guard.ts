/**
 * Refuses markdown whose inline syntax would take the parser far too long (thousands of `*`, `_`,
 * `[` in one paragraph cost quadratic time in micromark), before parsing it. No real guide comes
 * near the limits; a hostile or corrupted file gets a clear error instead of hanging the build.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { report } from './lib/report.ts';

/** Emphasis, link and code markers allowed in one block (text between blank lines). */
export const MAX_MARKERS_PER_BLOCK = 1500;
/** … and in the whole document. */
export const MAX_MARKERS_PER_DOCUMENT = 6000;

const MARKERS = /[*_[\]`<]/g;

export default function remarkComplexityGuard(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-complexity-guard must be used after remark-parse');
  this.parser = (document: string, file: VFile) => {
    const problem = findOverload(document);
    if (!problem) return parse(document, file) as Root;
    report(file, problem.reason, { line: problem.line, column: 1 }, 'markdown-too-complex');
    return { type: 'root', children: [] } satisfies Root;
  };
}

export function findOverload(document: string): { line: number; reason: string } | undefined {
  let total = 0;
  let blockMarkers = 0;
  let blockStart = 1;
  const lines = document.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      blockMarkers = 0;
      blockStart = index + 2;
      continue;
    }
    const count = line.match(MARKERS)?.length ?? 0;
    blockMarkers += count;
    total += count;
    if (blockMarkers > MAX_MARKERS_PER_BLOCK) {
      return {
        line: blockStart,
        reason: `The paragraph starting here has more than ${MAX_MARKERS_PER_BLOCK} *, _, [, ], \` or < characters, which would take too long to read. Split it up or remove the stray characters.`,
      };
    }
  }
  if (total > MAX_MARKERS_PER_DOCUMENT) {
    return {
      line: 1,
      reason: `The document has more than ${MAX_MARKERS_PER_DOCUMENT} *, _, [, ], \` or < characters, which would take too long to read. Split it into several documents.`,
    };
  }
  return undefined;
}
