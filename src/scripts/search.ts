/**
 * The search page's first script, all an empty visit to /sok/ loads. The page itself
 * (src/scripts/search-page.ts) and Pagefind are fetched only once search is used: a query in the
 * address, or focus, typing or a choice in the form. With a query in the address, Pagefind's
 * start-up files are asked for here, before anything else (docs/search.md, "The search page on a
 * phone"), while the page module arrives alongside them.
 */
import { addPreload, pagefindPreloads } from './search-preload.ts';
import type { SearchStrings } from './search-results.ts';
import { isBlank, readState } from './search-state.ts';

const BASE = import.meta.env.BASE_URL;

const form = document.querySelector<HTMLFormElement>('#sokformular');
const output = document.querySelector<HTMLElement>('[data-search-output]');
const status = document.querySelector<HTMLElement>('#sokstatus');

if (form && output && status) {
  const strings = JSON.parse(output.dataset.strings ?? '{}') as Partial<SearchStrings>;
  const initial = readState(new URLSearchParams(location.search));

  let page: Promise<void> | undefined;
  const start = () => {
    page ??= import('./search-page.ts')
      .then((module) => module.mount())
      .catch((error: unknown) => {
        console.error(error);
        status.textContent = strings.loadError ?? '';
        // The next use of the form tries again.
        page = undefined;
      });
  };

  if (isBlank(initial)) {
    status.textContent = strings.prompt ?? '';
  } else {
    status.textContent = strings.loading ?? '';
    // The page module first: it is small, and its request then never waits behind the wasm's.
    start();
    const hints = { meta: output.dataset.searchMeta, wasm: output.dataset.searchWasm };
    for (const preload of pagefindPreloads(BASE, hints)) addPreload(document, preload);
  }

  // Whatever happens before the page module has arrived is not lost: it reads the form as it then is.
  form.addEventListener('focusin', start);
  form.addEventListener('input', start);
  form.addEventListener('change', start);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start();
  });
}
