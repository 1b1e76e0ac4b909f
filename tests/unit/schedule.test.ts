import { describe, expect, it } from 'vitest';
import { buildSchedule, hoursMinutes, integerId, scheduleAcronym, timeslotMinutes, type ScheduleInput } from '../../src/lib/formats/schedule.ts';
import { scheduleJson } from '../../src/lib/formats/schedule-json.ts';
import { scheduleXml, xmlEscape } from '../../src/lib/formats/schedule-xml.ts';
import { NAMESPACE_URL, uuidV5 } from '../../src/lib/core/uuid.ts';
import { calendarInput, programmeData, SEED_PROGRAMME } from '../fixtures/calendar/ics.ts';
import { scheduleJsonErrors, scheduleXmlErrors } from '../support/frab.ts';

const OPEN_DATA_PROGRAMME = 'tests/fixtures/open-data/program.yaml';
const SITE = { site: 'https://konferens.example.se', base: '/' };
const input = (path: string, site = SITE): ScheduleInput => ({ programme: calendarInput(programmeData(path)).programme, ...site });
const XML_URL = 'https://konferens.example.se/program/schedule.xml';

describe('uuidV5', () => {
  it('matches the RFC 9562 / Python reference values', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), from the standard library's documentation.
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, ...) for a session URL and for a non-ASCII name (UTF-8 bytes).
    expect(uuidV5('https://konferens.example.se/program/#punkt-lagesrapport', NAMESPACE_URL)).toBe('48093f9f-958a-50a3-b9d1-301ff6bdc8fc');
    expect(uuidV5('https://example.se/å')).toBe('f7c3f723-2e60-5de5-aa74-e43ed829dac2');
  });
});

describe('schedule helpers', () => {
  it('derive an ASCII acronym the format accepts unless the content gives one', () => {
    expect(scheduleAcronym(undefined, 'Konferens om människohandel', '2019-09-25')).toBe('konferens_om_manniskohandel_2019');
    expect(scheduleAcronym('prostitution_2019', 'ignored', '2019-09-25')).toBe('prostitution_2019');
    expect(scheduleAcronym(undefined, 'Å', '')).toBe('a___');
  });

  it('turn minutes into HH:MM and find the coarsest grid every time falls on', () => {
    expect([hoursMinutes(90), hoursMinutes(180), hoursMinutes(5)]).toEqual(['01:30', '03:00', '00:05']);
    expect(timeslotMinutes(['09:00', '10:30'])).toBe(30);
    expect(timeslotMinutes(['09:00', '09:45'])).toBe(15);
    expect(timeslotMinutes(['09:00', '09:07'])).toBe(1);
  });

  it('derive a positive 31-bit integer id from a GUID', () => {
    expect(integerId('48093f9f-958a-50a3-b9d1-301ff6bdc8fc')).toBe(0x48093f9f);
    expect(integerId('c8093f9f-958a-50a3-b9d1-301ff6bdc8fc')).toBe(0x48093f9f);
    expect(integerId('80000000-0000-5000-8000-000000000000')).toBe(1);
  });

  it('escapes the five XML specials and drops control characters', () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'\u0001`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
  });
});

describe('the fixture programme across the end of summer time, two rooms', () => {
  const schedule = buildSchedule(input(OPEN_DATA_PROGRAMME));
  const events = schedule.days.flatMap((day) => day.rooms.flatMap(({ events }) => events));

  it('has every timed session with exact local time, offset and elapsed duration', () => {
    expect(events.map((event) => [event.slug.replace(/-\d+-/, '-N-'), event.date, event.start, event.end, event.duration, event.room])).toEqual([
      ['konferens_om_prostitution_och_manniskohandel_for_sexuella_andamal_2019-N-manniskohandel-i-sverige-idag', '2019-10-26T09:00:00+02:00', '09:00', '2019-10-26T10:30:00+02:00', '01:30', 'Stora salen'],
      ['konferens_om_prostitution_och_manniskohandel_for_sexuella_andamal_2019-N-att-arbeta-med-kvinnor', '2019-10-26T09:30:00+02:00', '09:30', '2019-10-26T10:45:00+02:00', '01:15', 'Lilla salen'],
      // 01:30 summer time to 03:30 standard time: three hours pass, not two.
      ['konferens_om_prostitution_och_manniskohandel_for_sexuella_andamal_2019-N-natten-nar-klockan-stalls-om', '2019-10-27T01:30:00+02:00', '01:30', '2019-10-27T03:30:00+01:00', '03:00', 'Stora salen'],
      ['konferens_om_prostitution_och_manniskohandel_for_sexuella_andamal_2019-N-lagesrapport', '2019-10-27T09:00:00+01:00', '09:00', '2019-10-27T10:00:00+01:00', '01:00', 'Lilla salen'],
    ]);
    expect(schedule.omitted).toBe(2);
    expect(schedule.days.map((day) => [day.index, day.date, day.start, day.end])).toEqual([
      [1, '2019-10-26', '2019-10-26T09:00:00+02:00', '2019-10-26T17:00:00+02:00'],
      [2, '2019-10-27', '2019-10-27T01:00:00+02:00', '2019-10-27T12:00:00+01:00'],
    ]);
    expect(schedule.timeslotDuration).toBe('00:15');
    expect(schedule.timeZone).toBe('Europe/Stockholm');
  });

  it('derives GUIDs from the site and the session or speaker id, and ids from the GUIDs', () => {
    const event = events.find((candidate) => candidate.slug.endsWith('-lagesrapport'))!;
    expect(event.guid).toBe('48093f9f-958a-50a3-b9d1-301ff6bdc8fc');
    expect(event.id).toBe(0x48093f9f);
    expect(event.url).toBe('https://konferens.example.se/program/#punkt-lagesrapport');
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'https://konferens.example.se/talare/#mia-schyberg')
    expect(event.persons.map((person) => [person.name, person.guid, person.url])).toEqual([
      ['Mia Schyberg', uuidV5('https://konferens.example.se/talare/#mia-schyberg'), 'https://konferens.example.se/talare/#mia-schyberg'],
    ]);
    const other = buildSchedule(input(OPEN_DATA_PROGRAMME, { site: 'https://example.github.io', base: '/konferens/' }));
    const moved = other.days.flatMap((day) => day.rooms.flatMap(({ events }) => events)).find((candidate) => candidate.slug.endsWith('-lagesrapport'))!;
    expect(moved.guid).not.toBe(event.guid);
    expect(new Set([...events.map((e) => e.id), ...events.map((e) => e.guid)]).size).toBe(events.length * 2);
  });

  // Golden files: the whole output with pinned site, for a person to read and for any change to show
  // up in review. After an intended change: npx vitest run tests/unit/schedule.test.ts -u
  it('matches the golden schedule.xml and schedule.json', async () => {
    await expect(scheduleXml(schedule, XML_URL)).toMatchFileSnapshot('../fixtures/open-data/schedule.golden.xml');
    await expect(scheduleJson(schedule)).toMatchFileSnapshot('../fixtures/open-data/schedule.golden.json');
  });

  it('is the same model when built twice', () => {
    expect(scheduleJson(buildSchedule(input(OPEN_DATA_PROGRAMME)))).toBe(scheduleJson(schedule));
  });

  it('writes XML that the format’s XSD accepts', async () => {
    const xml = scheduleXml(schedule, XML_URL);
    expect(await scheduleXmlErrors(xml)).toEqual([]);
    expect(xml).toContain('<title>Att arbeta med kvinnor i prostitution &amp; människohandel</title>');
    expect(xml).toContain('<abstract>Fixturtext med &lt;vinkelparenteser&gt; &amp; et-tecken.</abstract>');
  });

  it('writes JSON that the format’s JSON Schema accepts', () => {
    expect(scheduleJsonErrors(scheduleJson(schedule))).toEqual([]);
  });

  it('the validators reject a broken file, so a pass means something', async () => {
    const xml = scheduleXml(schedule, XML_URL).replace('<duration>01:30</duration>', '<duration>90 min</duration>');
    expect((await scheduleXmlErrors(xml)).join('\n')).toMatch(/duration/);
    const json = JSON.parse(scheduleJson(schedule));
    json.schedule.conference.days[0].rooms['Stora salen'][0].guid = 'not-a-uuid';
    json.schedule.conference.extra = true;
    const errors = scheduleJsonErrors(JSON.stringify(json)).join('\n');
    expect(errors).toMatch(/guid must match format "uuid"/);
    expect(errors).toMatch(/conference must NOT have additional properties.*"extra"/);
  });
});

describe('the seed programme, whose sessions have no times', () => {
  const schedule = buildSchedule(input(SEED_PROGRAMME));

  it('has both days and no events, and both files are still valid', async () => {
    expect(schedule.days.map((day) => [day.date, day.start, day.end, day.rooms.length])).toEqual([
      ['2019-09-25', '2019-09-25T11:00:00+02:00', '2019-09-25T16:30:00+02:00', 0],
      ['2019-09-26', '2019-09-26T08:30:00+02:00', '2019-09-26T13:00:00+02:00', 0],
    ]);
    expect(schedule.omitted).toBe(3);
    expect(await scheduleXmlErrors(scheduleXml(schedule, XML_URL))).toEqual([]);
    expect(scheduleJsonErrors(scheduleJson(schedule))).toEqual([]);
  });
});
