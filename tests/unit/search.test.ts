import { describe, expect, it } from 'vitest';
import { searchAttributes, searchYears, withPagefindHints } from '../../src/lib/content/search.ts';
import { pagefindPreloads } from '../../src/scripts/search-preload.ts';
import { countText, isPagefindGzip, withUndated, type SearchStrings } from '../../src/scripts/search-results.ts';
import { effectiveSort, isBlank, readState, searchOptions, toParams } from '../../src/scripts/search-state.ts';

const strings: SearchStrings = {
  types: {},
  page: 'Sida',
  prompt: '',
  loading: '',
  loadError: '',
  countOne: '1 träff för ”{query}”.',
  countMany: '{count} träffar för ”{query}”.',
  countNone: 'Inga träffar för ”{query}”.',
  countOneAll: '1 träff.',
  countManyAll: '{count} träffar.',
  countNoneAll: 'Inga träffar.',
};

describe('searchAttributes', () => {
  it('tags a release with its Swedish year, local ISO date and a UTC sort key', () => {
    // 23:30 UTC on New Year's Eve is already the next year in Stockholm.
    const attributes = searchAttributes({
      type: 'pressmeddelande',
      date: new Date('2019-12-31T23:30:00Z'),
      dateLabel: '1 januari 2020 kl. 00.30',
      timeZone: 'Europe/Stockholm',
    });
    expect(attributes['data-search-year']).toBe('2020');
    expect(attributes['data-search-date']).toBe('2020-01-01T00:30:00+01:00');
    expect(attributes['data-search-sort']).toBe('2019-12-31T23:30:00.000Z');
    expect(attributes['data-pagefind-filter']).toBe('typ[data-search-type], år[data-search-year]');
  });
});

describe('searchYears', () => {
  it('lists each year once, newest first', () => {
    const zone = 'Europe/Stockholm';
    const dates = ['2019-09-23T12:00:00Z', '2021-01-01T12:00:00Z', '2019-09-25T09:00:00Z'].map((iso) => ({ date: new Date(iso), timeZone: zone }));
    expect(searchYears(dates)).toEqual(['2021', '2019']);
  });
});

describe('search state', () => {
  it('reads and writes the address, leaving out empty fields', () => {
    const state = readState(new URLSearchParams('q=%20H%C3%A4ggstr%C3%B6m%20&typ=talare&ordning=bogus'));
    expect(state).toEqual({ query: 'Häggström', type: 'talare', year: '', sort: '' });
    expect(toParams(state).toString()).toBe('q=H%C3%A4ggstr%C3%B6m&typ=talare');
  });

  it('lists press releases newest first unless the visitor chose an order', () => {
    const base = { query: '', type: 'pressmeddelande', year: '', sort: '' } as const;
    expect(effectiveSort(base)).toBe('nyast');
    expect(searchOptions(base)).toEqual({ filters: { typ: 'pressmeddelande' }, sort: { date: 'desc' } });
    expect(searchOptions({ ...base, sort: 'relevans' })).toEqual({ filters: { typ: 'pressmeddelande' } });
    expect(searchOptions({ ...base, type: '', year: '2019' })).toEqual({ filters: { år: '2019' } });
    expect(isBlank({ ...base, type: '' })).toBe(true);
  });

  it('keeps undated hits after the dated ones instead of dropping them', () => {
    const sorted = [{ id: 'b' }, { id: 'a' }];
    const relevance = [{ id: 'c' }, { id: 'a' }, { id: 'b' }, { id: 'd' }];
    expect(withUndated(sorted, relevance).map((hit) => hit.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('countText', () => {
  it('uses Swedish singular and plural', () => {
    expect(countText(strings, 0, 'x')).toBe('Inga träffar för ”x”.');
    expect(countText(strings, 1, 'x')).toBe('1 träff för ”x”.');
    expect(countText(strings, 12, 'x')).toBe('12 träffar för ”x”.');
    expect(countText(strings, 2, '')).toBe('2 träffar.');
  });
});

describe('early start of Pagefind on /sok/?q=', () => {
  const entry = { languages: { sv: { hash: 'sv_696caa6c1c', wasm: 'sv' } } };

  it('preloads pagefind.js, the entry file with the meta hash as cache tag, meta and wasm', () => {
    expect(pagefindPreloads('/konferens/', { meta: 'sv_696caa6c1c', wasm: 'sv' })).toEqual([
      { rel: 'modulepreload', href: '/konferens/pagefind/pagefind.js' },
      { rel: 'preload', href: '/konferens/pagefind/pagefind-entry.json?ts=sv_696caa6c1c' },
      { rel: 'preload', href: '/konferens/pagefind/pagefind.sv_696caa6c1c.pf_meta' },
      { rel: 'preload', href: '/konferens/pagefind/wasm.sv.pagefind' },
    ]);
  });

  it('preloads only pagefind.js without hints (dev server) or with names that are no file names', () => {
    const onlyScript = [{ rel: 'modulepreload', href: '/pagefind/pagefind.js' }];
    expect(pagefindPreloads('/', {})).toEqual(onlyScript);
    expect(pagefindPreloads('/', { meta: '../x"', wasm: 'sv/..' })).toEqual(onlyScript);
  });

  it("writes the index's names onto the search page's output element", () => {
    const html = '<div data-search-output data-strings="{}"></div>';
    expect(withPagefindHints(html, entry)).toBe(
      '<div data-search-output data-search-meta="sv_696caa6c1c" data-search-wasm="sv" data-strings="{}"></div>',
    );
  });

  it('refuses a page without the element, with two of them, or odd names from the index', () => {
    expect(() => withPagefindHints('<div></div>', entry)).toThrow(/data-search-output/);
    expect(() => withPagefindHints('<i data-search-output ></i><i data-search-output ></i>', entry)).toThrow(/data-search-output/);
    expect(() => withPagefindHints('<i data-search-output ></i>', { languages: { sv: { hash: 'a"b', wasm: 'sv' } } })).toThrow(/filnamn/);
    expect(() => withPagefindHints('<i data-search-output ></i>', { languages: {} })).toThrow(/språk/);
  });
});

describe('isPagefindGzip', () => {
  const origin = 'https://example.github.io';
  it("picks Pagefind's own gzip files below the base path", () => {
    for (const file of ['wasm.sv.pagefind', 'pagefind.sv_1.pf_meta', 'index/sv_1.pf_index', 'filter/sv_1.pf_filter', 'fragment/sv_1.pf_fragment']) {
      expect(isPagefindGzip(`${origin}/konferens/pagefind/${file}`, '/konferens/', origin), file).toBe(true);
    }
  });
  it('leaves the entry file, the script, other folders and other origins alone', () => {
    expect(isPagefindGzip(`${origin}/konferens/pagefind/pagefind-entry.json?ts=sv_1`, '/konferens/', origin)).toBe(false);
    expect(isPagefindGzip(`${origin}/konferens/pagefind/pagefind.js`, '/konferens/', origin)).toBe(false);
    expect(isPagefindGzip(`${origin}/pagefind/wasm.sv.pagefind`, '/konferens/', origin)).toBe(false);
    expect(isPagefindGzip('https://other.example/konferens/pagefind/wasm.sv.pagefind', '/konferens/', origin)).toBe(false);
  });
});
