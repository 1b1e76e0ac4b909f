import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentFolder, type Problem } from '../../src/lib/content-check/index.ts';
import { instantField, localDateField, localTimeField, nonExistentDateTime } from '../../src/schemas/fields.ts';
import { TEST_EPOCH } from '../support/build.ts';
import { materialise } from '../fixtures/content-errors/cases.ts';

// Every date, time and date-time field rejects a value that does not exist, rather than rolling it
// over: through the schema (what the loaders run) and through the content check (file, line, field),
// quoted and, in frontmatter, unquoted, where js-yaml has already made a (rolled-over) Date of it.

const now = new Date(Number(TEST_EPOCH) * 1000);
const RELEASE = 'pressmeddelanden/2019-09-23-konferens-om-prostitution-och-manniskohandel.md';

/** Date-times that do not exist, and what the check says about each. */
const BAD_INSTANTS: [string, string][] = [
  ['2019-02-30T10:00:00+01:00', '30 februari 2019 finns inte (februari 2019 har 28 dagar)'],
  ['2019-02-29T10:00:00+01:00', '29 februari 2019 finns inte (februari 2019 har 28 dagar)'],
  ['2019-09-23T24:00:00+02:00', 'timmen 24 finns inte (00–23)'],
  ['2019-09-23T13:60:00+02:00', 'minuten 60 finns inte (00–59)'],
  ['2019-13-23T13:57:00+02:00', 'månad 13 finns inte (01–12)'],
  ['2019-09-23T13:57:00+25:00', 'tidszonen +25:00 finns inte (högst ±14:00)'],
];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'strict-dates-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let counter = 0;
/** The corpus base with one line of one file replaced; returns the check's errors. */
async function checkWith(file: string, from: RegExp, to: string, timeZone?: string): Promise<{ errors: Problem[]; line: number }> {
  const root = path.join(work, `case-${counter++}`);
  const content = await materialise('_base', root);
  if (timeZone) {
    const programme = path.join(content, 'program.yaml');
    await writeFile(programme, (await readFile(programme, 'utf8')).replace(/^timezone: .*$/m, `timezone: ${timeZone}`));
  }
  const text = await readFile(path.join(content, file), 'utf8');
  expect(text).toMatch(from);
  const changed = text.replace(from, to);
  await writeFile(path.join(content, file), changed);
  const line = changed.slice(0, changed.indexOf(to)).split('\n').length;
  const problems = await checkContentFolder(content, { now, displayRoot: root });
  return { errors: problems.filter((problem) => problem.severity === 'error'), line };
}

describe('the schema', () => {
  it.each(BAD_INSTANTS)('rejects the instant %s', (value, reason) => {
    const result = instantField.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`är inte en tidpunkt som finns: ${reason}`);
  });

  it('rejects an instant without a UTC offset', () => {
    expect(instantField.safeParse('2019-09-23T13:57:00').success).toBe(false);
    expect(instantField.safeParse('2019-09-23').success).toBe(false);
  });

  it('accepts instants that exist, with or without seconds, in any real offset', () => {
    for (const [value, iso] of [
      ['2020-02-29T10:00:00+01:00', '2020-02-29T09:00:00.000Z'],
      ['2019-09-23T23:59+02:00', '2019-09-23T21:59:00.000Z'],
      ['2019-09-23T00:00:00Z', '2019-09-23T00:00:00.000Z'],
      ['2019-09-23T12:00:00+14:00', '2019-09-22T22:00:00.000Z'],
      ['2019-09-23T12:00:00-12:00', '2019-09-24T00:00:00.000Z'],
    ] as const) {
      expect(instantField.parse(value).toISOString()).toBe(iso);
    }
  });

  it.each(['2019-02-30', '2019-02-29', '2019-13-01', '2019-00-10', '2019-09-31'])('rejects the date %s', (value) => {
    expect(localDateField.safeParse(value).success).toBe(false);
  });

  it('accepts 29 February in a leap year', () => {
    expect(localDateField.parse('2020-02-29')).toBe('2020-02-29');
  });

  it.each(['24:00', '10:60', '25:00', '8.30'])('rejects the time %s', (value) => {
    expect(localTimeField.safeParse(value).success).toBe(false);
  });

  it('names what does not exist in the forms YAML writes unquoted date-times in', () => {
    expect(nonExistentDateTime('2019-2-30 10:00:00 +1')).toBe('30 februari 2019 finns inte (februari 2019 har 28 dagar)');
    expect(nonExistentDateTime('2019-09-23T13:57:60.5Z')).toBe('sekunden 60 finns inte (00–59)');
    expect(nonExistentDateTime('2019-09-23T13:57:00+02:60')).toBe('tidszonen +02:60 finns inte (högst ±14:00)');
    expect(nonExistentDateTime('2019-09-23T13:57:00+02:00')).toBeUndefined();
  });
});

describe('the content check, with file, line and field', () => {
  describe.each([
    ['quoted', (value: string) => `"${value}"`],
    ['unquoted', (value: string) => value],
  ])('a release whose published is %s', (_, write) => {
    it.each(BAD_INSTANTS)('rejects %s', async (value, reason) => {
      const { errors, line } = await checkWith(RELEASE, /^published: .*$/m, `published: ${write(value)}`);
      expect(errors).toEqual([
        {
          severity: 'error',
          file: `content/${RELEASE}`,
          position: { line, column: 12 },
          field: 'published',
          message: `Hittade "${value}", men fältet är inte en tidpunkt som finns: ${reason}.`,
        },
      ]);
    });

    it.each(BAD_INSTANTS)('rejects %s in updated, the other instant field', async (value, reason) => {
      const { errors, line } = await checkWith(RELEASE, /^published: .*$/m, `published: "2019-09-23T13:57:00+02:00"\nupdated: ${write(value)}`);
      expect(errors).toEqual([
        {
          severity: 'error',
          file: `content/${RELEASE}`,
          position: { line: line + 1, column: 10 },
          field: 'updated',
          message: `Hittade "${value}", men fältet är inte en tidpunkt som finns: ${reason}.`,
        },
      ]);
    });

    it('rejects a date-time without a UTC offset', async () => {
      const { errors, line } = await checkWith(RELEASE, /^published: .*$/m, `published: ${write('2019-09-23T13:57:00')}`);
      expect(errors.map((error) => [error.file, error.position?.line, error.field])).toEqual([[`content/${RELEASE}`, line, 'published']]);
      expect(errors[0]?.message).toMatch(/tidszon/);
    });
  });

  it.each([
    ['2019-02-30', 'days[0].date'],
    ['2019-02-29', 'days[0].date'],
    ['2019-13-01', 'days[0].date'],
  ])('rejects the programme date %s', async (value, field) => {
    const { errors, line } = await checkWith('program.yaml', /date: "2019-09-25"/, `date: "${value}"`);
    expect(errors).toContainEqual({
      severity: 'error',
      file: 'content/program.yaml',
      position: { line, column: 11 },
      field,
      message: `Hittade "${value}", men fältet är inte ett datum som finns i kalendern.`,
    });
  });

  it.each([
    ['24:00', 'hour 24'],
    ['16:60', 'minute 60'],
  ])('rejects the programme time %s (%s)', async (value) => {
    const { errors, line } = await checkWith('program.yaml', /end: "16:30"/, `end: "${value}"`);
    expect(errors).toContainEqual({
      severity: 'error',
      file: 'content/program.yaml',
      position: { line, column: 10 },
      field: 'days[0].end',
      message: `Hittade "${value}", men fältet ska skrivas TT:MM med 24-timmarsklocka, till exempel "08:30".`,
    });
  });

  it('rejects a page date that does not exist', async () => {
    const { errors, line } = await checkWith('sidor/tillganglighet.md', /^updated: .*$/m, 'updated: "2019-02-29"');
    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'content/sidor/tillganglighet.md',
        position: { line, column: 10 },
        field: 'updated',
        message: 'Hittade "2019-02-29", men fältet är inte ett datum som finns i kalendern.',
      },
    ]);
  });
});

describe('the UTC offset, checked against the programme\'s time zone', () => {
  const summer = 'Tidszonen +01:00 stämmer inte med svensk tid: den 23 september 2019 gäller sommartid (+02:00): skriv 2019-09-23T13:57:00+02:00.';
  const winter = 'Tidszonen +02:00 stämmer inte med svensk tid: den 15 januari 2019 gäller vintertid (+01:00): skriv 2019-01-15T10:00:00+01:00.';
  const gap =
    'Klockan 02.30 finns inte den 31 mars 2019 i svensk tid: då ställs klockan fram från 02.00 till 03.00. ' +
    'Välj en tid som finns, till exempel 2019-03-31T03:30:00+02:00.';

  describe.each([
    ['quoted', (value: string) => `"${value}"`],
    ['unquoted', (value: string) => value],
  ])('%s', (_, write) => {
    it.each([
      ['a winter offset in September', '2019-09-23T13:57:00+01:00', summer],
      ['a summer offset in January', '2019-01-15T10:00:00+02:00', winter],
      ['a time the clock skips in spring', '2019-03-31T02:30:00+01:00', gap],
      ['the same time with the summer offset', '2019-03-31T02:30:00+02:00', gap],
    ])('rejects %s in published, naming the right value', async (_, value, message) => {
      const { errors, line } = await checkWith(RELEASE, /^published: .*$/m, `published: ${write(value)}`);
      expect(errors).toEqual([{ severity: 'error', file: `content/${RELEASE}`, position: { line, column: 12 }, field: 'published', message }]);
    });

    it('rejects a wrong offset in updated too', async () => {
      const { errors, line } = await checkWith(RELEASE, /^published: .*$/m, `published: "2019-09-23T13:57:00+02:00"\nupdated: ${write('2019-09-23T13:57:00+01:00')}`);
      expect(errors).toEqual([{ severity: 'error', file: `content/${RELEASE}`, position: { line: line + 1, column: 10 }, field: 'updated', message: summer }]);
    });

    it.each([
      '2019-09-23T13:57:00+02:00',
      '2019-01-15T10:00:00+01:00',
      // Both readings of the hour repeated in autumn exist.
      '2019-10-27T02:30:00+02:00',
      '2019-10-27T02:30:00+01:00',
      '2019-03-31T03:30:00+02:00',
    ])('accepts %s', async (value) => {
      const { errors } = await checkWith(RELEASE, /^published: .*$/m, `published: ${write(value)}`);
      expect(errors).toEqual([]);
    });
  });

  it('checks against the programme\'s own zone, not Swedish time', async () => {
    const { errors } = await checkWith(RELEASE, /^published: .*$/m, 'published: "2019-09-23T13:57:00+02:00"', 'Europe/Helsinki');
    expect(errors.map((error) => error.message)).toEqual([
      'Tidszonen +02:00 stämmer inte med finsk tid: den 23 september 2019 gäller sommartid (+03:00): skriv 2019-09-23T13:57:00+03:00.',
    ]);
    expect((await checkWith(RELEASE, /^published: .*$/m, 'published: "2019-09-23T13:57:00+03:00"', 'Europe/Helsinki')).errors).toEqual([]);
  });

  it('offers the same instant, or the same wall clock, for a time written in UTC', async () => {
    const { errors } = await checkWith(RELEASE, /^published: .*$/m, 'published: "2019-09-23T11:57:00Z"');
    expect(errors.map((error) => error.message)).toEqual([
      'Tidszonen Z (UTC) stämmer inte med svensk tid: den 23 september 2019 gäller sommartid (+02:00). ' +
        'Skriv 2019-09-23T13:57:00+02:00, som är samma tidpunkt, eller 2019-09-23T11:57:00+02:00 om klockan 11.57 i svensk tid var menad.',
    ]);
  });

  it('passes what the web editor writes for a summer and a winter date (ISO 8601, seconds, the zone\'s offset)', async () => {
    // The winter form is the one tests/e2e/editor.test.ts reads back from Sveltia's save.
    for (const value of ['2025-11-14T10:30:00+01:00', '2025-06-14T10:30:00+02:00']) {
      expect((await checkWith(RELEASE, /^published: .*$/m, `published: "${value}"`)).errors).toEqual([]);
    }
  });
});
