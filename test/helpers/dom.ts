/**
 * A few DOM helpers over parse5, to read built pages as a browser with JavaScript off would (the
 * same ones test/site/pages.test.ts keeps inline; new site tests import them from here).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

export function all(root: Node, predicate: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && predicate(node)) found.push(node);
    for (const child of childrenOf(node)) walk(child);
  };
  walk(root);
  return found;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function byClass(root: Node, name: string): Element[] {
  return all(root, (element) => (attr(element, 'class') ?? '').split(/\s+/).includes(name));
}

export function byTag(root: Node, tag: string): Element[] {
  return all(root, (element) => element.tagName === tag);
}

const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'section', 'table', 'caption', 'header', 'nav']);

/** Text as a reader sees it, white space collapsed: block elements are separated, inline ones run together. */
export function text(node: Node): string {
  const raw = (value: Node): string => {
    if ('value' in value && value.nodeName === '#text') return (value as DefaultTreeAdapterMap['textNode']).value;
    const inner = childrenOf(value).map(raw).join('');
    return isElement(value) && BLOCKS.has(value.tagName) ? ` ${inner} ` : inner;
  };
  return raw(node).replace(/\s+/g, ' ').trim();
}

/** The built page at `route` (`skills/people-management`) of a site built into `outDir`. */
export function readPage(outDir: string, route: string): DefaultTreeAdapterMap['document'] {
  return parse(readFileSync(path.join(outDir, route, 'index.html'), 'utf8'), { scriptingEnabled: false });
}
