/**
 * Marks glossary acronyms in running text as `<abbr title="Expansion">`, the first use of each
 * term in a document also linking to its glossary entry, and warns about all-caps words that
 * have no glossary entry (rule `glossary-unknown-term`).
 *
 * The marks are mdast nodes with `data.hName`, so they survive sanitising as real elements.
 * Code, raw HTML, headings (their text makes their slugs) and links (their text is the author's)
 * are left alone. What counts as an acronym is `scanTerms` in src/content/glossary.ts.
 */
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Node } from 'unist';
import { SKIP, visit } from './lib/visit.ts';
import type { VFile } from 'vfile';
import { glossaryAnchor, scanTerms } from '../src/model/glossary-terms.ts';
import type { GlossaryEntry } from '../src/model/schemas.ts';
import { sourceFileOf } from './lib/report.ts';
import type { RuleId } from '../src/model/rules.ts';

export interface AbbrOptions {
  glossary: GlossaryEntry[];
  /** URL of the glossary page, base included, e.g. `/playbook/glossary/`. */
  glossaryHref: string;
}

/** An acronym in the text: `<abbr title>` in HTML. */
export interface Abbr extends Parent {
  type: 'abbr';
  children: Text[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    abbr: Abbr;
  }
  interface RootContentMap {
    abbr: Abbr;
  }
}

export interface GlossaryUsage {
  /** Known terms used in the document, in order of first use. */
  known: string[];
  /** All-caps words used in the document with no glossary entry, in order of first use. */
  unknown: string[];
}

declare module 'vfile' {
  interface DataMap {
    glossaryUsage: GlossaryUsage;
    /**
     * Every word this document looked up in the glossary, with the expansion it found (null: not
     * there). The document's HTML, warnings and usage depend on the glossary through these alone,
     * so its cache entry stays good while each of them finds the same (src/content/cache.ts).
     */
    glossaryLookups: Record<string, string | null>;
  }
}

/** Node types whose text is not running prose. */
const SKIPPED_PARENTS = new Set(['heading', 'link', 'linkReference', 'definition', 'abbr', 'html', 'code', 'inlineCode']);

export default function remarkAbbr(options: AbbrOptions) {
  const entries = new Map(options.glossary.map((entry) => [entry.term, entry]));
  const href = (term: string) => `${options.glossaryHref}#${glossaryAnchor(term)}`;

  return (tree: Root, file: VFile) => {
    const linked = new Set<string>();
    const known: string[] = [];
    const unknown: string[] = [];
    const lookups: Record<string, string | null> = {};
    const isKnown = (candidate: string): boolean => {
      const entry = entries.get(candidate);
      lookups[candidate] = entry ? entry.expansion : null;
      return entry !== undefined;
    };

    visit(tree, (node, index, parent) => {
      if (SKIPPED_PARENTS.has(node.type)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      if (insideRawLiteral(parent as Parent, index)) return;

      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const { start, end, word, term } of scanTerms(node.value, isKnown)) {
        if (!term) {
          if (!unknown.includes(word)) {
            unknown.push(word);
            warnUnknown(file, node, start, word);
          }
          continue;
        }
        if (!known.includes(term)) known.push(term);
        if (start > last) pieces.push(textPiece(node, last, start));
        const abbr: Abbr = {
          type: 'abbr',
          children: [textPiece(node, start, end)],
          data: { hName: 'abbr', hProperties: { title: entries.get(term)!.expansion, className: ['term'] } },
        };
        if (linked.has(term)) {
          pieces.push(abbr);
        } else {
          linked.add(term);
          const link: Link = { type: 'link', url: href(term), children: [abbr] };
          pieces.push(link);
        }
        last = end;
      }
      if (pieces.length === 0) return;
      if (last < node.value.length) pieces.push(textPiece(node, last, node.value.length));
      (parent as Parent).children.splice(index, 1, ...(pieces as never[]));
      // Continue after the pieces just inserted; none of them needs visiting again.
      return [SKIP, index + pieces.length];
    });

    file.data.glossaryUsage = { known, unknown };
    file.data.glossaryLookups = lookups;
  };
}

/** Inline HTML whose text is literal or already marked: `<code>TM</code>`, `<a href>TM</a>`, `<abbr>`. */
const RAW_LITERAL = /^<(code|kbd|samp|var|pre|a|abbr)(?=[\s>])/i;

/** Whether the text at `index` sits between an opening and closing literal tag written as raw HTML. */
function insideRawLiteral(parent: Parent, index: number): boolean {
  const open: string[] = [];
  for (const sibling of parent.children.slice(0, index)) {
    if (sibling.type !== 'html') continue;
    const value = sibling.value.trim();
    const opening = RAW_LITERAL.exec(value);
    if (opening && !value.endsWith('/>')) open.push(opening[1]!.toLowerCase());
    const closing = /^<\/([a-z]+)\s*>$/i.exec(value);
    if (closing && open.at(-1) === closing[1]!.toLowerCase()) open.pop();
  }
  return open.length > 0;
}

function warnUnknown(file: VFile, node: Text, offset: number, term: string): void {
  const message = file.message(
    `“${term}” looks like an acronym but is not in the glossary. Add it to content/glossary/ as “- **${term}** – what it stands for”, so readers can look it up.`,
    { place: pointAt(node, offset), ruleId: 'glossary-unknown-term' satisfies RuleId, source: 'rolebook' },
  );
  message.fatal = false;
  const included = sourceFileOf(node as Node);
  if (included) message.file = included;
}

/** A slice of a text node, with its position in the source where it can be worked out. */
function textPiece(node: Text, start: number, end: number): Text {
  const piece: Text = { type: 'text', value: node.value.slice(start, end) };
  const from = pointAt(node, start);
  const to = pointAt(node, end);
  if (from && to) piece.position = { start: from, end: to };
  if (node.data) piece.data = { ...node.data };
  return piece;
}

/**
 * The line and column of a character of a text node. Exact where the text is written as is
 * (the usual case); escapes and entities make it approximate, which is fine for a warning.
 */
function pointAt(node: Text, offset: number): { line: number; column: number; offset?: number } | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  const column = newlines === 0 ? start.column + offset : before.length - before.lastIndexOf('\n');
  return {
    line: start.line + newlines,
    column,
    ...(start.offset === undefined ? {} : { offset: start.offset + offset }),
  };
}
