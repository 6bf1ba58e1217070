/**
 * The layers of ARCHITECTURE.md, enforced: dependency-cruiser checks the TypeScript modules against
 * .dependency-cruiser.cjs, the same layers are checked for the imports of the .astro files (which
 * it cannot parse), and no function in src/ or plugins/ grows past ~100 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseAstro } from '@astrojs/compiler-rs';
import { parseSync, type Module, type Node } from '@swc/core';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(path.join(projectRoot, '.dependency-cruiser.cjs')) as IConfiguration & {
  layers: { name: string; rank: number; path: string }[];
};
const MAX_FUNCTION_LINES = 100;

async function violationsIn(baseDir: string, folders: string[]): Promise<string[]> {
  const result = await cruise(folders, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
}

function filesBelow(folder: string, extension: string, root = projectRoot): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * The script parts of an .astro file as Astro's own compiler finds them (a code sample in a
 * template literal may hold a `---` line or a `<script>` tag): the front matter and every <script>.
 */
function astroScripts(source: string): string[] {
  const { ast } = parseAstro(source) as unknown as { ast: { frontmatter: { start: number; end: number } | null; body: unknown } };
  const fence = ast.frontmatter;
  const scripts: string[] = [fence ? source.slice(fence.start + '---'.length, fence.end - '---'.length) : ''];
  walk(ast.body, (node) => {
    const program = (node as unknown as { program?: { start: number; end: number } }).program;
    if ((node.type as string) === 'AstroScript' && program) scripts.push(source.slice(program.start, program.end));
  });
  return scripts;
}

function importSpecifiers(module: Module): string[] {
  const specifiers: string[] = [];
  walk(module, (node) => {
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && 'source' in node && node.source) {
      specifiers.push((node.source as { value: string }).value);
    }
    if (node.type === 'CallExpression' && (node as unknown as { callee: Node }).callee.type === 'Import') {
      const argument = (node as unknown as { arguments: { expression: { type: string; value?: string } }[] }).arguments[0]?.expression;
      if (argument?.type === 'StringLiteral') specifiers.push(argument.value!);
    }
  });
  return specifiers;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (node && typeof node === 'object') {
    if (typeof (node as Node).type === 'string') visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

function layerOf(file: string) {
  return config.layers.find((layer) => new RegExp(layer.path).test(file));
}

/** Imports of .astro files (front matter and scripts) that point at a layer of the same or a higher rank. */
function astroViolations(root: string): string[] {
  const upward: string[] = [];
  for (const file of filesBelow('src', '.astro', root)) {
    const from = layerOf(file)!;
    for (const script of astroScripts(readFileSync(path.join(root, file), 'utf8'))) {
      const module = parseSync(script, { syntax: 'typescript', target: 'esnext' });
      for (const specifier of importSpecifiers(module).filter((spec) => spec.startsWith('.'))) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const to = layerOf(target);
        if (to && to !== from && to.rank >= from.rank) upward.push(`${file} → ${target}`);
      }
    }
  }
  return upward;
}

describe('layers', () => {
  it('no TypeScript module imports a layer above its own, and no modules import each other', async () => {
    expect(await violationsIn(projectRoot, ['src', 'plugins'])).toEqual([]);
  }, 120_000);

  it('no .astro file imports a layer above its own', () => {
    expect(astroViolations(projectRoot)).toEqual([]);
  });

  it('the rules catch an upward import and an island reaching past the model', async () => {
    const fixture = path.join(import.meta.dirname, 'architecture-fixtures/upward');
    expect((await violationsIn(fixture, ['src'])).sort()).toEqual([
      'islands-see-only-the-model: src/islands/menu.ts → src/site/urls.ts',
      'layer-model: src/model/levels.ts → src/site/urls.ts',
    ]);
    expect(astroViolations(fixture)).toEqual(['src/components/Card.astro → src/layouts/Base.astro']);
  }, 60_000);
});

/** Every function, method and arrow function of `source` longer than the limit, as `name (N lines)`. */
function longFunctions(source: string, syntax: 'typescript'): string[] {
  // A first statement at offset 0 tells where this parse's offsets start (swc may count from 1, or
  // on from an earlier parse); it adds one line before the source.
  const bytes = Buffer.from(`0;\n${source}`);
  const module = parseSync(bytes.toString(), { syntax, target: 'esnext' });
  const base = module.body[0]!.span.start;
  const lineAt = (offset: number) => bytes.subarray(0, offset - base).toString().split('\n').length - 1;
  const long: string[] = [];
  walk(module, (node) => {
    const kind = node.type;
    if (!['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'MethodProperty'].includes(kind)) return;
    const span = (node as unknown as { span: { start: number; end: number } }).span;
    const lines = lineAt(span.end) - lineAt(span.start) + 1;
    if (lines > MAX_FUNCTION_LINES) {
      const name = (node as { identifier?: { value: string }; key?: { value: string } }).identifier?.value ?? (node as { key?: { value: string } }).key?.value ?? 'an anonymous function';
      long.push(`${name} at line ${lineAt(span.start)} (${lines} lines)`);
    }
  });
  return long;
}

describe('function length', () => {
  it(`no function in src/ or plugins/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const found: string[] = [];
    for (const file of [...filesBelow('src', '.ts'), ...filesBelow('plugins', '.ts')]) {
      for (const long of longFunctions(readFileSync(path.join(projectRoot, file), 'utf8'), 'typescript')) found.push(`${file}: ${long}`);
    }
    for (const file of filesBelow('src', '.astro')) {
      for (const script of astroScripts(readFileSync(path.join(projectRoot, file), 'utf8'))) {
        for (const long of longFunctions(script, 'typescript')) found.push(`${file}: ${long}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('measures a long function and passes a short one', () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES }, (_, index) => `  total += ${index};`).join('\n');
    expect(longFunctions(`const a = 1;\nfunction long() {\n  let total = 0;\n${body}\n  return total;\n}\n`, 'typescript')).toEqual([
      `long at line 2 (${MAX_FUNCTION_LINES + 4} lines)`,
    ]);
    expect(longFunctions('function short() {\n  return 1;\n}\n', 'typescript')).toEqual([]);
  });
});
