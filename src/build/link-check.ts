/**
 * After the build, proves every internal link lands somewhere, in two steps:
 *  1. per page, `checkPage` reads one built page with parse5's HTML tokenizer (the spec's rules for
 *     attributes and character references; script and style bodies are text) and returns its ids,
 *     the references it makes (each value once) and whether it carries the CSP. It depends on the
 *     page's bytes alone, so its result can be cached keyed by them. Where on the page a reference
 *     is written is looked up only for a broken one (`locateReferences`), so the common case neither
 *     tracks positions nor keeps them.
 *  2. for the site, `resolveLinks` checks each reference against the built files and ids:
 *     - links written in the markdown (`documents[].links`, `documents[].references`, collected
 *       from each document's hast while it was rendered) are reported at the markdown file, line
 *       and column, raw HTML included;
 *     - the other references of built pages (navigation, headers: what the templates wrote) are
 *       reported at the built page.
 * Any broken link fails the build: a reader must never land on a 404 from inside the site.
 */
import { readFileSync } from 'node:fs';
import { filesBelow } from './files-below.ts';
import path from 'node:path';
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import { z } from 'zod';
import { isExternalReference, REFERENCE_ATTRIBUTES } from '../../plugins/lib/references.ts';
import type { Problem } from '../model/schemas.ts';
import { editDistance } from '../model/edit-distance.ts';
import type { LinkSource } from './link-sources.ts';

/** What the output checks need from one built page. Plain JSON, so it can be cached by the page's bytes. */
export const PageFindingsSchema = z.object({
  /** Every `id`, and the `name` of every `<a>`: what a `#fragment` may point at. */
  ids: z.array(z.string()),
  /** Every internal reference (`href`, `src`, …) of the built page, each value once, in page order. */
  references: z.array(z.string()),
  /** Whether the page carries the Content-Security-Policy meta tag Astro writes. */
  contentSecurityPolicy: z.boolean(),
});
export type PageFindings = z.infer<typeof PageFindingsSchema>;

/** Written by the search indexer, which may run after this check. */
const GENERATED_LATER = ['pagefind/'];

/** Elements whose content the tokenizer must read as text, as the HTML tree builder tells it to. */
const TEXT_CONTENT = new Map<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>([
  ['script', TokenizerMode.SCRIPT_DATA],
  ['style', TokenizerMode.RAWTEXT],
  ['xmp', TokenizerMode.RAWTEXT],
  ['iframe', TokenizerMode.RAWTEXT],
  ['noembed', TokenizerMode.RAWTEXT],
  ['noframes', TokenizerMode.RAWTEXT],
  ['textarea', TokenizerMode.RCDATA],
  ['title', TokenizerMode.RCDATA],
  ['plaintext', TokenizerMode.PLAINTEXT],
]);
// `<noscript>` is left as markup: with JavaScript off, its links are the ones a reader follows.

const FOREIGN = new Set(['svg', 'math']);
const utf8 = new TextDecoder();

interface ReferenceHandler {
  /** An `id`, or the `name` of an `<a>`. */
  id(value: string): void;
  /** An internal reference; `at` is the attribute's place when the scan tracks positions. */
  reference(value: string, at: { line: number; column: number } | undefined): void;
  contentSecurityPolicy(): void;
}

/**
 * Tokens rather than a whole tree: the tree builder would only reshape what the tokens already say,
 * at about 1.6 times the cost (measured on built pages). Positions cost another ~15 % and are asked
 * for only when a broken reference has to be shown where it is.
 */
function scanPage(html: string | Uint8Array, positions: boolean, found: ReferenceHandler): void {
  let foreignDepth = 0;
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag(token) {
      readStartTag(token, found);
      const name = token.tagName;
      if (FOREIGN.has(name) && !token.selfClosing) foreignDepth++;
      tokenizer.inForeignNode = foreignDepth > 0;
      const mode = TEXT_CONTENT.get(name);
      if (mode !== undefined && foreignDepth === 0) tokenizer.state = mode;
    },
    onEndTag(token) {
      if (FOREIGN.has(token.tagName) && foreignDepth > 0) foreignDepth--;
      tokenizer.inForeignNode = foreignDepth > 0;
    },
    onComment: ignore,
    onDoctype: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: positions }, handler);
  tokenizer.write(typeof html === 'string' ? html : utf8.decode(html), true);
}

function readStartTag(token: Token.TagToken, found: ReferenceHandler): void {
  const name = token.tagName;
  const wanted = REFERENCE_ATTRIBUTES.get(name);
  for (const attribute of token.attrs) {
    if (attribute.name === 'id' || (attribute.name === 'name' && name === 'a')) found.id(attribute.value);
    if (name === 'meta' && attribute.name === 'http-equiv' && attribute.value.trim().toLowerCase() === 'content-security-policy') {
      found.contentSecurityPolicy();
    }
    if (!wanted?.includes(attribute.name) || isExternalReference(attribute.value) || attribute.value.trim() === '') continue;
    const at = token.location?.attrs?.[attribute.name] ?? token.location;
    found.reference(attribute.value, at ? { line: at.startLine, column: at.startCol } : undefined);
  }
}

/** Ids, references (each value once) and the CSP of one built page. */
export function checkPage(html: string | Uint8Array): PageFindings {
  const findings: PageFindings = { ids: [], references: [], contentSecurityPolicy: false };
  const references = new Set<string>();
  scanPage(html, false, {
    id: (value) => findings.ids.push(value),
    reference: (value) => references.add(value),
    contentSecurityPolicy: () => (findings.contentSecurityPolicy = true),
  });
  findings.references = [...references];
  return findings;
}

export interface PlacedReference {
  value: string;
  line: number;
  column: number;
}

/** Where on the page each reference whose value is in `values` is written, every occurrence, in page order. */
export function locateReferences(html: string | Uint8Array, values: ReadonlySet<string>): PlacedReference[] {
  const placed: PlacedReference[] = [];
  scanPage(html, true, {
    id: () => {},
    reference: (value, at) => {
      if (values.has(value)) placed.push({ value, line: at?.line ?? 1, column: at?.column ?? 1 });
    },
    contentSecurityPolicy: () => {},
  });
  return placed;
}

interface BuiltPage {
  ids: Set<string>;
  references: PageFindings['references'];
}

export interface BuiltSite {
  outDir: string;
  base: string;
  /** Every file in the output, `/`-separated, relative to `outDir`. */
  files: Set<string>;
  /** HTML pages by relative path. */
  pages: Map<string, BuiltPage>;
}

export interface ReadOptions {
  /** Sees each page's findings as it is read, so other checks (the CSP check) need no second read. */
  inspect?: (file: string, findings: PageFindings) => void;
  /**
   * Examines one page; default `checkPage` on its bytes. A build cache puts its per-page reuse here,
   * and reads the page (`read`) only when it has no result for it.
   */
  check?: (file: string, read: () => Uint8Array) => PageFindings;
  /** Every file of the output as `filesBelow(outDir)` lists them, when the caller has listed them already. */
  files?: readonly string[];
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/** Reads every page of the built site once. */
export async function readBuiltSite(outDir: string, base: string, options: ReadOptions = {}): Promise<BuiltSite> {
  const files = new Set(options.files ?? filesBelow(outDir));
  const pages = new Map<string, BuiltPage>();
  const check = options.check ?? ((_file: string, read: () => Uint8Array) => checkPage(read()));
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    // Synchronous reads: a thousand small files read faster than through the thread pool one by one.
    let bytes: Uint8Array | undefined;
    const findings = check(file, () => (bytes ??= readFileSync(path.join(outDir, file))));
    options.inspect?.(file, findings);
    pages.set(file, { ids: new Set(findings.ids), references: findings.references });
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


function suggestion(wanted: string, ids: Set<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of ids) {
    const distance = editDistance(wanted.toLowerCase(), id.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [id, distance];
  }
  return best && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? ` Did you mean “#${best}”?` : '';
}

type Broken = { ok: false; reason: string; hint?: string };
type Resolution = { ok: true } | Broken;

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

/** Links written in markdown to other documents, checked against the built pages and reported where they were written. */
export function checkContentLinks(site: BuiltSite, documents: readonly LinkSource[]): Problem[] {
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

const ORIGIN = 'http://rolebook.invalid';

/** The URL a built page is served at. */
function pageUrlOf(site: BuiltSite, pageFile: string): URL {
  return new URL(`${site.base}${pageFile.replace(/(^|\/)index\.html$/, '$1')}`, ORIGIN);
}

/**
 * One reference found on the page at `pageUrl`; undefined when it resolves, or when `skip` (site
 * paths reported from the markdown already) holds it.
 */
function brokenReference(site: BuiltSite, pageUrl: URL, written: string, skip: ReadonlySet<string> = new Set()): Broken | undefined {
  const value = written.trim();
  if (value === '' || isExternalReference(value)) return undefined;
  const url = new URL(value, pageUrl);
  let result: Resolution;
  if (!url.pathname.startsWith(site.base) && `${url.pathname}/` !== site.base) {
    result = { ok: false, reason: `it points outside the site's base path ${site.base}` };
  } else {
    const sitePath = url.pathname.slice(site.base.length);
    if (skip.has(`/${sitePath}${url.hash}`)) return undefined;
    result = resolve(site, sitePath, url.hash ? url.hash.slice(1) : value.startsWith('#') ? '' : undefined);
  }
  return result.ok ? undefined : result;
}

/** `/roles/x/#y`: resolved the same from every page (unlike `x/`, `#y` or `//host/`). */
function isSitePath(value: string): boolean {
  const trimmed = value.trimStart();
  return trimmed.startsWith('/') && !trimmed.startsWith('//');
}

function brokenMessage(value: string, pageUrl: URL, result: Broken): string {
  return `The link “${value.trim()}” on ${pageUrl.pathname} is broken: ${result.reason}.${result.hint ?? ''}`;
}

const placeKey = (file: string, line: number, column: number) => `${file}:${line}:${column}`;

/**
 * Every other reference in the documents' bodies (raw HTML, site-absolute links, images), resolved
 * from the document's page and reported at the markdown file, line and column.
 */
export function checkContentReferences(site: BuiltSite, documents: readonly LinkSource[]): Problem[] {
  const problems: Problem[] = [];
  for (const document of documents) {
    const ownFile = document.files[0] ?? document.model.source;
    // Links to other documents were checked with what the author wrote (`../x.md#y`); not again here.
    const checked = new Set(document.links.map((link) => placeKey(link.file || ownFile, link.line, link.column)));
    const pageUrl = pageUrlOf(site, `${document.model.id}/index.html`);
    for (const reference of document.references) {
      const file = reference.file ?? ownFile;
      if (checked.has(placeKey(file, reference.line, reference.column))) continue;
      const result = brokenReference(site, pageUrl, reference.value);
      if (!result) continue;
      problems.push({ file, line: reference.line, column: reference.column, severity: 'error', message: brokenMessage(reference.value, pageUrl, result), ruleId: 'link-broken' });
    }
  }
  return problems;
}

/**
 * The references of every built page that no markdown holds (what the templates wrote), reported
 * at the built page. `skip` holds site paths already reported from markdown.
 */
export function checkBuiltReferences(
  site: BuiltSite,
  documents: readonly LinkSource[] = [],
  skip: ReadonlySet<string> = new Set(),
): Problem[] {
  const fromContent = new Map<string, ReadonlySet<string>>(
    documents.map((document) => [`${document.model.id}/index.html`, new Set(document.references.map((reference) => reference.value))]),
  );
  // Most references are site paths (`/roles/x/`, the sidebar's, the stylesheet's), the same on
  // thousands of pages: each is resolved once.
  const sitePaths = new Map<string, Broken | undefined>();
  const problems: Problem[] = [];
  for (const [pageFile, page] of site.pages) {
    const pageUrl = pageUrlOf(site, pageFile);
    const written = fromContent.get(pageFile);
    const broken = new Map<string, Broken>();
    for (const value of page.references) {
      if (written?.has(value)) continue;
      let result: Broken | undefined;
      if (isSitePath(value)) {
        if (sitePaths.has(value)) result = sitePaths.get(value);
        else sitePaths.set(value, (result = brokenReference(site, pageUrl, value, skip)));
      } else result = brokenReference(site, pageUrl, value, skip);
      if (result) broken.set(value, result);
    }
    if (broken.size === 0) continue;
    // Rare: the page is read again, this time for where each broken reference is written.
    const file = path.join(site.outDir, pageFile);
    for (const { value, line, column } of locateReferences(readFileSync(file), new Set(broken.keys()))) {
      problems.push({ file, line, column, severity: 'error', message: brokenMessage(value, pageUrl, broken.get(value)!), ruleId: 'link-broken' });
    }
  }
  return problems;
}

/** The site-level step: every reference of the site resolved, each broken one reported once, at its source. */
export function resolveLinks(site: BuiltSite, documents: readonly LinkSource[]): Problem[] {
  // Broken markdown links show up in the HTML too; report them once, at the markdown.
  const reported = new Set(documents.flatMap((document) => document.links.map((link) => link.href)));
  return [...checkContentLinks(site, documents), ...checkContentReferences(site, documents), ...checkBuiltReferences(site, documents, reported)];
}

export async function checkLinks(options: { outDir: string; base: string; documents: readonly LinkSource[] } & ReadOptions): Promise<Problem[]> {
  const site = await readBuiltSite(options.outDir, options.base, options);
  return resolveLinks(site, options.documents);
}
