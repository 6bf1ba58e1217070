/**
 * Prototype: could Sätteri (the Rust markdown parser Astro 7 uses by default, and so Starlight 0.42)
 * replace micromark under Rolebook's remark plugins? It returns the same mdast shape, so only the
 * parser plugin would change. Measures, on the same documents:
 *  - speed: `plugins/remark-parse-gfm.ts` (micromark + GFM) against Sätteri's `markdownToMdast`;
 *  - sameness: each tree compared with remark-parse + remark-gfm's (positions included) on the
 *    corpus and on generated markdown made of the syntax guides use, with the differences grouped
 *    by where in the tree they first appear.
 * Sätteri is Astro's dependency, not Rolebook's: this reads the copy npm installed for Astro.
 * Run: node --experimental-strip-types bench/prototypes/native-parser.ts [corpus] [samples]
 * (bench/PROFILE.md, session 12, has the results and the decision.)
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkParseGfm, { mayHoldAutolinkLiteral } from '../../plugins/remark-parse-gfm.ts';

type Parse = (markdown: string) => unknown;

const corpus = process.argv[2] ?? path.join(import.meta.dirname, '../corpus/1000');
const sampleCount = Number(process.argv[3] ?? 20_000);

// A name in a variable: type-checking this file must not depend on how npm placed Astro's dependency.
const SATTERI = 'satteri';
const { markdownToMdast } = (await import(SATTERI).catch(() => {
  console.error('satteri is not installed (it comes with Astro 7: npm install).');
  process.exit(2);
})) as { markdownToMdast: (markdown: string, options: object) => unknown };

// Front matter off: Rolebook reads it itself (remark-yaml-meta), and micromark is given none.
const native: Parse = (markdown) => markdownToMdast(markdown, { features: { frontmatter: false } });
// One processor each, made once: building GFM's syntax extensions is not part of parsing a document.
const oursProcessor = unified().use(remarkParseGfm);
const referenceProcessor = unified().use(remarkParse).use(remarkGfm);
const ours: Parse = (markdown) => oursProcessor.parse(markdown);
const reference: Parse = (markdown) => referenceProcessor.parse(markdown);

const documents = ['roles', 'playbooks'].flatMap((folder) =>
  readdirSync(path.join(corpus, folder))
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(corpus, folder, name), 'utf8')),
);

function timeOf(parse: Parse, texts: readonly string[]): number {
  const started = performance.now();
  for (const text of texts) parse(text);
  return performance.now() - started;
}

console.log(`${documents.length} documents from ${corpus}`);
for (let round = 1; round <= 3; round++) {
  console.log(`  round ${round}: micromark ${timeOf(ours, documents).toFixed(0)} ms, Sätteri ${timeOf(native, documents).toFixed(0)} ms`);
}

/** Where two trees first differ, as a path and the two values; undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return a === b ? undefined : `${at}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const found = firstDifference(left[key], right[key], `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Compares Sätteri with remark-parse + remark-gfm on `texts`; prints the differences by kind. */
function compare(label: string, texts: readonly string[]): void {
  const kinds = new Map<string, { count: number; shortest: string; difference: string }>();
  let different = 0;
  for (const text of texts) {
    const expected = reference(text);
    const actual = native(text);
    if (isDeepStrictEqual(expected, actual)) continue;
    different++;
    const difference = firstDifference(expected, actual) ?? '(equal field by field, different in kind)';
    const kind = difference.replace(/\.children\.\d+/g, '.children[]').replace(/: .*/s, '');
    const seen = kinds.get(kind);
    if (!seen) kinds.set(kind, { count: 1, shortest: text, difference });
    else {
      seen.count++;
      if (text.length < seen.shortest.length) Object.assign(seen, { shortest: text, difference });
    }
  }
  console.log(`${label}: ${texts.length - different} of ${texts.length} trees the same as remark-gfm's`);
  for (const [kind, { count, shortest, difference }] of [...kinds].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  ${count} × ${kind}\n      e.g. ${JSON.stringify(shortest).slice(0, 160)}\n      ${difference.slice(0, 200)}`);
  }
}

compare('corpus documents', documents);

// Markdown made of what role guides and playbooks use (emphasis, links, pictures, DocFX includes
// and images, alerts, tables, lists, task lists, footnotes, raw HTML, code), without the URLs and
// e-mail addresses that autolink literals come from (the parser plugin already treats those apart).
const word = fc.constantFrom(
  'People', 'Management', 'team', 'L300+', 'role', 'R&D', 'é', '漢', 'x', 'OKR', '–', '"quoted"', "it's", '(note)', '1.', '2)',
  '#1', '50%', 'a_b', 'snake_case_word', 'file.md', 'v1.2', '&', '<', '>', '*', '_', '`', '~', '|', '\\|', '\\*', '[x]',
);
const inline = fc.oneof(
  word,
  word.map((w) => `**${w}**`),
  word.map((w) => `*${w}*`),
  word.map((w) => `_${w}_`),
  word.map((w) => `\`${w}\``),
  word.map((w) => `~~${w}~~`),
  word.map((w) => `[${w}](../roles/${w}.md)`),
  word.map((w) => `![${w}](media/${w}.png)`),
  word.map((w) => `<b>${w}</b>`),
  word.map((w) => `[!INCLUDE [${w}](includes/${w}.md)]`),
  fc.constant(':::image type="content" source="media/a.png" alt-text="A":::'),
  fc.constant('<br>'),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));
const lines = (prefix: (index: number) => string) =>
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((all) => all.map((line, index) => `${prefix(index)}${line}`).join('\n'));
const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(sentence, { minLength: 1, maxLength: 4 })).map(([columns, rows]) => {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const all = (cell: (column: number) => string) => Array.from({ length: columns }, (_, column) => cell(column));
  return [row(all((column) => `H${column}`)), row(all(() => '---')), ...rows.map((text) => row(all(() => text.replaceAll('|', '\\|'))))].join('\n');
});
const block = fc.oneof(
  sentence,
  sentence.map((text) => `## ${text}`),
  lines(() => '- '),
  lines((index) => `${index + 1}. `),
  lines(() => '> '),
  lines((index) => (index % 2 ? '- [x] ' : '- [ ] ')),
  sentence.map((text) => `> [!NOTE]\n> ${text}`),
  sentence.map((text) => `${text}[^1]\n\n[^1]: ${text}`),
  sentence.map((text) => '```\n' + text + '\n```'),
  sentence.map((text) => `    ${text}`),
  sentence.map((text) => `<div>${text}</div>`),
  table,
);
const generated = fc.sample(
  fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n')),
  { numRuns: sampleCount, seed: 12 },
);
compare('generated markdown', generated.filter((text) => !mayHoldAutolinkLiteral(text)));
