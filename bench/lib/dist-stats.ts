/**
 * What a build wrote: sizes of the output folder, the HTML of each document page, and the JS and
 * CSS a page makes the browser load before the reader opens search.
 *
 * "Loaded before search is opened" means: `<script src>` (and the static imports of those modules,
 * followed transitively), `<link rel=modulepreload>`, `<link rel=stylesheet>` (and CSS `@import`),
 * inline `<script>`/`<style>`, and the component/renderer modules of `<astro-island>` elements.
 * Dynamic `import()` is not followed: that is how code loaded on demand (the search UI, Pagefind)
 * stays out of the first load.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule, type ImportSpecifier } from 'es-module-lexer';
import { parse as parseHtml } from 'parse5';

export interface Sizes {
  raw: number;
  gzip: number;
}

export interface DistStats {
  totalBytes: number;
  files: number;
  htmlFiles: number;
  htmlBytes: number;
  /** Bytes per first-level folder of the output (`_astro`, `pagefind`, `roles`, …; `.` for top-level files). */
  bytesByFolder: Record<string, number>;
}

function walk(dir: string, visit: (file: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full, statSync(full).size);
  }
}

export function distStats(distDir: string): DistStats {
  const stats: DistStats = { totalBytes: 0, files: 0, htmlFiles: 0, htmlBytes: 0, bytesByFolder: {} };
  if (!existsSync(distDir)) return stats;
  walk(distDir, (file, size) => {
    stats.totalBytes += size;
    stats.files++;
    if (file.endsWith('.html')) {
      stats.htmlFiles++;
      stats.htmlBytes += size;
    }
    const relative = path.relative(distDir, file).split(path.sep);
    const folder = relative.length > 1 ? relative[0]! : '.';
    stats.bytesByFolder[folder] = (stats.bytesByFolder[folder] ?? 0) + size;
  });
  return stats;
}

/**
 * The built HTML file of each document id (`roles/role-0001`): `<id>/index.html` or `<id>.html`,
 * or failing that any page whose folder or name is the id's last part (the site may use other
 * route prefixes than the content folders).
 */
export function documentPages(distDir: string, ids: string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  if (existsSync(distDir)) {
    walk(distDir, (file) => {
      if (!file.endsWith('.html')) return;
      const name = path.basename(file) === 'index.html' ? path.basename(path.dirname(file)) : path.basename(file, '.html');
      const list = byName.get(name);
      if (list) list.push(file);
      else byName.set(name, [file]);
    });
  }
  const pages = new Map<string, string>();
  for (const id of ids) {
    const direct = [path.join(distDir, id, 'index.html'), path.join(distDir, `${id}.html`)].find((f) => existsSync(f));
    const candidates = byName.get(path.basename(id)) ?? [];
    // Prefer a page whose path mentions the id's folder too (roles/… for a role).
    const folder = id.split('/')[0]!;
    const fallback = candidates.find((f) => f.includes(`${path.sep}${folder}${path.sep}`)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    const file = direct ?? fallback;
    if (file) pages.set(id, file);
  }
  return pages;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------

export interface LoadedAsset {
  kind: 'js' | 'css';
  /** URL as the page refers to it, or `inline:<n>` for an inline script/style. */
  url: string;
  /** Why it loads: `script`, `import`, `modulepreload`, `stylesheet`, `astro-island`, `inline`, … */
  via: string;
  raw: number;
  gzip: number;
}

export interface PageAssets {
  page: string;
  assets: LoadedAsset[];
  js: Sizes;
  css: Sizes;
  /** Referenced files that are not in the output (broken references). */
  missing: string[];
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: HtmlNode): string {
  return (node.childNodes ?? []).map((child) => child.value ?? '').join('');
}

function eachElement(node: HtmlNode, visit: (element: HtmlNode) => void): void {
  if (node.tagName) visit(node);
  for (const child of node.childNodes ?? []) eachElement(child, visit);
  if (node.content) eachElement(node.content, visit);
}

function sizes(bytes: Buffer): Sizes {
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** `/_astro/x.js` (resolved against the page's URL) → the file in the output folder. */
function urlToFile(distDir: string, base: string, url: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url).pathname);
  const normalisedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  if (!pathname.startsWith(normalisedBase)) return undefined;
  return path.join(distDir, pathname.slice(normalisedBase.length));
}

/** The URL a page is served at, from its file (`roles/x/index.html` → `/base/roles/x/`). */
function pageUrl(distDir: string, base: string, htmlFile: string): string {
  const relative = path.relative(distDir, htmlFile).split(path.sep).join('/');
  const withoutIndex = relative.endsWith('index.html') ? relative.slice(0, -'index.html'.length) : relative;
  return `http://site${`/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')}${withoutIndex}`;
}

export async function pageAssets(distDir: string, htmlFile: string, base = '/'): Promise<PageAssets> {
  await initLexer;
  const html = readFileSync(htmlFile, 'utf8');
  const document = parseHtml(html) as unknown as HtmlNode;
  const selfUrl = pageUrl(distDir, base, htmlFile);
  const assets: LoadedAsset[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  let inlineCount = 0;

  /** Counts an asset once; its bytes the first time it is seen, undefined after (or when missing). */
  const readAsset = (kind: LoadedAsset['kind'], url: string, via: string): Buffer | undefined => {
    if (seen.has(url)) return undefined;
    seen.add(url);
    const file = urlToFile(distDir, base, url);
    if (!file || !existsSync(file)) {
      missing.push(url);
      return undefined;
    }
    const bytes = readFileSync(file);
    assets.push({ kind, url: new URL(url).pathname, via, ...sizes(bytes) });
    return bytes;
  };
  const addModule = (url: string, via: string) => {
    const bytes = readAsset('js', url, via);
    if (bytes) followImports(bytes.toString('utf8'), url);
  };
  const followImports = (code: string, fromUrl: string) => {
    let imports: readonly ImportSpecifier[];
    try {
      [imports] = parseModule(code);
    } catch {
      return; // not a module (a classic script): nothing to follow
    }
    for (const entry of imports) {
      // d === -1: a static import or re-export; dynamic import() has d >= 0 and loads on demand.
      if (entry.d !== -1 || !entry.n) continue;
      addModule(new URL(entry.n, fromUrl).href, 'import');
    }
  };
  const addStylesheet = (url: string, via: string) => {
    const bytes = readAsset('css', url, via);
    if (!bytes) return;
    for (const match of bytes.toString('utf8').matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) {
      addStylesheet(new URL(match[1]!, url).href, '@import');
    }
  };

  eachElement(document, (element) => {
    const tag = element.tagName;
    if (tag === 'script') {
      const type = attr(element, 'type') ?? '';
      if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) return; // JSON-LD etc.
      const src = attr(element, 'src');
      if (src) addModule(new URL(src, selfUrl).href, 'script');
      else {
        const code = textOf(element);
        if (!code.trim()) return;
        assets.push({ kind: 'js', url: `inline:${++inlineCount}`, via: 'inline', ...sizes(Buffer.from(code)) });
        followImports(code, selfUrl);
      }
    } else if (tag === 'link') {
      const rel = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(element, 'href');
      if (!href) return;
      if (rel.includes('stylesheet')) addStylesheet(new URL(href, selfUrl).href, 'stylesheet');
      else if (rel.includes('modulepreload')) addModule(new URL(href, selfUrl).href, 'modulepreload');
    } else if (tag === 'style') {
      const css = textOf(element);
      if (css.trim()) assets.push({ kind: 'css', url: `inline:${++inlineCount}`, via: 'inline', ...sizes(Buffer.from(css)) });
    } else if (tag === 'astro-island') {
      for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const url = attr(element, name);
        if (url) addModule(new URL(url, selfUrl).href, `astro-island ${attr(element, 'client') ?? ''}`.trim());
      }
    }
  });

  const total = (kind: 'js' | 'css'): Sizes =>
    assets
      .filter((a) => a.kind === kind)
      .reduce((sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip }), { raw: 0, gzip: 0 });
  return { page: htmlFile, assets, js: total('js'), css: total('css'), missing };
}

export interface IslandAssets {
  /** How the island was recognised (file names or inline script markers). */
  identifiedBy: string[];
  assets: LoadedAsset[];
  js: Sizes;
}

/**
 * The JS of one island (by name, e.g. `assessment`): every loaded module whose file name contains
 * the name, plus the modules those import statically (shared chunks they cannot run without), plus
 * inline scripts that mention the name.
 */
export async function islandAssets(distDir: string, page: PageAssets, name: RegExp, base = '/'): Promise<IslandAssets> {
  await initLexer;
  const byUrl = new Map(page.assets.map((asset) => [asset.url, asset]));
  const roots = page.assets.filter((a) => a.kind === 'js' && !a.url.startsWith('inline:') && name.test(path.basename(a.url)));
  const included = new Map<string, LoadedAsset>();
  const visit = (asset: LoadedAsset) => {
    if (included.has(asset.url)) return;
    included.set(asset.url, asset);
    const file = urlToFile(distDir, base, `http://site${asset.url}`);
    if (!file || !existsSync(file)) return;
    let imports: readonly ImportSpecifier[];
    try {
      [imports] = parseModule(readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    for (const entry of imports) {
      if (entry.d !== -1 || !entry.n) continue;
      const target = byUrl.get(new URL(entry.n, `http://site${asset.url}`).pathname);
      if (target) visit(target);
    }
  };
  roots.forEach(visit);
  const identifiedBy = roots.map((r) => path.basename(r.url));
  // An island small enough to be inlined has no file name; recognise it by what it says.
  const html = readFileSync(page.page, 'utf8');
  const document = parseHtml(html) as unknown as HtmlNode;
  eachElement(document, (element) => {
    if (element.tagName !== 'script' || attr(element, 'src')) return;
    const code = textOf(element);
    if (code.trim() && name.test(code)) {
      const inline = page.assets.find((a) => a.url.startsWith('inline:') && a.raw === Buffer.byteLength(code));
      if (inline && !included.has(inline.url)) {
        included.set(inline.url, inline);
        identifiedBy.push(`${inline.url} (mentions ${name.source})`);
      }
    }
  });
  const assets = [...included.values()];
  return {
    identifiedBy,
    assets,
    js: assets.reduce((sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip }), { raw: 0, gzip: 0 }),
  };
}
