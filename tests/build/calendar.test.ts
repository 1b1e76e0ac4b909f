import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { BUILD_ROOT, buildInto, builtSite, PROJECT_ROOT, SHARED_BUILDS, TEST_EPOCH } from '../support/build.ts';
import { contentLines, decodeText, FIXTURE_PROGRAMME, lineProblems, parseCalendar, unfold } from '../fixtures/calendar/ics.ts';

const ics = (dist: string, name = 'konferens.ics') => readFile(path.join(dist, 'kalender', name));
const html = async (dist: string, route: string): Promise<CheerioAPI> => load(await readFile(path.join(dist, route), 'utf8'));

/** A content folder: the seed's content with the fixture programme, optionally changed. */
async function fixtureContent(name: string, change?: (programme: Record<string, unknown>) => void): Promise<string> {
  const dir = path.join(BUILD_ROOT, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'content'), dir, { recursive: true });
  const programme = parseYaml(await readFile(path.join(PROJECT_ROOT, FIXTURE_PROGRAMME), 'utf8')) as Record<string, unknown>;
  change?.(programme);
  await writeFile(path.join(dir, 'program.yaml'), stringifyYaml(programme));
  return dir;
}

const LATER_EPOCH = String(Number(TEST_EPOCH) + 86_400);
let fixtureUtc: string;
let fixtureNewYork: string;
let fixtureChanged: string;
let seedNewYork: string;

beforeAll(async () => {
  const content = await fixtureContent('calendar-content');
  const changed = await fixtureContent('calendar-content-changed', (programme) => {
    const sessions = programme.sessions as Record<string, unknown>[];
    const session = sessions.find((candidate) => candidate.id === 'lagesrapport')!;
    Object.assign(session, { start: '10:00', end: '11:15' });
  });
  const site = SHARED_BUILDS.default;
  // One after another: with an output folder outside the project, Astro puts its prerender chunks
  // in the project's own .astro/.prerender/, which parallel builds would then share.
  fixtureUtc = (await buildInto('calendar-fixture-utc', { ...site, CONTENT_DIR: content, TZ: 'UTC' })).outDir;
  fixtureNewYork = (await buildInto('calendar-fixture-new-york', { ...site, CONTENT_DIR: content, TZ: 'America/New_York' })).outDir;
  fixtureChanged = (
    await buildInto('calendar-fixture-changed', { ...site, CONTENT_DIR: changed, TZ: 'UTC', SOURCE_DATE_EPOCH: LATER_EPOCH })
  ).outDir;
  seedNewYork = (await buildInto('calendar-seed-new-york', { ...site, TZ: 'America/New_York' })).outDir;
}, 300_000);

describe('dist/kalender/konferens.ics from the seed', () => {
  const dist = builtSite('default');

  it('follows RFC 5545 line rules: CRLF, 75 octets, no split UTF-8', async () => {
    const bytes = await ics(dist);
    expect(lineProblems(bytes)).toEqual([]);
    expect(bytes.toString('utf8').split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('has the two days at 09:00Z–14:30Z and 06:30Z–11:00Z, with TZID and a VTIMEZONE', async () => {
    const text = (await ics(dist)).toString('utf8');
    const { calendar, events } = parseCalendar(text);
    expect(events.map(({ start, end, startZone }) => [start, end, startZone])).toEqual([
      ['2019-09-25T09:00:00.000Z', '2019-09-25T14:30:00.000Z', 'Europe/Stockholm'],
      ['2019-09-26T06:30:00.000Z', '2019-09-26T11:00:00.000Z', 'Europe/Stockholm'],
    ]);
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Stockholm']);
    for (const kind of ['daylight', 'standard']) {
      const part = zones[0]!.getFirstSubcomponent(kind);
      expect(part?.getFirstProperty('rrule')?.toICALString()).toMatch(/^RRULE:FREQ=YEARLY;BYMONTH=(3|10);BYDAY=-1SU$/);
    }
    expect(contentLines(text).filter((line) => line.startsWith('DTSTART'))).toEqual([
      'DTSTART:19700329T020000',
      'DTSTART:19701025T030000',
      'DTSTART;TZID=Europe/Stockholm:20190925T110000',
      'DTSTART;TZID=Europe/Stockholm:20190926T083000',
    ]);
  });

  it('has unique UIDs from the host and the day, and stamps from SOURCE_DATE_EPOCH', async () => {
    const text = (await ics(dist)).toString('utf8');
    const { events } = parseCalendar(text);
    expect(events.map((event) => event.uid)).toEqual(['dag-1@konferens.example.se', 'dag-2@konferens.example.se']);
    const stamp = new Date(Number(TEST_EPOCH) * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
    for (const event of events) {
      expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-01-01T00:00:00Z');
      expect(event.sequence).toBe(Number(TEST_EPOCH) / 60);
    }
    expect(contentLines(text)).toContain(`LAST-MODIFIED:${stamp}`);
  });

  it('describes each day with the lectures, speakers, pending times and the programme page', async () => {
    const { events } = parseCalendar((await ics(dist)).toString('utf8'));
    for (const [index, event] of events.entries()) {
      expect(event.summary).toBe(`Konferens om prostitution och människohandel för sexuella ändamål, dag ${index + 1}`);
      expect(event.description).toContain('Människohandel i Sverige idag – en rapport från verkligheten (Simon Häggström)');
      expect(event.description).toContain('Lägesrapport från Värmland, Dalarna och Örebro län (Mia Schyberg)');
      expect(event.description).toContain('Att arbeta med kvinnor i prostitution och människohandel (Anna Sander och Josephine Appelqvist)');
      expect(event.description).toContain('Dag och tid för föreläsningarna meddelas senare.');
      expect(event.description).toContain('Hela programmet: https://konferens.example.se/program/');
      expect(event.location).toBe('Selma Spa, Sunne');
      const component = event.component;
      expect(component.getFirstPropertyValue('url')).toBe('https://konferens.example.se/program/');
      expect(component.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(component.getFirstPropertyValue('categories')).toBe('Konferens');
      expect(component.getFirstPropertyValue('organizer')).toBe('mailto:isabel.persson@lansstyrelsen.se');
      expect(component.getFirstPropertyValue('geo')).toBeNull();
    }
  });

  it('keeps å, ä and ö intact across folded lines', async () => {
    const text = (await ics(dist)).toString('utf8');
    const folded = text.split('\r\n').filter((line) => line.startsWith(' '));
    expect(folded.some((line) => /[åäöÅÄÖ]/.test(line))).toBe(true);
    expect(unfold(text)).toContain('SUMMARY:Konferens om prostitution och människohandel för sexuella ändamål\\, dag 1');
    expect(unfold(text)).toContain('Länsstyrelsen Örebro');
  });

  it('has the calendar properties a subscription needs', async () => {
    const text = (await ics(dist)).toString('utf8');
    const { calendar } = parseCalendar(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Konferens om prostitution och människohandel//Kalender//SV');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(decodeText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(
      'Konferens om prostitution och människohandel för sexuella ändamål',
    );
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm');
    expect(contentLines(text)).toEqual(expect.arrayContaining(['REFRESH-INTERVAL;VALUE=DURATION:P1D', 'X-PUBLISHED-TTL:P1D']));
  });

  it('offers no program.ics, since no session has a time', () => {
    expect(existsSync(path.join(dist, 'kalender', 'program.ics'))).toBe(false);
  });

  it('is served as text/calendar by the _headers file', async () => {
    const headers = await readFile(path.join(dist, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/kalender\/\*\r?\n\s+Content-Type: text\/calendar; charset=utf-8$/m);
  });

  it('is byte-identical when built again under TZ=America/New_York', async () => {
    expect((await ics(seedNewYork)).equals(await ics(dist))).toBe(true);
  });
});

describe('the calendar under a base path', () => {
  const dist = builtSite('base');

  it('points URL, UID and links at /konferens/', async () => {
    const { events } = parseCalendar((await ics(dist)).toString('utf8'));
    expect(events.map((event) => event.uid)).toEqual(['konferens.dag-1@example.github.io', 'konferens.dag-2@example.github.io']);
    expect(events[0]?.component.getFirstPropertyValue('url')).toBe('https://example.github.io/konferens/program/');
    const $ = await html(dist, 'index.html');
    expect($('[data-calendar="download"]').attr('href')).toBe('/konferens/kalender/konferens.ics');
    expect($('[data-calendar="subscribe"]').attr('href')).toBe('webcal://example.github.io/konferens/kalender/konferens.ics');
  });
});

describe('add to calendar on / and /program/', () => {
  const dist = builtSite('default');

  it.each(['index.html', 'program/index.html'])('%s links the file, the subscription and one web link per day and service', async (route) => {
    const $ = await html(dist, route);
    const section = $('section.add-to-calendar');
    expect(section).toHaveLength(1);
    expect(section.find('script')).toHaveLength(0);
    const download = section.find('[data-calendar="download"]');
    expect(download.attr('href')).toBe('/kalender/konferens.ics');
    expect(download.attr('download')).toBe('konferens.ics');
    expect(existsSync(path.join(dist, 'kalender', 'konferens.ics'))).toBe(true);
    expect(section.find('[data-calendar="subscribe"]').attr('href')).toBe('webcal://konferens.example.se/kalender/konferens.ics');

    const names = section.find('a').toArray().map((link) => $(link).text().replace(/\s+/g, ' ').trim());
    expect(names).toEqual([
      'Ladda ner kalenderfilen (.ics)',
      'Prenumerera på kalendern',
      'Google Kalender, dag 1',
      'Outlook.com, dag 1',
      'Outlook i Microsoft 365, dag 1',
      'Google Kalender, dag 2',
      'Outlook.com, dag 2',
      'Outlook i Microsoft 365, dag 2',
    ]);

    const day1 = new URL(section.find('[data-day="1"] [data-calendar="google"]').attr('href')!).searchParams;
    expect([day1.get('text'), day1.get('dates'), day1.get('ctz'), day1.get('location')]).toEqual([
      'Konferens om prostitution och människohandel för sexuella ändamål, dag 1',
      '20190925T090000Z/20190925T143000Z',
      'Europe/Stockholm',
      'Selma Spa, Sunne',
    ]);
    for (const [service, host] of [
      ['outlookLive', 'outlook.live.com'],
      ['outlookOffice', 'outlook.office.com'],
    ]) {
      const link = new URL(section.find(`[data-day="2"] [data-calendar="${service}"]`).attr('href')!);
      expect(link.host).toBe(host);
      expect([link.searchParams.get('subject'), link.searchParams.get('startdt'), link.searchParams.get('enddt'), link.searchParams.get('location')]).toEqual([
        'Konferens om prostitution och människohandel för sexuella ändamål, dag 2',
        '2019-09-26T06:30:00Z',
        '2019-09-26T11:00:00Z',
        'Selma Spa, Sunne',
      ]);
    }
  });

  it('shows no per-session links for the seed, whose sessions have no times', async () => {
    const $ = await html(dist, 'program/index.html');
    expect($('.session-calendar')).toHaveLength(0);
    expect($('[data-calendar="sessions-download"]')).toHaveLength(0);
  });
});

describe('fixture programme with times across the end of summer time', () => {
  it('builds the same bytes under TZ=UTC and TZ=America/New_York', async () => {
    for (const name of ['konferens.ics', 'program.ics']) {
      const utc = await ics(fixtureUtc, name);
      expect(lineProblems(utc)).toEqual([]);
      expect((await ics(fixtureNewYork, name)).equals(utc), name).toBe(true);
    }
  });

  it('has the right UTC instants on both sides of the change', async () => {
    const days = parseCalendar((await ics(fixtureUtc)).toString('utf8')).events;
    expect(days.map(({ start, end }) => [start, end])).toEqual([
      ['2019-10-26T07:00:00.000Z', '2019-10-26T15:00:00.000Z'],
      ['2019-10-26T23:00:00.000Z', '2019-10-27T11:00:00.000Z'],
      ['2019-10-28T07:30:00.000Z', '2019-10-28T12:00:00.000Z'],
    ]);
    const sessions = parseCalendar((await ics(fixtureUtc, 'program.ics')).toString('utf8')).events;
    expect(sessions.map(({ uid, start, end }) => [uid, start, end])).toEqual([
      ['punkt-manniskohandel-i-sverige-idag@konferens.example.se', '2019-10-26T07:00:00.000Z', '2019-10-26T08:30:00.000Z'],
      ['punkt-natten-nar-klockan-stalls-om@konferens.example.se', '2019-10-26T23:30:00.000Z', '2019-10-27T02:30:00.000Z'],
      ['punkt-lagesrapport@konferens.example.se', '2019-10-28T08:00:00.000Z', '2019-10-28T09:00:00.000Z'],
    ]);
    expect(sessions[0]?.summary).toBe('Människohandel i Sverige idag – en rapport från verkligheten; frågor, svar och \\ bakstreck');
    expect(sessions[0]?.component.getFirstPropertyValue('geo')).toEqual([59.8361, 13.1426]);
  });

  it('links each timed session on /program/ and offers program.ics', async () => {
    const $ = await html(fixtureUtc, 'program/index.html');
    const sessions = $('.session-calendar [data-session]');
    expect(sessions.toArray().map((item) => $(item).attr('data-session'))).toEqual([
      'manniskohandel-i-sverige-idag',
      'natten-nar-klockan-stalls-om',
      'lagesrapport',
    ]);
    const night = $('[data-session="natten-nar-klockan-stalls-om"]');
    expect(night.find('a').toArray().map((link) => $(link).text().replace(/\s+/g, ' ').trim())).toEqual([
      'Google Kalender: Natten när klockan ställs om',
      'Outlook.com: Natten när klockan ställs om',
      'Outlook i Microsoft 365: Natten när klockan ställs om',
    ]);
    const google = new URL(night.find('[data-calendar="google"]').attr('href')!).searchParams;
    expect([google.get('text'), google.get('dates')]).toEqual(['Natten när klockan ställs om', '20191026T233000Z/20191027T023000Z']);
    const outlook = new URL($('[data-session="lagesrapport"] [data-calendar="outlookOffice"]').attr('href')!).searchParams;
    expect([outlook.get('startdt'), outlook.get('enddt')]).toEqual(['2019-10-28T08:00:00Z', '2019-10-28T09:00:00Z']);
    expect($('[data-calendar="sessions-download"]').attr('href')).toBe('/kalender/program.ics');
    expect($('[data-calendar="sessions-subscribe"]').attr('href')).toBe('webcal://konferens.example.se/kalender/program.ics');
  });

  it('keeps UIDs and raises SEQUENCE and LAST-MODIFIED when a session changes in a later build', async () => {
    for (const name of ['konferens.ics', 'program.ics']) {
      const before = parseCalendar((await ics(fixtureUtc, name)).toString('utf8')).events;
      const after = parseCalendar((await ics(fixtureChanged, name)).toString('utf8')).events;
      expect(after.map((event) => event.uid), name).toEqual(before.map((event) => event.uid));
      for (const [index, event] of after.entries()) {
        expect(event.sequence).toBeGreaterThan(before[index]!.sequence);
        expect(event.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2026-01-02T00:00:00Z');
      }
    }
    const moved = parseCalendar((await ics(fixtureChanged, 'program.ics')).toString('utf8')).events.find((event) =>
      event.uid.startsWith('punkt-lagesrapport@'),
    );
    expect([moved?.start, moved?.end]).toEqual(['2019-10-28T09:00:00.000Z', '2019-10-28T10:15:00.000Z']);
  });
});
