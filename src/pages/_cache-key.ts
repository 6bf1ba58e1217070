/**
 * The `cacheKey` of each document page for Astro's incremental build: a page is copied from the
 * previous build instead of rendered when its key and the code it imports are unchanged.
 *
 * Astro hashes the code (the page's module graph) itself; this key must cover every piece of DATA
 * the page shows. It hashes the values the page's components are given, not the files they came
 * from, so whatever changes them — the document, an include, the glossary, a neighbour's title,
 * a new commit, the calendar moving a page past its review date — changes the key:
 *  - the document as the pipeline rendered it (model, HTML, headings: includes and glossary marks
 *    inside), and the glossary (model texts are marked with it at render time);
 *  - the site config (title, base, site URL, repository links, review period);
 *  - the sidebar window around the page and the "All N role guides" count, the prev/next titles;
 *  - what the page says about its history (last updated, commits, edit link, review status).
 * A component that starts reading other site-wide data must add it here; test/site/incremental.test.ts
 * compares a rebuild with a clean build byte for byte and catches a key that misses something.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RolebookConfig } from '../config.ts';
import type { RenderedDocument } from '../model/rendered.ts';
import { pageGitInfoFrom, type SiteGit } from '../git/page.ts';
import type { SiteContent } from '../site/content.ts';
import { nearestRolesOf } from '../site/requirements.ts';
import { pagerFor, sidebarGroups } from '../site/navigation.ts';
import { documentHref } from '../site/urls.ts';

/**
 * What every page shares, computed once per build: the config, the glossary and the skills catalog
 * (role pages show its levels, growth steps and resources, and link to its pages).
 */
export function siteWideKey(config: RolebookConfig, content: SiteContent, base: string): string {
  const catalog = content.skills.map((skill) => skill.model);
  return hash(JSON.stringify({ config, base, glossary: content.glossary, catalog }));
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

export function documentCacheKey(siteKey: string, content: SiteContent, site: SiteGit, document: RenderedDocument, contentDir: string): string {
  const href = documentHref(document.model.id);
  return hash(
    JSON.stringify({
      site: siteKey,
      document,
      files: localFileHashes(contentDir, document),
      nearest: nearestOf(content, document),
      sidebar: sidebarGroups(content, href),
      pager: pagerFor(content, document),
      git: pageGitInfoFrom(site, document),
    }),
  );
}

function hash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
