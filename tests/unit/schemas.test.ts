import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { programmeSchema } from '../../src/schemas/programme.ts';
import { releaseSchema } from '../../src/schemas/release.ts';
import { contactSchema } from '../../src/schemas/contact.ts';
import { speakerSchema } from '../../src/schemas/speaker.ts';
import { isRealDate } from '../../src/schemas/fields.ts';

const seedProgramme = async () => parse(await readFile('content/program.yaml', 'utf8')) as Record<string, unknown>;
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('programme schema', () => {
  it('accepts the seed programme and defaults the zone', async () => {
    const data = programmeSchema.parse(await seedProgramme());
    expect(data.timezone).toBe('Europe/Stockholm');
    expect(data.days).toEqual([
      { date: '2019-09-25', start: '11:00', end: '16:30' },
      { date: '2019-09-26', start: '08:30', end: '13:00' },
    ]);
    expect(data.sessions.map((session) => session.speakers)).toEqual([
      ['simon-haggstrom'],
      ['mia-schyberg'],
      ['anna-sander', 'josephine-appelqvist'],
    ]);
  });

  it('explains a time written without quotes or in the wrong form, in Swedish', async () => {
    const programme = await seedProgramme();
    const days = programme.days as Record<string, unknown>[];
    days[0] = { ...days[0], start: '11.00' };
    days[1] = { ...days[1], date: '2019-09-31' };
    const result = programmeSchema.safeParse(programme);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([
      'days.0.start: ska skrivas TT:MM med 24-timmarsklocka, till exempel "08:30"',
      'days.1.date: är inte ett datum som finns i kalendern',
    ]);
  });

  it('rejects unknown fields so typos do not pass silently', async () => {
    const result = programmeSchema.safeParse({ ...(await seedProgramme()), plats: 'Sunne' });
    expect(result.success).toBe(false);
    expect(messages(result).join('\n')).toMatch(/plats/);
  });

  it('rejects an unknown time zone', async () => {
    const result = programmeSchema.safeParse({ ...(await seedProgramme()), timezone: 'Europe/Sunne' });
    expect(messages(result)).toEqual(['timezone: är ingen känd tidszon; skriv "Europe/Stockholm"']);
  });
});

describe('release schema', () => {
  const valid = {
    title: 'Rubrik',
    published: '2019-09-23T13:57:00+02:00',
    organisations: ['lansstyrelsen-varmland'],
  };

  it('turns the publish time into an instant and fills defaults', () => {
    const data = releaseSchema.parse(valid);
    expect(data.published.toISOString()).toBe('2019-09-23T11:57:00.000Z');
    expect(data).toMatchObject({ kind: 'Pressmeddelande', draft: false, contacts: [], tags: [] });
  });

  it.each([
    ['2019-09-23 13:57', 'ska vara datum och tid med tidszon'],
    ['2019-09-23T13:57:00', 'ska vara datum och tid med tidszon'],
    ['2019-02-30T13:57:00+01:00', 'är inte en tidpunkt som finns: 30 februari 2019 finns inte (februari 2019 har 28 dagar)'],
  ])('rejects the publish time %s', (published, message) => {
    const result = releaseSchema.safeParse({ ...valid, published });
    expect(messages(result)[0]).toContain(message);
  });

  it('requires a title and alt text on images', () => {
    const result = releaseSchema.safeParse({ ...valid, title: ' ', image: { src: 'bild.jpg' } });
    expect(messages(result)).toEqual([
      'title: får inte vara tomt, skriv till exempel "Konferens om prostitution och människohandel för sexuella ändamål"',
      'image.alt: ska vara text, till exempel "Beskrivning av vad bilden visar"',
    ]);
  });
});

describe('people', () => {
  it('requires an e-mail address that looks like one', () => {
    const result = contactSchema.safeParse({ name: 'A B', organisation: 'x', email: 'a.b(at)example.se' });
    expect(messages(result)).toEqual([
      'email: är inte en e-postadress, skriv till exempel "fornamn.efternamn@lansstyrelsen.se"',
    ]);
  });

  it('requires a speaker name', () => {
    expect(messages(speakerSchema.safeParse({ role: 'x', organisation: 'y' }))[0]).toMatch(/^name: ska vara text/);
  });
});

describe('isRealDate', () => {
  it.each([
    ['2019-09-25', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2019-13-01', false],
    ['25/9 2019', false],
  ])('%s → %s', (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });
});
