/**
 * DocFX pictures, as Microsoft-docs playbooks write them:
 *
 *   :::image type="content" source="media/org-chart.png" alt-text="The team's reporting lines.":::
 *   :::image type="icon" source="media/tick.svg":::
 *   :::image type="complex" source="media/flow.png" alt-text="Escalation flow.":::
 *      The long description, in markdown, for readers who cannot see the picture.
 *   :::image-end:::
 *
 * `content` and `icon` become ordinary markdown images (an icon without alt text is decoration);
 * `complex` becomes a figure whose picture is described by the long description, shown in a
 * `<details>` below it and tied to the picture with `aria-describedby`. Checking the file (does it
 * exist, is it a picture, has it alt text) is remark-local-files' job, for every kind of picture.
 */
import type { Image, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { Node } from 'unist';
import { VFile } from 'vfile';
import { report } from './lib/report.ts';
import { pointAt, sourceTexts, type SourceTexts } from './lib/source-text.ts';
import { visit } from './lib/visit.ts';
import type { RuleId } from '../src/model/rules.ts';

export const IMAGE_SYNTAX_RULE = 'image-syntax' satisfies RuleId;

declare module 'mdast' {
  interface ImageData {
    /** A DocFX `type="icon"` picture without alt text: decoration, rendered with `alt=""`. */
    decorative?: boolean;
    /** Where the picture's address was written, when that is not where the node starts. */
    urlPlace?: { line: number; column: number };
  }
}

const OPENING = /^:::image(?=\s)((?:[^:]|:(?!::))*):::/;
/** Names are short (bounded, so a long run of letters cannot make the scan quadratic). */
const ATTRIBUTE = /([a-z][a-z-]{0,31})\s*=\s*"([^"]*)"/gi;
const END_MARKER = ':::image-end:::';
const TYPES = ['content', 'icon', 'complex'] as const;

interface Directive {
  type: string | undefined;
  source: string | undefined;
  alt: string | undefined;
  /** Offsets in the source text: the whole `:::image …:::` and the `source` value. */
  start: number;
  end: number;
  sourceAt: number;
}

export default function remarkDocfxImage(this: Processor) {
  const processor = this;
  return (tree: Root, file: VFile) => {
    const textOf = sourceTexts(processor, file);
    let described = 0;
    /** Paragraphs a complex picture took in, up to and including its `:::image-end:::`. */
    const consumed = new Set<Node>();
    const replacements: { parent: Parent; index: number; count: number; nodes: RootContent[] }[] = [];
    visit(tree, 'paragraph', (node: Paragraph, index, unistParent) => {
      const parent = unistParent as Parent | undefined;
      if (!parent || index === undefined || node.position?.start.offset === undefined) return;
      // Only a paragraph whose text starts with ":::image" can be one (its source starts with those
      // very characters): the others are not worth reading an include's text for.
      const first = node.children[0];
      if (first?.type !== 'text' || !first.value.startsWith(':::image')) return;
      const text = textOf(node);
      if (text === undefined) return;
      const start = node.position.start.offset;
      const raw = text.slice(start, node.position.end.offset);
      if (!raw.startsWith(':::image')) return;
      if (raw.startsWith(END_MARKER) && consumed.has(node)) return;
      const fail = (reason: string) => {
        report(file, reason, node, IMAGE_SYNTAX_RULE);
        replacements.push({ parent, index, count: 1, nodes: [] });
      };
      if (raw.startsWith(END_MARKER)) return fail(`This ${END_MARKER} closes no :::image type="complex". Remove it, or add the picture it ends.`);
      const directive = readDirective(raw, start);
      if (!directive) return fail('This :::image line is not finished. Write it as :::image type="content" source="media/picture.png" alt-text="What the picture shows.":::');
      const problem = directiveProblem(directive);
      if (problem) return fail(problem);
      const image = imageNode(directive, text, node);
      if (directive.type !== 'complex') {
        const rest = raw.slice(directive.end - start).trim();
        if (rest !== '') return fail('Put each :::image::: on a line of its own, with a blank line before the text that follows.');
        replacements.push({ parent, index, count: 1, nodes: [{ ...node, children: [image] }] });
        return;
      }
      const end = findEnd(parent, index, directive.end, text, node);
      if (!end) return fail(`This complex picture has no ${END_MARKER} line. End its long description with ${END_MARKER} on a line of its own.`);
      const id = `picture-description-${++described}`;
      const description = parseDescription(processor, text, directive.end, end.offset, node);
      image.data = { ...image.data, hProperties: { ariaDescribedBy: [id] } };
      for (let at = index; at <= end.index; at++) consumed.add(parent.children[at]!);
      replacements.push({ parent, index, count: end.index - index + 1, nodes: [figure(node, image, description, id)] });
    });
    for (const { parent, index, count, nodes } of replacements.reverse()) parent.children.splice(index, count, ...nodes);
  };
}

function readDirective(raw: string, start: number): Directive | undefined {
  const match = OPENING.exec(raw);
  if (!match) return undefined;
  const attributes = new Map<string, { value: string; at: number }>();
  const attributesAt = start + ':::image'.length;
  for (const attribute of match[1]!.matchAll(ATTRIBUTE)) {
    const valueAt = attribute.index + attribute[0].length - attribute[2]!.length - 1;
    attributes.set(attribute[1]!.toLowerCase(), { value: attribute[2]!, at: attributesAt + valueAt });
  }
  const source = attributes.get('source');
  return {
    type: attributes.get('type')?.value,
    source: source?.value.trim(),
    alt: attributes.get('alt-text')?.value.trim(),
    start,
    end: start + match[0].length,
    sourceAt: source?.at ?? start,
  };
}

function directiveProblem(directive: Directive): string | undefined {
  if (directive.type === undefined) return 'This :::image has no type. Add type="content" (a picture), type="icon" or type="complex" (a picture with a long description).';
  if (!(TYPES as readonly string[]).includes(directive.type)) {
    return `This :::image has type="${directive.type}". Use type="content", type="icon" or type="complex".`;
  }
  if (!directive.source) return 'This :::image has no source. Add source="media/picture.png", the picture\'s path relative to this file.';
  return undefined;
}

function imageNode(directive: Directive, text: string, paragraph: Paragraph): Image {
  const decorative = directive.type === 'icon' && !directive.alt;
  return {
    type: 'image',
    url: directive.source!,
    alt: directive.alt ?? '',
    position: { start: pointAt(text, directive.start), end: pointAt(text, directive.end) },
    data: { ...paragraph.data, decorative, urlPlace: pointAt(text, directive.sourceAt) },
  };
}

/** The sibling paragraph (the opening one or a later one) holding `:::image-end:::`, and where it starts. */
function findEnd(parent: Parent, index: number, after: number, text: string, opening: Paragraph): { index: number; offset: number } | undefined {
  const sourceFile = opening.data?.sourceFile;
  for (let at = index; at < parent.children.length; at++) {
    const sibling = parent.children[at]!;
    if (sibling.type !== 'paragraph' || sibling.data?.sourceFile !== sourceFile) continue;
    const from = Math.max(sibling.position?.start.offset ?? 0, after);
    const found = text.slice(from, sibling.position?.end.offset).indexOf(END_MARKER);
    if (found !== -1) return { index: at, offset: from + found };
  }
  return undefined;
}

/**
 * The long description, parsed as markdown where it was written: it is parsed after as many line
 * breaks and spaces as came before it, then every offset is moved by the characters left out, so
 * lines, columns and offsets are the author's.
 */
function parseDescription(processor: Processor, text: string, from: number, to: number, opening: Node): RootContent[] {
  const before = pointAt(text, from);
  const padding = '\n'.repeat(before.line - 1) + ' '.repeat(before.column - 1);
  const tree = processor.parse(new VFile({ value: padding + text.slice(from, to) })) as Root;
  const shift = from - padding.length;
  const sourceFile = opening.data?.sourceFile;
  visit(tree, (node) => {
    for (const point of [node.position?.start, node.position?.end]) if (point?.offset !== undefined) point.offset += shift;
    if (sourceFile) node.data = { ...node.data, sourceFile };
  });
  return tree.children;
}

/** `<figure><p><img aria-describedby></p><details><summary>…</summary><div id>…</div></details></figure>` */
function figure(opening: Paragraph, image: Image, description: RootContent[], id: string): RootContent {
  const block = (hName: string, children: unknown[], hProperties: Record<string, string> = {}) =>
    ({ type: 'docfxImagePart', data: { ...opening.data, hName, hProperties }, children }) as unknown as RootContent;
  const summary = { type: 'text', value: 'Long description of the picture' };
  return block('figure', [
    { ...opening, children: [image] },
    block('details', [block('summary', [summary]), block('div', description, { id })]),
  ]);
}
