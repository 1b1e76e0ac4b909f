import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite, SHARED_BUILDS } from '../support/build.ts';
import { jsonLd, listFiles, loadHtml, text } from '../support/html.ts';

const dist = builtSite('default');
const SITE = SHARED_BUILDS.default.SITE_URL;
const RELEASE = 'pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/index.html';

const SPEAKERS = ['Simon Häggström', 'Mia Schyberg', 'Anna Sander', 'Josephine Appelqvist'];
const TALKS = [
  'Människohandel i Sverige idag – en rapport från verkligheten',
  'Lägesrapport från Värmland, Dalarna och Örebro län',
  'Att arbeta med kvinnor i prostitution och människohandel',
];
const CONTACTS = [
  { name: 'Isabel Persson', email: 'isabel.persson@lansstyrelsen.se', tel: 'tel:+46102247339', shown: '010-224 73 39' },
  { name: 'Elsie-Marie Björk', email: 'elsie-marie.bjork@lansstyrelsen.se', tel: 'tel:+46768481572', shown: '076-848 15 72' },
  { name: 'Klara Bolinder', email: 'klara.bolinder@lansstyrelsen.orebro', tel: 'tel:+46102248758', shown: '010-224 87 58' },
];
const DAY_ONE = 'onsdag 25 september 2019 kl. 11.00–16.30';
const DAY_TWO = 'torsdag 26 september 2019 kl. 08.30–13.00';

describe('every page', async () => {
  // The web editor's page (admin/) is no site page; tests/build/editor.test.ts covers it.
  const pages = (await listFiles(dist, '.html')).filter((page) => !page.startsWith('admin/'));

  it('includes every route of the site', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        '404.html',
        'index.html',
        'kontakt/index.html',
        'pressmeddelanden/index.html',
        RELEASE,
        'program/index.html',
        'talare/index.html',
        'tillganglighet/index.html',
      ]),
    );
  });

  it('is Swedish, with a unique title, description, canonical URL and Open Graph tags', async () => {
    const titles = new Set<string>();
    for (const page of pages) {
      const $ = await loadHtml(dist, page);
      expect($('html').attr('lang'), page).toBe('sv');
      const title = $('title').text();
      expect(titles.has(title), `${page} repeats the title "${title}"`).toBe(false);
      titles.add(title);
      expect($('meta[name="description"]').attr('content')?.length, page).toBeGreaterThan(20);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:locale']) {
        expect($(`meta[property="${property}"]`).attr('content'), `${page} ${property}`).toBeTruthy();
      }
      const canonical = $('link[rel="canonical"]').attr('href') ?? '';
      if (page !== '404.html') expect(canonical, page).toBe(`${SITE}/${page.replace(/index\.html$/, '')}`);
      expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href'), page).toBe(`${SITE}/rss.xml`);
    }
  });

  it('has a skip link, the main navigation and the organisers in the footer', async () => {
    for (const page of pages) {
      const $ = await loadHtml(dist, page);
      const skip = $('body a').first();
      expect(skip.attr('href'), page).toBe('#huvudinnehall');
      expect($('main#huvudinnehall').length, page).toBe(1);
      expect($('nav a').length, page).toBeGreaterThanOrEqual(5);
      const footer = text($, 'footer');
      for (const organiser of ['Länsstyrelsen Värmland', 'Länsstyrelsen Dalarna', 'Länsstyrelsen Örebro']) {
        expect(footer, page).toContain(organiser);
      }
      expect($('footer a[href="/tillganglighet/"]').length, page).toBe(1);
    }
  });

  it('runs no JavaScript outside the search page and asks no other host for anything', async () => {
    for (const page of pages.filter((name) => !name.startsWith('sok/'))) {
      const $ = await loadHtml(dist, page);
      const scripts = $('script').toArray().filter((element) => $(element).attr('type') !== 'application/ld+json');
      expect(scripts.length, `${page} has a script`).toBe(0);
      $('[src], link[href]').each((_, element) => {
        const url = $(element).attr('src') ?? $(element).attr('href') ?? '';
        if ($(element).is('link[rel="canonical"], link[rel="alternate"]')) return;
        expect(url.startsWith('/') && !url.startsWith('//'), `${page} loads ${url}`).toBe(true);
      });
    }
  });

  it('blocks rendering on one request at most: the one stylesheet every page shares', async () => {
    const stylesheets = new Set<string>();
    for (const page of pages) {
      const $ = await loadHtml(dist, page);
      const links = $('link[rel~="stylesheet"]').toArray().map((element) => $(element).attr('href') ?? '');
      expect(links, page).toHaveLength(1);
      for (const href of links) stylesheets.add(href);
      expect($('head script[src]:not([async]):not([defer]):not([type="module"])').length, page).toBe(0);
    }
    expect(stylesheets.size).toBe(1);
  });
});

describe('the conference page', async () => {
  const $ = await loadHtml(dist, 'index.html');
  const main = text($, 'main');

  it('says what, when, where and for whom', () => {
    expect($('h1').text()).toBe('Konferens om prostitution och människohandel för sexuella ändamål');
    expect(main).toContain(DAY_ONE);
    expect(main).toContain(DAY_TWO);
    expect(main).toContain('Alla tider är svensk tid.');
    expect(main).toContain('Selma Spa, Sunne');
    expect(main).toContain('En person från varje kommuns socialtjänst erbjuds utbildningen');
    expect(main).toContain('totalt 43 kommuner');
    expect(main).toContain('Media är välkomna att delta vid konferensen');
    expect(main).toContain('Konferensen genomförs med stöd från Socialstyrelsen.');
  });

  it('says the conference has taken place, by the pinned build clock', () => {
    expect($('[data-status]').attr('data-status')).toBe('past');
    expect(main).toContain('Konferensen har ägt rum.');
  });

  it('marks both days with machine-readable times', () => {
    const times = $('.event-facts time').toArray().map((element) => $(element).attr('datetime'));
    expect(times).toEqual(['2019-09-25T11:00:00+02:00', '2019-09-26T08:30:00+02:00']);
  });

  it('lists speakers, talks, the latest release and every contact', () => {
    for (const name of [...SPEAKERS, ...TALKS]) expect(main).toContain(name);
    expect($(`main a[href="/${RELEASE.replace('index.html', '')}"]`).length).toBeGreaterThan(0);
    for (const contact of CONTACTS) {
      expect($(`main a[href="mailto:${contact.email}"]`).length, contact.name).toBe(1);
      expect($(`main a[href="${contact.tel}"]`).text(), contact.name).toBe(contact.shown);
    }
  });

  it('describes the event for search engines', () => {
    const [event] = jsonLd($);
    expect(event).toMatchObject({
      '@type': 'Event',
      name: 'Konferens om prostitution och människohandel för sexuella ändamål',
      startDate: '2019-09-25T11:00:00+02:00',
      endDate: '2019-09-26T13:00:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Selma Spa', address: { addressLocality: 'Sunne' } },
    });
    expect((event?.organizer as { name: string }[]).map((organiser) => organiser.name)).toEqual([
      'Länsstyrelsen Värmland',
      'Länsstyrelsen Dalarna',
      'Länsstyrelsen Örebro',
    ]);
    expect((event?.performer as { name: string }[]).map((performer) => performer.name)).toEqual(SPEAKERS);
  });
});

describe('the programme page', async () => {
  const $ = await loadHtml(dist, 'program/index.html');
  const main = text($, 'main');

  it('shows both days with their hours and every talk with its speakers', () => {
    expect(text($, '#dag-1')).toBe(`Dag 1: ${DAY_ONE}`);
    expect(text($, '#dag-2')).toBe(`Dag 2: ${DAY_TWO}`);
    expect(main).toContain('Alla tider är svensk tid.');
    for (const talk of TALKS) expect($('main h3').text()).toContain(talk);
    expect(main).toContain('Föreläsare: Anna Sander, Josephine Appelqvist');
  });

  it('says honestly that the talks are not yet placed on a day', () => {
    expect(main).toContain('Dag och tid meddelas senare.');
  });

  it('carries the Event data too', () => {
    expect(jsonLd($)[0]).toMatchObject({ '@type': 'Event', startDate: '2019-09-25T11:00:00+02:00' });
  });
});

describe('the speakers page', async () => {
  const $ = await loadHtml(dist, 'talare/index.html');

  it('presents every speaker with role, organisation and talk', () => {
    expect($('main h2').toArray().map((element) => $(element).text())).toEqual(SPEAKERS);
    expect(text($, '#simon-haggstrom')).toContain('författare och kriminalinspektör, Människohandelsgruppen vid Nationella Operativa Avdelningen');
    expect(text($, '#mia-schyberg')).toContain('Föreläsning: Lägesrapport från Värmland, Dalarna och Örebro län');
    expect(text($, '#josephine-appelqvist')).toContain('Föreläsning: Att arbeta med kvinnor i prostitution och människohandel');
  });
});

describe('press releases', async () => {
  it('lists the release newest first with its date', async () => {
    const $ = await loadHtml(dist, 'pressmeddelanden/index.html');
    expect($('main .release-list li').length).toBe(1);
    expect($('main .release-list time').attr('datetime')).toBe('2019-09-23T13:57:00+02:00');
    expect(text($, 'main .release-list')).toContain('Pressmeddelande, 23 september 2019 kl. 13.57');
  });

  it('reproduces the seed release word for word', async () => {
    const $ = await loadHtml(dist, RELEASE);
    const main = text($, 'main');
    const seed = await readFile(path.join(import.meta.dirname, '../fixtures/seed-release.txt'), 'utf8');
    for (const line of seed.split('\n').filter(Boolean)) expect(main).toContain(line);
    expect(main).not.toContain('Skip to main content');
  });

  it('links each contact by e-mail and phone and marks up the article', async () => {
    const $ = await loadHtml(dist, RELEASE);
    for (const contact of CONTACTS) {
      expect($(`main a[href="mailto:${contact.email}"]`).length, contact.name).toBe(1);
      expect($(`main a[href="${contact.tel}"]`).text(), contact.name).toBe(contact.shown);
    }
    expect(jsonLd($)[0]).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Konferens om prostitution och människohandel för sexuella ändamål',
      datePublished: '2019-09-23T13:57:00+02:00',
      url: `${SITE}/${RELEASE.replace('index.html', '')}`,
    });
  });
});

describe('contacts page', async () => {
  const $ = await loadHtml(dist, 'kontakt/index.html');

  it('gives every contact with organisation, mailto and E.164 tel link shown the Swedish way', () => {
    const main = text($, 'main');
    for (const contact of CONTACTS) {
      expect(main).toContain(contact.name);
      expect($(`main a[href="mailto:${contact.email}"]`).text()).toBe(contact.email);
      expect($(`main a[href="${contact.tel}"]`).text()).toBe(contact.shown);
    }
    for (const organisation of ['Länsstyrelsen Värmland', 'Länsstyrelsen Dalarna', 'Länsstyrelsen Örebro']) {
      expect(main).toContain(organisation);
    }
  });
});

describe('accessibility statement', async () => {
  const $ = await loadHtml(dist, 'tillganglighet/index.html');
  const main = text($, 'main');

  it('has what DIGG requires', () => {
    expect(main).toContain('Länsstyrelserna i Värmlands, Dalarnas och Örebro län står bakom den här webbplatsen');
    expect(main).toMatch(/delvis förenlig|helt förenlig|inte förenlig/);
    expect(main).toContain('Innehåll som inte är tillgängligt');
    expect(main).toContain('Webbplatsen bedömdes senast');
    expect(main).toContain('Redogörelsen uppdaterades senast');
    expect(main).toContain('Hur vi testat webbplatsen');
    expect($('main a[href*="digg.se"]').length).toBe(1);
    expect($('main a[href$="kontakt/"]').length).toBeGreaterThan(0);
  });
});

describe('404 page', async () => {
  it('is in Swedish and leads home', async () => {
    const $ = await loadHtml(dist, '404.html');
    expect($('h1').text()).toBe('Sidan finns inte');
    expect($('main a[href="/"]').length).toBe(1);
  });
});

describe('feed, sitemap and robots.txt', () => {
  it('publishes an RSS 2.0 feed of the releases with absolute links', async () => {
    const { load } = await import('cheerio');
    const $ = load(await readFile(path.join(dist, 'rss.xml'), 'utf8'), { xml: true });
    expect($('rss').attr('version')).toBe('2.0');
    expect($('channel > language').text()).toBe('sv-se');
    expect($('channel > atom\\:link[rel="self"]').attr('href')).toBe(`${SITE}/rss.xml`);
    const items = $('item').toArray();
    expect(items).toHaveLength(1);
    expect($('item > title').text()).toBe('Konferens om prostitution och människohandel för sexuella ändamål');
    expect($('item > link').text()).toBe(`${SITE}/${RELEASE.replace('index.html', '')}`);
    expect(new Date($('item > pubDate').text()).toISOString()).toBe('2019-09-23T11:57:00.000Z');
  });

  it('lists every page but the 404 in the sitemap', async () => {
    const index = await readFile(path.join(dist, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`${SITE}/sitemap-0.xml`);
    const sitemap = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toEqual(
      expect.arrayContaining([`${SITE}/`, `${SITE}/program/`, `${SITE}/talare/`, `${SITE}/kontakt/`, `${SITE}/${RELEASE.replace('index.html', '')}`]),
    );
    expect(urls.some((url) => url?.includes('404'))).toBe(false);
  });

  it('names the sitemap in robots.txt', async () => {
    expect(await readFile(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});
