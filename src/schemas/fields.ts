import { z } from 'astro/zod';

/** Identifier used to refer to a speaker, contact or organisation from other files. */
export const idField = z
  .string({ error: 'ska vara ett id i form av text, till exempel "simon-haggstrom"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'får bara innehålla små bokstäver a–z, siffror och bindestreck, till exempel "simon-haggstrom"',
  });

/** A calendar date written as "ÅÅÅÅ-MM-DD" that must exist (no 31 september). */
export const localDateField = z
  .string({ error: 'ska vara ett datum inom citattecken, till exempel "2019-09-25"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'ska skrivas ÅÅÅÅ-MM-DD, till exempel "2019-09-25"' })
  .refine(isRealDate, { error: 'är inte ett datum som finns i kalendern' });

/** A wall-clock time in the event's time zone, "TT:MM" (24-hour clock). */
export const localTimeField = z
  .string({ error: 'ska vara en tid inom citattecken, till exempel "08:30"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'ska skrivas TT:MM med 24-timmarsklocka, till exempel "08:30"' });

/** An instant with explicit UTC offset, e.g. "2019-09-23T13:57:00+02:00"; becomes a Date. */
export const instantField = z
  .union([z.string(), z.date()], {
    error: 'ska vara datum och tid med tidszon, till exempel "2019-09-23T13:57:00+02:00"',
  })
  .transform((value, ctx) => {
    if (value instanceof Date) return value;
    const match = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(value);
    if (!match || !isRealDate(match[1] ?? '') || Number.isNaN(Date.parse(value))) {
      ctx.addIssue({
        code: 'custom',
        message: `ska vara datum och tid med tidszon, till exempel "2019-09-23T13:57:00+02:00" (fick "${value}")`,
      });
      return z.NEVER;
    }
    return new Date(value);
  });

/** Plain text that must not be empty. */
export const textField = (example: string) =>
  z
    .string({ error: `ska vara text, till exempel "${example}"` })
    .trim()
    .min(1, { error: `får inte vara tomt, skriv till exempel "${example}"` });

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A picture and the facts a newsroom publishes with it. `src` is relative to the file that uses it,
 * with the file in the collection's own `bilder/` folder ("./bilder/konferens.jpg").
 */
export const pictureField = z.strictObject({
  /** Path to the image file, relative to the content file: "./bilder/konferens.jpg". */
  src: textField('./bilder/konferens.jpg'),
  /** What the picture shows, for people who cannot see it (required by WCAG). */
  alt: textField('Beskrivning av vad bilden visar'),
  /** Photographer, shown as "Foto: …". */
  credit: textField('Anna Andersson').optional(),
  /** Terms of use, shown under the picture: "Fri att använda i redaktionella sammanhang". */
  licence: textField('Fri att använda i redaktionella sammanhang').optional(),
});
