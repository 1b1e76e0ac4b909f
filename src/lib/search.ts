import { isoWithOffset, localDate } from './dates.ts';

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
