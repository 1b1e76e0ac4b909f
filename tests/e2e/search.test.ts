import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { openSite, WCAG_TAGS, type E2eSite } from '../support/e2e.ts';
import { builtPages } from '../support/pages.ts';

/** The policy the site is meant to run under; enforced here too, so the test does not depend on `_headers`. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Hit {
  url: string;
  title: string;
  meta: string;
  marks: string[];
  datetime: string | null;
}

/** Waits until the live region reports a result count, then reads the rendered results. */
async function results(page: Page, query?: string): Promise<{ status: string; hits: Hit[] }> {
  await page.waitForFunction(
    (expected) => {
      const text = document.querySelector('#sokstatus')?.textContent ?? '';
      return /träff/.test(text) && (expected === null || text.includes(`”${expected}”`));
    },
    query ?? null,
  );
  const status = (await page.locator('#sokstatus').textContent()) ?? '';
  const hits = await page.locator('#soktraffar > li').evaluateAll((items) =>
    items.map((item) => ({
      url: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      title: item.querySelector('h2')?.textContent ?? '',
      meta: item.querySelector('.meta')?.textContent ?? '',
      // Pagefind marks whole tokens, punctuation included ("”sugardating”,"): keep the word only.
      marks: [...item.querySelectorAll('mark')].map((mark) => (mark.textContent ?? '').replace(/[^\p{L}\p{N}]/gu, '')),
      datetime: item.querySelector('time')?.getAttribute('datetime') ?? null,
    })),
  );
  return { status, hits };
}

/** Text of every indexed <main>, by URL path, read from the built HTML. */
async function indexedMainTexts(dist: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const { file, route } of await builtPages(dist)) {
    const main = load(await readFile(`${dist}/${file}`, 'utf8'))('main[data-pagefind-body]');
    if (main.length > 0) texts.set(`/${route}`, main.text());
  }
  return texts;
}

/** A context that enforces the strict CSP on every response and records every request and error. */
async function strictContext(site: E2eSite): Promise<{ context: BrowserContext; requests: string[]; errors: string[] }> {
  const context = await site.browser.newContext();
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    requests.push(route.request().url());
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
    } catch (error) {
      // A request still in flight when its page navigates away or the context closes; anything else fails.
      if (!/disposed|closed|detached/i.test(String(error))) throw error;
    }
  });
  context.on('weberror', (error) => errors.push(error.error().message));
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  return { context, requests, errors };
}

describe('search page on the root build', () => {
  let site: E2eSite;
  let context: BrowserContext;
  let requests: string[];
  let errors: string[];
  let page: Page;

  beforeAll(async () => {
    site = await openSite('default');
    ({ context, requests, errors } = await strictContext(site));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  it('finds the press release first for "sugardating", with the term highlighted', async () => {
    await page.goto(site.url('sok/?q=sugardating'));
    const { status, hits } = await results(page, 'sugardating');
    expect(status).toMatch(/^\d+ träff(ar)? för ”sugardating”\.$/);
    expect(hits[0]?.url).toMatch(/^\/pressmeddelanden\/[^/]+\/$/);
    expect(hits[0]?.meta).toMatch(/^Pressmeddelande, \d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}\.\d{2}$/);
    expect(hits[0]?.datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(hits[0]?.marks.map((mark) => mark.toLowerCase())).toContain('sugardating');
    // The search field shows what the address asked for.
    expect(await page.locator('#sokord').inputValue()).toBe('sugardating');
  });

  it('finds the speakers page and the programme for "Häggström"', async () => {
    await page.goto(site.url(`sok/?q=${encodeURIComponent('Häggström')}`));
    const { hits } = await results(page, 'Häggström');
    const urls = hits.map((hit) => hit.url);
    expect(urls).toContain('/talare/');
    expect(urls).toContain('/program/');
    expect(hits.find((hit) => hit.url === '/talare/')?.meta).toMatch(/^Föreläsare, /);
    expect(hits.find((hit) => hit.url === '/program/')?.meta).toMatch(/^Program, /);
    for (const hit of hits) expect(hit.marks).toContain('Häggström');
  });

  it('stems Swedish: "konferensen" finds every page with the word "konferens"', async () => {
    const mains = await indexedMainTexts(site.dist);
    const hasWord = (text: string, word: string) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test(text);
    const withBareWord = [...mains].filter(([, text]) => hasWord(text, 'konferens')).map(([url]) => url);
    expect(withBareWord.length).toBeGreaterThan(0);
    await page.goto(site.url('sok/?q=konferensen'));
    const { hits } = await results(page, 'konferensen');
    expect(hits.map((hit) => hit.url)).toEqual(expect.arrayContaining(withBareWord));
    // A form the site never uses still finds pages through its stem.
    expect([...mains.values()].some((text) => hasWord(text, 'konferenserna'))).toBe(false);
    await page.goto(site.url('sok/?q=konferenserna'));
    expect((await results(page, 'konferenserna')).hits.length).toBeGreaterThan(0);
  });

  it('finds nothing for a word that only the footer holds', async () => {
    await page.goto(site.url('sok/?q=RSS-flöde'));
    const { status, hits } = await results(page, 'RSS-flöde');
    expect(status).toBe('Inga träffar för ”RSS-flöde”.');
    expect(hits).toEqual([]);
    // The word really is in the footer of the page the search ran on.
    expect(await page.locator('footer').textContent()).toContain('RSS-flöde');
  });

  it('refines while typing, without reloading, and keeps the address in step', async () => {
    await page.goto(site.url('sok/?q=sugardating'));
    await results(page, 'sugardating');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.locator('#sokord').fill('');
    await page.locator('#sokord').pressSequentially('Schyberg');
    const { hits } = await results(page, 'Schyberg');
    expect(hits.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Schyberg');
  });

  it('filters by type and year, and lists press releases newest first', async () => {
    await page.goto(site.url('sok/?q=Häggström'));
    await results(page, 'Häggström');
    await page.locator('#soktyp').selectOption('talare');
    await page.waitForFunction(() => document.querySelectorAll('#soktraffar > li').length === 1);
    const { hits } = await results(page, 'Häggström');
    expect(hits.map((hit) => hit.url)).toEqual(['/talare/']);

    await page.goto(site.url('sok/?typ=pressmeddelande'));
    const releases = await results(page);
    expect(releases.hits.length).toBeGreaterThan(0);
    expect(releases.hits.every((hit) => hit.meta.startsWith('Pressmeddelande'))).toBe(true);
    expect(await page.locator('#sokordning').inputValue()).toBe('nyast');
    const dates = releases.hits.map((hit) => Date.parse(hit.datetime ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    // Only dated pages carry a year: the home page and the contact page drop out.
    await page.goto(site.url('sok/?q=konferens'));
    const all = await results(page, 'konferens');
    await page.goto(site.url('sok/?q=konferens&ar=2019'));
    const year = await results(page, 'konferens');
    expect(all.hits.map((hit) => hit.url)).toContain('/kontakt/');
    expect(year.hits.length).toBeGreaterThan(0);
    expect(year.hits.length).toBeLessThan(all.hits.length);
    expect(year.hits.every((hit) => /\d{4}/.test(hit.meta))).toBe(true);
    expect(await page.locator('#sokar').inputValue()).toBe('2019');
  });

  it('works from the plain GET form in the site header', async () => {
    await page.goto(site.url(''));
    await page.locator('#sitesok').fill('sugardating');
    await page.locator('#sitesok').press('Enter');
    await page.waitForURL(/\/sok\/\?q=sugardating$/);
    const { hits } = await results(page, 'sugardating');
    expect(hits[0]?.url).toMatch(/^\/pressmeddelanden\//);
  });

  it('can be used with the keyboard alone, with visible focus', async () => {
    await page.goto(site.url('sok/'));
    await expect.poll(() => page.locator('#sokstatus').textContent()).toBe('Skriv ett sökord eller välj en typ av sida.');
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 30 && (await focusedId()) !== 'sokord'; presses += 1) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sokord');
    await page.keyboard.type('sugardating');
    await page.keyboard.press('Enter');
    await results(page, 'sugardating');
    const inResults = () => page.evaluate(() => Boolean(document.activeElement?.closest('#soktraffar')));
    for (let presses = 0; presses < 10 && !(await inResults()); presses += 1) await page.keyboard.press('Tab');
    expect(await inResults()).toBe(true);
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { visible: element.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focus.visible).toBe(true);
    expect(focus.outline).not.toBe('none');
    expect(focus.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/pressmeddelanden\/[^/]+\/$/);
  });

  it('requests nothing from other origins and breaks no rule of the strict CSP', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(site.server.origin))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has no axe violations (WCAG 2.1 A and AA) with results shown, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as an inline script, which the site's own CSP rightly refuses.
      const axeContext = await site.browser.newContext({ bypassCSP: true, colorScheme });
      const axePage = await axeContext.newPage();
      try {
        await axePage.goto(site.url('sok/?q=Häggström'));
        await results(axePage, 'Häggström');
        await axePage.addScriptTag({ content: axeSource });
        const report = await axePage.evaluate(
          (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
          WCAG_TAGS,
        );
        const violations = (report as AxeResults).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(violations, colorScheme).toEqual([]);
        expect((report as AxeResults).passes.length).toBeGreaterThan(5);
      } finally {
        await axeContext.close();
      }
    }
  });

  it('explains that search needs JavaScript when it is off', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const noJsPage = await noJs.newPage();
      await noJsPage.goto(site.url('sok/?q=sugardating'));
      const notice = noJsPage.locator('main noscript p');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/^Sökningen behöver JavaScript\./);
    } finally {
      await noJs.close();
    }
  });

  it('downloads at most 150 KiB, uncompressed, for a first search', async () => {
    const fresh = await site.browser.newContext();
    const bodies: Promise<number>[] = [];
    try {
      const first = await fresh.newPage();
      // Sizes as received: the page streams Pagefind's files through a DecompressionStream, and
      // Playwright keeps no body of a response consumed as a stream.
      first.on('requestfinished', (request) => bodies.push(request.sizes().then((sizes) => sizes.responseBodySize, () => 0)));
      await first.goto(site.url('sok/?q=sugardating'));
      await results(first, 'sugardating');
      await first.waitForLoadState('networkidle');
      const bytes = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
      expect(bodies.length).toBeGreaterThan(5);
      // The wasm alone is 56 KiB: a count below that has missed bodies, not saved bytes.
      expect(bytes).toBeGreaterThan(60 * 1024);
      expect(bytes).toBeLessThanOrEqual(150 * 1024);
    } finally {
      await fresh.close();
    }
  });

  it('fetches nothing of Pagefind until search is used, then finds as usual', async () => {
    const fresh = await site.browser.newContext();
    const fetched: string[] = [];
    const scripts: string[] = [];
    try {
      const visit = await fresh.newPage();
      visit.on('request', (request) => {
        if (request.url().includes('/pagefind/')) fetched.push(request.url());
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await visit.goto(site.url('sok/'), { waitUntil: 'networkidle' });
      expect(await visit.locator('#sokstatus').textContent()).toBe('Skriv ett sökord eller välj en typ av sida.');
      expect(fetched).toEqual([]);
      // Only the page's first script: the rest of the search page comes with the first use.
      expect(scripts).toHaveLength(1);
      // Focus alone starts Pagefind: the page module arrives, then asks for pagefind.js.
      const script = visit.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'));
      await visit.locator('#sokord').focus();
      await script;
      expect(fetched.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
      await visit.locator('#sokord').fill('sugardating');
      const { hits } = await results(visit, 'sugardating');
      expect(hits[0]?.url).toMatch(/^\/pressmeddelanden\/[^/]+\/$/);
    } finally {
      await fresh.close();
    }
  });

  it('keeps a sort order chosen before the rest of the search page has arrived', async () => {
    const fresh = await site.browser.newContext();
    try {
      const visit = await fresh.newPage();
      await visit.goto(site.url('sok/'), { waitUntil: 'networkidle' });
      let release = () => {};
      const chosen = new Promise<void>((resolve) => (release = resolve));
      await visit.route(/\/_astro\/search-page\.[^/]+\.js$/, async (route) => {
        await chosen;
        await route.continue();
      });
      await visit.locator('#sokordning').selectOption('nyast');
      await visit.locator('#soktyp').selectOption('pressmeddelande');
      release();
      await visit.waitForFunction(() => /träff/.test(document.querySelector('#sokstatus')?.textContent ?? ''));
      expect(await visit.locator('#sokordning').inputValue()).toBe('nyast');
      expect(new URL(visit.url()).searchParams.get('ordning')).toBe('nyast');
      expect(new URL(visit.url()).searchParams.get('typ')).toBe('pressmeddelande');
    } finally {
      await fresh.close();
    }
  });

  /**
   * Opens `/sok/?q=konferens` in a fresh context with every request matching `failing` cut off, and
   * waits until the page says search could not be loaded; `uncaught` collects errors nobody handled.
   */
  async function openFailing(failing: RegExp): Promise<{ visit: Page; uncaught: string[]; close: () => Promise<void> }> {
    const fresh = await site.browser.newContext();
    const uncaught: string[] = [];
    const visit = await fresh.newPage();
    visit.on('pageerror', (error) => uncaught.push(String(error)));
    await visit.route(failing, (route) => route.abort('connectionreset'));
    await visit.goto(site.url('sok/?q=konferens'));
    await visit.waitForFunction(() => /kunde inte laddas/.test(document.querySelector('#sokstatus')?.textContent ?? ''));
    return { visit, uncaught, close: () => fresh.close() };
  }

  it('says so in Swedish when the results cannot be loaded, and leaves nothing unhandled', async () => {
    const { visit, uncaught, close } = await openFailing(/\.pf_fragment$/);
    try {
      await visit.waitForLoadState('networkidle');
      expect(await visit.locator('.search-result').count()).toBe(0);
      expect(uncaught).toEqual([]);
    } finally {
      await close();
    }
  });

  it('when search itself cannot be loaded, says so once: typing on does not bring "loading" back', async () => {
    const { visit, uncaught, close } = await openFailing(/\/pagefind\/pagefind\.js$/);
    try {
      // Every text the live region shows from here on.
      await visit.evaluate(() => {
        const status = document.querySelector('#sokstatus')!;
        const seen: string[] = [];
        Object.assign(window, { seen });
        new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
      });
      await visit.locator('#sokord').fill('konferensen');
      await visit.locator('#sokord').press('Enter');
      await visit.waitForTimeout(500);
      const seen = await visit.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.filter((text) => /laddas …/.test(text))).toEqual([]);
      expect(await visit.locator('#sokstatus').textContent()).toMatch(/^Sökningen kunde inte laddas/);
      expect(uncaught).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows the first result as soon as its own fragment is in, before the others'", async () => {
    const fresh = await site.browser.newContext();
    try {
      const visit = await fresh.newPage();
      // The first fragment asked for (the first result's) comes at once, the others a second later.
      let fragments = 0;
      await visit.route(/\.pf_fragment$/, async (route) => {
        if (++fragments > 1) await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await visit.goto(site.url('sok/?q=konferens'));
      await visit.locator('.search-result').first().waitFor();
      expect(await visit.locator('.search-result').count()).toBe(1);
      const { hits } = await results(visit, 'konferens');
      expect(hits.length).toBeGreaterThan(1);
      expect(fragments).toBe(hits.length);
    } finally {
      await fresh.close();
    }
  });

  it('keeps what is typed before the rest of the search page has arrived', async () => {
    const fresh = await site.browser.newContext();
    try {
      const visit = await fresh.newPage();
      await visit.goto(site.url('sok/'), { waitUntil: 'networkidle' });
      // The page module is held back, as on a slow line, until the visitor has typed the word.
      let release = () => {};
      const typed = new Promise<void>((resolve) => (release = resolve));
      let arrived = false;
      await visit.route(/\/_astro\/search-page\.[^/]+\.js$/, async (route) => {
        await typed;
        arrived = true;
        await route.continue();
      });
      await visit.locator('#sokord').pressSequentially('sugardating', { delay: 20 });
      expect(arrived).toBe(false);
      release();
      const { hits } = await results(visit, 'sugardating');
      expect(arrived).toBe(true);
      expect(hits[0]?.url).toMatch(/^\/pressmeddelanden\/[^/]+\/$/);
      expect(new URL(visit.url()).searchParams.get('q')).toBe('sugardating');
    } finally {
      await fresh.close();
    }
  });

  it("with a query in the address, requests Pagefind's start-up files side by side, once each, and the query's chunk before the wasm is in", async () => {
    const fresh = await site.browser.newContext();
    // Requests and finished responses in the order the browser reported them.
    const events: string[] = [];
    const messages: string[] = [];
    const file = (url: string) => new URL(url).pathname.split('/pagefind/')[1];
    try {
      const visit = await fresh.newPage();
      // A slow line (150 ms per request, 0.8 Mbit/s) keeps the order of events apart even on a
      // busy machine: the 57 KB wasm takes about 0.7 s to arrive, the 1 KB meta file 0.15 s.
      const cdp = await fresh.newCDPSession(visit);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 100 * 1024, uploadThroughput: 90 * 1024 });
      visit.on('console', (message) => messages.push(message.text()));
      visit.on('request', (request) => {
        if (file(request.url())) events.push(`request ${file(request.url())}`);
      });
      visit.on('requestfinished', (request) => {
        if (file(request.url())) events.push(`finished ${file(request.url())}`);
      });
      visit.on('requestfailed', (request) => events.push(`failed ${request.url()} ${request.failure()?.errorText ?? ''}`));
      await visit.goto(site.url('sok/?q=sugardating'));
      const { hits } = await results(visit, 'sugardating');
      expect(hits[0]?.url).toMatch(/^\/pressmeddelanden\/[^/]+\/$/);
      await visit.waitForLoadState('networkidle');
      const requested = events.filter((event) => event.startsWith('request ')).map((event) => event.slice('request '.length));
      const meta = requested.find((name) => name.endsWith('.pf_meta')) ?? 'no meta file';
      const chunk = requested.find((name) => name.endsWith('.pf_index')) ?? 'no index chunk';
      const startUp = ['pagefind.js', 'pagefind-entry.json', meta, 'wasm.sv.pagefind'];
      expect(requested).toEqual(expect.arrayContaining([...startUp, chunk]));
      // Once each: pagefind.js's own fetches took the preloaded responses (and the meta file the
      // page had read) instead of fetching again.
      expect(requested.length).toBe(new Set(requested).size);
      // Side by side: the entry, meta and wasm were asked for before pagefind.js had even arrived
      // (without the preloads, pagefind.js asks for the entry only once it runs, then for the rest).
      const scriptDone = events.indexOf('finished pagefind.js');
      for (const name of startUp.slice(1)) expect(events.indexOf(`request ${name}`), name).toBeLessThan(scriptDone);
      // The query's chunk (whose name only the meta file tells) was asked for before the wasm was
      // in: Pagefind itself asks for it only once the wasm runs.
      expect(events.indexOf(`request ${chunk}`)).toBeLessThan(events.indexOf('finished wasm.sv.pagefind'));
      expect(messages.filter((text) => /preload/i.test(text))).toEqual([]);
      // Every request ran to its end: none was cut off by the page's own decompression.
      expect(events.filter((event) => event.startsWith('failed '))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('loads JavaScript on the search page only', async () => {
    const scripts: string[] = [];
    const probe = await site.browser.newPage();
    probe.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    try {
      for (const { route } of site.pages.filter((page) => page.route !== 'sok/')) {
        await probe.goto(site.url(route), { waitUntil: 'networkidle' });
      }
    } finally {
      await probe.close();
    }
    expect(site.pages.length).toBeGreaterThan(5);
    expect(scripts).toEqual([]);
  });
});

describe('search page on the build under /konferens/', () => {
  let site: E2eSite;
  beforeAll(async () => {
    site = await openSite('base');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('loads its index below the base path and links results there', async () => {
    const { context, requests, errors } = await strictContext(site);
    try {
      const page = await context.newPage();
      await page.goto(site.url('sok/?q=sugardating'));
      const { hits } = await results(page, 'sugardating');
      expect(hits[0]?.url).toMatch(/^\/konferens\/pressmeddelanden\/[^/]+\/$/);
      const index = requests.filter((url) => url.includes('/pagefind/'));
      expect(index.length).toBeGreaterThan(2);
      for (const url of index) expect(new URL(url).pathname).toMatch(/^\/konferens\/pagefind\//);
      await page.locator('#soktraffar a').first().click();
      await page.waitForURL(/\/konferens\/pressmeddelanden\/[^/]+\/$/);
      expect(await page.locator('h1').textContent()).toMatch(/Konferens om prostitution/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
