/**
 * The search page in the browser once search is used: a small interface over Pagefind's JS API.
 * Imported by src/scripts/search.ts; the index is fetched from the same origin, nothing from third parties.
 * @see https://pagefind.app/docs/api/
 */
import { chunksForQuery, indexChunks } from '../lib/formats/pagefind-meta.ts';
import { addPreload } from './search-preload.ts';
import { countText, isPagefindGzip, withUndated, type SearchStrings } from './search-results.ts';
import { effectiveSort, isBlank, readState, searchOptions, toParams, type PagefindSearchOptions, type SearchState, type SortOrder } from './search-state.ts';

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

/** Pagefind files this page fetched before Pagefind asked for them (the meta file), by address. */
const fetchedEarly = new Map<string, Promise<Response>>();
const address = (url: string) => new URL(url, location.href).href;

/**
 * Pagefind's index files and wasm are gzip files, and Pagefind inflates them with its own JavaScript
 * inflater on the main thread: the 57 KB wasm alone took longer than anything else the page runs
 * (docs/search.md). Its fetches are handed the bytes inflated by the browser's native
 * DecompressionStream instead; they then begin with Pagefind's signature, which tells it to skip
 * its own inflater. The bytes over the network stay the same. A file this page has already
 * fetched is handed over rather than fetched twice.
 */
function wrapFetch(): void {
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const key = address(url);
    const early = fetchedEarly.get(key);
    if (early) {
      fetchedEarly.delete(key);
      const response = await early.catch(() => undefined);
      if (response?.ok) return response;
    }
    const response = await fetchFromNetwork(input, init);
    if (!response.ok || !isPagefindGzip(url, BASE, location.origin)) return response;
    // Read to the end first: piping the network stream straight through lets the decompressor stop at
    // the end of the gzip data and cancel the request before it has finished (net::ERR_ABORTED).
    const packed = new Blob([await response.arrayBuffer()]);
    return new Response(packed.stream().pipeThrough(new DecompressionStream('gzip')), { status: response.status });
  };
}

/**
 * Pagefind asks for a word's index chunk only once its wasm runs. The meta file (preloaded by
 * src/scripts/search.ts) maps each chunk to its words, and arrives before the wasm: read here, it
 * lets the query's chunks be fetched alongside the wasm. Pagefind then gets the same meta response
 * when it asks. Resolves once the preloads are added; any failure only leaves Pagefind to fetch
 * the chunks itself.
 */
async function preloadQueryChunks(metaHash: string, query: string): Promise<void> {
  const folder = `${BASE}pagefind/`;
  const url = address(`${folder}pagefind.${metaHash}.pf_meta`);
  const meta = window.fetch(url);
  // The copy for Pagefind is taken before this page reads the body (the order of these two
  // handlers); a failed fetch leaves Pagefind to fetch the file itself.
  const forPagefind = meta.then((response) => response.clone());
  forPagefind.catch(() => undefined);
  fetchedEarly.set(url, forPagefind);
  try {
    const bytes = new Uint8Array(await (await meta).arrayBuffer());
    for (const hash of chunksForQuery(query, indexChunks(bytes))) {
      addPreload(document, { rel: 'preload', href: `${folder}index/${hash}.pf_index` });
    }
  } catch {
    // Pagefind fetches the chunks itself, as without this step.
  }
}

/**
 * Imports and starts Pagefind; its own fetches find the preloaded files already on their way.
 * Without a native decompressor (browsers before 2023) Pagefind is left to itself.
 */
const load = async (metaHash: string | undefined, query: string): Promise<Pagefind> => {
  if (typeof DecompressionStream !== 'undefined') {
    wrapFetch();
    if (metaHash && query) void preloadQueryChunks(metaHash, query);
  }
  const pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
  // The index stores URLs relative to the site root; the base path is added here. No worker:
  // it would download a second copy of the search code, and the build does not ship it. The meta
  // hash as cache tag makes the entry file's address known in advance (and cacheable per index).
  await pagefind.options({ baseUrl: BASE, excerptLength: 24, noWorker: true, ...(metaHash ? { metaCacheTag: metaHash } : {}) });
  await pagefind.init();
  return pagefind;
};

/** Whether any of the form's controls differs from what the page was served with. */
function isTouched(...controls: (HTMLInputElement | HTMLSelectElement)[]): boolean {
  return controls.some((control) =>
    control instanceof HTMLSelectElement
      ? control.selectedIndex !== Math.max(0, [...control.options].findIndex((option) => option.defaultSelected))
      : control.value !== control.defaultValue,
  );
}

/**
 * Takes the search form over from src/scripts/search.ts, which imports this module once search is
 * used, and runs the search the form now holds (the address's query, or what was typed meanwhile).
 */
export function mount(): void {
  const form = document.querySelector<HTMLFormElement>('#sokformular');
  const output = document.querySelector<HTMLElement>('[data-search-output]');
  const field = document.querySelector<HTMLInputElement>('#sokord');
  const typeSelect = document.querySelector<HTMLSelectElement>('#soktyp');
  const yearSelect = document.querySelector<HTMLSelectElement>('#sokar');
  const sortSelect = document.querySelector<HTMLSelectElement>('#sokordning');
  const status = document.querySelector<HTMLElement>('#sokstatus');
  const list = document.querySelector<HTMLOListElement>('#soktraffar');
  const more = document.querySelector<HTMLButtonElement>('#sokfler');
  if (!form || !output || !field || !typeSelect || !yearSelect || !sortSelect || !status || !list || !more) return;

  const strings = JSON.parse(output.dataset.strings ?? '{}') as SearchStrings;
  let state = readState(new URLSearchParams(location.search));
  let results: PagefindResponse['results'] = [];
  let shown = 0;
  let generation = 0;

  /** Changes the live region only when its text changes, so nothing is read out twice. */
  const say = (text: string) => {
    if (status.textContent !== text) status.textContent = text;
  };

  const showForm = (value: SearchState) => {
    field.value = value.query;
    typeSelect.value = value.type;
    yearSelect.value = value.year;
    sortSelect.value = effectiveSort(value);
  };

  /** The order picked in the list, once the visitor has picked one. */
  const chosenSort = (): SortOrder => (sortSelect.value === 'nyast' ? 'nyast' : 'relevans');

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

  // What the visitor typed or chose before this module arrived wins over the address; an untouched
  // form shows the address's values. Values the form cannot show (an unknown year in a shared link)
  // are dropped, so what runs is what is seen.
  if (isTouched(field, typeSelect, yearSelect, sortSelect)) {
    if (isTouched(sortSelect)) state = { ...state, sort: chosenSort() };
  } else {
    showForm(state);
  }
  state = readForm();
  sortSelect.value = effectiveSort(state);
  remember();

  let loading: Promise<Pagefind> | undefined;
  let ready = false;
  let failed = false;
  const engine = (): Promise<Pagefind> => {
    if (!loading) {
      loading = load(output.dataset.searchMeta, state.query);
      loading.then(
        () => (ready = true),
        (error: unknown) => {
          failed = true;
          console.error(error);
        },
      );
    }
    return loading;
  };

  /** A search or a page of results that could not be loaded: said once, if it is still current. */
  const fail = (current: number, error: unknown) => {
    console.error(error);
    if (current === generation) say(strings.loadError);
  };

  const run = async (debounce: boolean) => {
    const current = ++generation;
    if (isBlank(state)) {
      clear();
      say(strings.prompt);
      return;
    }
    try {
      // Once loading has failed, the error stays up rather than alternating with "loading".
      if (!ready && !failed) say(strings.loading);
      const pagefind = await engine();
      if (current !== generation) return;
      const term = state.query === '' ? null : state.query;
      const options = searchOptions(state);
      const response = debounce ? await pagefind.debouncedSearch(term, options) : await pagefind.search(term, options);
      if (response === null || current !== generation) return;
      const unsorted = options.sort ? await pagefind.search(term, { filters: options.filters }) : undefined;
      if (current !== generation) return;
      clear();
      results = unsorted ? withUndated(response.results, unsorted.results) : response.results;
      await showMore(current, false);
      if (current === generation) say(countText(strings, results.length, state.query));
    } catch (error) {
      fail(current, error);
    }
  };

  /**
   * Renders the next page of results; moves focus to the first new one when asked to. Their
   * fragments are fetched side by side, and the first result is shown as soon as its own has
   * arrived: on a slow line it is the page's largest paint, and need not wait for the other nine.
   * The page is counted as shown at once, so a second click meanwhile asks for the next one.
   */
  const showMore = async (current: number, focusFirst: boolean) => {
    const batch = results.slice(shown, shown + PAGE_SIZE).map((result) => result.data());
    shown += batch.length;
    more.hidden = true;
    const [first, ...rest] = batch;
    if (!first) return;
    // Settled even when this page is left early (a newer search), so no failure goes unheard.
    const others = Promise.all(rest);
    others.catch(() => undefined);
    const firstItem = renderResult(await first);
    if (current !== generation) return;
    list.append(firstItem);
    if (focusFirst) firstItem.querySelector('a')?.focus();
    const otherItems = (await others).map(renderResult);
    if (current !== generation) return;
    list.append(...otherItems);
    more.hidden = shown >= results.length;
  };

  const update = (debounce: boolean) => {
    state = readForm();
    sortSelect.value = effectiveSort(state);
    remember();
    void run(debounce);
  };

  // Start fetching while the visitor types the first word (the focus may be what brought this module).
  const warmUp = () => void engine().catch(() => undefined);
  if (document.activeElement === field) warmUp();
  else field.addEventListener('focus', warmUp, { once: true });
  field.addEventListener('input', () => update(true));
  typeSelect.addEventListener('change', () => update(false));
  yearSelect.addEventListener('change', () => update(false));
  sortSelect.addEventListener('change', () => {
    state = { ...readForm(), sort: chosenSort() };
    remember();
    void run(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(false);
  });
  more.addEventListener('click', () => {
    const current = generation;
    showMore(current, true).catch((error: unknown) => fail(current, error));
  });
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
