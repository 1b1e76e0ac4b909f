import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunksForQuery, indexChunks } from '../../src/lib/formats/pagefind-meta.ts';
import { builtSite } from '../support/build.ts';
import { builtPages, type BuiltPage } from '../support/pages.ts';

/** One indexed page as Pagefind stores it: a gzipped fragment behind a fixed signature. */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const SIGNATURE = 'pagefind_dcd';

/** Reads the index independently of Pagefind's own code: gunzip, check the signature, parse JSON. */
async function readFragments(dist: string): Promise<Fragment[]> {
  const folder = path.join(dist, 'pagefind', 'fragment');
  const files = (await readdir(folder)).filter((file) => file.endsWith('.pf_fragment'));
  return Promise.all(
    files.map(async (file) => {
      const raw = gunzipSync(await readFile(path.join(folder, file)));
      expect(raw.subarray(0, SIGNATURE.length).toString()).toBe(SIGNATURE);
      return JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as Fragment;
    }),
  );
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

describe('search index of the root build', () => {
  const dist = builtSite('default');
  let pages: BuiltPage[];
  let fragments: Fragment[];
  const html = new Map<string, string>();

  beforeAll(async () => {
    pages = await builtPages(dist);
    fragments = await readFragments(dist);
    for (const page of pages) html.set(page.route, await readFile(path.join(dist, page.file), 'utf8'));
  });

  it('is one Swedish index', async () => {
    const entry = JSON.parse(await readFile(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['sv']);
    expect(entry.languages.sv?.page_count).toBe(fragments.length);
  });

  it('holds exactly the pages marked data-pagefind-body, never 404, the search page or release lists', () => {
    const marked = pages.filter((page) => load(html.get(page.route) ?? '')('[data-pagefind-body]').length === 1);
    const expected = marked.map((page) => `/${page.route}`).sort();
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(expected);
    expect(expected).toContain('/program/');
    expect(expected).toContain('/talare/');
    expect(expected.some((url) => /^\/pressmeddelanden\/[^/]+\/$/.test(url))).toBe(true);
    for (const excluded of ['/404.html', '/sok/', '/pressmeddelanden/']) expect(expected).not.toContain(excluded);
    // The attribute sits on <main> only: header and footer are outside what gets indexed.
    for (const page of marked) expect(load(html.get(page.route) ?? '')('[data-pagefind-body]').is('main')).toBe(true);
  });

  it('holds no word that appears only outside the indexed <main> elements (header, footer, navigation)', () => {
    const inside = new Set<string>();
    const outside = new Set<string>();
    for (const source of html.values()) {
      const $ = load(source);
      for (const word of words($('main[data-pagefind-body]').text())) inside.add(word);
      $('main, script, style, head').remove();
      for (const word of words($('body').text())) outside.add(word);
    }
    const onlyOutside = [...outside].filter((word) => !inside.has(word));
    // The footer's feed link is the case the browser suite searches for.
    expect(onlyOutside).toEqual(expect.arrayContaining(['rss', 'flöde']));
    const indexed = new Set(fragments.flatMap((fragment) => [...words(fragment.content)]));
    expect(onlyOutside.filter((word) => indexed.has(word))).toEqual([]);
  });

  it('indexes people on /kontakt/, not in the contact and "about" boxes repeated under every release', () => {
    const contactPage = fragments.find((fragment) => fragment.url === '/kontakt/');
    expect(contactPage?.content).toContain('Klara Bolinder');
    const releases = fragments.filter((fragment) => /^\/pressmeddelanden\/[^/]+\/$/.test(fragment.url));
    expect(releases.length).toBeGreaterThan(0);
    for (const fragment of releases) {
      const $ = load(html.get(fragment.url.slice(1)) ?? '');
      // The page shows both boxes; the index holds neither.
      expect($('#kontaktpersoner').text()).toBe('Kontaktpersoner');
      expect($('main').text()).toContain('Klara Bolinder');
      expect($('main').text()).toContain('riksdagens och regeringens länk');
      expect(fragment.content).not.toContain('Klara Bolinder');
      expect(fragment.content).not.toContain('riksdagens och regeringens länk');
      expect(fragment.content).toContain('Selma Spa');
    }
  });

  it('tags every press release with type, year, title and date as its page shows them', () => {
    const releases = fragments.filter((fragment) => /^\/pressmeddelanden\/[^/]+\/$/.test(fragment.url));
    expect(releases.length).toBeGreaterThan(0);
    for (const fragment of releases) {
      const $ = load(html.get(fragment.url.slice(1)) ?? '');
      const datetime = $('main article time').first().attr('datetime') ?? '';
      expect(fragment.filters.typ).toEqual(['pressmeddelande']);
      expect(fragment.filters['år']).toEqual([datetime.slice(0, 4)]);
      expect(fragment.meta.title).toBe($('main h1').text().trim());
      expect(fragment.meta.date).toBe(datetime);
      expect(fragment.meta.datum).toBe($('main article time').first().text().trim());
    }
    expect(fragments.find((fragment) => fragment.url === '/program/')?.filters.typ).toEqual(['program']);
    expect(fragments.find((fragment) => fragment.url === '/talare/')?.filters.typ).toEqual(['talare']);
  });

  it('ships only what the search page loads: no Pagefind UI bundles, no worker', async () => {
    const files = await readdir(path.join(dist, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.sv.pagefind', 'pagefind-entry.json']));
    expect(files.filter((file) => /ui|highlight|worker|unknown/.test(file))).toEqual([]);
  });

  it('has JavaScript on the search page only, always as an external same-origin file', async () => {
    const executable = (type: string | undefined) => !type || type === 'module' || type === 'text/javascript';
    for (const [route, source] of html) {
      const $ = load(source);
      const scripts = $('script').toArray().filter((element) => executable($(element).attr('type')));
      for (const element of scripts) {
        const src = $(element).attr('src');
        expect(src, `inline script on /${route}`).toBeTruthy();
        expect(src).toMatch(/^\/_astro\/[^/]+\.js$/);
        expect((await stat(path.join(dist, src ?? ''))).isFile()).toBe(true);
      }
      expect(scripts.length, `/${route}`).toBe(route === 'sok/' ? 1 : 0);
      // Event-handler attributes would be inline script too.
      const handlers = $('*')
        .toArray()
        .flatMap((element) => ('attribs' in element ? Object.keys(element.attribs) : []))
        .filter((name) => /^on[a-z]+$/.test(name));
      expect(handlers, `/${route}`).toEqual([]);
    }
  });
  it("names the index's hashed files on /sok/ only, for its early start; no other page or stylesheet mentions Pagefind", async () => {
    const entry = JSON.parse(await readFile(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string }>;
    };
    const $ = load(html.get('sok/') ?? '');
    const output = $('[data-search-output]');
    expect(output.attr('data-search-meta')).toBe(entry.languages.sv?.hash);
    expect(output.attr('data-search-wasm')).toBe(entry.languages.sv?.wasm);
    // The named files exist: the page's preloads would otherwise fetch 404s.
    for (const file of [`pagefind.${output.attr('data-search-meta')}.pf_meta`, `wasm.${output.attr('data-search-wasm')}.pagefind`]) {
      expect((await stat(path.join(dist, 'pagefind', file))).isFile(), file).toBe(true);
    }
    // Two short names whatever the index's size: no table that grows with the site.
    expect(Object.keys(output.attr() ?? {}).filter((name) => name.startsWith('data-search-')).sort()).toEqual([
      'data-search-meta',
      'data-search-output',
      'data-search-wasm',
    ]);
    // The page reads the chunks' word ranges from the meta file in the browser; here, the seed's
    // word falls in a chunk that exists.
    const meta = gunzipSync(await readFile(path.join(dist, 'pagefind', `pagefind.${output.attr('data-search-meta')}.pf_meta`)));
    const [chunk] = chunksForQuery('sugardating', indexChunks(meta));
    expect((await stat(path.join(dist, 'pagefind', 'index', `${chunk}.pf_index`))).isFile()).toBe(true);
    // The preloads are made by the page's own script, only when a query is in the address: no
    // <link rel=preload> in the markup, so an empty visit fetches nothing of Pagefind.
    expect($('link[rel="preload"], link[rel="modulepreload"]').length).toBe(0);
    const script = await readFile(path.join(dist, $('script[src]').attr('src') ?? ''), 'utf8');
    expect(script).toMatch(/modulepreload/);
    // The first script is all an empty visit loads: the results' code (the native inflater, the
    // meta reader, the result list) is in the module it imports once search is used.
    expect(script).not.toMatch(/DecompressionStream|pagefind_dcd|search-result/);
    const [pageModule] = script.match(/search-page\.[\w-]+\.js/) ?? [];
    const rest = await readFile(path.join(dist, '_astro', pageModule ?? 'missing'), 'utf8');
    expect(rest).toMatch(/DecompressionStream/);
    expect(rest).toMatch(/pagefind_dcd/);
    for (const [route, source] of html) {
      if (route === 'sok/') continue;
      expect(source, `/${route}`).not.toMatch(/pagefind\/|data-search-(meta|wasm|output)|modulepreload|rel="preload"/);
    }
    const stylesheets = (await readdir(path.join(dist, '_astro'))).filter((file) => file.endsWith('.css'));
    for (const file of stylesheets) expect(await readFile(path.join(dist, '_astro', file), 'utf8')).not.toMatch(/pagefind\//);
  });
});

describe('search index of the build under /konferens/', () => {
  it('stores the same root-relative URLs; the search page adds the base in the browser', async () => {
    const [root, based] = await Promise.all([readFragments(builtSite('default')), readFragments(builtSite('base'))]);
    expect(based.map((fragment) => fragment.url).sort()).toEqual(root.map((fragment) => fragment.url).sort());
    const $ = load(await readFile(path.join(builtSite('base'), 'sok', 'index.html'), 'utf8'));
    expect($('script[src]').attr('src')).toMatch(/^\/konferens\/_astro\//);
    expect((await stat(path.join(builtSite('base'), 'pagefind', 'pagefind.js'))).isFile()).toBe(true);
  });
});
