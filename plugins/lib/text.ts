/** Small text helpers shared by the extraction plugins. */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Collapses runs of white space (tabs, line breaks, non-breaking spaces) to single spaces. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Plain text of inline nodes that sit side by side (no space added between them). */
export function phrasingText(nodes: Nodes[]): string {
  return squash(nodes.map((node) => toString(node)).join(''));
}

/** Plain text of a node, or of blocks joined by a space, white space collapsed. */
export function plainText(node: Nodes | Nodes[]): string {
  return squash(Array.isArray(node) ? node.map((child) => toString(child)).join(' ') : toString(node));
}

/** "Customer Health." → "Customer Health"; keeps "etc." style endings only when they are abbreviations. */
export function withoutTrailingPeriod(text: string): string {
  return text.replace(/\s*\.+\s*$/, '').trim();
}

/** Heading text compared loosely: case, dashes and spacing do not matter. */
export function headingKey(text: string): string {
  return squash(text)
    .toLowerCase()
    .replace(/[\u2010-\u2015-]+/g, '-')
    .replace(/[^a-z0-9 -]/g, '')
    .trim();
}

export { DASH } from '../../src/model/dashes.ts';
