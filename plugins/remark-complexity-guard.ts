/**
 * Refuses markdown that would take the parser far too long or nest too deeply for the tree walkers
 * (every unist utility recurses once per level), before any other plugin sees it:
 * - very long lines (plugins match regular expressions against whole lines of text);
 * - block quotes and lists nested dozens of levels deep (micromark slows down with the square of
 *   the depth, and a few thousand levels overflow the stack);
 * - thousands of `*`, `_`, `[` in one paragraph (quadratic in micromark);
 * - tables with thousands of cells (each costs about as much as a line of prose several times over).
 * No real guide comes near the limits. A refusal is one positioned message that stops the document
 * (see `refuse`), so nothing downstream adds follow-on errors about a tree it never got.
 * Control characters are reported here too, but the document is still read.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { describeCodePoint, findControlCharacters } from './lib/decode.ts';
import { refuse, report } from './lib/report.ts';

/** Emphasis, link and code markers allowed in one block (text between blank lines). */
export const MAX_MARKERS_PER_BLOCK = 1500;
/** … and in the whole document. */
export const MAX_MARKERS_PER_DOCUMENT = 6000;
/** Characters in one line. The longest line of the reference content is under 1,000. */
export const MAX_LINE_LENGTH = 20_000;
/** Block quotes and list items inside each other, counted on one line (`> > - - x` is 4). */
export const MAX_CONTAINER_NESTING = 32;
/** Raw HTML elements open inside each other (the sanitiser and renderer recurse once per level). */
export const MAX_HTML_NESTING = 100;
/** List items in a document: micromark's time grows with the square of a list's length. */
export const MAX_LIST_ITEMS = 2_000;
/** Depth of the parsed tree (root = 1); inline nesting such as emphasis in links counts too. */
export const MAX_TREE_DEPTH = 100;
/** Cells in one table, and in all tables of a document. */
export const MAX_TABLE_CELLS = 5_000;
export const MAX_TABLE_CELLS_PER_DOCUMENT = 20_000;

const MARKERS = /[*_[\]`<]/g;

interface Place {
  line: number;
  column: number;
}

interface Overload {
  place: Place;
  reason: string;
  ruleId: 'markdown-too-complex' | 'markdown-too-deep' | 'line-too-long' | 'table-too-large';
}

export default function remarkComplexityGuard(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-complexity-guard must be used after remark-parse');
  this.parser = (document: string, file: VFile) => {
    reportControlCharacters(document, file);
    const problem = findOverload(document);
    if (problem) refuse(file, problem.reason, problem.place, problem.ruleId);
    const tree = parse(document, file) as Root;
    const deep = findTooDeep(tree);
    if (deep) {
      refuse(
        file,
        `Text here is nested more than ${MAX_TREE_DEPTH} levels deep (quotes, lists, emphasis or links inside each other), which Rolebook does not read. Flatten it.`,
        deep.position?.start ?? { line: 1, column: 1 },
        'markdown-too-deep',
      );
    }
    return tree;
  };
}

/** One message per document: the first control character, and how many more there are. */
function reportControlCharacters(document: string, file: VFile): void {
  const found = findControlCharacters(document);
  if (!found) return;
  const more = found.count > 1 ? ` The file has ${found.count - 1} more; the first is shown.` : '';
  report(
    file,
    `This line holds an invisible control character (${describeCodePoint(found.codePoint)}), usually pasted in by accident. Delete it.${more}`,
    found,
    'text-control-character',
  );
}

export function findOverload(document: string): Overload | undefined {
  // Line ends as markdown has them (CR, LF, CRLF), so line numbers match the parser's and the editor's.
  const lines = document.split(/\r\n|\r|\n/);
  return findLongLine(lines) ?? findDeepNesting(lines) ?? findDeepHtml(lines) ?? findMarkerOverload(lines) ?? findLargeTable(lines);
}

function findLongLine(lines: string[]): Overload | undefined {
  const index = lines.findIndex((line) => line.length > MAX_LINE_LENGTH);
  if (index === -1) return undefined;
  return {
    place: { line: index + 1, column: MAX_LINE_LENGTH + 1 },
    reason: `This line is ${lines[index]!.length.toLocaleString('en')} characters long; lines are limited to ${MAX_LINE_LENGTH.toLocaleString('en')}. Break it into paragraphs or list items.`,
    ruleId: 'line-too-long',
  };
}

const QUOTE_MARKER = /^[ \t]{0,3}>[ \t]?/;
/** A list marker (`-`, `*`, `+`, `1.`, `1)`) and the spaces after it, at the start of the text. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]{1,4}|$)/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * Nesting as markdown reads it, estimated line by line without parsing: each `>` is a level, and
 * each list item the line sits in (by its indentation, as CommonMark decides) is one more. Lines
 * inside fenced code blocks are skipped. Also counts list items, which micromark slows down on.
 */
function findDeepNesting(lines: string[]): Overload | undefined {
  /** Content columns of the list items the current line may sit in, outermost first. */
  const items: number[] = [];
  let fence: string | undefined;
  let listItems = 0;
  for (const [index, line] of lines.entries()) {
    let rest = line;
    let quotes = 0;
    for (let match = QUOTE_MARKER.exec(rest); match; match = QUOTE_MARKER.exec(rest)) {
      if (++quotes > MAX_CONTAINER_NESTING) return tooDeep(index, line, rest);
      rest = rest.slice(match[0].length);
    }
    const opening = FENCE.exec(rest)?.[1];
    if (fence !== undefined) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      continue;
    }
    if (opening) fence = opening;
    if (rest.trim() === '') continue;
    let column = indentWidth(rest);
    while (items.length > 0 && items.at(-1)! > column) items.pop();
    rest = rest.trimStart();
    // Quotes inside list items inside quotes (`> - > - x`) nest as well.
    for (let marker = LIST_MARKER.exec(rest) ?? QUOTE_MARKER.exec(rest); marker && rest !== ''; marker = LIST_MARKER.exec(rest) ?? QUOTE_MARKER.exec(rest)) {
      const isQuote = marker[0].trimStart().startsWith('>');
      if (!isQuote && ++listItems > MAX_LIST_ITEMS) return tooManyItems(index, line, rest);
      if (quotes + items.length + 1 > MAX_CONTAINER_NESTING) return tooDeep(index, line, rest);
      column += marker[0].length;
      if (isQuote) quotes++;
      else items.push(column);
      rest = rest.slice(marker[0].length);
    }
  }
  return undefined;
}

function indentWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    if (character === ' ') width++;
    else if (character === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function tooDeep(index: number, line: string, rest: string): Overload {
  return {
    place: { line: index + 1, column: line.length - rest.trimStart().length + 1 },
    reason: `This line is nested more than ${MAX_CONTAINER_NESTING} levels deep (quotes > and list items inside each other), which Rolebook does not read. Flatten it.`,
    ruleId: 'markdown-too-deep',
  };
}

function tooManyItems(index: number, line: string, rest: string): Overload {
  return {
    place: { line: index + 1, column: line.length - rest.length + 1 },
    reason: `The document has more than ${MAX_LIST_ITEMS.toLocaleString('en')} list items, which would take too long to read. Split it into several documents.`,
    ruleId: 'markdown-too-complex',
  };
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)\b[^<>]*?(\/?)>/gi;
/** Elements that never hold others, or that the HTML parser closes by itself when the next one opens. */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rt rp'.split(' '),
);

/** Raw HTML tags open inside each other, counted across the document as the HTML parser would nest them. */
function findDeepHtml(lines: string[]): Overload | undefined {
  let depth = 0;
  for (const [index, line] of lines.entries()) {
    if (!line.includes('<')) continue;
    for (const match of line.matchAll(TAG)) {
      if (NOT_NESTING.has(match[2]!.toLowerCase()) || match[3]) continue;
      depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > MAX_HTML_NESTING) {
        return {
          place: { line: index + 1, column: match.index + 1 },
          reason: `HTML elements are nested more than ${MAX_HTML_NESTING} deep here, which Rolebook does not read. Close the elements you open, or use markdown instead.`,
          ruleId: 'markdown-too-deep',
        };
      }
    }
  }
  return undefined;
}

function findMarkerOverload(lines: string[]): Overload | undefined {
  let total = 0;
  let blockMarkers = 0;
  let blockStart = 1;
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
        place: { line: blockStart, column: 1 },
        reason: `The paragraph starting here has more than ${MAX_MARKERS_PER_BLOCK} *, _, [, ], \` or < characters, which would take too long to read. Split it up or remove the stray characters.`,
        ruleId: 'markdown-too-complex',
      };
    }
  }
  if (total > MAX_MARKERS_PER_DOCUMENT) {
    return {
      place: { line: 1, column: 1 },
      reason: `The document has more than ${MAX_MARKERS_PER_DOCUMENT} *, _, [, ], \` or < characters, which would take too long to read. Split it into several documents.`,
      ruleId: 'markdown-too-complex',
    };
  }
  return undefined;
}

/** A GFM delimiter row (`|---|:--:|`), after any quote markers; it must hold a pipe. */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)+/;

/** Tables counted the way GFM reads them: a delimiter row, then rows until a blank line. */
function findLargeTable(lines: string[]): Overload | undefined {
  let total = 0;
  for (let index = 1; index < lines.length; index++) {
    const delimiter = lines[index]!.replace(QUOTE_PREFIX, '');
    if (!delimiter.includes('|') || !DELIMITER_ROW.test(delimiter) || lines[index - 1]!.trim() === '') continue;
    const columns = delimiter.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').length;
    let end = index + 1;
    while (end < lines.length && lines[end]!.replace(QUOTE_PREFIX, '').trim() !== '') end++;
    const cells = (end - index) * columns;
    total += cells;
    const place = { line: index, column: 1 };
    if (cells > MAX_TABLE_CELLS) {
      return {
        place,
        reason: `This table has ${end - index} rows of ${columns} columns, more than ${MAX_TABLE_CELLS.toLocaleString('en')} cells. Split it, or link to a spreadsheet for the data.`,
        ruleId: 'table-too-large',
      };
    }
    if (total > MAX_TABLE_CELLS_PER_DOCUMENT) {
      return {
        place,
        reason: `With this table the document's tables hold more than ${MAX_TABLE_CELLS_PER_DOCUMENT.toLocaleString('en')} cells. Split the document, or link to a spreadsheet for the data.`,
        ruleId: 'table-too-large',
      };
    }
    index = end;
  }
  return undefined;
}

/** The first node deeper than MAX_TREE_DEPTH, found without recursion (the point is not to overflow). */
export function findTooDeep(tree: Node): Node | undefined {
  const stack: [Node, number][] = [[tree, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) return node;
    const children = (node as Parent).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return undefined;
}
