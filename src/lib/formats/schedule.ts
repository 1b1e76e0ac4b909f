/**
 * The programme as a conference schedule in the frab / c3voc format, version 1, the format
 * pretalx and frab publish and Giggity, ConfClerk and EventFahrplan read. This module builds one
 * plain model from the resolved programme; schedule-xml.ts and schedule-json.ts serialise it, so
 * both files always say the same thing.
 *
 * @see https://c3voc.de/wiki/schedule (format) and tests/fixtures/frab/ (the XSD and JSON Schema)
 */
import { createHash } from 'node:crypto';
import { isoWithOffset } from '../core/dates.ts';
import type { ResolvedProgramme, ResolvedSession } from '../content/programme.ts';
import { slugify } from '../core/slug.ts';
import { absoluteUrl, paths } from '../core/urls.ts';
import { uuidV5 } from '../core/uuid.ts';

export interface ScheduleInput {
  programme: ResolvedProgramme;
  /** Origin from SITE_URL, "https://konferens.example.se". */
  site: string;
  /** Base path, "/" or "/konferens/". */
  base: string;
}

export interface SchedulePerson {
  guid: string;
  id: number;
  name: string;
  /** The speakers page, at the speaker's entry. */
  url: string;
  biography?: string;
}

export interface ScheduleRoom {
  name: string;
  slug: string;
  guid: string;
}

export interface ScheduleEvent {
  guid: string;
  id: number;
  /** Start with the zone's UTC offset, "2019-10-26T09:00:00+02:00". */
  date: string;
  end: string;
  /** Local wall-clock start, "09:00". */
  start: string;
  /** Elapsed time "HH:MM", so a session across the autumn clock change counts its extra hour. */
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  abstract?: string;
  persons: SchedulePerson[];
}

export interface ScheduleDay {
  /** 1-based, as "dag 1" on the site. */
  index: number;
  date: string;
  start: string;
  end: string;
  /** Rooms with events on this day, in the conference's room order. */
  rooms: { room: ScheduleRoom; events: ScheduleEvent[] }[];
}

export interface Schedule {
  /** Changes exactly when the schedule's content changes (a hash), so apps can tell a new version. */
  version: string;
  acronym: string;
  title: string;
  description: string;
  start: string;
  end: string;
  timeZone: string;
  /** Largest grid ("00:15") that every start and end falls on. */
  timeslotDuration: string;
  /** Site origin plus base path. */
  baseUrl: string;
  /** The programme page. */
  url: string;
  rooms: ScheduleRoom[];
  days: ScheduleDay[];
  /** How many sessions were left out because the content gives them no day, start and end. */
  omitted: number;
}

/** Language of every session: the conference is held in Swedish. */
export const SCHEDULE_LANGUAGE = 'sv';
/** frab's event type for a talk with speakers; every session on this site is a lecture. */
export const SCHEDULE_EVENT_TYPE = 'lecture';

/** Builds the schedule model. Pure: the same input gives the same model, byte for byte once written. */
export function buildSchedule(input: ScheduleInput): Schedule {
  const { programme, site, base } = input;
  const { data, timeZone } = programme;
  const programmeUrl = absoluteUrl(paths.programme, site, base);
  const acronym = scheduleAcronym(data.acronym, data.name, data.days[0]?.date ?? '');

  const timed = programme.days.flatMap((day) =>
    day.sessions.filter((session): session is ResolvedSession & { start: Date; end: Date } => Boolean(session.start && session.end)),
  );
  // A session with a time but no room is still at the venue: the venue's name is its room.
  const roomName = (session: ResolvedSession) => session.room ?? data.venue.name;
  const rooms = [...new Set(timed.map(roomName))].map((name) => scheduleRoom(name, programmeUrl));
  const roomByName = new Map(rooms.map((room) => [room.name, room]));

  const ids = new Map<number, string>();
  const event = (session: ResolvedSession & { start: Date; end: Date }): ScheduleEvent => {
    const url = `${programmeUrl}#punkt-${session.id}`;
    const guid = uuidV5(url);
    const id = integerId(guid);
    const clash = ids.get(id);
    if (clash) {
      throw new Error(
        `Programpunkterna "${clash}" och "${session.id}" fick samma nummer i schemafilerna. Byt id på en av dem i program.yaml.`,
      );
    }
    ids.set(id, session.id);
    return {
      guid,
      id,
      date: isoWithOffset(session.start, timeZone),
      end: isoWithOffset(session.end, timeZone),
      start: isoWithOffset(session.start, timeZone).slice(11, 16),
      duration: hoursMinutes((session.end.getTime() - session.start.getTime()) / 60_000),
      room: roomName(session),
      slug: `${acronym}-${id}-${session.id}`,
      url,
      title: session.title,
      ...(session.description && { abstract: session.description }),
      persons: session.speakers.map((speaker) => {
        const personUrl = `${absoluteUrl(paths.speakers, site, base)}#${speaker.id}`;
        const personGuid = uuidV5(personUrl);
        return {
          guid: personGuid,
          id: integerId(personGuid),
          name: speaker.name,
          url: personUrl,
          ...(speaker.description && { biography: speaker.description }),
        };
      }),
    };
  };

  const days: ScheduleDay[] = programme.days.map((day) => {
    const events = timed.filter((session) => session.day === day.date).map(event);
    return {
      index: day.number,
      date: day.date,
      start: isoWithOffset(day.start, timeZone),
      end: isoWithOffset(day.end, timeZone),
      rooms: rooms
        .map((room) => ({ room, events: events.filter((candidate) => roomByName.get(candidate.room) === room) }))
        .filter((entry) => entry.events.length > 0),
    };
  });

  const clockTimes = [
    ...programme.days.flatMap((day) => [day.start, day.end]),
    ...timed.flatMap((session) => [session.start, session.end]),
  ].map((instant) => isoWithOffset(instant, timeZone).slice(11, 16));

  const withoutVersion: Omit<Schedule, 'version'> = {
    acronym,
    title: data.name,
    description: data.summary,
    start: isoWithOffset(programme.start, timeZone),
    end: isoWithOffset(programme.end, timeZone),
    timeZone,
    timeslotDuration: hoursMinutes(timeslotMinutes(clockTimes)),
    baseUrl: absoluteUrl(paths.home, site, base),
    url: programmeUrl,
    rooms,
    days,
    omitted: programme.days.flatMap((day) => day.sessions).length + programme.unscheduled.length - timed.length,
  };
  const version = createHash('sha256').update(JSON.stringify(withoutVersion)).digest('hex').slice(0, 12);
  return { version, ...withoutVersion };
}

/**
 * ASCII acronym the format requires (`[a-z0-9_]{4,}`, no hyphen): the editor's own from
 * program.yaml, otherwise the conference name made ASCII with underscores plus the first day's year.
 */
export function scheduleAcronym(given: string | undefined, name: string, firstDate: string): string {
  if (given) return given;
  const year = firstDate.slice(0, 4);
  const words = slugify(name).replace(/-/g, '_');
  return [words, year].filter(Boolean).join('_').padEnd(4, '_');
}

/**
 * Integer id from a GUID: its first 31 bits. The format still requires integer ids (EventFahrplan
 * keys favourites and alarms on them), and they must not change when sessions are added, moved or
 * retitled, which rules out numbering by position in the file. Derived from the GUID, the id is as
 * stable as the session id it comes from; a collision between two sessions (odds about n²/4·10⁹)
 * stops the build rather than merging them.
 */
export function integerId(guid: string): number {
  return Number.parseInt(guid.slice(0, 8), 16) % 0x80000000 || 1;
}

function scheduleRoom(name: string, programmeUrl: string): ScheduleRoom {
  const guid = uuidV5(`${programmeUrl}#rum-${encodeURIComponent(name)}`);
  const slug = slugify(name);
  return { name, guid, slug: slug.length >= 2 ? slug : `rum-${guid.slice(0, 8)}` };
}

/** "HH:MM" for a number of minutes (at most 99 hours, the format's two digits). */
export function hoursMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** The largest of 60, 30, 15, 10, 5, 1 minutes that every "HH:MM" falls on. */
export function timeslotMinutes(times: readonly string[]): number {
  const minutes = times.map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
  return [60, 30, 15, 10, 5].find((slot) => minutes.every((value) => value % slot === 0)) ?? 1;
}
