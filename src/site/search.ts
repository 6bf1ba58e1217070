/**
 * What search can filter on. Pages mark their values with data-pagefind-filter="kind|audience|owner";
 * the search page offers exactly the values the content has, known at build time (the search
 * dialog gets the same values from the Pagefind index, so pages do not carry them).
 */
import type { RenderedDocument } from '../model/rendered.ts';
import type { SiteContent } from './content.ts';
import { SEARCH_FILTERS, sortFilterValues, type SearchFilterName } from './search-filters.ts';
import { KIND_LABEL } from './urls.ts';

export type { SearchFilterName };

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
    sortFilterValues(new Set(content.documents.map((document) => searchFiltersOf(document)[name]).filter((v): v is string => !!v)));
  return SEARCH_FILTERS.map((filter) => ({ ...filter, values: collect(filter.name) }));
}
