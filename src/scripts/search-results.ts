/**
 * The search page's logic once search is used (src/scripts/search-page.ts): the texts read out to
 * screen readers, the order of sorted results, and which responses the page inflates itself.
 * Free of browser globals so it runs under Vitest in Node.
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

/**
 * Pagefind's own gzip files (wasm, meta, index chunks, filters, fragments) below `base`: Pagefind
 * inflates them in JavaScript on the main thread unless they already begin with its signature.
 */
export function isPagefindGzip(url: string, base: string, origin: string): boolean {
  const { origin: urlOrigin, pathname } = new URL(url, origin);
  return urlOrigin === origin && pathname.startsWith(`${base}pagefind/`) && /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/.test(pathname);
}
