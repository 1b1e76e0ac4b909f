/**
 * The search page's logic without the DOM: URL state, Pagefind options and the texts read out
 * to screen readers. Kept free of browser globals so it runs under Vitest in Node.
 */

/** Interface texts from src/i18n/sv.ts, handed to the browser in a data attribute. */
export interface SearchStrings {
  /** Label per `typ` filter value. */
  types: Record<string, string>;
  /** Label for pages without a type (home, contact, accessibility). */
  page: string;
  prompt: string;
  loading: string;
  loadError: string;
  countOne: string;
  countMany: string;
  countNone: string;
  countOneAll: string;
  countManyAll: string;
  countNoneAll: string;
}

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

/** "3 träffar för ”konferens”." and friends, for the live region. */
export function countText(strings: SearchStrings, count: number, query: string): string {
  const template =
    query === ''
      ? [strings.countNoneAll, strings.countOneAll, strings.countManyAll]
      : [strings.countNone, strings.countOne, strings.countMany];
  const text = template[Math.min(count, 2)] ?? '';
  return text.replace('{count}', String(count)).replace('{query}', query);
}

/**
 * Pagefind leaves pages without the sort key (home, contact, accessibility) out of a sorted
 * search. They follow the dated pages, in relevance order, so "Nyast först" never hides a hit.
 */
export function withUndated<T extends { id: string }>(sorted: T[], byRelevance: T[]): T[] {
  const seen = new Set(sorted.map((result) => result.id));
  return [...sorted, ...byRelevance.filter((result) => !seen.has(result.id))];
}

/** Pagefind's hashed file names, written onto the search page by the build (src/lib/content/search.ts). */
export interface PagefindHints {
  /** The meta file's hash, e.g. "sv_696caa6c1c"; also Pagefind's `metaCacheTag`. */
  meta?: string;
  /** The wasm's language, e.g. "sv". */
  wasm?: string;
  /** The index chunks' word ranges, JSON `[[from, to, hash], …]` (src/lib/content/search.ts `indexChunks`). */
  chunks?: string;
}

export interface Preload {
  rel: 'modulepreload' | 'preload';
  href: string;
}

const NAME_PART = /^[A-Za-z0-9_-]+$/;

/**
 * What Pagefind's start-up fetches one after another (pagefind.js, then the entry file, then meta
 * and wasm), to be fetched at once as soon as a query is known. The entry's `?ts=` must be what
 * Pagefind asks for: it appends the `metaCacheTag` option, which the page sets to the meta hash.
 * With the chunk table, the index chunks of the query's words too (see `queryChunks`). Without
 * hints (a dev server has no index) only pagefind.js is worth fetching early.
 */
export function pagefindPreloads(base: string, hints: PagefindHints, query = ''): Preload[] {
  const folder = `${base}pagefind/`;
  const preloads: Preload[] = [{ rel: 'modulepreload', href: `${folder}pagefind.js` }];
  if (hints.meta && NAME_PART.test(hints.meta)) {
    preloads.push(
      { rel: 'preload', href: `${folder}pagefind-entry.json?ts=${hints.meta}` },
      { rel: 'preload', href: `${folder}pagefind.${hints.meta}.pf_meta` },
    );
  }
  if (hints.wasm && NAME_PART.test(hints.wasm)) preloads.push({ rel: 'preload', href: `${folder}wasm.${hints.wasm}.pagefind` });
  for (const hash of queryChunks(query, hints.chunks)) preloads.push({ rel: 'preload', href: `${folder}index/${hash}.pf_index` });
  return preloads;
}

/** Pagefind drops punctuation from a search (its own test, character by character). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** The terms Pagefind looks up for a query: lower case, no punctuation, no diacritics (as pagefind.js 1.6). */
export function pagefindTerms(query: string): string[] {
  const plain = query.toLocaleLowerCase().replace(PUNCTUATION, '').normalize('NFD').replace(/\p{M}/gu, '');
  return plain.split(/\s+/).filter(Boolean);
}

/**
 * The index chunks a query's words fall in, to be fetched alongside the wasm: Pagefind itself only
 * asks for them once the wasm is running. It looks up each word as typed and its stem; the stem is
 * a prefix of the word, so both lie in the same chunk unless a chunk boundary falls between them
 * (then Pagefind fetches one more chunk itself, and nothing is lost). Malformed tables give nothing.
 */
export function queryChunks(query: string, table: string | undefined, limit = 3): string[] {
  if (!table) return [];
  let chunks: unknown;
  try {
    chunks = JSON.parse(table);
  } catch {
    return [];
  }
  if (!Array.isArray(chunks)) return [];
  const hashes = new Set<string>();
  for (const term of pagefindTerms(query)) {
    for (const chunk of chunks) {
      if (!Array.isArray(chunk)) continue;
      const [from, to, hash] = chunk as unknown[];
      if (typeof from !== 'string' || typeof to !== 'string' || typeof hash !== 'string' || !NAME_PART.test(hash)) continue;
      if (term >= from && term <= to) hashes.add(hash);
    }
  }
  return [...hashes].slice(0, limit);
}

/**
 * Pagefind's own gzip files (wasm, meta, index chunks, filters, fragments) below `base`: Pagefind
 * inflates them in JavaScript on the main thread unless they already begin with its signature.
 */
export function isPagefindGzip(url: string, base: string, origin: string): boolean {
  const { origin: urlOrigin, pathname } = new URL(url, origin);
  return urlOrigin === origin && pathname.startsWith(`${base}pagefind/`) && /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/.test(pathname);
}
