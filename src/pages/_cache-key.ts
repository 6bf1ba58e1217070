/**
 * The `cacheKey` of every page for Astro's incremental build: a page is copied from the previous
 * build instead of rendered when its key and the code it imports are unchanged. Document pages
 * (below), the site's own pages (`sitePagePaths`: the values a page is given as props) and data
 * files (`dataFilePaths`: their text; `rubric.json`: its documents) each have one; only the home
 * page, the 404 page and the rule reference are rendered every build (Astro gives a cacheKey only
 * to routes with getStaticPaths, and those three are small).
 *
 * Astro hashes the code (the page's module graph) itself; this key must cover every piece of DATA
 * the page shows. It hashes the values the page's components are given, not the files they came
 * from, so whatever changes them — the document, an include, the glossary, a neighbour's title,
 * a new commit, the calendar moving a page past its review date — changes the key:
 *  - the document as the pipeline rendered it (model, HTML, headings: includes and glossary marks
 *    inside), and the glossary entries its model's texts use (marked at render time; a document
 *    page is given those entries alone, the site's own pages the whole glossary);
 *  - the site config (title, base, site URL, repository links, review period);
 *  - of the skills catalog, what the page shows of it (a role page: its skills' catalog entries;
 *    the site's own pages: all of it);
 *  - the sidebar window around the page, the prev/next titles, a role page's nearest roles;
 *  - what the page says about its history (last updated, commits, edit link, review status).
 * A component that starts reading other site-wide data must add it here; test/site/incremental.test.ts
 * compares a rebuild with a clean build byte for byte and catches a key that misses something.
 */
import { hash as digest } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { termLookups } from '../model/glossary-terms.ts';
import type { RenderedDocument } from '../model/rendered.ts';
import type { GlossaryEntry } from '../model/schemas.ts';
import { pageGitInfoFrom, type SiteGit } from '../git/page.ts';
import { getSiteContent, type SiteContent } from '../site/content.ts';
import { nearestRolesOf } from '../site/requirements.ts';
import { pagerFor, sidebarGroups } from '../site/navigation.ts';
import { countCacheablePages, type CacheableRoute } from '../site/render-count.ts';
import { glossaryExpansions } from '../site/terms.ts';
import { basePath, documentHref, withBase } from '../site/urls.ts';

/** `compute(content)` worked out once per build (per loaded content), however many routes and pages ask. */
function oncePerContent<T>(compute: (content: SiteContent) => T): (content: SiteContent) => T {
  const values = new WeakMap<SiteContent, T>();
  return (content) => {
    if (!values.has(content)) values.set(content, compute(content));
    return values.get(content)!;
  };
}

/** What every page shares: the config and the base. */
const siteWideKeyOf = oncePerContent(() => hash(JSON.stringify({ config: loadConfig(), base: basePath() })));

/**
 * The whole glossary and skills catalog, for the site's own pages (the matrix, the team view,
 * compare…), which mark terms with the whole glossary. Document pages have their own parts of both.
 */
const contentWideKeyOf = oncePerContent((content) => hash(JSON.stringify({ glossary: content.glossary, catalog: content.skills.map(modelHashOf) })));

/** The catalog's skill documents by id, as `catalogById` (src/site/skills.ts) finds the models the role page's components show. */
const catalogDocumentsOf = oncePerContent(
  (content) => new Map(content.skills.filter((skill) => skill.model.kind === 'skill').map((skill) => [skill.model.id, skill])),
);

/**
 * What a document page shows of the skills catalog: a role page, the catalog skill each of its
 * skills is (its levels, growth steps and resources in the skills table and the assessment, its
 * page linked), or that it has none. Playbook and skill pages read nothing of it (a skill page's own
 * skill is its document; the roles needing it are given as `alsoShown`). So editing one catalog
 * skill renders its page and the role pages that use it, not every page of the site.
 */
function catalogShownBy(content: SiteContent, document: RenderedDocument): (string | null)[] {
  if (document.model.kind !== 'role-guide') return [];
  const byId = catalogDocumentsOf(content);
  return document.model.skills.map((skill) => {
    const entry = skill.skillId === undefined ? undefined : byId.get(skill.skillId);
    return entry ? modelHashOf(entry) : null;
  });
}

/** The roles a role page offers to compare with (they depend on every role's skills), by id and title. */
function nearestOf(content: SiteContent, document: RenderedDocument): string[][] {
  if (document.model.kind !== 'role-guide') return [];
  return nearestRolesOf(content, document.model).map((other) => [other.id, other.title]);
}

/**
 * The bytes of the pictures and files a page uses: a picture replaced under the same name is
 * published at a new address, which the page must name.
 */
function localFileHashes(contentDir: string, document: RenderedDocument): string[] {
  return (document.localFiles ?? []).map((file) => {
    try {
      return hash(readFileSync(path.join(contentDir, file.path)));
    } catch {
      return 'missing';
    }
  });
}

const modelHashes = new WeakMap<RenderedDocument, string>();

/** A document's model, hashed once per build however many keys cover it: its page's and `rubric.json`'s. */
function modelHashOf(document: RenderedDocument): string {
  let key = modelHashes.get(document);
  if (key === undefined) {
    key = hash(JSON.stringify(document.model));
    modelHashes.set(document, key);
  }
  return key;
}

/**
 * The cacheKey of a data file made from these documents' models alone (`rubric.json`): their
 * hashes in the file's order, so the file's text is only written out when it is rendered (at
 * 10,000 documents 77 MB of JSON, which keying by the text built and hashed on every build).
 */
export function documentsCacheKey(documents: readonly RenderedDocument[]): string {
  return hash(JSON.stringify(documents.map(modelHashOf)));
}

/**
 * The part of the glossary a document page shows: the entries its components may look up when
 * they mark terms in the texts of its model (found when it was parsed: `termLookups`) and, on a
 * skill page, of the roles that need the skill. The page is given exactly these
 * (`Astro.locals.glossary`, read by `siteTerms`) and its key covers exactly these, so a glossary
 * edit renders again only the pages that look up a term it touched; a text the scan did not see
 * cannot show an entry the key does not cover. (Terms in the page's prose were marked when it was
 * parsed: its HTML is in the key.)
 */
function glossaryShownBy(content: SiteContent, document: RenderedDocument, alsoShown: unknown): GlossaryEntry[] {
  const expansions = glossaryExpansions(content.glossary);
  const lookups = alsoShown === undefined ? document.termLookups : [...new Set([...document.termLookups, ...termLookups(alsoShown)])].sort();
  // The term and expansion only: a term's longer description shows on the glossary page alone.
  return lookups.flatMap((term) => {
    const expansion = expansions.get(term);
    return expansion === undefined ? [] : [{ term, expansion }];
  });
}

/**
 * Every field of a document but its HTML, which `htmlHash` stands for: a page's key is worked out
 * without decoding the HTML of a page that is not rendered (the parse cache decodes it when read).
 */
function withoutHtml(document: RenderedDocument): Omit<RenderedDocument, 'html'> {
  return Object.fromEntries(Object.keys(document).filter((key) => key !== 'html').map((key) => [key, document[key as keyof RenderedDocument]])) as Omit<RenderedDocument, 'html'>;
}

/** A document page's cacheKey, and the part of the glossary the page is given (see `glossaryShownBy`). */
export interface DocumentPageKey {
  cacheKey: string;
  glossary: GlossaryEntry[];
}

/** `alsoShown`: what else the page is given (a skill page: the roles that need the skill). */
export function documentPageKey(
  content: SiteContent,
  site: SiteGit,
  document: RenderedDocument,
  contentDir: string,
  alsoShown?: unknown,
): DocumentPageKey {
  const href = documentHref(document.model.id);
  const glossary = glossaryShownBy(content, document, alsoShown);
  const nearest = nearestOf(content, document);
  const cacheKey = hash(
    JSON.stringify({
      site: siteWideKeyOf(content),
      glossary,
      document: { ...withoutHtml(document), model: modelHashOf(document) },
      files: localFileHashes(contentDir, document),
      catalog: catalogShownBy(content, document),
      nearest,
      // Whether a role page offers every other role on request besides its nearest (CareerPaths.astro):
      // it depends on how many roles there are, which shows nowhere else on the page.
      moreRoles: document.model.kind === 'role-guide' ? content.roles.length - 1 > nearest.length : undefined,
      sidebar: sidebarGroups(content, href),
      pager: pagerFor(content, document),
      git: pageGitInfoFrom(site, document),
      alsoShown,
    }),
  );
  return { cacheKey, glossary };
}

/**
 * The cacheKey of one of the site's own pages (an index, the skills matrix, the glossary…): the
 * values its route gives the page as props — the page reads the content through them only — and
 * what every page shows around them: the config, glossary and catalog, and the sidebar at its address.
 */
export function sitePageCacheKey(content: SiteContent, pathname: string, props: unknown): string {
  return hash(JSON.stringify({ site: siteWideKeyOf(content), content: contentWideKeyOf(content), sidebar: sidebarGroups(content, pathname), props }));
}

/**
 * `getStaticPaths` of a route that is one page of the site, at its folder
 * (`src/pages/team/[...team].astro` → `/team/`; the rest parameter is named for the page, and so
 * is its script's bundle): Astro reuses only pages that `getStaticPaths` gives a cacheKey, so the
 * site's own pages are routes of one path each, given their values as props.
 */
export async function sitePagePaths<Props extends object>(route: CacheableRoute, folder: string, props: Props, restParameter = folder) {
  const content = await getSiteContent();
  countCacheablePages(route, 1);
  return [{ params: { [restParameter]: undefined }, props, cacheKey: sitePageCacheKey(content, withBase(`${folder}/`), props) }];
}

/**
 * `getStaticPaths` of a data file (JSON) whose text is worked out before it is rendered: the file is
 * exactly that text, so the text's hash is a cacheKey that misses nothing.
 */
export function dataFilePaths<Params extends Record<string, string>>(route: CacheableRoute, params: Params, text: string) {
  countCacheablePages(route, 1);
  return [{ params, props: { text }, cacheKey: textCacheKey(text) }];
}

/** The cacheKey of a file that is exactly `text`. */
export const textCacheKey = (text: string): string => hash(text);

const DATA_FILE_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** The response of a data file route given `{ text }` by `dataFilePaths`. */
export function dataFileResponse(props: Record<string, unknown>): Response {
  return new Response(props.text as string, { headers: DATA_FILE_HEADERS });
}

/** The response of a data file whose text is `pieces` joined, encoded one piece at a time as it is read. */
export function dataFileStreamResponse(pieces: Iterator<string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: DATA_FILE_HEADERS });
}

function hash(text: string | Uint8Array): string {
  // One-shot: about half the time of createHash().update().digest(), and rubric.json's key hashes
  // its whole text on every build (77 MB at 10,000 documents).
  return digest('sha256', text);
}
