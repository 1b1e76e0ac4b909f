/**
 * schedule.json: the frab / c3voc schedule format, version 1, as JSON (the form EventFahrplan and
 * the c3voc tools read). Pure: the model from schedule.ts goes in, the file's text comes out. The
 * JSON Schema in tests/fixtures/frab/ checks the result; its `additionalProperties: false` on
 * conference and event is why nothing beyond the format's own keys is written.
 */
import type { Schedule, ScheduleEvent } from './schedule.ts';
import { SCHEDULE_EVENT_TYPE, SCHEDULE_LANGUAGE } from './schedule.ts';

/** Where the format's JSON Schema is published; written as `$schema` so tools can find it. */
export const SCHEDULE_JSON_SCHEMA = 'https://c3voc.de/schedule/schema.json';

function eventJson(event: ScheduleEvent): Record<string, unknown> {
  return {
    guid: event.guid,
    id: event.id,
    date: event.date,
    start: event.start,
    end: event.end,
    duration: event.duration,
    room: event.room,
    slug: event.slug,
    url: event.url,
    title: event.title,
    subtitle: null,
    track: null,
    type: SCHEDULE_EVENT_TYPE,
    language: SCHEDULE_LANGUAGE,
    abstract: event.abstract ?? null,
    description: null,
    persons: event.persons.map((person) => ({
      guid: person.guid,
      id: person.id,
      name: person.name,
      url: person.url,
      ...(person.biography && { biography: person.biography }),
    })),
    links: [],
  };
}

/** The whole schedule.json, indented, with a final newline. */
export function scheduleJson(schedule: Schedule): string {
  const document = {
    $schema: SCHEDULE_JSON_SCHEMA,
    schedule: {
      version: schedule.version,
      base_url: schedule.baseUrl,
      conference: {
        acronym: schedule.acronym,
        title: schedule.title,
        description: schedule.description,
        start: schedule.start,
        end: schedule.end,
        daysCount: schedule.days.length,
        timeslot_duration: schedule.timeslotDuration,
        time_zone_name: schedule.timeZone,
        url: schedule.url,
        rooms: schedule.rooms.map((room) => ({ name: room.name, slug: room.slug, guid: room.guid })),
        days: schedule.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(day.rooms.map(({ room, events }) => [room.name, events.map(eventJson)])),
        })),
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
