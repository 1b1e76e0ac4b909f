import type { Programme, Session } from '../../schemas/programme.ts';
import type { Speaker } from '../../schemas/speaker.ts';
import { t } from '../../i18n/sv.ts';
import { formatDateWithWeekday, formatTime, formatTimeRange, isoWithOffset, zonedInstant } from '../core/dates.ts';
import type { SitePicture } from './pictures.ts';

/** A speaker as the site renders it: the photo's file resolved by the image pipeline. */
export type SpeakerWithId = Omit<Speaker, 'photo'> & { id: string; photo?: SitePicture | undefined };

export interface ResolvedSession {
  id: string;
  title: string;
  speakers: SpeakerWithId[];
  description?: string;
  room?: string;
  /** Date of the day it belongs to, when known. */
  day?: string;
  /** Present only when the programme gives both a day and a start time. */
  start?: Date;
  end?: Date;
}

export interface ResolvedDay {
  /** "2019-09-25" */
  date: string;
  /** 1-based position: "dag 1". */
  number: number;
  start: Date;
  end: Date;
  /** Sessions placed on this day, in time order (untimed ones last, in file order). */
  sessions: ResolvedSession[];
}

export interface ResolvedProgramme {
  data: Programme;
  timeZone: string;
  days: ResolvedDay[];
  /** Sessions the source has not yet placed on a day. */
  unscheduled: ResolvedSession[];
  /** Start of the first day and end of the last. */
  start: Date;
  end: Date;
}

/** Joins sessions with their speakers and turns wall-clock times into instants. Pure. */
export function resolveProgramme(data: Programme, speakers: readonly SpeakerWithId[]): ResolvedProgramme {
  const timeZone = data.timezone;
  const speakerById = new Map(speakers.map((speaker) => [speaker.id, speaker]));
  const sessions = data.sessions.map((session) => resolveSession(session, speakerById, timeZone));
  const days = [...data.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day, index) => ({
      date: day.date,
      number: index + 1,
      start: zonedInstant(day.date, day.start, timeZone),
      end: zonedInstant(day.date, day.end, timeZone),
      sessions: sortSessions(sessions.filter((session) => session.day === day.date)),
    }));
  const dayDates = new Set(days.map((day) => day.date));
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) throw new Error('The programme has no days.');
  return {
    data,
    timeZone,
    days,
    unscheduled: sessions.filter((session) => !session.day || !dayDates.has(session.day)),
    start: first.start,
    end: last.end,
  };
}

function resolveSession(session: Session, speakerById: Map<string, SpeakerWithId>, timeZone: string): ResolvedSession {
  const resolved: ResolvedSession = {
    id: session.id,
    title: session.title,
    speakers: session.speakers.flatMap((id) => speakerById.get(id) ?? []),
  };
  if (session.description) resolved.description = session.description;
  if (session.room) resolved.room = session.room;
  if (session.day) {
    resolved.day = session.day;
    if (session.start) resolved.start = zonedInstant(session.day, session.start, timeZone);
    if (session.start && session.end) resolved.end = zonedInstant(session.day, session.end, timeZone);
  }
  return resolved;
}

function sortSessions(sessions: ResolvedSession[]): ResolvedSession[] {
  const untimed = Number.POSITIVE_INFINITY;
  return sessions
    .map((session, order) => ({ session, order }))
    .sort((a, b) => (a.session.start?.getTime() ?? untimed) - (b.session.start?.getTime() ?? untimed) || a.order - b.order)
    .map(({ session }) => session);
}

/** Sessions a speaker appears in, in programme order. */
export function sessionsBySpeaker(programme: ResolvedProgramme, speakerId: string): ResolvedSession[] {
  return [...programme.days.flatMap((day) => day.sessions), ...programme.unscheduled].filter((session) =>
    session.speakers.some((speaker) => speaker.id === speakerId),
  );
}

/** The name in the site header, page titles, feeds and calendars: `shortName`, else the full name. */
export function siteName(data: Pick<Programme, 'name' | 'shortName'>): string {
  return data.shortName ?? data.name;
}

/** When a session takes place, as text and, when there is a time, as a `datetime` value. */
export interface SessionWhen {
  text: string;
  /** ISO 8601 with offset; absent when no time is known. */
  datetime?: string;
  /** True when the day or the time is still to be announced. */
  tba: boolean;
}

/**
 * "onsdag 25 september 2019 kl. 11.00–12.00" with `withDay` (a list that mixes days, such as the
 * front page's), "kl. 11.00–12.00" without (under a heading that names the day, or the section of
 * sessions without a day, whose own note says so). With `withDay` a session without a time says so
 * itself, so a note never has to cover a whole list. Undefined when there is nothing to add.
 */
export function sessionWhen(session: ResolvedSession, timeZone: string, withDay: boolean): SessionWhen | undefined {
  if (session.start) {
    const time = session.end ? formatTimeRange(session.start, session.end, timeZone) : formatTime(session.start, timeZone);
    const prefix = withDay ? `${formatDateWithWeekday(session.start, timeZone)} ` : '';
    return { text: `${prefix}${t('time.kl')} ${time}`, datetime: isoWithOffset(session.start, timeZone), tba: false };
  }
  if (!withDay) return undefined;
  if (session.day) {
    const day = formatDateWithWeekday(zonedInstant(session.day, '12:00', timeZone), timeZone);
    return { text: `${day}, ${t('time.timeTba')}`, datetime: session.day, tba: true };
  }
  return { text: t('time.tba'), tba: true };
}
