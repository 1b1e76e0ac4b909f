/**
 * A second, fictional conference (tests/fixtures/second-conference/content) built from content
 * alone: every page, the header, the calendar, the feed and the search index hold its facts and
 * none of the seed's. One build, shared by every assertion below.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, PROJECT_ROOT, type BuildResult } from '../support/build.ts';
import { jsonLd, loadHtml, text } from '../support/html.ts';
import { builtPages, type BuiltPage } from '../support/pages.ts';

const CONTENT = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'second-conference', 'content');
const NAME = 'Påhittade testkonferensen om vattenvård i Exempellän 2031';
const SHORT_NAME = 'Vattenvårdskonferensen 2031';
/** After the releases, before the conference: nothing is "in the future" for the content check. */
const EPOCH = String(Date.UTC(2031, 4, 1) / 1000);

/** Facts of the seed conference that must not reach a page, feed, calendar or index of another one. */
const SEED_FACTS = [
  'Sunne',
  'Selma Spa',
  'Värmland',
  'Dalarna',
  'Örebro',
  'prostitution',
  'människohandel',
  'Socialstyrelsen',
  'Länsstyrelse',
  'svensk tid',
  'Europe/Stockholm',
  'Båda konferensdagarna',
  'Pressmeddelandet anger inte',
  '"addressCountry":"SE"',
];

let build: BuildResult;
let dist = '';
let pages: BuiltPage[] = [];

beforeAll(async () => {
  build = await buildInto('second-conference', {
    CONTENT_DIR: CONTENT,
    SITE_URL: 'https://vatten.example.org',
    BASE_PATH: '/',
    TZ: 'UTC',
    SOURCE_DATE_EPOCH: EPOCH,
  });
  dist = build.outDir;
  pages = await builtPages(dist);
}, 600_000);

/** Every file of the build as text; Pagefind's files are gzip behind a short signature. */
async function builtTexts(): Promise<Map<string, string>> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const texts = new Map<string, string>();
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const bytes = await readFile(path.join(dist, file));
    if (/\.pf_(fragment|index|meta|filter)$/.test(file)) texts.set(file, gunzipSync(bytes).toString('utf8'));
    else if (/\.(html|xml|ics|txt|json|js|css|svg|webmanifest)$/.test(file)) texts.set(file, bytes.toString('utf8'));
  }
  return texts;
}

describe('the second conference, built from content alone', () => {
  it('builds without a warning: a long headline is no problem, since the file name is the address', () => {
    const output = `${build.stdout}\n${build.stderr}`;
    expect(output.match(/^(VARNING|FEL) .*$/gm)).toBeNull();
  });

  it('holds none of the seed conference’s facts in any built file, the search index included', async () => {
    const texts = await builtTexts();
    expect(texts.size).toBeGreaterThan(20);
    // The web editor's configuration (admin/config.json) is help for editors, not the site: its hints
    // and the schemas' messages give examples in the seed's words ("till exempel \"Sunne\"").
    // Its dates are entered in the fixture's own zone, named as such.
    const editorConfig = texts.get('admin/config.json') ?? '';
    expect(editorConfig).toContain('"input_timezone": "Europe/Helsinki"');
    expect(editorConfig).toContain('i finsk tid');
    expect(editorConfig).not.toContain('svensk tid');
    texts.delete('admin/config.json');
    expect([...texts.keys()].some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    const found = [...texts].flatMap(([file, content]) =>
      SEED_FACTS.filter((fact) => content.includes(fact)).map((fact) => `${file}: ${fact}`),
    );
    expect(found).toEqual([]);
  });

  it('titles every page with its own names', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    const titles = new Map<string, string>();
    for (const page of pages) titles.set(page.route, text(await loadHtml(dist, page.file), 'title'));
    expect(titles.get('')).toBe(NAME);
    for (const [route, title] of titles) {
      if (route !== '') expect(title, route).toMatch(new RegExp(`^.+ – ${SHORT_NAME}$`));
    }
    expect(titles.get('program/')).toBe(`Program – ${SHORT_NAME}`);
    expect(titles.get('om-webbplatsen/')).toBe(`Om den påhittade webbplatsen – ${SHORT_NAME}`);
  });

  it('names the site in every page’s header, and links every page of sidor/ in the footer', async () => {
    for (const page of pages) {
      const $ = await loadHtml(dist, page.file);
      expect(text($, 'header .site-name'), page.file).toBe(SHORT_NAME);
      expect(
        $('footer .footer-links a')
          .toArray()
          .map((link) => $(link).attr('href')),
      ).toEqual(['/om-webbplatsen/', '/tillganglighet/', '/rss.xml']);
    }
  });

  it('shows the organisers in their own order, linked, with the supporter', async () => {
    const $ = await loadHtml(dist, 'index.html');
    const organisers = $('main h2:contains("Arrangörer") + ul a').toArray();
    expect(organisers.map((link) => [$(link).text(), $(link).attr('href')])).toEqual([
      ['Testmyndigheten Norr', 'https://testmyndigheten.example.org/'],
      ['Exempelkommunen', 'https://exempelkommunen.example.org/'],
    ]);
    expect(text($, 'main')).toContain('Konferensen genomförs med stöd från Fiktiva fonden för vattenvård.');
    expect($('footer a[href="https://fiktivafonden.example.org/"]').text()).toBe('Fiktiva fonden för vattenvård');
  });

  it('gives the front page’s sessions their day, rooms, and a "later" note only where it applies', async () => {
    const $ = await loadHtml(dist, 'index.html');
    const meta = (id: string) => text($, `#punkt-${id} .meta`);
    expect(text($, 'main .event-facts')).toContain('Alla tider är finsk tid.');
    expect(meta('oppning')).toBe('måndag 12 maj 2031 kl. 09.00–09.45, Lokal: Aulan');
    expect(meta('grundvatten')).toBe('tisdag 13 maj 2031 kl. 10.00–11.30, Lokal: Sal B');
    expect(meta('seminarium-utan-tid')).toBe('tisdag 13 maj 2031, tid meddelas senare, Lokal: Lilla biblioteket');
    expect(meta('workshop-utan-dag')).toBe('Dag och tid meddelas senare., Lokal: Verkstaden');
    expect($('main .session-list').prev().text()).not.toContain('meddelas senare');
    expect($('#punkt-oppning time').attr('datetime')).toBe('2031-05-12T09:00:00+03:00');
    expect(text($, '.add-to-calendar')).toContain('Alla konferensdagarna finns i en kalenderfil');
    expect(jsonLd($)[0]).toMatchObject({
      name: NAME,
      location: { name: 'Fiktiva konferenshotellet', address: { addressLocality: 'Exempelby', addressCountry: 'FI', postalCode: '99999' } },
    });
  });

  it('shows three days and every room on the programme page', async () => {
    const $ = await loadHtml(dist, 'program/index.html');
    expect(
      $('main .programme-day h2')
        .toArray()
        .map((heading) => $(heading).text()),
    ).toEqual([
      'Dag 1: måndag 12 maj 2031 kl. 09.00–16.00',
      'Dag 2: tisdag 13 maj 2031 kl. 09.30–16.30',
      'Dag 3: onsdag 14 maj 2031 kl. 08.30–12.00',
      'Föreläsningar',
    ]);
    expect(text($, '#punkt-seminarium-utan-tid .meta')).toBe('Lokal: Lilla biblioteket');
    expect(text($, '#punkt-workshop-utan-dag .meta')).toBe('Lokal: Verkstaden');
    expect(text($, 'main')).toContain('Alla tider är finsk tid.');
  });

  it('ends a release with its first organisation’s "about" text, or none when that one has none', async () => {
    const invitation = await loadHtml(dist, 'pressmeddelanden/inbjudan-till-den-pahittade-vattenvardskonferensen/index.html');
    expect(text(invitation, '#om-organisationen')).toBe('Om Testmyndigheten Norr');
    const excursion = await loadHtml(dist, 'pressmeddelanden/exempelkommunen-ordnar-en-pahittad-exkursion-till-an/index.html');
    expect(excursion('#om-organisationen').length).toBe(0);
    expect(text(excursion, 'main')).not.toContain('Testmyndigheten Norr är påhittad');
  });

  it('shows a release’s tags and its time in the programme’s zone', async () => {
    const $ = await loadHtml(dist, 'pressmeddelanden/inbjudan-till-den-pahittade-vattenvardskonferensen/index.html');
    expect(text($, '.release-tags')).toBe('Ämnen: vattenvård, grundvatten');
    expect($('article .meta time').attr('datetime')).toBe('2031-04-01T09:00:00+03:00');
    expect(text($, 'article .meta time')).toBe('1 april 2031 kl. 09.00');
  });

  it('publishes a release with a headline too long for a whole slug at its file name’s address', async () => {
    const folders = (await readdir(path.join(dist, 'pressmeddelanden'))).filter((name) => name.startsWith('testmyndigheten'));
    expect(folders).toEqual(['testmyndigheten-norr-och-exempelkommunen-meddelar-att-den-pahittade']);
  });

  it('gives every page in sidor/ its own address', async () => {
    const $ = await loadHtml(dist, 'om-webbplatsen/index.html');
    expect(text($, 'main h1')).toBe('Om den påhittade webbplatsen');
    expect([text($, 'main dt'), text($, 'main dd')]).toEqual(['Sidan uppdaterades senast', '2 mars 2031']);
  });

  it('has a calendar with three events in its own zone, read with ical.js', async () => {
    const calendar = new ICAL.Component(ICAL.parse(await readFile(path.join(dist, 'kalender', 'konferens.ics'), 'utf8')));
    expect(calendar.getFirstPropertyValue('prodid')).toBe(`-//${SHORT_NAME}//Kalender//SV`);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Helsinki');
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.summary)).toEqual([`${NAME}, dag 1`, `${NAME}, dag 2`, `${NAME}, dag 3`]);
    expect(zone.tzid).toBe('Europe/Helsinki');
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
      '2031-05-12T06:00:00.000Z',
      '2031-05-13T06:30:00.000Z',
      '2031-05-14T05:30:00.000Z',
    ]);
    expect(events[0]?.location).toBe('Fiktiva konferenshotellet, Provgatan 7, 99999 Exempelby');
    expect(events[1]?.description).toContain(
      'Seminarium om åar med lokal men ännu utan tid (Sam Provsdotter) (tid meddelas senare, Lokal: Lilla biblioteket)',
    );
    expect(events[1]?.description).toContain('Alla tider är finsk tid.');
    expect(events[0]?.description).toContain('– Workshop om sjöar, dag och tid ej bestämda, Lokal: Verkstaden');

    const sessions = new ICAL.Component(ICAL.parse(await readFile(path.join(dist, 'kalender', 'program.ics'), 'utf8')))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(sessions.map((event) => [event.summary, event.location])).toEqual([
      ['Öppning av den påhittade konferensen', 'Aulan, Fiktiva konferenshotellet, Provgatan 7, 99999 Exempelby'],
      ['Grundvatten i en påhittad kommun', 'Sal B, Fiktiva konferenshotellet, Provgatan 7, 99999 Exempelby'],
      ['Avslutning och påhittade slutsatser', 'Aulan, Fiktiva konferenshotellet, Provgatan 7, 99999 Exempelby'],
    ]);
  });

  it('has a feed with its own title and releases', async () => {
    const $ = load(await readFile(path.join(dist, 'rss.xml'), 'utf8'), { xml: true });
    expect($('channel > title').text()).toBe(`Pressmeddelanden – ${NAME}`);
    expect(
      $('item > title')
        .toArray()
        .map((title) => $(title).text()),
    ).toEqual([
      expect.stringMatching(/^Testmyndigheten Norr och Exempelkommunen meddelar/),
      'Exempelkommunen ordnar en påhittad exkursion till ån',
      'Inbjudan till den påhittade vattenvårdskonferensen',
    ]);
  });

  it('has a search index of its own pages and words', async () => {
    const folder = path.join(dist, 'pagefind', 'fragment');
    const fragments = await Promise.all(
      (await readdir(folder)).map(async (file) => {
        const raw = gunzipSync(await readFile(path.join(folder, file))).toString('utf8');
        return JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string };
      }),
    );
    const urls = fragments.map((fragment) => fragment.url).sort();
    expect(urls).toEqual(
      expect.arrayContaining([
        '/',
        '/program/',
        '/talare/',
        '/om-webbplatsen/',
        '/pressmeddelanden/inbjudan-till-den-pahittade-vattenvardskonferensen/',
      ]),
    );
    const all = fragments.map((fragment) => fragment.content).join('\n');
    for (const fact of ['Exempelby', 'Fiktiva konferenshotellet', 'Robin Exempelsson', 'Grundvatten i en påhittad kommun'])
      expect(all).toContain(fact);
  });
});
