/**
 * Where the bytes of a built page go: the page's element tree, each element with the bytes of its
 * serialised HTML, descending into elements that hold more than `--min` percent of the page, plus
 * totals for things that repeat (inline scripts and styles, SVG, `<abbr>`, attributes by name).
 *
 * Usage: node --experimental-strip-types bench/page-anatomy.ts PAGE.html [--min 3]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse, serializeOuter } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

function describe(node: Node): string {
  const id = node.attrs?.find((a) => a.name === 'id')?.value;
  const cls = node.attrs?.find((a) => a.name === 'class')?.value;
  const aria = node.attrs?.find((a) => a.name === 'aria-label')?.value;
  return `<${node.tagName}${id ? `#${id}` : ''}${cls ? `.${cls.split(/\s+/).slice(0, 2).join('.')}` : ''}${aria ? ` "${aria}"` : ''}>`;
}

export function anatomy(html: string, minPercent = 3): string[] {
  const document = parse(html) as unknown as Node;
  const total = Buffer.byteLength(html);
  const size = (node: Node) => Buffer.byteLength(serializeOuter(node as never));
  const lines: string[] = [`${total} bytes`];
  const walk = (node: Node, depth: number) => {
    for (const child of node.childNodes ?? []) {
      if (!child.tagName) continue;
      const bytes = size(child);
      if ((bytes / total) * 100 < minPercent) continue;
      lines.push(`${'  '.repeat(depth)}${String(bytes).padStart(7)} ${((bytes / total) * 100).toFixed(1).padStart(5)} %  ${describe(child)} (${child.childNodes?.filter((c) => c.tagName).length ?? 0} children)`);
      walk(child, depth + 1);
    }
  };
  walk(document, 0);

  const tally = new Map<string, { count: number; bytes: number }>();
  const attrs = new Map<string, number>();
  const count = (key: string, bytes: number) => {
    const entry = tally.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += bytes;
    tally.set(key, entry);
  };
  const visit = (node: Node) => {
    if (node.tagName) {
      if (['script', 'style', 'svg', 'abbr', 'a', 'li', 'table'].includes(node.tagName)) count(node.tagName, size(node));
      for (const attr of node.attrs ?? []) attrs.set(attr.name, (attrs.get(attr.name) ?? 0) + attr.name.length + attr.value.length + 4);
    }
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(document);
  lines.push('', 'elements (count, bytes incl. content):');
  for (const [tag, { count: n, bytes }] of [...tally].sort((a, b) => b[1].bytes - a[1].bytes)) lines.push(`  ${tag.padEnd(8)} ${String(n).padStart(5)} × ${String(bytes).padStart(7)} bytes`);
  lines.push('', 'attributes (bytes):');
  for (const [name, bytes] of [...attrs].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`  ${name.padEnd(24)} ${String(bytes).padStart(7)}`);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: page-anatomy.ts PAGE.html [--min PERCENT]');
    process.exit(2);
  }
  const minIndex = process.argv.indexOf('--min');
  console.log(anatomy(readFileSync(file, 'utf8'), minIndex > 0 ? Number(process.argv[minIndex + 1]) : 3).join('\n'));
}
