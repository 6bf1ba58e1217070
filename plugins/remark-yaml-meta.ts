/**
 * The YAML block at the top of a document becomes its metadata. gray-matter finds the block (none of
 * its engines ever runs, and a block in any language but YAML is refused);
 * the `yaml` package reads it, refusing tags, aliases and keys that reach a prototype; the Zod
 * front-matter schema (src/model/frontmatter.ts) validates and normalises it, each problem placed
 * on the key or value it is about. The block is blanked out of the markdown, so every position in
 * the body is the line and column the author sees in the editor.
 *
 * Unlike npm's remark-frontmatter, no `yaml` node is added to the tree: the result is
 * `file.data.frontMatter`.
 */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { FORBIDDEN_KEYS } from '../src/model/forbidden-keys.ts';
import { readFrontMatterValues, type FrontMatterMeta } from '../src/model/frontmatter.ts';
import { report } from './lib/report.ts';
import type { RuleId } from '../src/model/rules.ts';

type Place = { line: number; column: number };

export interface FrontMatterData {
  /** Key → value as YAML read it (text, numbers, lists, nested blocks), on a prototype-less object. */
  values: Record<string, unknown>;
  /** Where each key is written, and each item of a list value (1-based, in the file). */
  positions: Record<string, { key: Place; items: Place[] }>;
  /** Number of lines the front matter block occupies, delimiters included. */
  lineCount: number;
  /** False when the block could not be read at all (another language, unclosed, too large, broken YAML). */
  readable: boolean;
  /** Keys reported as errors, by the reader or the schema; nothing later reads them. */
  refused: string[];
  /** The validated, normalised metadata (set by the plugin's transformer; documents only). */
  meta?: FrontMatterMeta;
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatterData;
  }
}

/** A YAML document this big is not front matter; refusing it bounds time and memory. */
const MAX_FRONT_MATTER_BYTES = 64 * 1024;
const CLOSING_LINE = /^---[ \t]*\r?$/;

function refuseEngine(): never {
  throw new Error('front matter in a programming language is never run');
}

/**
 * gray-matter merges its own engines (which `eval` JavaScript) into ours: replace every one. YAML
 * gets an engine that reads nothing: gray-matter only finds the block, the `yaml` package reads it.
 */
function safeEngines() {
  const readNothing = () => ({});
  return {
    yaml: readNothing,
    yml: readNothing,
    json: refuseEngine,
    js: refuseEngine,
    javascript: refuseEngine,
    coffee: refuseEngine,
    coffeescript: refuseEngine,
    cson: refuseEngine,
    toml: refuseEngine,
  };
}

export default function remarkYamlMeta(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-yaml-meta must be used after remark-parse');
  // Included fragments are parsed with this parser too; only documents are run, so only documents
  // are validated (a fragment's front matter is blanked and ignored).
  this.parser = (document: string, file: VFile) => {
    const source = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
    const body = readFrontMatter(source, file);
    // Later steps slice the text by node offsets: they must see exactly what was parsed.
    file.value = body;
    return parse(body, file) as Root;
  };
  return (_tree: Root, file: VFile) => validateFrontMatter(file);
}

const nothingRead = (lineCount: number, readable: boolean): FrontMatterData => ({
  values: Object.create(null),
  positions: Object.create(null),
  lineCount,
  readable,
  refused: [],
});

/** Reads the front matter into `file.data.frontMatter`; returns the document with the block replaced by empty lines. */
export function readFrontMatter(source: string, file: VFile): string {
  file.data.frontMatter = nothingRead(0, true);
  // `----` or more is a thematic break, not front matter (gray-matter's rule as well).
  if (!source.startsWith('---') || source[3] === '-') return source;
  const { raw, name: language } = matter.language(source);
  const isYaml = !language || /^ya?ml$/i.test(language);
  // Another language is refused below; gray-matter gets the block without its name, so it finds the
  // same lines and never looks for an engine for that language.
  const input = isYaml ? source : `---${source.slice(3 + raw.length)}`;
  let block: string;
  try {
    block = matter(input, { language: 'yaml', engines: safeEngines() }).matter;
  } catch (error) {
    report(file, `The front matter could not be read: ${(error as Error).message}.`, { line: 1, column: 1 }, 'front-matter-invalid');
    file.data.frontMatter = nothingRead(0, false);
    return source;
  }
  const lines = source.split('\n');
  // gray-matter's block starts right after `---` on line 1 and ends before the closing line.
  const lineCount = block.split('\n').length + 1;
  const closed = lineCount <= lines.length;
  if (!isYaml) {
    report(file, `Front matter is written in “${language}”, which Rolebook never runs. Use plain YAML between two --- lines.`, { line: 1, column: 4 }, 'front-matter-language');
    file.data.frontMatter = nothingRead(closed ? lineCount : 0, false);
    return blankLines(lines, closed ? lineCount : 1);
  }
  if (!closed) {
    report(file, 'The front matter starts with --- on line 1 but is never closed. Add a line with --- after the last key.', { line: 1, column: 1 }, 'front-matter-unclosed');
    file.data.frontMatter = nothingRead(0, false);
    return source;
  }
  if (!CLOSING_LINE.test(lines[lineCount - 1]!)) {
    report(file, `The front matter ends at “${lines[lineCount - 1]!.trim()}”; write the closing --- on a line of its own.`, { line: lineCount, column: 4 }, 'front-matter-unclosed');
  }
  if (block.length > MAX_FRONT_MATTER_BYTES) {
    report(file, `The front matter is ${block.length} bytes long; the limit is ${MAX_FRONT_MATTER_BYTES}.`, { line: 1, column: 1 }, 'front-matter-too-large');
    file.data.frontMatter = nothingRead(lineCount, false);
  } else {
    file.data.frontMatter = readYaml(block.replace(/\r(?=\n|$)/g, ''), file, lineCount);
  }
  return blankLines(lines, lineCount);
}

/**
 * The first `count` lines become blank with every line end kept, so the body keeps its line
 * numbers: a lone CR inside a line is a line end to the markdown parser too, and keeps a space
 * after it so that it does not join the next LF into one CRLF.
 */
function blankLines(lines: string[], count: number): string {
  return lines.map((line, index) => (index < count ? blankLine(line) : line)).join('\n');
}

function blankLine(line: string): string {
  const ends = line.replace(/[^\r]/g, '');
  return ends.endsWith('\r') && !line.endsWith('\r') ? `${ends} ` : ends;
}

/** `yamlSource` starts on the file's first line (the rest of the opening --- line). */
function readYaml(yamlSource: string, file: VFile, lineCount: number): FrontMatterData {
  const data = nothingRead(lineCount, true);
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlSource, { schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter });
  const at = (offset: number | undefined): Place => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const tagged: number[] = [];
  for (const problem of [...document.errors, ...document.warnings]) {
    const isTag = problem.code === 'TAG_RESOLVE_FAILED';
    if (isTag) tagged.push(problem.pos[0]);
    // The tag as the author wrote it (`!!js/function`), read from the source at the problem's range.
    const tag = yamlSource.slice(problem.pos[0], problem.pos[1]);
    const reason = isTag
      ? `The front matter uses the YAML tag ${tag}; tags are never run or resolved here. Write plain text instead.`
      : `The front matter is not valid YAML: ${problem.message.split('\n')[0]}`;
    report(file, reason, at(problem.pos[0]), isTag ? 'front-matter-tag' : 'front-matter-yaml');
  }
  if (document.errors.length > 0) return { ...data, readable: false };
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return data;
  if (!isMap(contents)) {
    report(file, 'The front matter must be a list of “key: value” lines.', at(contents.range?.[0]), 'front-matter-yaml');
    return { ...data, readable: false };
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const place = at(keyNode?.range?.[0]);
    if (!isScalar(keyNode) || keyNode.value === null) {
      report(file, 'Front matter keys must be plain words such as “title”.', place, 'front-matter-yaml');
      continue;
    }
    const key = String(keyNode.value);
    const valueNode = pair.value as YamlNode | null;
    const refusal = refusalOf(key, valueNode);
    const wasTagged = tagged.some((offset) => offset >= (keyNode.range?.[0] ?? 0) && offset < (valueNode?.range?.[2] ?? 0));
    if (refusal) report(file, refusal.reason, place, refusal.ruleId);
    if (refusal || wasTagged) {
      // A tagged value is reported where the tag is written (above) and never read.
      data.refused.push(key);
      continue;
    }
    data.values[key] = plainValue(valueNode, 0);
    data.positions[key] = { key: place, items: isSeq(valueNode) ? valueNode.items.map((item) => at((item as YamlNode | null)?.range?.[0])) : [] };
  }
  return data;
}

/** Keys that never reach the schema: those that could reach a prototype, and aliases (never expanded, so a bomb costs nothing). */
function refusalOf(key: string, value: YamlNode | null): { reason: string; ruleId: RuleId } | undefined {
  if (FORBIDDEN_KEYS.includes(key)) return { reason: `The front matter key “${key}” is not allowed.`, ruleId: 'front-matter-forbidden-key' };
  let alias: string | undefined;
  if (isAlias(value)) alias = value.source;
  else if (isCollection(value)) {
    visit(value, {
      Alias(_, node) {
        alias = node.source;
        return visit.BREAK;
      },
    });
  }
  if (alias === undefined) return undefined;
  return { reason: `“${key}” uses the YAML alias *${alias}; aliases are not allowed in front matter. Write the value out in full.`, ruleId: 'front-matter-alias' };
}

/** Deeper than this, a value is only ever refused, so its content is not copied. */
const MAX_DEPTH = 2;

/** A YAML node as plain data for the schema: text, numbers and booleans, lists, and blocks (prototype-less objects). */
function plainValue(node: YamlNode | null, depth: number): unknown {
  if (node === null) return null;
  if (isScalar(node)) return node.value;
  const block: Record<string, unknown> = Object.create(null);
  if (depth >= MAX_DEPTH) return block;
  if (isSeq(node)) return node.items.map((item) => plainValue(item as YamlNode | null, depth + 1));
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      block[isScalar(key) ? String(key.value) : '?'] = plainValue(pair.value as YamlNode | null, depth + 1);
    }
  }
  return block;
}

/** Validates a document's front matter with the schema: `file.data.frontMatter.meta`, and a message per problem. */
export function validateFrontMatter(file: VFile): void {
  const data = file.data.frontMatter;
  if (!data?.readable) return;
  const { meta, problems, refused } = readFrontMatterValues(data.values);
  data.meta = meta;
  for (const problem of problems) {
    // A key the reader refused (a tag, say) is missing to the schema; it has its message already.
    if (problem.key === undefined ? data.refused.includes('title') : data.refused.includes(problem.key)) continue;
    const place = problem.key === undefined ? undefined : data.positions[problem.key];
    const at = (problem.item !== undefined ? place?.items[problem.item] : undefined) ?? place?.key ?? { line: 1, column: 1 };
    report(file, problem.message, at, problem.ruleId);
  }
  data.refused.push(...refused);
}
