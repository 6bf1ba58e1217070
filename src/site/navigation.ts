/**
 * Site navigation derived from the content: the sidebar, previous/next links and breadcrumbs.
 * The sidebar is bounded: a kind with many documents shows only a window around the current
 * page plus a link to the kind's index, so it stays small with thousands of documents.
 */
import type { RenderedDocument } from '../model/rendered.ts';
import type { DocumentKind } from '../model/schemas.ts';
import { documentsOfKind, type SiteContent } from './content.ts';
import { KIND_LABEL, documentHref, isCurrent, kindIndexHref, withBase } from './urls.ts';
import { withTrailingSlash } from '../model/paths.ts';

export interface NavLink {
  label: string;
  href: string;
  current?: boolean;
}

export interface NavGroup {
  label: string;
  /** The group's own index page, if it has one (`/roles/`). */
  href?: string;
  current?: boolean;
  links: NavLink[];
  /** "All role guides" when the group shows only part of its kind. */
  more?: NavLink;
}

export interface Breadcrumb {
  label: string;
  href: string;
}

/** A kind with at most this many documents is listed in full. */
export const FULL_LIST_LIMIT = 12;
/** Otherwise the sidebar shows this many documents around the current one. */
export const WINDOW_SIZE = 9;

const KINDS: DocumentKind[] = ['role-guide', 'playbook'];

export function sidebarGroups(content: SiteContent, pathname: string): NavGroup[] {
  const groups: NavGroup[] = KINDS.map((kind) => kindGroup(documentsOfKind(content, kind), kind, pathname));
  groups.push({
    label: 'Reference',
    links: [
      link('Skills matrix', withBase('skills/'), pathname),
      link('Compare roles', withBase('compare/'), pathname),
      link('Team view', withBase('team/'), pathname),
      link('Glossary', withBase('glossary/'), pathname),
    ],
  });
  groups.push({
    label: 'For content owners',
    links: [
      link('Guide for content owners', withBase('contributing/'), pathname),
      link('Content health', withBase('health/'), pathname),
    ],
  });
  return groups;
}

/**
 * Position of each document in a list, by its URL, computed once per list: every page asks, and
 * a scan per page made a 10,000-document build quadratic.
 */
const indexes = new WeakMap<RenderedDocument[], Map<string, number>>();

function indexByHref(documents: RenderedDocument[]): Map<string, number> {
  let index = indexes.get(documents);
  if (!index) {
    index = new Map(documents.map((document, position) => [documentHref(document.model.id), position]));
    indexes.set(documents, index);
  }
  return index;
}

/** Index of the document at `pathname` (with or without its trailing slash), or -1. */
function positionOf(documents: RenderedDocument[], pathname: string): number {
  const index = indexByHref(documents);
  const withSlash = withTrailingSlash(pathname);
  return index.get(withSlash) ?? index.get(pathname) ?? -1;
}

function kindGroup(documents: RenderedDocument[], kind: DocumentKind, pathname: string): NavGroup {
  const label = KIND_LABEL[kind].many;
  const indexHref = kindIndexHref(kind);
  const currentIndex = positionOf(documents, pathname);
  let shown = documents;
  if (documents.length > FULL_LIST_LIMIT) {
    const centre = Math.max(currentIndex, 0);
    const start = Math.min(Math.max(centre - Math.floor(WINDOW_SIZE / 2), 0), documents.length - WINDOW_SIZE);
    shown = currentIndex === -1 ? documents.slice(0, 5) : documents.slice(start, start + WINDOW_SIZE);
  }
  const group: NavGroup = {
    label,
    href: indexHref,
    current: isCurrent(indexHref, pathname),
    links: shown.map((document) => link(shortTitle(document), documentHref(document.model.id), pathname)),
  };
  if (shown.length < documents.length) {
    // Without the count ("All 1,000 role guides"): every page shows this link, so a count made every
    // page of the site change, and be rendered again, whenever a document was added or deleted.
    // The index it leads to says how many there are.
    group.more = link(`All ${label.toLowerCase()}`, indexHref, pathname);
  }
  return group;
}

function link(label: string, href: string, pathname: string): NavLink {
  return { label, href, current: isCurrent(href, pathname) };
}

/** Titles such as "FastTrack Roleguide - Area Liaison" repeat what the group says; keep them as written. */
export function shortTitle(document: RenderedDocument): string {
  return document.model.title;
}

export interface Pager {
  previous?: NavLink;
  next?: NavLink;
}

/** Previous and next documents of the same kind, in the sidebar's (title) order. */
export function pagerFor(content: SiteContent, document: RenderedDocument): Pager {
  const siblings = documentsOfKind(content, document.model.kind);
  const index = indexByHref(siblings).get(documentHref(document.model.id)) ?? -1;
  const toLink = (sibling: RenderedDocument | undefined): NavLink | undefined =>
    sibling ? { label: sibling.model.title, href: documentHref(sibling.model.id) } : undefined;
  return { previous: toLink(siblings[index - 1]), next: toLink(siblings[index + 1]) };
}

export function documentBreadcrumbs(document: RenderedDocument): Breadcrumb[] {
  return [
    { label: 'Home', href: withBase() },
    { label: KIND_LABEL[document.model.kind].many, href: kindIndexHref(document.model.kind) },
    { label: document.model.title, href: documentHref(document.model.id) },
  ];
}
