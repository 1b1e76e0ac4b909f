import { isoWithOffset, localDate } from '../core/dates.ts';
import { PAGEFIND_NAME_PART } from '../core/pagefind-names.ts';

/**
 * Search index tagging. The search page filters on `typ` and `år`, shows `title`, `datum` and
 * `date`, and sorts on `date`. Everything is captured from data attributes on one element (the
 * page's h1), because Pagefind allows only one inline `key:value` per attribute.
 * @see https://pagefind.app/docs/metadata/
 */

/** Values of the `typ` filter; the search page labels them through src/i18n/sv.ts. */
export const SEARCH_TYPES = ['pressmeddelande', 'program', 'talare'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchTagging {
  type: SearchType;
  /** The instant the page is dated by: publication, or the start of the conference. */
  date: Date;
  /** The date as the page shows it, e.g. "23 september 2019 kl. 13.57"; shown in results. */
  dateLabel: string;
  timeZone: string;
}

/** `data-pagefind-*` attributes to spread onto a page's h1. */
export function searchAttributes({ type, date, dateLabel, timeZone }: SearchTagging): Record<string, string> {
  return {
    'data-pagefind-meta': 'title, date[data-search-date], datum[data-search-label]',
    'data-pagefind-filter': 'typ[data-search-type], år[data-search-year]',
    // UTC ISO strings sort correctly as text, also across daylight-saving changes.
    'data-pagefind-sort': 'date[data-search-sort]',
    'data-search-type': type,
    'data-search-year': localDate(date, timeZone).slice(0, 4),
    'data-search-date': isoWithOffset(date, timeZone),
    'data-search-label': dateLabel,
    'data-search-sort': date.toISOString(),
  };
}

/** Years for the year filter, newest first: the year of every tagged date, each once. */
export function searchYears(dates: { date: Date; timeZone: string }[]): string[] {
  const years = new Set(dates.map(({ date, timeZone }) => localDate(date, timeZone).slice(0, 4)));
  return [...years].sort((a, b) => b.localeCompare(a));
}

/** What the search page needs to know of Pagefind's output before pagefind.js has run. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** The element on /sok/ that carries the search strings, and after indexing also Pagefind's file names. */
export const SEARCH_OUTPUT_ATTRIBUTE = 'data-search-output';

/**
 * The search page with Pagefind's hashed file names written onto its output element
 * (`data-search-meta`: the meta file's hash, `data-search-wasm`: the wasm's language). Its script
 * reads them to fetch pagefind.js, the entry file, the meta file and the wasm at once when a query
 * is in the address, instead of one after another. Two short attributes whatever the index's size:
 * the empty page stays as light as before. Throws if the page lacks the element, so a renamed
 * attribute cannot quietly turn the preloads off.
 */
export function withPagefindHints(html: string, entry: PagefindEntry, language = 'sv'): string {
  const index = entry.languages[language] ?? Object.values(entry.languages)[0];
  if (!index) throw new Error('Pagefind-indexet saknar språk.');
  const wasm = index.wasm ?? 'unknown';
  if (!PAGEFIND_NAME_PART.test(index.hash) || !PAGEFIND_NAME_PART.test(wasm)) throw new Error(`Oväntat filnamn i Pagefinds index: ${index.hash}, ${wasm}.`);
  const marker = `${SEARCH_OUTPUT_ATTRIBUTE} `;
  if (html.split(marker).length !== 2) throw new Error(`Söksidan saknar ett (och bara ett) ${SEARCH_OUTPUT_ATTRIBUTE}-element.`);
  return html.replace(marker, `${marker}data-search-meta="${index.hash}" data-search-wasm="${wasm}" `);
}
