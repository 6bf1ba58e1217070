/**
 * Reads YAML front matter with gray-matter (code-running engines refused) and blanks it out of the
 * markdown, so every position in the body is the line and column the author sees in the editor.
 */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { normaliseDate } from '../src/model/frontmatter.ts';
import { report } from './lib/report.ts';

export interface FrontMatterData {
  /** Flat key → value, on a prototype-less object. */
  values: Record<string, string | string[]>;
  /** Where each key is written (1-based line/column in the file). */
  positions: Record<string, { line: number; column: number }>;
  /** `ms.date` as YYYY-MM-DD, when it is a real date. */
  date?: string;
  /** Number of lines the front matter block occupies, delimiters included. */
  lineCount: number;
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatterData;
  }
}

const OPENING = /^---([^\r\n]*)$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A YAML document this big is not front matter; refusing it bounds time and memory. */
const MAX_FRONT_MATTER_BYTES = 64 * 1024;

function refuseEngine(): never {
  throw new Error('front matter in a programming language is never run');
}

/** gray-matter merges its own engines (which `eval` JavaScript) into ours: replace every one. */
function safeEngines(parseYaml: (source: string) => object) {
  return {
    yaml: parseYaml,
    yml: parseYaml,
    json: refuseEngine,
    js: refuseEngine,
    javascript: refuseEngine,
    coffee: refuseEngine,
    coffeescript: refuseEngine,
    cson: refuseEngine,
    toml: refuseEngine,
  };
}

export default function remarkFrontMatter(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-front-matter must be used after remark-parse');
  this.parser = (document: string, file: VFile) => {
    const source = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
    const body = extractFrontMatter(source, file);
    // Later steps slice the text by node offsets: they must see exactly what was parsed.
    file.value = body;
    return parse(body, file) as Root;
  };
}

/** Returns the document with the front matter replaced by empty lines. */
export function extractFrontMatter(source: string, file: VFile): string {
  const lines = source.split('\n');
  const opening = OPENING.exec((lines[0] ?? '').replace(/\r$/, ''));
  if (!opening) {
    file.data.frontMatter = { values: Object.create(null), positions: Object.create(null), lineCount: 0 };
    return source;
  }
  const language = opening[1]!.trim();
  const closeIndex = lines.findIndex((line, index) => index > 0 && CLOSING.test(line.replace(/\r$/, '')));
  const empty = { values: Object.create(null), positions: Object.create(null), lineCount: 0 };
  if (language && !/^ya?ml$/i.test(language)) {
    report(
      file,
      `Front matter is written in “${language}”, which Rolebook never runs. Use plain YAML between two --- lines.`,
      { line: 1, column: 4 },
      'front-matter-language',
    );
    file.data.frontMatter = empty;
    return blankLines(lines, closeIndex === -1 ? 0 : closeIndex);
  }
  if (closeIndex === -1) {
    report(
      file,
      'The front matter starts with --- on line 1 but is never closed. Add a line with --- after the last key.',
      { line: 1, column: 1 },
      'front-matter-unclosed',
    );
    file.data.frontMatter = empty;
    return source;
  }
  const block = lines.slice(0, closeIndex + 1).join('\n');
  if (block.length > MAX_FRONT_MATTER_BYTES) {
    report(file, `The front matter is ${block.length} bytes long; the limit is ${MAX_FRONT_MATTER_BYTES}.`, { line: 1, column: 1 }, 'front-matter-too-large');
    file.data.frontMatter = { ...empty, lineCount: closeIndex + 1 };
    return blankLines(lines, closeIndex);
  }
  let data: FrontMatterData = { ...empty, lineCount: closeIndex + 1 };
  try {
    matter(`${block.replace(/\r(?=\n)/g, '')}\n`, {
      language: 'yaml',
      engines: safeEngines((yamlSource) => {
        data = readYaml(yamlSource, file, closeIndex + 1);
        return {};
      }),
    });
  } catch (error) {
    report(file, `The front matter could not be read: ${(error as Error).message}.`, { line: 1, column: 1 }, 'front-matter-invalid');
  }
  file.data.frontMatter = data;
  return blankLines(lines, closeIndex);
}

function blankLines(lines: string[], lastIndex: number): string {
  return lines.map((line, index) => (index <= lastIndex ? (line.endsWith('\r') ? '\r' : '') : line)).join('\n');
}

/** `yamlSource` starts on the file's first line (the rest of the opening --- line). */
function readYaml(yamlSource: string, file: VFile, lineCount: number): FrontMatterData {
  const values: Record<string, string | string[]> = Object.create(null);
  const positions: Record<string, { line: number; column: number }> = Object.create(null);
  // Aliases are never resolved (values must be plain text), so an alias bomb cannot expand.
  const document = parseDocument(yamlSource, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const before = yamlSource.slice(0, offset ?? 0);
    const line = before.split('\n').length;
    return { line, column: before.length - before.lastIndexOf('\n') };
  };
  for (const problem of [...document.errors, ...document.warnings]) {
    // The tag as the author wrote it (`!!js/function`), read from the source at the problem's range.
    const tag = yamlSource.slice(problem.pos[0], problem.pos[1]);
    const reason = problem.code === 'TAG_RESOLVE_FAILED'
      ? `The front matter uses the YAML tag ${tag}; tags are never run or resolved here. Write plain text instead.`
      : `The front matter is not valid YAML: ${problem.message.split('\n')[0]}`;
    report(file, reason, at(problem.pos[0]), problem.code === 'TAG_RESOLVE_FAILED' ? 'front-matter-tag' : 'front-matter-yaml');
  }
  if (document.errors.length > 0) return { values, positions, lineCount };
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { values, positions, lineCount };
  if (!isMap(contents)) {
    report(file, 'The front matter must be a list of “key: value” lines.', at(contents.range?.[0]), 'front-matter-yaml');
    return { values, positions, lineCount };
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const place = at(keyNode?.range?.[0]);
    if (key === undefined) {
      report(file, 'Front matter keys must be plain words such as “title”.', place, 'front-matter-yaml');
      continue;
    }
    if (FORBIDDEN_KEYS.has(key)) {
      report(file, `The front matter key “${key}” is not allowed.`, place, 'front-matter-forbidden-key');
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    const alias = isAlias(valueNode) ? valueNode : isSeq(valueNode) ? valueNode.items.find(isAlias) : undefined;
    if (alias) {
      // Aliases are never expanded, so an alias bomb costs nothing; the author still learns why.
      report(file, `“${key}” uses the YAML alias *${alias.source}; aliases are not allowed in front matter. Write the value out in full.`, place, 'front-matter-alias');
      continue;
    }
    const value = flatten(valueNode);
    if (value === undefined) {
      report(file, `“${key}” must be text or a list of text, not a nested block.`, place, 'front-matter-nested');
      continue;
    }
    if (value === '') continue;
    values[key] = value;
    positions[key] = place;
  }
  let date: string | undefined;
  const rawDate = values['ms.date'];
  if (typeof rawDate === 'string') {
    const result = normaliseDate(rawDate.trim());
    if (result.ok) date = result.date;
    else report(file, `ms.date: ${result.reason}.`, positions['ms.date'], 'front-matter-date');
  }
  return { values, positions, lineCount, ...(date ? { date } : {}) };
}

function flatten(node: YamlNode | null): string | string[] | undefined {
  if (node === null) return '';
  if (isScalar(node)) return node.value === null ? '' : String(node.value).trim();
  if (isSeq(node)) {
    const items = node.items.map((item) => (isScalar(item) && item.value !== null ? String(item.value).trim() : undefined));
    return items.every((item): item is string => item !== undefined) ? items : undefined;
  }
  return undefined;
}
