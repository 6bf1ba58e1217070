/**
 * Summarises V8 CPU profiles (`node --cpu-prof` → *.cpuprofile): the functions and the packages or
 * project folders with the most self time, and the project functions with the most total time
 * (self + callees, each sample counted once per function however deep the recursion).
 *
 * Usage: node --experimental-strip-types bench/profile-summary.ts FILE.cpuprofile|DIR [--top 25] [--callers REGEX]
 * A folder means every profile in it, one summary per profile, largest first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Entry {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by broad category (see CATEGORIES). */
  selfByCategory: Entry[];
  selfByFunction: Entry[];
  selfByModule: Entry[];
  totalByProjectFunction: Entry[];
}

/** `node_modules/micromark/lib/x.js` → `micromark`; project files keep their folder (`plugins/remark-abbr.ts`). */
export function moduleOf(url: string, projectRoot: string): string {
  if (!url) return '(native / V8)';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.startsWith(projectRoot)) return path.relative(projectRoot, file);
  if (file.startsWith('node:')) return file;
  return file;
}

/** Broad groups of packages, to say "parsing", "tree walking", "GC" … rather than list forty packages. */
const CATEGORIES: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['markdown parsing (micromark incl. GFM syntax, from-markdown)', /^(micromark|mdast-util-from-markdown|remark-parse|decode-named-character-reference|character-entities)/],
  ['tree walking (unist-util-visit*, unist-util-is)', /^unist-util-(visit|is)/],
  ['GFM extensions (tables, autolinks …)', /gfm/],
  ['front matter (yaml, gray-matter)', /^(yaml|gray-matter|js-yaml|section-matter|plugins\/remark-yaml-meta)/],
  ['HTML (to-hast, raw, sanitize, to-html, parse5)', /^(hast-|mdast-util-to-hast|rehype-|property-information|stringify-entities|html-|parse5|zwitch|space-separated|comma-separated|entities|ccount|web-namespaces)/],
  ['validation (zod)', /^zod/],
  ['Rolebook plugins', /^plugins\//],
  ['Rolebook src', /^src\//],
  ['generated site code (Astro prerender chunks)', /\.prerender\//],
  ['Astro, Vite, Rolldown', /^(astro|vite|rolldown|@astrojs|@rolldown|esbuild)/],
  ['Node internals', /^node:/],
  ['native / V8 builtins', /^\(native \/ V8\)$/],
];

function categoryOf(module: string): string {
  return CATEGORIES.find(([, pattern]) => pattern.test(module))?.[0] ?? 'other';
}

function label(frame: CallFrame, projectRoot: string): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${moduleOf(frame.url, projectRoot)}:${frame.lineNumber + 1}`;
}

function top(map: Map<string, number>, totalMs: number, count: number): Entry[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: Math.round((ms / totalMs) * 1000) / 10 }));
}

export function summarise(file: string, projectRoot: string, count = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByFunction = new Map<string, number>();
  const selfByModule = new Map<string, number>();
  const selfByCategory = new Map<string, number>();
  const totalByProject = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') continue;
    const key = label(frame, projectRoot);
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + ms);
    const module = frame.functionName === '(garbage collector)' ? '(garbage collector)' : moduleOf(frame.url, projectRoot);
    selfByModule.set(module, (selfByModule.get(module) ?? 0) + ms);
    const category = categoryOf(module);
    selfByCategory.set(category, (selfByCategory.get(category) ?? 0) + ms);
    // Total time of project functions: walk up the stack, counting each function once per sample.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const up = byId.get(id)!.callFrame;
      if (!up.url || up.url.includes('/node_modules/') || !moduleOf(up.url, projectRoot).match(/^(src|plugins|bench)\//)) continue;
      const upKey = label(up, projectRoot);
      if (seen.has(upKey)) continue;
      seen.add(upKey);
      totalByProject.set(upKey, (totalByProject.get(upKey) ?? 0) + ms);
    }
  }
  return {
    file,
    totalMs: Math.round(totalMs),
    selfByCategory: top(selfByCategory, totalMs, count),
    selfByFunction: top(selfByFunction, totalMs, count),
    selfByModule: top(selfByModule, totalMs, count),
    totalByProjectFunction: top(totalByProject, totalMs, count),
  };
}

/** Who calls the functions matching `pattern`: their self time by the chain of `depth` callers above them. */
export function callers(file: string, projectRoot: string, pattern: RegExp, depth = 3, count = 15): Entry[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const chains = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(profile.samples[i]!);
    if (!node || !pattern.test(label(node.callFrame, projectRoot))) continue;
    const chain: string[] = [];
    for (let id = parent.get(node.id); id !== undefined && chain.length < depth; id = parent.get(id)) {
      chain.push(label(byId.get(id)!.callFrame, projectRoot));
    }
    const key = `${label(node.callFrame, projectRoot)} ← ${chain.join(' ← ')}`;
    chains.set(key, (chains.get(key) ?? 0) + ms);
  }
  return top(chains, totalMs, count);
}

export function formatSummary(summary: ProfileSummary): string {
  const section = (title: string, entries: Entry[]) =>
    [`  ${title}`, ...entries.map((e) => `    ${String(e.ms).padStart(7)} ms ${e.percent.toFixed(1).padStart(5)} %  ${e.name}`)].join('\n');
  return [
    `${summary.file} — ${summary.totalMs} ms sampled`,
    section('self time by category', summary.selfByCategory),
    section('self time by package / project file', summary.selfByModule),
    section('self time by function', summary.selfByFunction),
    section('total time of project functions (self + callees)', summary.totalByProjectFunction),
  ].join('\n\n');
}

function main(argv: string[]): void {
  const target = argv.find((a) => !a.startsWith('--'));
  const topIndex = argv.indexOf('--top');
  const count = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
  const callersIndex = argv.indexOf('--callers');
  const callersOf = callersIndex >= 0 ? new RegExp(argv[callersIndex + 1]!) : undefined;
  if (!target) {
    console.error('usage: profile-summary.ts FILE.cpuprofile|DIR [--top N]');
    process.exit(2);
  }
  const projectRoot = path.resolve(import.meta.dirname, '..');
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(target, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)
    : [target];
  for (const file of files) {
    if (callersOf) {
      console.log(`${file} — callers of /${callersOf.source}/ (self time)`);
      for (const e of callers(file, projectRoot, callersOf, 4, count)) console.log(`  ${String(e.ms).padStart(7)} ms ${e.percent.toFixed(1).padStart(5)} %  ${e.name}`);
      console.log('');
    } else console.log(`${formatSummary(summarise(file, projectRoot, count))}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
