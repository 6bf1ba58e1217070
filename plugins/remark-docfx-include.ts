/**
 * Resolves DocFX `[!INCLUDE [title](path)]` lines: parses the fragment (front matter dropped) and
 * splices its blocks in place, recursively, refusing paths outside the content folder and cycles.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { visit } from './lib/visit.ts';
import { VFile } from 'vfile';
import { contentRootOf, isInside } from './lib/content-root.ts';
import { decodeText } from './lib/decode.ts';
import { report } from './lib/report.ts';
import type { RuleId } from '../src/model/rules.ts';

export interface IncludeOptions {
  /** Absolute path of the content folder; includes may not leave it. */
  contentRoot: string;
  /** Deepest nesting of includes inside includes. Default 8. */
  maxDepth?: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Absolute paths of every file included, directly or not, in order of first use. */
    includes: string[];
  }
}

const INCLUDE_LINE = /^\[!include\s*\[([^\]]*)\]\(\s*<?([^)>\s]+)>?\s*\)\s*\]$/i;
const MAX_INCLUDE_BYTES = 1024 * 1024;
/**
 * Includes expanded for one document, counting repeats. Depth and cycle checks alone let a
 * fragment that includes another ten times, eight levels deep, expand to 10⁸ copies.
 */
const MAX_INCLUDES_PER_DOCUMENT = 200;

export default function remarkDocfxInclude(this: Processor, options: IncludeOptions) {
  const processor = this;
  const maxDepth = options.maxDepth ?? 8;
  // Paths as given below the content folder; where a file really is, against its real place (lib/content-root.ts).
  const { given: contentRoot, real: realRoot } = contentRootOf(options.contentRoot);
  /** Fragments already read and parsed by this processor, by path. */
  const fragments = new Map<string, { tree: Root; text: string; messages: VFile['messages'] }>();

  let expanded = 0;
  return (tree: Root, file: VFile) => {
    file.data.includes = [];
    expanded = 0;
    const rootFile = file.path ? path.resolve(file.path) : undefined;
    expand(tree, String(file.value), file, rootFile, rootFile ? [realPathOf(rootFile)] : [], 0);
  };

  /** Replaces include paragraphs in `tree`, parsed from `text`, the contents of file `from`. */
  function expand(tree: Root, text: string, file: VFile, from: string | undefined, stack: string[], depth: number) {
    const replacements: { parent: { children: RootContent[] }; index: number; nodes: RootContent[] }[] = [];
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined || !node.position) return;
      const raw = text.slice(node.position.start.offset, node.position.end.offset);
      if (!/^\s*\[!include/i.test(raw)) return;
      const lines = raw.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      const nodes: RootContent[] = [];
      for (const [lineIndex, line] of lines.entries()) {
        const place = { ...node, position: { start: { line: node.position.start.line + lineIndex, column: lineIndex === 0 ? node.position.start.column : 1 }, end: node.position.end } };
        const match = INCLUDE_LINE.exec(line);
        if (!match) {
          report(file, `This line looks like an include but is not one. Write it as [!INCLUDE [title](./includes/file.md)] on a line of its own.`, place, 'include-syntax');
          return;
        }
        nodes.push(...resolve(match[2]!, place, file, from, stack, depth));
      }
      replacements.push({ parent: parent as { children: RootContent[] }, index, nodes });
    });
    for (const { parent, index, nodes } of replacements.reverse()) parent.children.splice(index, 1, ...nodes);
  }

  function resolve(target: string, place: RootContent, file: VFile, from: string | undefined, stack: string[], depth: number): RootContent[] {
    const fail = (reason: string, ruleId: RuleId) => {
      report(file, reason, place, ruleId);
      return [];
    };
    const located = locateInclude(target, from, contentRoot, realRoot);
    if ('reason' in located) return fail(located.reason, located.ruleId);
    const { wanted, real } = located;
    if (stack.includes(real)) {
      const chain = [...stack.slice(stack.indexOf(real)), real].map((entry) => path.relative(realRoot, entry)).join(' → ');
      return fail(`This include makes a loop: ${chain}. Remove one of these includes.`, 'include-cycle');
    }
    if (depth + 1 > maxDepth) {
      return fail(`Includes are nested more than ${maxDepth} deep here. Flatten them.`, 'include-depth');
    }
    if (statSync(real).size > MAX_INCLUDE_BYTES) {
      return fail(`The include “${target}” is larger than ${MAX_INCLUDE_BYTES / 1024} KB.`, 'include-too-large');
    }
    if (++expanded > MAX_INCLUDES_PER_DOCUMENT) {
      // Said once, at the include that went over; the rest are skipped silently.
      if (expanded > MAX_INCLUDES_PER_DOCUMENT + 1) return [];
      return fail(`This document pulls in more than ${MAX_INCLUDES_PER_DOCUMENT} includes in all (counting repeats). Include fewer fragments.`, 'include-budget');
    }
    // A fragment is read and parsed once per processor (one loadContent call), then copied per use.
    let parsed = fragments.get(wanted);
    if (!parsed) {
      const decoded = decodeText(readFileSync(real));
      if (!decoded.ok) {
        return decoded.reason === 'binary'
          ? fail(`The include “${target}” is a binary file, not markdown text.`, 'include-binary')
          : fail(`The include “${target}” is not valid UTF-8 text (line ${decoded.line}). Save it as UTF-8.`, 'include-encoding');
      }
      const fragment = new VFile({ path: wanted, value: decoded.text.replace(/^\uFEFF/, '') });
      const tree = processor.parse(fragment) as Root;
      // Mark the fragment's nodes first, so problems found in nested includes name the right file.
      visit(tree, (node) => {
        node.data = { ...node.data, sourceFile: wanted };
      });
      parsed = { tree, text: String(fragment.value), messages: fragment.messages };
      fragments.set(wanted, parsed);
    }
    for (const message of parsed.messages) file.messages.push(message);
    const included = file.data.includes ?? (file.data.includes = []);
    if (!included.includes(wanted)) included.push(wanted);
    const fragmentTree = structuredClone(parsed.tree);
    expand(fragmentTree, parsed.text, file, wanted, [...stack, real], depth + 1);
    return fragmentTree.children;
  }
}

/**
 * Where include `target`, written in file `from`, really is — or why it may not be used: a URL or
 * absolute path, a path or link leaving the content folder, a missing file or a folder.
 */
function locateInclude(target: string, from: string | undefined, contentRoot: string, realRoot: string): { wanted: string; real: string } | { reason: string; ruleId: RuleId } {
  let unescaped: string;
  try {
    unescaped = decodeURIComponent(target);
  } catch {
    unescaped = target;
  }
  if (path.isAbsolute(unescaped) || /^[a-z][a-z0-9+.-]*:/i.test(unescaped)) {
    return { reason: `The include “${target}” is an absolute path or a URL. Write a path relative to this file, such as ./includes/part.md.`, ruleId: 'include-outside' };
  }
  const wanted = path.resolve(from ? path.dirname(from) : contentRoot, unescaped);
  if (!isInside(wanted, contentRoot)) {
    return { reason: `The include “${target}” points outside the content folder. Includes must stay inside it.`, ruleId: 'include-outside' };
  }
  let real: string;
  try {
    real = realpathSync(wanted);
    if (!statSync(real).isFile()) return { reason: `The include “${target}” is a folder, not a markdown file.`, ruleId: 'include-missing' };
  } catch {
    return { reason: `The include “${target}” does not exist (looked for ${path.relative(contentRoot, wanted)}).`, ruleId: 'include-missing' };
  }
  if (!isInside(real, realRoot)) {
    return { reason: `The include “${target}” is a link to a file outside the content folder. Includes must stay inside it.`, ruleId: 'include-outside' };
  }
  return { wanted, real };
}

/** Where `file` really is; itself when it cannot be found (a document given as text, with a path of its own). */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
