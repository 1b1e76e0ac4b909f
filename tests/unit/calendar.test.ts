import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  calendarStamp,
  calendarText,
  conferenceCalendar,
  eventUid,
  sequenceFor,
  sessionCalendar,
  vtimezone,
  wallClock,
} from '../../src/lib/formats/calendar.ts';
import { zonedInstant } from '../../src/lib/core/dates.ts';
import {
  calendarInput,
  contentLines,
  decodeText,
  FIXTURE_PROGRAMME,
  lineProblems,
  parseCalendar,
  programmeData,
  SEED_PROGRAMME,
  unfold,
} from '../fixtures/calendar/ics.ts';

const fixture = () => calendarInput(programmeData(FIXTURE_PROGRAMME));
const seed = () => calendarInput(programmeData(SEED_PROGRAMME));
const conferenceText = (input = fixture()) => calendarText(conferenceCalendar(input));
const sessionText = (input = fixture()) => {
  const calendar = sessionCalendar(input);
  if (!calendar) throw new Error('expected a session calendar');
  return calendarText(calendar);
};

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('VTIMEZONE', () => {
  it('is Europe/Stockholm in the RRULE form with DAYLIGHT and STANDARD', () => {
    const block = vtimezone('Europe/Stockholm');
    expect(block).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Stockholm\r\n/);
    expect(block).toContain(
      'BEGIN:DAYLIGHT\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT',
    );
    expect(block).toContain(
      'BEGIN:STANDARD\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD',
    );
    expect(block).not.toContain('Europe/Berlin');
  });

  it('refuses a zone it has no data for instead of inventing one', () => {
    expect(() => vtimezone('Europe/Atlantis')).toThrow(/Europe\/Atlantis/);
  });
});

describe('conference calendar from the fixture programme (end of summer time)', () => {
  it('has one event per day at the right UTC instants, read through the file’s own VTIMEZONE', () => {
    const { events } = parseCalendar(conferenceText());
    expect(events.map(({ start, end, startZone }) => [start, end, startZone])).toEqual([
      ['2019-10-26T07:00:00.000Z', '2019-10-26T15:00:00.000Z', 'Europe/Stockholm'],
      // 01:00 CEST to 12:00 CET: eleven hours on the wall clock, twelve in fact.
      ['2019-10-26T23:00:00.000Z', '2019-10-27T11:00:00.000Z', 'Europe/Stockholm'],
      ['2019-10-28T07:30:00.000Z', '2019-10-28T12:00:00.000Z', 'Europe/Stockholm'],
    ]);
  });

  it('writes timed events with TZID, never floating or all-day', () => {
    const lines = contentLines(conferenceText());
    const events = lines.slice(lines.indexOf('BEGIN:VEVENT'));
    const times = events.filter((line) => /^DT(START|END)[;:]/.test(line));
    expect(times).toHaveLength(6);
    for (const line of times) expect(line).toMatch(/^DT(START|END);TZID=Europe\/Stockholm:\d{8}T\d{6}$/);
  });

  it('depends on the VTIMEZONE it carries (without it the zone is unknown to the parser)', () => {
    const text = conferenceText().replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/, '');
    const { events } = parseCalendar(text);
    expect(events[0]?.startZone).not.toBe('Europe/Stockholm');
  });

  it('keeps calendar properties before the first component and ends every line with CRLF', () => {
    const text = conferenceText();
    const lines = contentLines(text);
    const firstComponent = lines.findIndex((line, index) => index > 0 && line.startsWith('BEGIN:'));
    const head = lines.slice(0, firstComponent);
    expect(head).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'PRODID:-//Konferens om prostitution och människohandel//Kalender//SV',
        'METHOD:PUBLISH',
        'REFRESH-INTERVAL;VALUE=DURATION:P1D',
        'X-PUBLISHED-TTL:P1D',
        'X-WR-TIMEZONE:Europe/Stockholm',
        'X-WR-CALNAME:Konferens om prostitution och människohandel för sexuella ändamål',
      ]),
    );
    // Nothing but components and END:VCALENDAR after the first component.
    let depth = 0;
    for (const line of lines.slice(firstComponent)) {
      if (line.startsWith('BEGIN:')) depth += 1;
      else if (line.startsWith('END:')) depth -= 1;
      else expect(depth, line).toBeGreaterThan(0);
    }
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lineProblems(Buffer.from(text))).toEqual([]);
  });
});

describe('session calendar from the fixture programme', () => {
  it('has one event per timed session with the right UTC instants either side of the change', () => {
    const { events } = parseCalendar(sessionText());
    expect(events.map(({ uid, start, end }) => [uid, start, end])).toEqual([
      ['punkt-manniskohandel-i-sverige-idag@konferens.example.se', '2019-10-26T07:00:00.000Z', '2019-10-26T08:30:00.000Z'],
      // 01:30 CEST to 03:30 CET spans the repeated hour: three hours.
      ['punkt-natten-nar-klockan-stalls-om@konferens.example.se', '2019-10-26T23:30:00.000Z', '2019-10-27T02:30:00.000Z'],
      // The same 09:00 wall clock as on Saturday, an hour later in UTC.
      ['punkt-lagesrapport@konferens.example.se', '2019-10-28T08:00:00.000Z', '2019-10-28T09:00:00.000Z'],
    ]);
  });

  it('is not offered for the seed programme, which has no session times', () => {
    expect(sessionCalendar(seed())).toBeUndefined();
  });
});

describe('RFC 5545 text rules', () => {
  it('round-trips , ; \\ newlines and quotes through escaping', () => {
    const input = fixture();
    const session = input.programme.days[0]?.sessions[0];
    const { calendar, events } = parseCalendar(sessionText(input));
    expect(events[0]?.summary).toBe(session?.title);
    expect(events[0]?.summary).toBe('Människohandel i Sverige idag – en rapport från verkligheten; frågor, svar och \\ bakstreck');
    expect(events[0]?.description).toContain(
      'Första raden.\nAndra raden med åäö ÅÄÖ, kommatecken, semikolon; kolon: och citattecken "så här".',
    );
    // NAME, X-WR-CALNAME and X-WR-CALDESC, which ical-generator leaves unescaped.
    expect(decodeText(String(calendar.getFirstPropertyValue('x-wr-caldesc')))).toBe(input.programme.data.summary);
    expect(decodeText(String(calendar.getFirstPropertyValue('name')))).toBe(`${input.programme.data.name}: programpunkter`);
    expect(input.programme.data.summary).toMatch(/;.*,.*\\/);
    // A lenient parser reads an unescaped value back just as well, so check the escaped form itself.
    expect(contentLines(sessionText(input))).toContain(
      'X-WR-CALDESC:Testprogram\\; med kommatecken\\, semikolon och bakstreck \\\\ i texten',
    );
  });

  it('folds long Swedish lines at 75 octets without splitting a character', () => {
    const text = sessionText();
    const bytes = Buffer.from(text);
    expect(lineProblems(bytes)).toEqual([]);
    // Folding really happened on lines with multi-byte characters ...
    expect(text.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    // ... and unfolding gives the text back whole.
    expect(unfold(text)).toContain('åäöåäöåäöåäöåäöåäöåäöåäöåäöåäöåäö');
  });

  it('the line checker itself catches a split character, a long line and a bare LF', () => {
    const good = Buffer.from('SUMMARY:å\r\n');
    expect(lineProblems(good)).toEqual([]);
    const split = Buffer.concat([Buffer.from('SUMMARY:'), Buffer.from('å').subarray(0, 1), Buffer.from('\r\n '), Buffer.from('å').subarray(1), Buffer.from('\r\n')]);
    expect(lineProblems(split).join()).toMatch(/split/);
    expect(lineProblems(Buffer.from(`X:${'a'.repeat(74)}\r\n`)).join()).toMatch(/76 octets/);
    expect(lineProblems(Buffer.from('A:b\nC:d\r\n')).join()).toMatch(/bare/);
  });
});

describe('identity, stamps and SEQUENCE', () => {
  it('DTSTAMP and LAST-MODIFIED are the stamp in UTC', () => {
    const lines = contentLines(conferenceText(fixture()));
    expect(lines.filter((line) => line.startsWith('DTSTAMP:'))).toEqual(Array(3).fill('DTSTAMP:20260101T000000Z'));
    expect(lines.filter((line) => line.startsWith('LAST-MODIFIED:'))).toContain('LAST-MODIFIED:20260101T000000Z');
  });

  it('takes the stamp from SOURCE_DATE_EPOCH, else from the newest content date, never from the clock', () => {
    const times = [new Date('2019-09-23T11:57:00Z'), new Date('2019-09-20T08:00:00.500Z')];
    expect(calendarStamp({ SOURCE_DATE_EPOCH: '1767225600' }, times).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(calendarStamp({}, times).toISOString()).toBe('2019-09-23T11:57:00.000Z');
    expect(calendarStamp({}, []).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(() => calendarStamp({ SOURCE_DATE_EPOCH: 'yesterday' }, times)).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('UIDs are unique, carry the host and base path, and do not depend on dates or titles', () => {
    const { events } = parseCalendar(conferenceText());
    expect(events.map((event) => event.uid)).toEqual([
      'dag-1@konferens.example.se',
      'dag-2@konferens.example.se',
      'dag-3@konferens.example.se',
    ]);
    expect(eventUid('dag-1', 'https://example.github.io', '/konferens/')).toBe('konferens.dag-1@example.github.io');
    expect(eventUid('dag-1', 'http://localhost:4321', '/a/b/')).toBe('a.b.dag-1@localhost:4321');
  });

  it('a changed session and a moved day keep their UIDs and get a higher SEQUENCE', () => {
    const before = fixture();
    const data = programmeData(FIXTURE_PROGRAMME);
    const changedData = {
      ...data,
      days: data.days.map((day, index) => (index === 0 ? { ...day, date: '2019-10-25' } : day)),
      sessions: data.sessions.map((session) =>
        session.id === 'lagesrapport' ? { ...session, start: '10:00', end: '11:15' } : session,
      ),
    };
    const after = calendarInput(changedData, { stamp: new Date('2026-02-01T12:00:00Z') });

    const sessionsBefore = parseCalendar(sessionText(before)).events;
    const sessionsAfter = parseCalendar(sessionText(after)).events;
    const lagesrapport = (events: typeof sessionsBefore) => events.find((event) => event.uid.startsWith('punkt-lagesrapport@'));
    expect(lagesrapport(sessionsAfter)?.uid).toBe(lagesrapport(sessionsBefore)?.uid);
    expect(lagesrapport(sessionsAfter)?.start).toBe('2019-10-28T09:00:00.000Z');
    expect(lagesrapport(sessionsAfter)!.sequence).toBeGreaterThan(lagesrapport(sessionsBefore)!.sequence);

    const daysBefore = parseCalendar(conferenceText(before)).events;
    const daysAfter = parseCalendar(conferenceText(after)).events;
    expect(daysAfter.map((event) => event.uid)).toEqual(daysBefore.map((event) => event.uid));
    expect(daysAfter[0]?.start).toBe('2019-10-25T07:00:00.000Z');
    expect(daysAfter[0]!.sequence).toBeGreaterThan(daysBefore[0]!.sequence);
  });

  it('SEQUENCE grows with the stamp and stays a 32-bit integer', () => {
    const a = sequenceFor(new Date('2026-01-01T00:00:00Z'));
    const b = sequenceFor(new Date('2026-01-01T00:01:00Z'));
    expect(b).toBe(a + 1);
    expect(sequenceFor(new Date('2999-12-31T23:59:59Z'))).toBeLessThan(2 ** 31);
  });

  it('two generations of the same input give the same bytes, whatever the machine’s clock says', () => {
    // Fresh input objects and a clock a year and a half apart: a DTSTAMP, UID or SEQUENCE taken
    // from "now" or from a random source would make the two texts differ.
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const first = [conferenceText(), sessionText()];
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
      expect([conferenceText(), sessionText()]).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the machine’s time zone does not leak in', () => {
  const zoneOffsetNow = () => new Date('2019-10-26T12:00:00Z').getTimezoneOffset();

  it('gives the same bytes under TZ=UTC and TZ=America/New_York', () => {
    process.env.TZ = 'UTC';
    expect(zoneOffsetNow()).toBe(0);
    const utc = [conferenceText(), sessionText()];
    process.env.TZ = 'America/New_York';
    expect(zoneOffsetNow()).toBe(240);
    const newYork = [conferenceText(), sessionText()];
    expect(newYork).toEqual(utc);
  });

  it('stops rather than shift a time the build machine’s own zone skips', () => {
    // 02:30 on 10 March 2019 exists in Stockholm but not in New York (clocks jumped 02:00 -> 03:00).
    const instant = zonedInstant('2019-03-10', '02:30', 'Europe/Stockholm');
    process.env.TZ = 'UTC';
    expect(wallClock(instant, 'Europe/Stockholm')).toBe('2019-03-10T02:30:00');
    process.env.TZ = 'America/New_York';
    expect(() => wallClock(instant, 'Europe/Stockholm')).toThrow(/TZ=UTC/);
  });
});

describe('event content', () => {
  it('describes a seed day with the lectures, their speakers, the pending times and the page', () => {
    const { events } = parseCalendar(conferenceText(seed()));
    expect(events).toHaveLength(2);
    const description = events[0]?.description ?? '';
    expect(description).toContain('– Människohandel i Sverige idag – en rapport från verkligheten (Simon Häggström)');
    expect(description).toContain('– Att arbeta med kvinnor i prostitution och människohandel (Anna Sander och Josephine Appelqvist)');
    expect(description).toContain('Dag och tid för föreläsningarna meddelas senare.');
    expect(description).toContain('Hela programmet: https://konferens.example.se/program/');
    expect(events.map((event) => event.summary)).toEqual([
      'Konferens om prostitution och människohandel för sexuella ändamål, dag 1',
      'Konferens om prostitution och människohandel för sexuella ändamål, dag 2',
    ]);
  });

  it('lists a fixture day’s timed and untimed sessions', () => {
    const { events } = parseCalendar(conferenceText());
    expect(events[2]?.description).toContain('09.00–10.00 Lägesrapport från Värmland, Dalarna och Örebro län (Mia Schyberg)');
    expect(events[2]?.description).toContain('Programpunkt med dag men utan tid (tid meddelas senare)');
  });

  it('has LOCATION, GEO, URL, ORGANIZER, CATEGORIES and STATUS', () => {
    const { events } = parseCalendar(conferenceText());
    const event = events[0]!.component;
    expect(event.getFirstPropertyValue('location')).toBe('Selma Spa, Sunne');
    expect(event.getFirstPropertyValue('geo')).toEqual([59.8361, 13.1426]);
    expect(event.getFirstPropertyValue('url')).toBe('https://konferens.example.se/program/');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:isabel.persson@lansstyrelsen.se');
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe(
      'Länsstyrelsen Värmland, Länsstyrelsen Dalarna och Länsstyrelsen Örebro',
    );
    expect(event.getFirstPropertyValue('categories')).toBe('Konferens');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('leaves ORGANIZER out rather than invent an address when no organiser has a contact', () => {
    const text = conferenceText({ ...fixture(), contacts: [] });
    expect(contentLines(text).some((line) => line.startsWith('ORGANIZER'))).toBe(false);
  });

  it('has no GEO when the programme gives no coordinates', () => {
    expect(contentLines(conferenceText(seed())).some((line) => line.startsWith('GEO'))).toBe(false);
  });
});
