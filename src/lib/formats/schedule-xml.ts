/**
 * schedule.xml: the frab / c3voc schedule format, version 1, as XML (the form Giggity and ConfClerk
 * read). Pure: the model from schedule.ts goes in, the file's text comes out. Elements follow the
 * order frab and pretalx write; the XSD in tests/fixtures/frab/ checks the result.
 */
import type { Schedule, ScheduleEvent } from './schedule.ts';
import { SCHEDULE_EVENT_TYPE, SCHEDULE_LANGUAGE } from './schedule.ts';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values (quotes too, so one function serves both); drops the control characters XML 1.0 forbids. */
export function xmlEscape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

const element = (indent: string, name: string, value: string | number | undefined): string =>
  value === undefined || value === '' ? `${indent}<${name}/>` : `${indent}<${name}>${xmlEscape(String(value))}</${name}>`;

const attributes = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join('');

function eventXml(event: ScheduleEvent): string[] {
  const i = '        ';
  return [
    `      <event${attributes({ guid: event.guid, id: event.id })}>`,
    element(i, 'date', event.date),
    element(i, 'start', event.start),
    element(i, 'duration', event.duration),
    element(i, 'room', event.room),
    element(i, 'slug', event.slug),
    element(i, 'url', event.url),
    element(i, 'title', event.title),
    element(i, 'subtitle', ''),
    element(i, 'track', ''),
    element(i, 'type', SCHEDULE_EVENT_TYPE),
    element(i, 'language', SCHEDULE_LANGUAGE),
    element(i, 'abstract', event.abstract),
    element(i, 'description', ''),
    ...(event.persons.length > 0
      ? [
          `${i}<persons>`,
          ...event.persons.map((person) => `${i}  <person${attributes({ id: person.id, guid: person.guid })}>${xmlEscape(person.name)}</person>`),
          `${i}</persons>`,
        ]
      : [`${i}<persons/>`]),
    `${i}<links/>`,
    '      </event>',
  ];
}

/** The whole schedule.xml, UTF-8 text with LF line ends and a final newline. */
export function scheduleXml(schedule: Schedule, fileUrl: string): string {
  const c = '    ';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    element('  ', 'url', fileUrl),
    element('  ', 'version', schedule.version),
    '  <conference>',
    element(c, 'acronym', schedule.acronym),
    element(c, 'title', schedule.title),
    element(c, 'start', schedule.start),
    element(c, 'end', schedule.end),
    element(c, 'days', schedule.days.length),
    element(c, 'timeslot_duration', schedule.timeslotDuration),
    element(c, 'base_url', schedule.baseUrl),
    element(c, 'url', schedule.url),
    element(c, 'time_zone_name', schedule.timeZone),
    '  </conference>',
    ...schedule.days.flatMap((day) => {
      const open = `  <day${attributes({ index: day.index, date: day.date, start: day.start, end: day.end })}`;
      if (day.rooms.length === 0) return [`${open}/>`];
      return [
        `${open}>`,
        ...day.rooms.flatMap(({ room, events }) => [
          `    <room${attributes({ name: room.name, guid: room.guid })}>`,
          ...events.flatMap(eventXml),
          '    </room>',
        ]),
        '  </day>',
      ];
    }),
    '</schedule>',
  ];
  return `${lines.join('\n')}\n`;
}
