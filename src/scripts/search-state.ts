/**
 * What the visitor asked for, as the search page's address holds it, and the Pagefind options it
 * gives. Needed before anyone searches (src/scripts/search.ts) and by the page itself.
 * Free of browser globals so it runs under Vitest in Node.
 */

export type SortOrder = 'relevans' | 'nyast';

/** What the visitor asked for; mirrored in the URL as ?q=&typ=&ar=&ordning=. */
export interface SearchState {
  query: string;
  type: string;
  year: string;
  /** Empty until the visitor picks an order; then the default depends on the type. */
  sort: SortOrder | '';
}

export const PARAMS = { query: 'q', type: 'typ', year: 'ar', sort: 'ordning' } as const;

/** Reads the state from a query string; unknown sort values fall back to the default. */
export function readState(params: URLSearchParams): SearchState {
  const sort = params.get(PARAMS.sort);
  return {
    query: (params.get(PARAMS.query) ?? '').trim(),
    type: params.get(PARAMS.type) ?? '',
    year: params.get(PARAMS.year) ?? '',
    sort: sort === 'relevans' || sort === 'nyast' ? sort : '',
  };
}

/** The query string for a state, leaving out empty fields so shared links stay short. */
export function toParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set(PARAMS.query, state.query);
  if (state.type) params.set(PARAMS.type, state.type);
  if (state.year) params.set(PARAMS.year, state.year);
  if (state.sort) params.set(PARAMS.sort, state.sort);
  return params;
}

/** Press releases list newest first unless the visitor chose otherwise; everything else by relevance. */
export function effectiveSort(state: SearchState): SortOrder {
  if (state.sort) return state.sort;
  return state.type === 'pressmeddelande' ? 'nyast' : 'relevans';
}

/** Nothing to search for: no words and no filter. */
export function isBlank(state: SearchState): boolean {
  return state.query === '' && state.type === '' && state.year === '';
}

export interface PagefindSearchOptions {
  filters: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Filters and sort for `pagefind.search`; the keys match the data-pagefind-* tags in src/lib/content/search.ts. */
export function searchOptions(state: SearchState): PagefindSearchOptions {
  const filters: Record<string, string> = {};
  if (state.type) filters.typ = state.type;
  if (state.year) filters['år'] = state.year;
  return effectiveSort(state) === 'nyast' ? { filters, sort: { date: 'desc' } } : { filters };
}
