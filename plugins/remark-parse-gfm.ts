/**
 * Parses markdown with GitHub's extensions exactly as `remark-parse` + `remark-gfm` do, but looks
 * for autolink literals (`www.x.com`, `https://…`, `a@b.org`) only in texts that could hold one.
 *
 * Why: that one extension is ~40 % of micromark's time on role guides and playbooks (3.9 against
 * 2.4 ms per document of the benchmark corpus), and most guides contain no URL at all. A literal
 * can only come from `www.`, `http(s)://` or an `@` — in the source, or after a backslash escape or
 * a character reference is decoded — so a text with none of those, even with every backslash
 * removed, and without character references, parses to the same tree without the extension.
 * test/unit/parse-gfm.test.ts checks that claim against remark-gfm on generated markdown.
 */
import type { Root } from 'mdast';
import { fromMarkdown, type Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import { gfm } from 'micromark-extension-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Plugin } from 'unified';

const AUTOLINK_START = /www\.|https?:|@|&(?:#|[a-z][a-z\d]*;)/i;

/** False only when no autolink literal can appear in `markdown` (then the extension is skipped). */
export function mayHoldAutolinkLiteral(markdown: string): boolean {
  return AUTOLINK_START.test(markdown.includes('\\') ? markdown.replaceAll('\\', '') : markdown);
}

interface Syntax {
  extensions: MicromarkExtension[];
  mdastExtensions: FromMarkdownExtension[];
}

/** Sets the processor's parser, like remark-parse: markdown in, mdast `Root` out. */
const remarkParseGfm: Plugin<[], string, Root> = function () {
  const full: Syntax = { extensions: [gfm()], mdastExtensions: gfmFromMarkdown() };
  const withoutAutolinks: Syntax = {
    extensions: [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
    mdastExtensions: [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  };
  this.parser = (document: string) => fromMarkdown(document, mayHoldAutolinkLiteral(document) ? full : withoutAutolinks);
};

export default remarkParseGfm;
