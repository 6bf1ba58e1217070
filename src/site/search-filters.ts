/**
 * The search filters and how they read. Shared by the search page (which lists the values known
 * at build time) and the search UI (which asks Pagefind for them when the dialog first opens), so
 * the two panels read the same; kept apart from search.ts so the browser bundle stays small.
 */
export type SearchFilterName = 'kind' | 'audience' | 'owner';

export const SEARCH_FILTERS: readonly { name: SearchFilterName; label: string; anyLabel: string }[] = [
  { name: 'kind', label: 'Kind', anyLabel: 'All kinds' },
  { name: 'audience', label: 'Audience', anyLabel: 'Any audience' },
  { name: 'owner', label: 'Owner', anyLabel: 'Any owner' },
];

/** Filter values in the order both panels list them. */
export const sortFilterValues = (values: Iterable<string>): string[] => [...values].sort((a, b) => a.localeCompare(b));
