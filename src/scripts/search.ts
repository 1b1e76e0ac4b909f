/**
 * The search page in the browser: a small interface over Pagefind's JS API. Loaded only by
 * src/pages/sok.astro; the index is fetched from the same origin, nothing from third parties.
 * @see https://pagefind.app/docs/api/
 */
import {
  countText,
  effectiveSort,
  isBlank,
  isPagefindGzip,
  pagefindPreloads,
  readState,
  searchOptions,
  toParams,
  withUndated,
  type PagefindHints,
  type PagefindSearchOptions,
  type SearchState,
  type SearchStrings,
} from './search-core.ts';

/** The parts of pagefind.js this page uses. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean; metaCacheTag?: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  debouncedSearch(term: string | null, options?: PagefindSearchOptions, ms?: number): Promise<PagefindResponse | null>;
}
interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResult> }[];
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

const PAGE_SIZE = 10;
const BASE = import.meta.env.BASE_URL;

const form = document.querySelector<HTMLFormElement>('#sokformular');
const output = document.querySelector<HTMLElement>('[data-search-output]');
const field = document.querySelector<HTMLInputElement>('#sokord');
const typeSelect = document.querySelector<HTMLSelectElement>('#soktyp');
const yearSelect = document.querySelector<HTMLSelectElement>('#sokar');
const sortSelect = document.querySelector<HTMLSelectElement>('#sokordning');
const status = document.querySelector<HTMLElement>('#sokstatus');
const list = document.querySelector<HTMLOListElement>('#soktraffar');
const more = document.querySelector<HTMLButtonElement>('#sokfler');

const hints: PagefindHints = { meta: output?.dataset.searchMeta, wasm: output?.dataset.searchWasm, chunks: output?.dataset.searchChunks };

/**
 * Pagefind's index files and wasm are gzip files, and Pagefind inflates them with its own JavaScript
 * inflater on the main thread: the 57 KB wasm alone took longer than anything else the page runs
 * (docs/search.md). Its fetches are handed the bytes inflated by the browser's native
 * DecompressionStream instead; they then begin with Pagefind's signature, which tells it to skip
 * its own inflater. The bytes over the network stay the same.
 */
function inflateNatively(): void {
  if (typeof DecompressionStream === 'undefined') return;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await fetchFromNetwork(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!response.ok || !isPagefindGzip(url, BASE, location.origin)) return response;
    // Read to the end first: piping the network stream straight through lets the decompressor stop at
    // the end of the gzip data and cancel the request before it has finished (net::ERR_ABORTED).
    const packed = new Blob([await response.arrayBuffer()]);
    return new Response(packed.stream().pipeThrough(new DecompressionStream('gzip')), { status: response.status });
  };
}

/** Imports and starts Pagefind; its own fetches find the preloaded files already on their way. */
const load = async (): Promise<Pagefind> => {
  inflateNatively();
  const pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
  // The index stores URLs relative to the site root; the base path is added here. No worker:
  // it would download a second copy of the search code, and the build does not ship it. The meta
  // hash as cache tag makes the entry file's address known in advance (and cacheable per index).
  await pagefind.options({ baseUrl: BASE, excerptLength: 24, noWorker: true, ...(hints.meta ? { metaCacheTag: hints.meta } : {}) });
  await pagefind.init();
  return pagefind;
};

/**
 * With a query in the address, Pagefind's start-up is begun before anything else: left to itself it
 * fetches pagefind.js, then the entry file, then meta and wasm, one round trip after another (the
 * chain measured in docs/search.md). The preloads fetch them side by side. An empty visit fetches
 * nothing more than before.
 */
const initial = readState(new URLSearchParams(location.search));
const early = isBlank(initial) ? undefined : startEarly(initial.query);

function startEarly(query: string): Promise<Pagefind> {
  for (const { rel, href } of pagefindPreloads(BASE, hints, query)) {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    // What pagefind.js's fetch() asks for: a same-origin CORS request, so the preload is reused.
    if (rel === 'preload') Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous' });
    document.head.append(link);
  }
  const loading = load();
  loading.catch(() => undefined);
  return loading;
}

if (form && output && field && typeSelect && yearSelect && sortSelect && status && list && more) {
  const strings = JSON.parse(output.dataset.strings ?? '{}') as SearchStrings;
  let state = readState(new URLSearchParams(location.search));
  let results: PagefindResponse['results'] = [];
  let shown = 0;
  let generation = 0;

  const showForm = (value: SearchState) => {
    field.value = value.query;
    typeSelect.value = value.type;
    yearSelect.value = value.year;
    sortSelect.value = effectiveSort(value);
  };

  const readForm = (): SearchState => ({
    query: field.value.trim(),
    type: typeSelect.value,
    year: yearSelect.value,
    sort: state.sort,
  });

  /** Keeps the address shareable and reloadable without adding history entries per keystroke. */
  const remember = () => {
    const query = toParams(state).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  const clear = () => {
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
  };

  showForm(state);
  // Values the form cannot show (an unknown year in a shared link) are dropped, so what runs is what is seen.
  state = readForm();
  // Pagefind (code, wasm, index) is fetched only once search is used: a query in the address,
  // focus in the field or a choice in the form. An empty visit to /sok/ downloads nothing more.
  let loading: Promise<Pagefind> | undefined;
  const engine = (): Promise<Pagefind> => {
    if (!loading) {
      status.textContent = strings.loading;
      loading = early ?? load();
      loading.catch((error: unknown) => {
        console.error(error);
        status.textContent = strings.loadError;
      });
    }
    return loading;
  };

  const run = async (debounce: boolean) => {
    const current = ++generation;
    if (isBlank(state)) {
      clear();
      status.textContent = strings.prompt;
      return;
    }
    const pagefind = await engine().catch(() => undefined);
    if (!pagefind || current !== generation) return;
    const term = state.query === '' ? null : state.query;
    const options = searchOptions(state);
    const response = debounce ? await pagefind.debouncedSearch(term, options) : await pagefind.search(term, options);
    if (response === null || current !== generation) return;
    const unsorted = options.sort ? await pagefind.search(term, { filters: options.filters }) : undefined;
    if (current !== generation) return;
    clear();
    results = unsorted ? withUndated(response.results, unsorted.results) : response.results;
    await showMore(current, false);
    if (current === generation) status.textContent = countText(strings, results.length, state.query);
  };

  /** Renders the next page of results; moves focus to the first new one when asked to. */
  const showMore = async (current: number, focusFirst: boolean) => {
    const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    if (current !== generation) return;
    const items = batch.map(renderResult);
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= results.length;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  const update = (debounce: boolean) => {
    state = readForm();
    sortSelect.value = effectiveSort(state);
    remember();
    void run(debounce);
  };

  // Start fetching while the visitor types the first word.
  field.addEventListener('focus', () => void engine().catch(() => undefined), { once: true });
  field.addEventListener('input', () => update(true));
  typeSelect.addEventListener('change', () => update(false));
  yearSelect.addEventListener('change', () => update(false));
  sortSelect.addEventListener('change', () => {
    state = { ...readForm(), sort: sortSelect.value === 'nyast' ? 'nyast' : 'relevans' };
    remember();
    void run(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(false);
  });
  more.addEventListener('click', () => void showMore(generation, true));
  void run(false);

  function renderResult(result: PagefindResult): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);

    const meta = document.createElement('p');
    meta.className = 'meta';
    const type = result.filters.typ?.[0];
    meta.append(type ? (strings.types[type] ?? type) : strings.page);
    if (result.meta.date && result.meta.datum) {
      const time = document.createElement('time');
      time.dateTime = result.meta.date;
      time.textContent = result.meta.datum;
      meta.append(', ', time);
    }

    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(heading, meta, excerpt);
    return item;
  }
}

/**
 * Pagefind's excerpt is escaped text with <mark> around the hits. It is parsed inertly and
 * rebuilt from text and <mark> only, so nothing else from the index can reach the page.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
