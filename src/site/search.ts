/**
 * What search can filter on. Pages mark their values with data-pagefind-filter="kind|audience|owner";
 * the search panel offers exactly the values the content has, known at build time.
 */
import type { RenderedDocument } from '../content/types.ts';
import type { SiteContent } from './content.ts';
import { KIND_LABEL } from './urls.ts';

export type SearchFilterName = 'kind' | 'audience' | 'owner';

export interface SearchFilterOption {
  name: SearchFilterName;
  label: string;
  anyLabel: string;
  values: string[];
}

/** The filter values a document is indexed with. */
export function searchFiltersOf(document: RenderedDocument): Record<SearchFilterName, string | undefined> {
  return {
    kind: KIND_LABEL[document.model.kind].one,
    audience: document.model.meta.audience,
    owner: document.model.meta.owner,
  };
}

export function searchFilterOptions(content: SiteContent): SearchFilterOption[] {
  const collect = (name: SearchFilterName) =>
    [...new Set(content.documents.map((document) => searchFiltersOf(document)[name]).filter((v): v is string => !!v))].sort(
      (a, b) => a.localeCompare(b),
    );
  return [
    { name: 'kind', label: 'Kind', anyLabel: 'All kinds', values: collect('kind') },
    { name: 'audience', label: 'Audience', anyLabel: 'Any audience', values: collect('audience') },
    { name: 'owner', label: 'Owner', anyLabel: 'Any owner', values: collect('owner') },
  ];
}
