import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ROOT, buildInto, builtSite, PROJECT_ROOT, SHARED_BUILDS } from '../support/build.ts';
import { scheduleJsonErrors, scheduleXmlErrors } from '../support/frab.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const read = (dist: string, file: string) => readFile(path.join(dist, file), 'utf8');

interface JsonEvent {
  guid: string;
  id: number;
  date: string;
  start: string;
  end: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  persons: { guid: string; name: string; url: string }[];
}
interface JsonSchedule {
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      time_zone_name: string;
      url: string;
      rooms: { name: string; guid: string }[];
      days: { index: number; date: string; day_start: string; day_end: string; rooms: Record<string, JsonEvent[]> }[];
    };
  };
}

/** The seed's content with the open-data fixture programme (two rooms, end of summer time). */
async function fixtureContent(): Promise<string> {
  const dir = path.join(BUILD_ROOT, 'open-data-content');
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'content'), dir, { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/open-data/program.yaml'), path.join(dir, 'program.yaml'));
  return dir;
}

let fixture: string;
let fixtureNewYork: string;
beforeAll(async () => {
  const content = await fixtureContent();
  // One after another: parallel builds would share the project's .astro/ prerender folder.
  fixture = (await buildInto('open-data-fixture', { ...SHARED_BUILDS.default, CONTENT_DIR: content })).outDir;
  fixtureNewYork = (await buildInto('open-data-fixture-new-york', { ...SHARED_BUILDS.default, CONTENT_DIR: content, TZ: 'America/New_York' })).outDir;
}, 300_000);

describe.each(['default', 'base'] as const)('schedule.xml and schedule.json of the seed (%s build)', (name) => {
  const dist = builtSite(name);
  const { SITE_URL, BASE_PATH } = SHARED_BUILDS[name];

  it('are valid by the format’s XSD and JSON Schema', async () => {
    expect(await scheduleXmlErrors(await read(dist, 'program/schedule.xml'))).toEqual([]);
    expect(scheduleJsonErrors(await read(dist, 'program/schedule.json'))).toEqual([]);
  });

  it('hold both conference days with offsets and no events, since the seed gives no session times', async () => {
    const json = JSON.parse(await read(dist, 'program/schedule.json')) as JsonSchedule;
    const { conference } = json.schedule;
    expect(conference.time_zone_name).toBe('Europe/Stockholm');
    expect(conference.acronym).toMatch(/^[a-z0-9_]{4,}$/);
    expect(conference.url).toBe(`${SITE_URL}${BASE_PATH}program/`);
    expect(json.schedule.base_url).toBe(`${SITE_URL}${BASE_PATH}`);
    expect(conference.days.map((day) => [day.index, day.date, day.day_start, day.day_end, Object.keys(day.rooms).length])).toEqual([
      [1, '2019-09-25', '2019-09-25T11:00:00+02:00', '2019-09-25T16:30:00+02:00', 0],
      [2, '2019-09-26', '2019-09-26T08:30:00+02:00', '2019-09-26T13:00:00+02:00', 0],
    ]);
    const $ = load(await read(dist, 'program/schedule.xml'), { xml: true });
    expect($('schedule > version').text()).toBe(json.schedule.version);
    expect($('day').toArray().map((day) => [$(day).attr('start'), $(day).attr('end'), $(day).children().length])).toEqual([
      ['2019-09-25T11:00:00+02:00', '2019-09-25T16:30:00+02:00', 0],
      ['2019-09-26T08:30:00+02:00', '2019-09-26T13:00:00+02:00', 0],
    ]);
    expect($('schedule > url').text()).toBe(`${SITE_URL}${BASE_PATH}program/schedule.xml`);
  });
});

describe('/program/ offers the open data', () => {
  const dist = builtSite('default');

  it('in an "Öppna data" section that says only timed sessions are in the schedule files', async () => {
    const $ = load(await read(dist, 'program/index.html'));
    const section = $('section.open-data');
    expect(section.find('h2').text()).toBe('Öppna data');
    expect(section.find('[data-open-data="schedule-xml"]').attr('href')).toBe('/program/schedule.xml');
    expect(section.find('[data-open-data="schedule-json"]').attr('href')).toBe('/program/schedule.json');
    expect(section.find('[data-open-data="calendar"]').attr('href')).toBe('/kalender/konferens.ics');
    expect(section.find('[data-open-data="contacts"]').attr('href')).toBe('/kontakt/presskontakter.vcf');
    expect(section.find('[data-open-data="schedule-note"]').text()).toBe(
      'Bara programpunkter med dag och tid finns med i schemafilerna. Än har ingen programpunkt dag och tid, så filerna innehåller bara konferensdagarna.',
    );
  });

  it('with <link rel="alternate"> in the head for each file type', async () => {
    const $ = load(await read(dist, 'program/index.html'));
    const alternates = $('head link[rel="alternate"]')
      .toArray()
      .map((link) => [$(link).attr('type'), $(link).attr('href')]);
    expect(alternates).toEqual(
      expect.arrayContaining([
        ['text/calendar', '/kalender/konferens.ics'],
        ['application/xml', '/program/schedule.xml'],
        ['application/json', '/program/schedule.json'],
        ['text/vcard', '/kontakt/presskontakter.vcf'],
      ]),
    );
  });
});

describe('the fixture programme: two rooms across the end of summer time', () => {
  it('gives valid files', async () => {
    expect(await scheduleXmlErrors(await read(fixture, 'program/schedule.xml'))).toEqual([]);
    expect(scheduleJsonErrors(await read(fixture, 'program/schedule.json'))).toEqual([]);
  });

  it('carries the exact local times and offsets, +02:00 before the change and +01:00 after', async () => {
    const json = JSON.parse(await read(fixture, 'program/schedule.json')) as JsonSchedule;
    const days = json.schedule.conference.days;
    expect(days.map((day) => [day.date, day.day_start, day.day_end])).toEqual([
      ['2019-10-26', '2019-10-26T09:00:00+02:00', '2019-10-26T17:00:00+02:00'],
      ['2019-10-27', '2019-10-27T01:00:00+02:00', '2019-10-27T12:00:00+01:00'],
    ]);
    const rows = days.flatMap((day) =>
      Object.entries(day.rooms).flatMap(([room, events]) => events.map((event) => [day.index, room, event.title, event.date, event.start, event.end, event.duration])),
    );
    expect(rows).toEqual([
      [1, 'Stora salen', 'Människohandel i Sverige idag – en rapport från verkligheten', '2019-10-26T09:00:00+02:00', '09:00', '2019-10-26T10:30:00+02:00', '01:30'],
      [1, 'Lilla salen', 'Att arbeta med kvinnor i prostitution & människohandel', '2019-10-26T09:30:00+02:00', '09:30', '2019-10-26T10:45:00+02:00', '01:15'],
      [2, 'Stora salen', 'Natten när klockan ställs om', '2019-10-27T01:30:00+02:00', '01:30', '2019-10-27T03:30:00+01:00', '03:00'],
      [2, 'Lilla salen', 'Lägesrapport från Värmland, Dalarna och Örebro län', '2019-10-27T09:00:00+01:00', '09:00', '2019-10-27T10:00:00+01:00', '01:00'],
    ]);
    expect(rows.map((row) => row[2])).not.toContain('Programpunkt med dag men utan tid');
    expect(json.schedule.conference.rooms.map((room) => room.name)).toEqual(['Stora salen', 'Lilla salen']);

    // The XML says the same, read by an XML parser rather than compared as text.
    const $ = load(await read(fixture, 'program/schedule.xml'), { xml: true });
    const xmlRows = $('event')
      .toArray()
      .map((event) => [$(event).parent().attr('name'), $(event).children('title').text(), $(event).children('date').text(), $(event).children('start').text(), $(event).children('duration').text()]);
    expect(xmlRows).toEqual(rows.map((row) => [row[1], row[2], row[3], row[4], row[6]]));
  });

  it('gives sessions and persons version-5 GUIDs, unique ids and ASCII slugs', async () => {
    const json = JSON.parse(await read(fixture, 'program/schedule.json')) as JsonSchedule;
    const events = json.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event.guid).toMatch(UUID);
      expect(event.slug).toMatch(/^[a-z0-9_]+-\d+-[a-z0-9-]+$/);
      expect(event.url).toMatch(/^https:\/\/konferens\.example\.se\/program\/#punkt-[a-z0-9-]+$/);
      for (const person of event.persons) expect(person.guid).toMatch(UUID);
    }
    // Each event's URL leads to its entry on the fixture's /program/ page, each person's to /talare/.
    const programme = load(await read(fixture, 'program/index.html'));
    const speakers = load(await read(fixture, 'talare/index.html'));
    for (const event of events) {
      expect(programme(`[id="${new URL(event.url).hash.slice(1)}"] h3`).text()).toBe(event.title);
      for (const person of event.persons) expect(speakers(`[id="${new URL(person.url).hash.slice(1)}"] h2`).text()).toBe(person.name);
    }
    expect(new Set(events.map((event) => event.guid)).size).toBe(4);
    expect(new Set(events.map((event) => event.id)).size).toBe(4);
    // The same speaker in two sessions is one person.
    const mia = events.flatMap((event) => event.persons).filter((person) => person.name === 'Mia Schyberg');
    expect(mia).toHaveLength(2);
    expect(mia[0]).toEqual(mia[1]);
  });

  it('are byte-identical when built again on a machine in another time zone', async () => {
    const files = ['program/schedule.xml', 'program/schedule.json', 'kontakt/presskontakter.vcf'];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(fixture, file)), readFile(path.join(fixtureNewYork, file))]);
      expect(a.length, file).toBeGreaterThan(500);
      expect(b.equals(a), `${file} differs between builds`).toBe(true);
    }
  });

  it('and /program/ says how many sessions the schedule files leave out', async () => {
    const $ = load(await read(fixture, 'program/index.html'));
    expect($('[data-open-data="schedule-note"]').text()).toBe(
      'Bara programpunkter med dag och tid finns med i schemafilerna. 2 programpunkter saknar dag eller tid och finns därför inte med än.',
    );
    expect($('head link[rel="alternate"][href="/kalender/program.ics"]').attr('type')).toBe('text/calendar');
  });
});
