/**
 * After the build, proves every internal link lands somewhere:
 *  1. each link written in the markdown (`documents[].links`) reaches a built page, and its
 *     `#anchor` an element id on that page — reported at the markdown file, line and column;
 *  2. every `href`/`src` in every built HTML page that points into the site resolves to a file
 *     under the base path, with its anchor — reported at the markdown source when the page was
 *     built from a document and the link text is found there, else at the built page.
 * Any broken link fails the build: a reader must never land on a 404 from inside the site.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedDocument } from '../content/types.ts';
import type { Problem } from '../model/schemas.ts';

/** Attributes that point at another resource, by element. */
const REFERENCE_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  form: ['action'],
};

/** Written by the search indexer, which may run after this check. */
const GENERATED_LATER = ['pagefind/'];

export interface Reference {
  value: string;
  /** Where the attribute starts in the built page; turned into a line and column only if reported. */
  offset: number;
}

export interface BuiltPage {
  ids: Set<string>;
  references: Reference[];
}

export interface BuiltSite {
  outDir: string;
  base: string;
  /** Every file in the output, `/`-separated, relative to `outDir`. */
  files: Set<string>;
  /** HTML pages by relative path. */
  pages: Map<string, BuiltPage>;
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Script, style and comment bodies hold no links; blanked (same length) so offsets stay true. */
const OPAQUE = /<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi;
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Tags without any of these attribute names are skipped before their attributes are read. */
const MAY_MATTER = /(?:href|src|id|name|poster|action)\s*=/i;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|#39));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(ENTITY, (_, decimal: string, hex: string, name: string) =>
    decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name.toLowerCase()] ?? "'"),
  );
}

/**
 * Collects ids and references from a page the build wrote. A full HTML parser (parse5) took most
 * of this step's time and memory on a thousand pages; the build's own output is regular enough
 * for a tag scanner. Script and style bodies, which can contain `<a …>` text, are skipped.
 */
export function scanPage(html: string): BuiltPage {
  const page: BuiltPage = { ids: new Set(), references: [] };
  const text = html.replace(OPAQUE, (block) => {
    // Keep the opening tag of a script (its src is a reference); blank the rest.
    const open = /^<script\b[^>]*>/i.exec(block)?.[0] ?? '';
    return open + ' '.repeat(block.length - open.length);
  });
  for (const tag of text.matchAll(TAG)) {
    const attributes = tag[2];
    if (!attributes || !MAY_MATTER.test(attributes)) continue;
    const name = tag[1]!.toLowerCase();
    const wanted = REFERENCE_ATTRIBUTES[name];
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const attributeName = attribute[1]!.toLowerCase();
      const isId = attributeName === 'id' || (attributeName === 'name' && name === 'a');
      const isReference = wanted?.includes(attributeName) ?? false;
      if (!isId && !isReference) continue;
      const raw = attribute[2] ?? attribute[3] ?? attribute[4];
      if (raw === undefined) continue;
      const value = decodeEntities(raw);
      if (isId) page.ids.add(value);
      if (isReference) page.references.push({ value, offset: tag.index + 1 + name.length + attribute.index });
    }
  }
  return page;
}

/** Line and column (1-based) of `offset` in `text`. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads every page of the built site once; `inspect` sees each page's HTML too, so other checks of
 * the output (the CSP check) need no second read of a thousand files.
 */
export async function readBuiltSite(
  outDir: string,
  base: string,
  inspect?: (file: string, html: string) => void,
  scan: (file: string, html: string) => BuiltPage = (_file, html) => scanPage(html),
): Promise<BuiltSite> {
  const files = new Set(await listFiles(outDir));
  const pages = new Map<string, BuiltPage>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    // Synchronous reads: a thousand small files read faster than through the thread pool one by one.
    const html = readFileSync(path.join(outDir, file), 'utf8');
    inspect?.(file, html);
    pages.set(file, scan(file, html));
  }
  return { outDir, base: normaliseBase(base), files, pages };
}

/** The built file a site path (below the base, no leading slash) is served from, like a static host. */
function fileFor(site: BuiltSite, sitePath: string): string | undefined {
  const candidates = sitePath === '' || sitePath.endsWith('/') ? [`${sitePath}index.html`] : [sitePath, `${sitePath}/index.html`, `${sitePath}.html`];
  return candidates.find((candidate) => site.files.has(candidate));
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Distance between two short strings, for "did you mean". */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function suggestion(wanted: string, ids: Set<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of ids) {
    const distance = editDistance(wanted.toLowerCase(), id.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [id, distance];
  }
  return best && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? ` Did you mean “#${best}”?` : '';
}

type Resolution = { ok: true } | { ok: false; reason: string; hint?: string };

/** Checks a site path below the base (`roles/x/`) and an optional fragment. */
function resolve(site: BuiltSite, sitePath: string, fragment: string | undefined): Resolution {
  if (GENERATED_LATER.some((prefix) => sitePath.startsWith(prefix))) return { ok: true };
  const file = fileFor(site, decode(sitePath));
  const shown = `${site.base}${sitePath}`;
  if (!file) return { ok: false, reason: `there is no page ${shown} on the site` };
  if (!fragment || fragment === 'top') return { ok: true };
  const page = site.pages.get(file);
  if (!page) return { ok: true };
  const id = decode(fragment);
  if (page.ids.has(id)) return { ok: true };
  return { ok: false, reason: `the page ${shown} has no heading or element with the id “${id}”`, hint: suggestion(id, page.ids) };
}

function splitHash(href: string): [string, string | undefined] {
  const index = href.indexOf('#');
  return index === -1 ? [href, undefined] : [href.slice(0, index), href.slice(index + 1)];
}

/** Links written in markdown, checked against the built pages and reported where they were written. */
export function checkContentLinks(site: BuiltSite, documents: readonly RenderedDocument[]): Problem[] {
  const problems: Problem[] = [];
  for (const document of documents) {
    for (const link of document.links) {
      const [pathPart, fragment] = splitHash(link.href);
      const sitePath = pathPart.replace(/^\/+/, '').replace(/\?.*$/, '');
      const result = resolve(site, sitePath, fragment);
      if (result.ok) continue;
      problems.push({
        file: link.file || document.files[0] || document.model.source,
        line: link.line,
        column: link.column,
        severity: 'error',
        message: `The link “${link.written}” is broken: ${result.reason}.${result.hint ?? ''}`,
        ruleId: 'link-broken',
      });
    }
  }
  return problems;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Where a broken reference found in built HTML was written: the markdown of the document the page
 * was built from, when the link text is found there; otherwise the built page itself.
 */
async function placeOf(
  site: BuiltSite,
  pageFile: string,
  reference: Reference,
  sources: Map<string, RenderedDocument>,
): Promise<Pick<Problem, 'file' | 'line' | 'column'>> {
  const document = sources.get(pageFile);
  if (document) {
    const candidates = [reference.value, reference.value.startsWith(site.base) ? `/${reference.value.slice(site.base.length)}` : undefined].filter(
      (candidate): candidate is string => !!candidate && candidate.length > 1,
    );
    for (const file of document.files) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      for (const candidate of candidates) {
        // As a markdown link destination `(…)` or an HTML attribute value `"…"`.
        const found = [`(${candidate}`, `"${candidate}"`, `'${candidate}'`].map((needle) => text.indexOf(needle)).find((at) => at !== -1);
        if (found === undefined) continue;
        return { file, ...positionAt(text, found + 1) };
      }
    }
  }
  const builtFile = path.join(site.outDir, pageFile);
  return { file: builtFile, ...positionAt(await readFile(builtFile, 'utf8'), reference.offset) };
}

/** Every internal `href`/`src` of every built page. `skip` holds site paths already reported from markdown. */
export async function checkBuiltReferences(
  site: BuiltSite,
  documents: readonly RenderedDocument[] = [],
  skip: ReadonlySet<string> = new Set(),
): Promise<Problem[]> {
  const sources = new Map(documents.map((document) => [`${document.model.id}/index.html`, document]));
  const problems: Problem[] = [];
  const origin = 'http://rolebook.invalid';
  for (const [pageFile, page] of site.pages) {
    const pageUrl = new URL(`${site.base}${pageFile.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    for (const reference of page.references) {
      const value = reference.value.trim();
      if (value === '' || EXTERNAL.test(value)) continue;
      const url = new URL(value, pageUrl);
      const sameDocument = value.startsWith('#');
      let result: Resolution;
      if (!url.pathname.startsWith(site.base) && `${url.pathname}/` !== site.base) {
        result = { ok: false, reason: `it points outside the site's base path ${site.base}` };
      } else {
        const sitePath = url.pathname.slice(site.base.length);
        if (skip.has(`/${sitePath}${url.hash}`)) continue;
        result = resolve(site, sitePath, url.hash ? url.hash.slice(1) : sameDocument ? '' : undefined);
      }
      if (result.ok) continue;
      const place = await placeOf(site, pageFile, reference, sources);
      problems.push({
        ...place,
        severity: 'error',
        message: `The link “${value}” on ${pageUrl.pathname} is broken: ${result.reason}.${result.hint ?? ''}`,
        ruleId: 'link-broken',
      });
    }
  }
  return problems;
}

export async function checkLinks(options: {
  outDir: string;
  base: string;
  documents: readonly RenderedDocument[];
  inspect?: (file: string, html: string) => void;
  /** Scans one page (default `scanPage`): the build passes one that reuses earlier results by the page's bytes. */
  scan?: (file: string, html: string) => BuiltPage;
}): Promise<Problem[]> {
  const site = await readBuiltSite(options.outDir, options.base, options.inspect, options.scan);
  const fromContent = checkContentLinks(site, options.documents);
  // Broken markdown links show up in the HTML too; report them once, at the markdown.
  const reported = new Set(
    options.documents.flatMap((document) => document.links.map((link) => link.href)),
  );
  const fromHtml = await checkBuiltReferences(site, options.documents, reported);
  return [...fromContent, ...fromHtml];
}
