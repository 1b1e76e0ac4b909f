/**
 * The conference as iCalendar (RFC 5545), built with ical-generator from the resolved programme.
 * Pure: the programme, the people and the site settings go in, a calendar comes out; the
 * endpoint in src/pages/kalender/ writes it to dist/kalender/*.ics.
 *
 * Things ical-generator 11 does not do for us, handled here:
 * - Times are written as TZID=<zone> wall-clock values with a VTIMEZONE from timezones-ical-library.
 *   ical-generator prints a `Date` with the machine's zone, so it gets wall-clock strings instead.
 * - A calendar-level time zone would make it write DTSTAMP/LAST-MODIFIED as local time without "Z";
 *   the zone is therefore set on each event only and X-WR-TIMEZONE added as an X- property.
 * - NAME, X-WR-CALNAME and X-WR-CALDESC are written unescaped, so they are escaped here.
 * - Calendar properties written after the components are moved before them, and the last line
 *   gets its CRLF (RFC 5545 ends every content line with one): see calendarText.
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus, type ICalCalendar, type ICalEventData } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { listText, t } from '../../i18n/sv.ts';
import type { LinkEvent } from './calendar-links.ts';
import type { SiteContent } from '../content/content.ts';
import { formatDate, formatDayWithHours, formatTimeRange, isoWithOffset, timeZoneLabel } from '../core/dates.ts';
import { siteName, type ResolvedDay, type ResolvedProgramme, type ResolvedSession } from '../content/programme.ts';
import { buildTime } from '../core/status.ts';
import { absoluteUrl, paths } from '../core/urls.ts';

/** What the calendars are made from; everything is plain data, so tests can pass fixtures. */
export interface CalendarInput {
  programme: ResolvedProgramme;
  /** The organising organisations in programme order. */
  organisers: readonly { id: string; name: string }[];
  /** Contacts in programme order; the first one working for an organiser becomes ORGANIZER's address. */
  contacts: readonly { name: string; organisation: string; email: string }[];
  /** Origin from SITE_URL, "https://konferens.example.se". */
  site: string;
  /** Base path, "/" or "/konferens/". */
  base: string;
  /** DTSTAMP and LAST-MODIFIED; see `calendarStamp`. */
  stamp: Date;
}

/** The calendar input from the site's content, as pages and the .ics endpoint load it. */
export function calendarInputFrom(
  content: Pick<SiteContent, 'programme' | 'organisations' | 'contacts' | 'releases'>,
  site: string,
  base: string,
  env: Record<string, string | undefined> = process.env,
): CalendarInput {
  const { programme, organisations, contacts, releases } = content;
  return {
    programme,
    organisers: programme.data.organisers.flatMap((id) => organisations.get(id) ?? []),
    contacts: programme.data.contacts.flatMap((id) => contacts.find((contact) => contact.id === id) ?? []),
    site,
    base,
    stamp: calendarStamp(env, releases.map((release) => release.data.published)),
  };
}

/** Subscribed calendars are asked to refresh once a day (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const REFRESH_SECONDS = 24 * 60 * 60;

/** PRODID names the site that wrote the calendar; ical-generator puts the leading "-" in front. */
function productId(programme: ResolvedProgramme): string {
  return `//${siteName(programme.data)}//Kalender//SV`;
}

/**
 * The calendar's one clock. SOURCE_DATE_EPOCH, the build's clock, which every `astro build` has (the
 * deploy workflow sets it to the time of the build; otherwise the build fixes it at its start,
 * status.ts fixBuildClock). Without it (`astro dev`, tests) the newest dated fact in the content (a
 * release's publication time), never "now", so two renders of the same input give the same bytes.
 */
export function calendarStamp(env: Record<string, string | undefined>, contentTimes: readonly Date[]): Date {
  if (env.SOURCE_DATE_EPOCH?.trim()) return buildTime(env);
  const newest = Math.max(0, ...contentTimes.map((time) => time.getTime()));
  return new Date(Math.floor(newest / 1000) * 1000);
}

/**
 * SEQUENCE follows LAST-MODIFIED: whole minutes since 1970 of the stamp.
 *
 * Why not something else: a content hash is not monotonic, so a changed event could get a lower
 * number and Outlook would keep the old copy; a counter in the YAML works only while editors remember
 * to raise it. The stamp comes from SOURCE_DATE_EPOCH, which the deploy workflow sets to the time of the build and which so only grows, so
 * every published revision carries a higher SEQUENCE than the one before and clients replace the
 * event instead of adding a second one. The price: an unchanged event is bumped too, which clients
 * treat as an update with the same content. Minutes keep the number well inside RFC 5545's 32-bit
 * INTEGER for thousands of years.
 */
export function sequenceFor(stamp: Date): number {
  return Math.floor(stamp.getTime() / 60_000);
}

/**
 * UID: stable and globally unique. The right-hand side is the site's host; the left names the
 * thing (day by its number, session by its id) and the base path, so two sites on one host differ.
 * Neither the date nor the title is part of it: a day that moves keeps its UID and gets a new
 * SEQUENCE, which is how a subscriber sees a change rather than a duplicate. (A day inserted before
 * the others renumbers them; subscribers then see changed days, still no duplicates.)
 */
export function eventUid(local: string, site: string, base: string): string {
  const prefix = base.split('/').filter(Boolean).join('.');
  return `${prefix ? `${prefix}.` : ''}${local}@${new URL(site).host}`;
}

/** Sessions with a day, a start and an end: the ones program.ics and the per-session links offer. */
export function timedSessions(programme: ResolvedProgramme): (ResolvedSession & { start: Date; end: Date })[] {
  return programme.days.flatMap((day) =>
    day.sessions.filter((session): session is ResolvedSession & { start: Date; end: Date } =>
      Boolean(session.start && session.end),
    ),
  );
}

/** One VEVENT per conference day: dist/kalender/konferens.ics. */
export function conferenceCalendar(input: CalendarInput): ICalCalendar {
  const { programme } = input;
  const calendar = baseCalendar(input, programme.data.name, paths.calendar);
  for (const day of programme.days) {
    calendar.createEvent({
      ...common(input),
      id: eventUid(`dag-${day.number}`, input.site, input.base),
      start: wallClock(day.start, programme.timeZone),
      end: wallClock(day.end, programme.timeZone),
      summary: clean(t('calendar.daySummary', { name: programme.data.name, number: day.number })),
      description: clean(dayDescription(input, day)),
      url: absoluteUrl(paths.programme, input.site, input.base),
      categories: [{ name: t('calendar.categoryConference') }],
    });
  }
  return calendar;
}

/** One VEVENT per timed session: dist/kalender/program.ics. Undefined when no session has times. */
export function sessionCalendar(input: CalendarInput): ICalCalendar | undefined {
  const { programme } = input;
  const sessions = timedSessions(programme);
  if (sessions.length === 0) return undefined;
  const calendar = baseCalendar(input, t('calendar.sessionsName', { name: programme.data.name }), paths.sessionCalendar);
  for (const session of sessions) {
    const shared = common(input);
    calendar.createEvent({
      ...shared,
      location: { ...(shared.location as object), title: sessionLocationText(programme, session) },
      id: eventUid(`punkt-${session.id}`, input.site, input.base),
      start: wallClock(session.start, programme.timeZone),
      end: wallClock(session.end, programme.timeZone),
      summary: clean(session.title),
      description: clean(sessionDescription(input, session)),
      url: sessionUrl(input, session.id),
      categories: [{ name: t('calendar.categorySession') }],
    });
  }
  return calendar;
}

/** A conference day as one event for the Google and Outlook links; same text as in the .ics. */
export function dayLinkEvent(input: CalendarInput, day: ResolvedDay): LinkEvent {
  const { programme } = input;
  return {
    title: t('calendar.daySummary', { name: programme.data.name, number: day.number }),
    start: day.start,
    end: day.end,
    details: dayDescription(input, day),
    location: locationText(programme),
    timeZone: programme.timeZone,
  };
}

/** A timed session as one event for the Google and Outlook links. */
export function sessionLinkEvent(input: CalendarInput, session: ResolvedSession & { start: Date; end: Date }): LinkEvent {
  const { programme } = input;
  return {
    title: session.title,
    start: session.start,
    end: session.end,
    details: sessionDescription(input, session),
    location: sessionLocationText(programme, session),
    timeZone: programme.timeZone,
  };
}

/**
 * The calendar as RFC 5545 text: CRLF line ends (the last line too) and lines folded at 75 octets
 * without splitting a UTF-8 character, both by ical-generator (tested). It writes some calendar
 * properties (REFRESH-INTERVAL, X-PUBLISHED-TTL, X- properties) after VTIMEZONE or the events, which
 * RFC 5545's grammar does not allow ("icalbody = calprops component"), so they are moved up here.
 */
export function calendarText(calendar: ICalCalendar): string {
  return `${hoistCalendarProperties(calendar.toString())}\r\n`;
}

/** Moves calendar-level properties found after the first component to just before it. */
function hoistCalendarProperties(text: string): string {
  // A content line is its first physical line plus any folded continuation lines (leading space).
  const contentLines: string[][] = [];
  for (const line of text.split('\r\n')) {
    const last = contentLines.at(-1);
    if (line.startsWith(' ') && last) last.push(line);
    else contentLines.push([line]);
  }
  const kept: string[][] = [];
  const hoisted: string[][] = [];
  let depth = 0;
  let firstComponent = -1;
  for (const contentLine of contentLines) {
    const head = contentLine[0] ?? '';
    if (head.startsWith('BEGIN:')) {
      depth += 1;
      if (depth === 2 && firstComponent < 0) firstComponent = kept.length;
    } else if (head.startsWith('END:')) {
      depth -= 1;
    } else if (depth === 1 && firstComponent >= 0) {
      hoisted.push(contentLine);
      continue;
    }
    kept.push(contentLine);
  }
  if (firstComponent >= 0) kept.splice(firstComponent, 0, ...hoisted);
  return kept.flat().join('\r\n');
}

/** Address of a session on the programme page. */
export function sessionUrl(input: Pick<CalendarInput, 'site' | 'base'>, sessionId: string): string {
  return `${absoluteUrl(paths.programme, input.site, input.base)}#punkt-${sessionId}`;
}

/** The day's programme as plain text, shared by the .ics DESCRIPTION and the Google/Outlook links. */
export function dayDescription(input: CalendarInput, day: ResolvedDay): string {
  const { programme } = input;
  const { timeZone } = programme;
  const lines = [
    `${t('calendar.daySummary', { name: programme.data.name, number: day.number })}: ${formatDayWithHours(day.start, day.end, timeZone)}. ${t('time.zone', { zone: timeZoneLabel(timeZone) })}`,
    `${t('calendar.place')}: ${locationText(programme)}.`,
  ];
  if (day.sessions.length > 0) {
    lines.push('', `${t('calendar.dayProgramme')}:`);
    for (const session of day.sessions) {
      lines.push(
        session.start && session.end
          ? `${formatTimeRange(session.start, session.end, timeZone)} ${sessionLine(session)}${roomText(session)}`
          : `${sessionLine(session)} (${[t('calendar.timeTba'), session.room && `${t('programme.room')}: ${session.room}`].filter(Boolean).join(', ')})`,
      );
    }
  }
  if (programme.unscheduled.length > 0) {
    lines.push('', `${t('calendar.lectures')}:`);
    for (const session of programme.unscheduled) lines.push(`– ${sessionLine(session)}${roomText(session)}`);
    lines.push(t('calendar.lecturesTba'));
  }
  lines.push('', organisersLine(input), `${t('calendar.programmeLink')}: ${absoluteUrl(paths.programme, input.site, input.base)}`);
  return lines.join('\n');
}

/** A session as plain text for its own event. */
export function sessionDescription(input: CalendarInput, session: ResolvedSession & { start: Date }): string {
  const { programme } = input;
  const day = programme.days.find((candidate) => candidate.date === session.day);
  const lines = [session.title];
  if (session.speakers.length > 0) {
    const names = session.speakers.map((speaker) => `${speaker.name}, ${speaker.role}`);
    lines.push(`${t('programme.speakers')}: ${names.join('; ')}`);
  }
  if (session.description) lines.push(session.description);
  if (session.room) lines.push(`${t('programme.room')}: ${session.room}`);
  lines.push(
    '',
    day
      ? `${t('calendar.daySummary', { name: programme.data.name, number: day.number })}, ${formatDate(session.start, programme.timeZone)}.`
      : `${programme.data.name}.`,
    `${t('calendar.place')}: ${locationText(programme)}.`,
    organisersLine(input),
    `${t('calendar.programmeLink')}: ${sessionUrl(input, session.id)}`,
  );
  return lines.join('\n');
}

/** "Selma Spa, Sunne", with street address and postal code when the programme gives them. */
export function locationText(programme: ResolvedProgramme): string {
  const { venue } = programme.data;
  const town = venue.postalCode ? `${venue.postalCode} ${venue.town}` : venue.town;
  return [venue.name, venue.address, town].filter(Boolean).join(', ');
}

/** "Stora salen, Selma Spa, Sunne": a session's room first, when the programme gives one. */
export function sessionLocationText(programme: ResolvedProgramme, session: ResolvedSession): string {
  return [session.room, locationText(programme)].filter(Boolean).join(', ');
}

function baseCalendar(input: CalendarInput, name: string, path: string): ICalCalendar {
  const calendar = ical({
    prodId: productId(input.programme),
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes these three raw; RFC 5545 TEXT needs , ; \ and newlines escaped.
    name: escape(clean(name), false),
    description: escape(clean(input.programme.data.summary), false),
    url: absoluteUrl(paths.programme, input.site, input.base),
    source: absoluteUrl(path, input.site, input.base),
    ttl: REFRESH_SECONDS,
    // No name on purpose: with a calendar zone ical-generator writes DTSTAMP as local time.
    timezone: { name: null, generator: vtimezone },
  });
  calendar.x('X-WR-TIMEZONE', input.programme.timeZone);
  return calendar;
}

/** Properties every event shares. */
function common(input: CalendarInput): Partial<ICalEventData> {
  const { programme } = input;
  const organizer = organizerOf(input);
  const venue = programme.data.venue;
  return {
    timezone: programme.timeZone,
    stamp: input.stamp,
    lastModified: input.stamp,
    sequence: sequenceFor(input.stamp),
    location: { title: locationText(programme), ...(venue.geo && { geo: { lat: venue.geo.lat, lon: venue.geo.lon } }) },
    status: ICalEventStatus.CONFIRMED,
    ...(organizer && { organizer }),
  };
}

/**
 * ORGANIZER needs a mailto address (RFC 5545 cal-address). The organisers have none of their own,
 * so the first programme contact who works for one of them is used; none means no ORGANIZER.
 */
function organizerOf(input: CalendarInput): { name: string; email: string } | undefined {
  const organiserIds = new Set(input.organisers.map((organiser) => organiser.id));
  const contact = input.contacts.find((candidate) => organiserIds.has(candidate.organisation));
  if (!contact || input.organisers.length === 0) return undefined;
  return { name: listText(input.organisers.map((organiser) => organiser.name)), email: contact.email };
}

function organisersLine(input: CalendarInput): string {
  return `${t('calendar.organisers')}: ${listText(input.organisers.map((organiser) => organiser.name))}.`;
}

/** ", Lokal: Stora salen" when the programme gives a room, whether or not it gives times. */
function roomText(session: ResolvedSession): string {
  return session.room ? `, ${t('programme.room')}: ${session.room}` : '';
}

function sessionLine(session: ResolvedSession): string {
  if (session.speakers.length === 0) return session.title;
  return `${session.title} (${listText(session.speakers.map((speaker) => speaker.name))})`;
}

/**
 * "2019-09-25T11:00:00": the wall clock in the event's zone, which ical-generator writes after
 * TZID=. It parses the string in the machine's zone and prints it back in the same zone; that round
 * trip is exact except inside the hour the machine's own zone skips in spring. Rather than shift a
 * time silently there, the build stops and asks for TZ=UTC.
 */
export function wallClock(instant: Date, timeZone: string): string {
  const text = isoWithOffset(instant, timeZone).slice(0, 19);
  const parsed = new Date(text);
  const pad = (value: number) => String(value).padStart(2, '0');
  const back = `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}T${pad(parsed.getHours())}:${pad(parsed.getMinutes())}:${pad(parsed.getSeconds())}`;
  if (back !== text) {
    throw new Error(
      `Kalendern: tiden ${text} (${timeZone}) finns inte i byggdatorns tidszon och kan inte skrivas exakt. Bygg med TZ=UTC.`,
    );
  }
  return text;
}

/**
 * VTIMEZONE in the RRULE form (STANDARD and DAYLIGHT) that Outlook accepts. timezones-ical-library
 * answers with the canonical zone (Europe/Stockholm is a link to Europe/Berlin in the tz database,
 * same rules), so the TZID is set back to the name the events use. The block holds today's rules
 * only, which is right for Sweden: its summer time rules have not changed since 1996.
 */
export function vtimezone(zone: string): string {
  const answer = tzlib_get_ical_block(zone);
  const block = Array.isArray(answer) ? answer[0] : undefined;
  if (!block || !block.startsWith('BEGIN:VTIMEZONE')) {
    throw new Error(`Kalendern: ingen VTIMEZONE för tidszonen "${zone}" (${String(answer)}).`);
  }
  return block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/** Drops control characters RFC 5545 TEXT may not hold (tab and newline stay). */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
