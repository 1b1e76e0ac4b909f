import { describe, expect, it } from 'vitest';
import { dayLinkEvent, sessionLinkEvent, timedSessions } from '../../src/lib/formats/calendar.ts';
import {
  googleCalendarUrl,
  outlookCalendarUrl,
  webCalendarLinks,
  webcalUrl,
  type LinkEvent,
} from '../../src/lib/formats/calendar-links.ts';
import { calendarInput, FIXTURE_PROGRAMME, programmeData, SEED_PROGRAMME } from '../fixtures/calendar/ics.ts';

const seedDay1 = (): LinkEvent => {
  const input = calendarInput(programmeData(SEED_PROGRAMME));
  return dayLinkEvent(input, input.programme.days[0]!);
};

describe('Google Calendar link', () => {
  it('decodes to the title, UTC start/end, zone, details and location', () => {
    const event = seedDay1();
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    const query = url.searchParams;
    expect(query.get('action')).toBe('TEMPLATE');
    expect(query.get('text')).toBe('Konferens om prostitution och människohandel för sexuella ändamål, dag 1');
    expect(query.get('dates')).toBe('20190925T090000Z/20190925T143000Z');
    expect(query.get('ctz')).toBe('Europe/Stockholm');
    expect(query.get('location')).toBe('Selma Spa, Sunne');
    expect(query.get('details')).toBe(event.details);
    expect(query.get('details')).toContain('Dag och tid för föreläsningarna meddelas senare.');
    expect(query.get('details')).toContain('https://konferens.example.se/program/');
  });

  it('encodes spaces as %20, not "+"', () => {
    expect(googleCalendarUrl(seedDay1())).not.toContain('+');
  });
});

describe('Outlook links', () => {
  it.each([
    ['live', 'https://outlook.live.com'],
    ['office', 'https://outlook.office.com'],
  ] as const)('%s decodes to the compose deeplink with subject, ISO start/end, location and body', (host, origin) => {
    const input = calendarInput(programmeData(SEED_PROGRAMME));
    const event = dayLinkEvent(input, input.programme.days[1]!);
    const url = new URL(outlookCalendarUrl(event, host));
    expect(url.origin).toBe(origin);
    expect(url.pathname).toBe('/calendar/0/deeplink/compose');
    const query = url.searchParams;
    expect(query.get('path')).toBe('/calendar/action/compose');
    expect(query.get('rru')).toBe('addevent');
    expect(query.get('subject')).toBe('Konferens om prostitution och människohandel för sexuella ändamål, dag 2');
    expect(query.get('startdt')).toBe('2019-09-26T06:30:00Z');
    expect(query.get('enddt')).toBe('2019-09-26T11:00:00Z');
    expect(new Date(query.get('startdt')!).toISOString()).toBe('2019-09-26T06:30:00.000Z');
    expect(query.get('location')).toBe('Selma Spa, Sunne');
    expect(query.get('body')).toBe(event.details);
  });
});

describe('per-session links', () => {
  it('carry the session’s own instants, also after summer time ends', () => {
    const input = calendarInput(programmeData(FIXTURE_PROGRAMME));
    const [first, night, monday] = timedSessions(input.programme).map((session) => sessionLinkEvent(input, session));
    expect(new URL(googleCalendarUrl(first!)).searchParams.get('dates')).toBe('20191026T070000Z/20191026T083000Z');
    expect(new URL(googleCalendarUrl(night!)).searchParams.get('dates')).toBe('20191026T233000Z/20191027T023000Z');
    const outlook = new URL(outlookCalendarUrl(monday!, 'live')).searchParams;
    expect([outlook.get('subject'), outlook.get('startdt'), outlook.get('enddt')]).toEqual([
      'Lägesrapport från Värmland, Dalarna och Örebro län',
      '2019-10-28T08:00:00Z',
      '2019-10-28T09:00:00Z',
    ]);
    // Characters that mean something in a query survive the round trip.
    expect(new URL(googleCalendarUrl(first!)).searchParams.get('text')).toBe(
      'Människohandel i Sverige idag – en rapport från verkligheten; frågor, svar och \\ bakstreck',
    );
  });

  it('offers Google, Outlook.com and Outlook in Microsoft 365, in that order', () => {
    expect(webCalendarLinks(seedDay1()).map((link) => [link.service, new URL(link.url).host])).toEqual([
      ['google', 'calendar.google.com'],
      ['outlookLive', 'outlook.live.com'],
      ['outlookOffice', 'outlook.office.com'],
    ]);
  });
});

describe('webcal link', () => {
  it('is the same file with webcal:// in front, whatever SITE_URL is', () => {
    expect(webcalUrl('https://konferens.example.se/kalender/konferens.ics')).toBe('webcal://konferens.example.se/kalender/konferens.ics');
    expect(webcalUrl('https://example.github.io/konferens/kalender/konferens.ics')).toBe(
      'webcal://example.github.io/konferens/kalender/konferens.ics',
    );
    expect(webcalUrl('http://localhost:4321/kalender/konferens.ics')).toBe('webcal://localhost:4321/kalender/konferens.ics');
    expect(() => webcalUrl('ftp://example.se/x.ics')).toThrow();
  });
});
