/**
 * The text a node's offsets point into: the document's own (front matter blanked) text, or, for a
 * node spliced in from an include, that fragment's text as the include plugin parsed it.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'unist';
import type { Processor } from 'unified';
import { VFile } from 'vfile';
import { decodeText } from './decode.ts';
import { sourceFileOf } from './report.ts';

export type SourceTexts = (node: Node) => string | undefined;

/** One reader per document run; fragments are read (and their front matter blanked) once each. */
export function sourceTexts(processor: Processor, file: VFile): SourceTexts {
  const fragments = new Map<string, string | undefined>();
  return (node) => {
    const fragment = sourceFileOf(node);
    if (!fragment) return String(file.value);
    if (!fragments.has(fragment)) fragments.set(fragment, readFragment(processor, fragment));
    return fragments.get(fragment);
  };
}

function readFragment(processor: Processor, fragment: string): string | undefined {
  try {
    const decoded = decodeText(readFileSync(fragment));
    if (!decoded.ok) return undefined;
    // Parsing blanks the fragment's front matter exactly as the include plugin's parse did.
    const copy = new VFile({ path: fragment, value: decoded.text.replace(/^\uFEFF/, '') });
    processor.parse(copy);
    return String(copy.value);
  } catch {
    return undefined;
  }
}

/** Line and column (1-based) of `offset` in `text`, counting CRLF, CR and LF as line ends as the markdown parser does. */
export function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (const end of text.matchAll(/\r\n|\r|\n/g)) {
    if (end.index >= offset) break;
    line++;
    lineStart = end.index + end[0].length;
  }
  return { line, column: offset - lineStart + 1, offset };
}
