/**
 * Every internal link goes through here, so a site served under a base path (`/playbook/`) links
 * correctly everywhere. Pages and components call these; nothing builds a URL by hand.
 */
import { glossaryAnchor } from '../model/glossary-terms.ts';
import type { DocumentKind } from '../model/schemas.ts';
import { withTrailingSlash } from '../model/paths.ts';

/**
 * The base Vite builds with (`/` when this runs outside Vite, in the CLI and in tests). Written as
 * a member access on purpose: a module that reads Vite's env object as a whole gets every
 * environment variable whose name occurs in its text inlined by Astro (`_`, the shell's last
 * command, among them), so its code — and Astro's incremental build key for every page — changed
 * with the shell a build was started from.
 */
function viteBase(): string | undefined {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return undefined;
  }
}

/** The configured base with exactly one trailing slash: `/` or `/playbook/`. */
export function basePath(): string {
  return withTrailingSlash(viteBase() ?? '/');
}

/** `withBase('roles/')` → `/playbook/roles/` under base `/playbook/`. */
export function withBase(path = ''): string {
  return `${basePath()}${path.replace(/^\/+/, '')}`;
}

/** Where a document lives: id `roles/team-manager` → `/roles/team-manager/`. */
export function documentPath(id: string): string {
  return `${id}/`;
}

export function documentHref(id: string): string {
  return withBase(documentPath(id));
}

/** The folder of each kind, which is also its index page. */
export const KIND_FOLDER: Record<DocumentKind, string> = {
  'role-guide': 'roles',
  playbook: 'playbooks',
  skill: 'skills',
};

export const KIND_LABEL: Record<DocumentKind, { one: string; many: string }> = {
  'role-guide': { one: 'Role guide', many: 'Role guides' },
  playbook: { one: 'Playbook', many: 'Playbooks' },
  skill: { one: 'Skill', many: 'Skills' },
};

export function kindIndexHref(kind: DocumentKind): string {
  return withBase(`${KIND_FOLDER[kind]}/`);
}

export function glossaryHref(term?: string): string {
  return withBase(`glossary/${term ? `#${glossaryAnchor(term)}` : ''}`);
}


/** True when `href` is the page at `pathname` (both with base), ignoring a missing trailing slash. */
export function isCurrent(href: string, pathname: string): boolean {
  return withoutTrailingSlashes(href) === withoutTrailingSlashes(pathname);
}

/** A character loop, not a regular expression: every page's sidebar asks this of each of its ≈ 26 links. */
function withoutTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x2f) end--;
  return end === value.length ? value : value.slice(0, end);
}
