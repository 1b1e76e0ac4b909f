import { z } from 'astro/zod';

/** Identifier used to refer to a speaker, contact or organisation from other files. */
export const idField = z
  .string({ error: 'ska vara ett id i form av text, till exempel "simon-haggstrom"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'får bara innehålla små bokstäver a–z, siffror och bindestreck, till exempel "simon-haggstrom"',
  });

/**
 * A press release's address as an editor can paste it: the slug ("gammal-adress"), the path
 * ("/pressmeddelanden/gammal-adress/") or the whole link; becomes the slug.
 */
export const addressField = z
  .string({ error: 'ska vara en adress, till exempel "gammal-adress" eller "/pressmeddelanden/gammal-adress/"' })
  .trim()
  .transform((value) => /(?:^|\/)pressmeddelanden\/([^/?#]+)\/?(?:[?#].*)?$/.exec(value)?.[1] ?? value)
  .pipe(
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'ska vara en adress med små bokstäver a–z, siffror och bindestreck, till exempel "gammal-adress" eller "/pressmeddelanden/gammal-adress/"',
    }),
  );

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
    // A Date is an unquoted value the frontmatter parser already read (and would have rolled over:
    // js-yaml makes 30 February into 2 March). The content check reads such a value's text from the
    // file with nonExistentDateTime() before any loader gets it.
    if (value instanceof Date) return value;
    if (!INSTANT.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `ska vara datum och tid med tidszon, till exempel "2019-09-23T13:57:00+02:00" (fick "${value}")`,
      });
      return z.NEVER;
    }
    const wrong = nonExistentDateTime(value);
    if (wrong) {
      ctx.addIssue({ code: 'custom', message: `är inte en tidpunkt som finns: ${wrong}` });
      return z.NEVER;
    }
    return new Date(value);
  });

/** "ÅÅÅÅ-MM-DDTTT:MM[:SS]" and a UTC offset, digits only: whether the numbers exist is checked apart. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * What does not exist in a date-time written as in YAML ("2019-02-30T10:00:00+01:00", also with a
 * space for the T, seconds optional, fractions allowed), in Swedish; undefined when it all exists or
 * the text has another form. Month 13, 30 February, 29 February 2019, hour 24, minute or second 60 and
 * offsets beyond ±14:00 (the widest any time zone uses) do not exist.
 */
export function nonExistentDateTime(text: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|([+-])(\d{1,2})(?::?(\d{2}))?)?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (month === undefined || month < 1 || month > 12) return `månad ${match[2]} finns inte (01–12)`;
  const days = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  if (day === undefined || day < 1 || day > days) {
    return `${day} ${MONTHS[month - 1]} ${year} finns inte (${MONTHS[month - 1]} ${year} har ${days} dagar)`;
  }
  if (hour !== undefined && hour > 23) return `timmen ${match[4]} finns inte (00–23)`;
  if (minute !== undefined && minute > 59) return `minuten ${match[5]} finns inte (00–59)`;
  if (second !== undefined && second > 59) return `sekunden ${match[6]} finns inte (00–59)`;
  if (offsetHours !== undefined) {
    const offset = offsetHours * 60 + (offsetMinutes ?? 0);
    if ((offsetMinutes ?? 0) > 59 || offset > 14 * 60) return `tidszonen ${match[7]}${match[8]}:${match[9] ?? '00'} finns inte (högst ±14:00)`;
  }
  return undefined;
}

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

export type Picture = z.output<typeof pictureField>;
