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
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(path.join(projectRoot, '.dependency-cruiser.cjs')) as IConfiguration & {
  layers: { name: string; rank: number; path: string }[];
  pageSide: { from: string; pipeline: string };
};
const MAX_FUNCTION_LINES = 100;

async function cruised(baseDir: string, folders: string[]): Promise<ICruiseResult> {
  const result = await cruise(folders, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir });
  return result.output as ICruiseResult;
}

function violationsOf(output: ICruiseResult): string[] {
  return output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
}

async function violationsIn(baseDir: string, folders: string[]): Promise<string[]> {
  return violationsOf(await cruised(baseDir, folders));
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

/** Each .astro file's relative imports (front matter and scripts), as paths from `root`. */
function astroImports(root: string): { file: string; target: string }[] {
  const imports: { file: string; target: string }[] = [];
  for (const file of filesBelow('src', '.astro', root)) {
    for (const script of astroScripts(readFileSync(path.join(root, file), 'utf8'))) {
      const module = parseSync(script, { syntax: 'typescript', target: 'esnext' });
      for (const specifier of importSpecifiers(module).filter((spec) => spec.startsWith('.'))) {
        imports.push({ file, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) });
      }
    }
  }
  return imports;
}

/** Imports of .astro files that point at a layer of the same or a higher rank. */
function astroViolations(root: string): string[] {
  return astroImports(root)
    .filter(({ file, target }) => {
      const from = layerOf(file)!;
      const to = layerOf(target);
      return to && to !== from && to.rank >= from.rank;
    })
    .map(({ file, target }) => `${file} → ${target}`);
}

/**
 * .astro files that reach the markdown pipeline (rule `pages-get-content-shared`), directly or
 * through the TypeScript modules they import (followed in dependency-cruiser's graph).
 */
function astroPipelineReaches(root: string, graph: ICruiseResult): string[] {
  const pipeline = new RegExp(config.pageSide.pipeline);
  const dependencies = new Map(graph.modules.map((module) => [module.source, module.dependencies.map((dependency) => dependency.resolved)]));
  const reachesPipeline = (start: string): string | undefined => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const module = queue.shift()!;
      if (pipeline.test(module)) return module;
      if (seen.has(module)) continue;
      seen.add(module);
      queue.push(...(dependencies.get(module) ?? []));
    }
    return undefined;
  };
  return astroImports(root).flatMap(({ file, target }) => {
    const reached = target.endsWith('.astro') ? undefined : reachesPipeline(target);
    return reached ? [`${file} → ${reached}`] : [];
  });
}

describe('layers', () => {
  let graph: ICruiseResult;
  beforeAll(async () => {
    graph = await cruised(projectRoot, ['src', 'plugins']);
  }, 120_000);

  it('no TypeScript module imports a layer above its own, no modules import each other, and no page-side module reaches the pipeline', () => {
    expect(violationsOf(graph)).toEqual([]);
  });

  it('no .astro file imports a layer above its own, or reaches the markdown pipeline', () => {
    expect(astroViolations(projectRoot)).toEqual([]);
    expect(astroPipelineReaches(projectRoot, graph)).toEqual([]);
  });

  it('the rules catch an upward import, an island reaching past the model and a page reaching the pipeline', async () => {
    const fixture = path.join(import.meta.dirname, 'architecture-fixtures/upward');
    const fixtureGraph = await cruised(fixture, ['src', 'plugins']);
    expect(violationsOf(fixtureGraph).sort()).toEqual([
      'islands-see-only-the-model: src/islands/menu.ts → src/site/urls.ts',
      'layer-model: src/model/levels.ts → src/site/urls.ts',
      'pages-get-content-shared: src/site/urls.ts → src/content/load.ts',
    ]);
    expect(astroViolations(fixture)).toEqual(['src/components/Card.astro → src/layouts/Base.astro']);
    expect(astroPipelineReaches(fixture, fixtureGraph)).toEqual(['src/layouts/Base.astro → plugins/remark-alerts.ts']);
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

/**
 * Imports whose every name is a type but that are not written `import type`: under
 * `verbatimModuleSyntax` they stay in the JavaScript as `import {} from '…'`, loading the module
 * for nothing. Four model modules imported their assessment types this way, which put the
 * assessment schemas and Zod's 95 modules into the islands' bundle graph (tree-shaken out of the
 * files shipped, but read and transformed by every build).
 */
function typeOnlyValueImports(source: string): string[] {
  const module = parseSync(source, { syntax: 'typescript', target: 'esnext' });
  return module.body
    .filter((node) => node.type === 'ImportDeclaration' && !node.typeOnly && node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.isTypeOnly))
    .map((node) => (node as { source: { value: string } }).source.value);
}

describe('type imports', () => {
  it('no module imports only types without `import type`', () => {
    const found: string[] = [];
    for (const file of [...filesBelow('src', '.ts'), ...filesBelow('plugins', '.ts')]) {
      for (const specifier of typeOnlyValueImports(readFileSync(path.join(projectRoot, file), 'utf8'))) found.push(`${file}: ${specifier}`);
    }
    for (const file of filesBelow('src', '.astro')) {
      for (const script of astroScripts(readFileSync(path.join(projectRoot, file), 'utf8'))) {
        for (const specifier of typeOnlyValueImports(script)) found.push(`${file}: ${specifier}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('finds an import of types alone written without `import type`, and passes the other forms', () => {
    expect(typeOnlyValueImports("import { type A, type B } from './a.ts';\nimport type { C } from './c.ts';\nimport { d, type E } from './d.ts';\nimport './e.ts';")).toEqual(['./a.ts']);
  });
});
