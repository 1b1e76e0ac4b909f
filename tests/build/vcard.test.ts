import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, SHARED_BUILDS } from '../support/build.ts';
import { builtPages } from '../support/pages.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';
import { readCards, vcardLineProblems } from '../support/vcard.ts';

const dist = builtSite('default');
const SITE = SHARED_BUILDS.default.SITE_URL;
const vcf = (file: string) => readFile(path.join(dist, 'kontakt', file));

/** The seed's contacts as the press release publishes them (klara.bolinder keeps its .orebro address). */
const EXPECTED = [
  {
    id: 'isabel-persson',
    fn: 'Isabel Persson',
    n: ['Persson', 'Isabel', '', '', ''],
    org: 'Länsstyrelsen Värmland',
    email: 'isabel.persson@lansstyrelsen.se',
    tel: 'tel:+46102247339',
  },
  {
    id: 'elsie-marie-bjork',
    fn: 'Elsie-Marie Björk',
    n: ['Björk', 'Elsie-Marie', '', '', ''],
    org: 'Länsstyrelsen Dalarna',
    email: 'elsie-marie.bjork@lansstyrelsen.se',
    tel: 'tel:+46768481572',
  },
  {
    id: 'klara-bolinder',
    fn: 'Klara Bolinder',
    n: ['Bolinder', 'Klara', '', '', ''],
    org: 'Länsstyrelsen Örebro',
    email: 'klara.bolinder@lansstyrelsen.orebro',
    tel: 'tel:+46102248758',
  },
];

describe('vCards of the seed build', () => {
  it.each(EXPECTED)('kontakt/$id.vcf is one valid vCard 4.0 with the published facts', async (expected) => {
    const bytes = await vcf(`${expected.id}.vcf`);
    expect(vcardLineProblems(bytes)).toEqual([]);
    const cards = readCards(bytes.toString('utf8'));
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect({ version: card?.version, fn: card?.fn, n: card?.n, org: card?.org, email: card?.email, tel: card?.tel, telType: card?.telType }).toEqual({
      version: '4.0',
      fn: expected.fn,
      n: expected.n,
      org: expected.org,
      email: expected.email,
      tel: expected.tel,
      telType: 'uri',
    });
    // No title or role: the release gives none, so none is invented.
    expect([card?.title, card?.role]).toEqual([undefined, undefined]);
    expect(card?.source).toBe(`${SITE}/kontakt/${expected.id}.vcf`);
    expect(card?.uid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('kontakt/presskontakter.vcf holds the programme’s press contacts in its order, the same cards as the single files', async () => {
    const bytes = await vcf('presskontakter.vcf');
    expect(vcardLineProblems(bytes)).toEqual([]);
    const cards = readCards(bytes.toString('utf8'));
    expect(cards.map((card) => card.fn)).toEqual(EXPECTED.map((contact) => contact.fn));
    for (const contact of EXPECTED) {
      expect(bytes.toString('utf8')).toContain((await vcf(`${contact.id}.vcf`)).toString('utf8'));
    }
  });

  it('one .vcf per contact and no other', async () => {
    const files = (await readdir(path.join(dist, 'kontakt'))).filter((file) => file.endsWith('.vcf')).sort();
    expect(files).toEqual([...EXPECTED.map((contact) => `${contact.id}.vcf`), 'presskontakter.vcf'].sort());
  });
});

describe('"Spara kontakt" on every contact card', () => {
  it('links each card on every page to that contact’s .vcf', async () => {
    let cards = 0;
    for (const page of await builtPages(dist)) {
      const $ = load(await readFile(path.join(dist, page.file), 'utf8'));
      $('li.contact').each((_, element) => {
        const card = $(element);
        const link = card.find('a[data-vcard]');
        const name = card.find('h2, h3').first().text();
        const expected = EXPECTED.find((contact) => contact.fn === name);
        expect(expected, `${page.file}: ${name}`).toBeDefined();
        expect(link.attr('href')).toBe(`/kontakt/${expected?.id}.vcf`);
        expect(link.attr('type')).toBe('text/vcard');
        expect(link.text().replace(/\s+/g, ' ').trim()).toBe(`Spara kontakt: ${name}`);
        cards++;
      });
    }
    // The home page, /kontakt/ and the release each list the three contacts.
    expect(cards).toBeGreaterThanOrEqual(9);
  });

  it('/kontakt/ offers all press contacts in one file, also as <link rel="alternate">', async () => {
    const $ = load(await readFile(path.join(dist, 'kontakt/index.html'), 'utf8'));
    expect($('a[data-vcard="press"]').attr('href')).toBe('/kontakt/presskontakter.vcf');
    expect($('head link[rel="alternate"][type="text/vcard"]').attr('href')).toBe('/kontakt/presskontakter.vcf');
  });
});

describe('served the way the _headers file says', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serveSite(dist);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('as text/vcard for the .vcf files, while /kontakt/ stays HTML', async () => {
    for (const file of ['isabel-persson.vcf', 'presskontakter.vcf']) {
      const response = await fetch(new URL(`kontakt/${file}`, server.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    }
    const page = await fetch(new URL('kontakt/', server.url));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
