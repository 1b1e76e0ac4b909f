/**
 * Pagefind's start-up files, known before Pagefind runs: the early start src/scripts/search.ts makes
 * when the address holds a query (docs/search.md). Free of browser globals so it runs under Vitest.
 */
import { PAGEFIND_NAME_PART } from '../lib/core/pagefind-names.ts';

/** Pagefind's hashed file names, written onto the search page by the build (src/lib/content/search.ts). */
export interface PagefindHints {
  /** The meta file's hash, e.g. "sv_696caa6c1c"; also Pagefind's `metaCacheTag`. */
  meta?: string;
  /** The wasm's language, e.g. "sv". */
  wasm?: string;
}

export interface Preload {
  rel: 'modulepreload' | 'preload';
  href: string;
}

/**
 * What Pagefind's start-up fetches one after another (pagefind.js, then the entry file, then meta
 * and wasm), to be fetched at once as soon as a query is known. The entry's `?ts=` must be what
 * Pagefind asks for: it appends the `metaCacheTag` option, which the page sets to the meta hash.
 * Without hints (a dev server has no index) only pagefind.js is worth fetching early. The query's
 * index chunks follow once the meta file has arrived (src/scripts/search-page.ts).
 */
export function pagefindPreloads(base: string, hints: PagefindHints): Preload[] {
  const folder = `${base}pagefind/`;
  const preloads: Preload[] = [{ rel: 'modulepreload', href: `${folder}pagefind.js` }];
  if (hints.meta && PAGEFIND_NAME_PART.test(hints.meta)) {
    preloads.push(
      { rel: 'preload', href: `${folder}pagefind-entry.json?ts=${hints.meta}` },
      { rel: 'preload', href: `${folder}pagefind.${hints.meta}.pf_meta` },
    );
  }
  if (hints.wasm && PAGEFIND_NAME_PART.test(hints.wasm)) preloads.push({ rel: 'preload', href: `${folder}wasm.${hints.wasm}.pagefind` });
  return preloads;
}

/**
 * Adds a preload to the document's head. A `preload` is made the way pagefind.js's fetch() asks
 * (a same-origin CORS request), so the browser hands the response to that fetch.
 */
export function addPreload(document: Document, { rel, href }: Preload): void {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  if (rel === 'preload') Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous' });
  document.head.append(link);
}
