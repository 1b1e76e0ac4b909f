import { z } from 'astro/zod';
import { idField, localDateField, localTimeField, textField } from './fields.ts';

/** A conference day with its opening hours, wall-clock time in the event's time zone. */
export const daySchema = z.strictObject({
  /** "2019-09-25" */
  date: localDateField,
  /** First minute of the day's programme, "11:00". */
  start: localTimeField,
  /** Last minute of the day's programme, "16:30". */
  end: localTimeField,
});

/** One talk or programme item. Day and times are optional: the release does not always give them. */
export const sessionSchema = z.strictObject({
  /** Stable id; calendar UIDs derive from it, so keep it when the title changes. */
  id: idField,
  /** Title as written in the release. */
  title: textField('Människohandel i Sverige idag – en rapport från verkligheten'),
  /** Ids of speakers: file names in content/talare/ without .yaml. */
  speakers: z.array(idField, { error: 'ska vara en lista med talar-id, till exempel [simon-haggstrom]' }).default([]),
  /** Date of one of the conference days, when known. */
  day: localDateField.optional(),
  /** Start time, when known. */
  start: localTimeField.optional(),
  /** End time, when known. */
  end: localTimeField.optional(),
  /** Room, when known; overlapping sessions in one room are an error. */
  room: textField('Stora salen').optional(),
  /** Short description from the source, if any. */
  description: textField('Om sessionen.').optional(),
});

/** The venue exactly as far as the source gives it. */
export const venueSchema = z.strictObject({
  /** "Selma Spa" */
  name: textField('Selma Spa'),
  /** "Sunne" */
  town: textField('Sunne'),
  /** Street address, only when published. */
  address: textField('Gatuadress 1').optional(),
  /** Postal code, only when published. */
  postalCode: textField('686 00').optional(),
  /** County or region the town is in, "Värmlands län"; addressRegion in structured data. */
  region: textField('Värmlands län').optional(),
  /** Country as an ISO 3166-1 two-letter code, "SE"; addressCountry in structured data. */
  country: z
    .string({ error: 'ska vara en landskod med två stora bokstäver, till exempel "SE"' })
    .regex(/^[A-Z]{2}$/, { error: 'ska vara en landskod med två stora bokstäver, till exempel "SE"' })
    .optional(),
  /** Coordinates, only when published. */
  geo: z
    .strictObject({
      lat: z.number({ error: 'ska vara en latitud i decimalform, till exempel 59.83' }).min(-90).max(90),
      lon: z.number({ error: 'ska vara en longitud i decimalform, till exempel 13.13' }).min(-180).max(180),
    })
    .optional(),
});

/** The zone a programme without `timezone` is in, and the one the content check assumes before it has read one. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** The conference itself: content/program.yaml. */
export const programmeSchema = z.strictObject({
  /** Full name of the conference. */
  name: textField('Konferens om prostitution och människohandel för sexuella ändamål'),
  /**
   * Short ASCII name for schedule apps (schedule.xml/.json), e.g. "prostitution_2019"; when absent
   * it is made from the name and the year.
   */
  acronym: z
    .string({ error: 'ska vara text, till exempel "prostitution_2019"' })
    .regex(/^[a-z0-9_]{4,}$/, {
      error: 'får bara innehålla små bokstäver a–z, siffror och understreck, minst fyra tecken, till exempel "prostitution_2019"',
    })
    .optional(),
  /** Shorter name for the site header, page titles and feeds; the full name when left out. */
  shortName: textField('Konferens om prostitution och människohandel').optional(),
  /** One-line summary used as meta description. */
  summary: textField('Tre län erbjuder utbildning och stöd kring nya och gamla problem'),
  /** Who the conference is for, as the release states it. */
  audience: textField('En person från varje kommuns socialtjänst.'),
  /** Note on media attendance. */
  mediaNote: textField('Media är välkomna att delta vid konferensen.').optional(),
  /** Ids of the organising organisations. */
  organisers: z.array(idField).min(1, { error: 'behöver minst en arrangör' }),
  /** Id of the organisation that supports the conference financially or otherwise. */
  supporter: idField.optional(),
  /** Ids of the press contacts. */
  contacts: z.array(idField).default([]),
  /** IANA time zone of every local date and time in this file. */
  timezone: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isKnownTimeZone, { error: 'är ingen känd tidszon; skriv "Europe/Stockholm"' }),
  venue: venueSchema,
  days: z.array(daySchema).min(1, { error: 'behöver minst en konferensdag' }),
  sessions: z.array(sessionSchema).default([]),
});

export type Day = z.output<typeof daySchema>;
export type Session = z.output<typeof sessionSchema>;
export type Programme = z.output<typeof programmeSchema>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
