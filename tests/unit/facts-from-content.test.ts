/**
 * Issue 15: every fact comes from content/, and the defects an editor or a visitor could hit.
 * Pure parts here; the second conference is built in tests/build/second-conference.test.ts.
 */
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarText, conferenceCalendar, sessionCalendar } from '../../src/lib/formats/calendar.ts';
import { checkContent, checkContentFolder } from '../../src/lib/content-check/index.ts';
import { problemsPage } from '../../src/lib/content-check/page.ts';
import { CONTENT_LAYOUT, readContentFolder } from '../../src/lib/content-check/source.ts';
import { timeZoneLabel, zonedInstant } from '../../src/lib/core/dates.ts';
import { sessionWhen, siteName, type ResolvedSession } from '../../src/lib/content/programme.ts';
import { settingsOrExit } from '../../src/lib/core/settings.ts';
import { MAX_SLUG_LENGTH, slugify, slugIsCut } from '../../src/lib/core/slug.ts';
import { calendarInput, FIXTURE_PROGRAMME, parseCalendar, programmeData } from '../fixtures/calendar/ics.ts';
import { PROJECT_ROOT, TEST_EPOCH } from '../support/build.ts';
import { inMemoryFolder } from '../support/content-folder.ts';

const now = new Date(Number(TEST_EPOCH) * 1000);

describe('the programme’s time zone in words', () => {
  it('uses the everyday Swedish name where there is one', () => {
    expect(timeZoneLabel('Europe/Stockholm')).toBe('svensk tid');
    expect(timeZoneLabel('Europe/Helsinki')).toBe('finsk tid');
  });

  it('otherwise names the zone itself, never "svensk tid"', () => {
    expect(timeZoneLabel('Europe/Berlin')).toBe('centraleuropeisk tid (Europe/Berlin)');
    expect(timeZoneLabel('America/New_York')).toBe('östnordamerikansk tid (America/New_York)');
    expect(timeZoneLabel('UTC')).toBe('UTC');
  });
});

describe('the site name', () => {
  it('is the programme’s short name, else its full name', () => {
    expect(siteName({ name: 'Konferens om vatten', shortName: 'Vattenkonferensen' })).toBe('Vattenkonferensen');
    expect(siteName({ name: 'Konferens om vatten' })).toBe('Konferens om vatten');
  });
});

describe('when a session is, in a list that mixes days (the front page)', () => {
  const zone = 'Europe/Stockholm';
  const session = (extra: Partial<ResolvedSession>): ResolvedSession => ({ id: 'a', title: 'A', speakers: [], ...extra });
  const timed = session({
    day: '2019-09-26',
    start: zonedInstant('2019-09-26', '11:00', zone),
    end: zonedInstant('2019-09-26', '12:00', zone),
  });

  it('names the day with the time, so a day-2 talk does not look like day 1', () => {
    expect(sessionWhen(timed, zone, true)).toEqual({
      text: 'torsdag 26 september 2019 kl. 11.00–12.00',
      datetime: '2019-09-26T11:00:00+02:00',
      tba: false,
    });
  });

  it('leaves the day out under the day’s own heading (the programme page)', () => {
    expect(sessionWhen(timed, zone, false)?.text).toBe('kl. 11.00–12.00');
    expect(sessionWhen(session({ day: '2019-09-26' }), zone, false)).toBeUndefined();
  });

  it('says "to be announced" for the sessions it applies to, and only those', () => {
    expect(sessionWhen(session({ day: '2019-09-26' }), zone, true)).toEqual({
      text: 'torsdag 26 september 2019, tid meddelas senare',
      datetime: '2019-09-26',
      tba: true,
    });
    expect(sessionWhen(session({}), zone, true)).toEqual({ text: 'Dag och tid meddelas senare.', tba: true });
    expect(sessionWhen(timed, zone, true)?.tba).toBe(false);
  });
});

describe('pages in content/sidor/', () => {
  const page = '---\ntitle: Om oss\ndescription: Vilka vi är.\nupdated: "2026-11-29"\n---\n\nText.\n';
  const folder = (pages: string[]) => inMemoryFolder(Object.fromEntries(pages.map((name) => [name, page])));
  const pageProblems = (pages: string[]) =>
    checkContent(folder(pages), { now }).filter(
      (problem) => problem.file.startsWith('content/sidor/') && problem.file !== 'content/sidor/tillganglighet.md',
    );

  it('each get a route (/<file name>/), so any valid name passes', () => {
    expect(pageProblems(['sidor/om-oss.md', 'sidor/tillganglighet.md'])).toEqual([]);
  });

  it('are rejected in Swedish, naming the file, when the name is taken by another route', () => {
    const [problem, ...rest] = pageProblems(['sidor/program.md', 'sidor/tillganglighet.md']);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', file: 'content/sidor/program.md', position: { line: 1, column: 1 } });
    expect(problem?.message).toBe(
      'Filnamnet blir sidans adress, och /program/ används redan av webbplatsen. Döp om filen till något annat, till exempel om-program.md.',
    );
  });

  it('are rejected when the file name cannot be an address', () => {
    const [problem] = pageProblems(['sidor/Om oss.md', 'sidor/tillganglighet.md']);
    expect(problem?.message).toMatch(/^Filnamnet blir sidans adress \(\/Om oss\/\) och får bara innehålla små bokstäver/);
    expect(problem?.message).toContain('till exempel till om-oss.md');
  });

  it('may not take a name src/pages/ uses: the reserved list matches the routes', async () => {
    const entries = await readdir(path.join(PROJECT_ROOT, 'src', 'pages'));
    const taken = entries
      .filter((name) => !name.startsWith('[') && !name.startsWith('_') && name !== 'index.astro')
      .map((name) => name.replace(/\.(astro|ts)$/, '').replace(/\.(txt|xml|json|png)$/, ''));
    expect(taken.length).toBeGreaterThan(5);
    expect([...new Set(taken)].sort()).toEqual(CONTENT_LAYOUT.reservedPageNames.filter((name) => name !== 'pagefind'));
  });
});

describe('long headlines', () => {
  const long =
    'Länsstyrelserna bjuder in till en mycket lång konferens om allt som rör vatten, skog, mark, luft och människor i länen under hela året';

  it('give a slug of at most MAX_SLUG_LENGTH characters, cut at a word boundary', () => {
    const slug = slugify(long);
    expect(slug).toBe('lansstyrelserna-bjuder-in-till-en-mycket-lang-konferens-om-allt-som-ror-vatten');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slugIsCut(long)).toBe(true);
    expect(slugIsCut('Kort rubrik')).toBe(false);
  });

  it('cut a single overlong word at the limit', () => {
    expect(slugify('a'.repeat(300))).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });

  it('are stable, and two titles sharing their first 80 characters do not compete: the file names are the addresses', () => {
    expect(slugify(`${long} och mer`)).toBe(slugify(long));
    const release = (title: string) => `---\ntitle: ${title}\npublished: "2019-09-23T13:57:00+02:00"\norganisations: [a]\n---\n\nText.\n`;
    const files: Record<string, string> = { 'pressmeddelanden/a.md': release(long), 'pressmeddelanden/b.md': release(`${long} och mer`) };
    const problems = checkContent(inMemoryFolder(files), { now }).filter((problem) => problem.field === 'title' || problem.severity !== 'error');
    expect(problems).toEqual([]);
  });
});

describe('content paths that exist but cannot be read', () => {
  it('are reported in Swedish with the file, not thrown: a folder where program.yaml belongs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'konferens-eisdir-'));
    try {
      await cp(path.join(PROJECT_ROOT, 'content'), dir, { recursive: true });
      await rm(path.join(dir, 'program.yaml'));
      await mkdir(path.join(dir, 'program.yaml'));
      const problems = await checkContentFolder(dir, { now, displayRoot: dir });
      expect(problems.filter((problem) => problem.severity === 'error').map((problem) => [problem.file, problem.message])).toEqual([
        ['program.yaml', 'Det här är en mapp, men här ska det vara en fil. Ta bort eller döp om mappen och lägg filen här.'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('name the permission problem (EACCES)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'konferens-eacces-'));
    try {
      await cp(path.join(PROJECT_ROOT, 'content'), dir, { recursive: true });
      const file = path.join(dir, 'talare', 'anna-sander.yaml');
      await chmod(file, 0o000);
      const readable = await readFile(file).then(
        () => true,
        () => false,
      );
      // root reads any file whatever its mode: then the folder form of the failure is tested above only.
      if (!readable) {
        const problems = await checkContentFolder(dir, { now, displayRoot: dir });
        expect(problems.find((problem) => problem.file === 'talare/anna-sander.yaml')?.message).toMatch(
          /^Filen eller mappen kunde inte läsas: behörighet saknas\./,
        );
      } else {
        const folder = {
          ...(await readContentFolder(dir, dir)),
          unreadable: [{ name: 'talare/anna-sander.yaml', display: 'talare/anna-sander.yaml', code: 'EACCES' }],
        };
        const problems = checkContent(folder, { now });
        expect(problems.find((problem) => problem.file === 'talare/anna-sander.yaml')?.message).toMatch(
          /^Filen eller mappen kunde inte läsas: behörighet saknas\./,
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('malformed SITE_URL and SOURCE_DATE_EPOCH', () => {
  const exitWith = (env: Record<string, string>) => {
    const said: string[] = [];
    const exit = (message: string): never => {
      said.push(message);
      throw new Error('exit');
    };
    expect(() => settingsOrExit(env, exit)).toThrow('exit');
    return said;
  };

  it('end the process with one clear line each', () => {
    expect(exitWith({ SITE_URL: 'konferens.example.se' })).toEqual([
      'SITE_URL must be an absolute URL such as https://konferens.example.se, got "konferens.example.se"',
    ]);
    expect(exitWith({ SOURCE_DATE_EPOCH: '2019-09-25' })).toEqual(['SOURCE_DATE_EPOCH must be whole seconds since 1970, got "2019-09-25"']);
    expect(settingsOrExit({ SITE_URL: 'https://a.example', SOURCE_DATE_EPOCH: '1' }).site).toBe('https://a.example');
  });
});

describe('the problem page npm run dev serves while the content has errors', () => {
  it('lists every problem in Swedish with file, line and field, escaped', () => {
    const html = problemsPage([
      {
        severity: 'error',
        file: 'content/program.yaml',
        position: { line: 29, column: 12 },
        field: 'days[0].start',
        message: 'Hittade "25:00" <fel>.',
      },
      { severity: 'warning', file: 'content/kontakter/a.yaml', message: 'En varning.' },
    ]);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<title>Innehållet har 1 fel – förhandsvisningen</title>');
    expect(html).toContain('<strong>Fel</strong> <code>content/program.yaml:29:12</code> <span class="field">fältet days[0].start</span>');
    expect(html).toContain('<p>Hittade &quot;25:00&quot; &lt;fel&gt;.</p>');
    expect(html).toContain('<strong>Varning</strong> <code>content/kontakter/a.yaml</code>');
  });
});

describe('a room given without times', () => {
  const withRooms = () => {
    const data = programmeData(FIXTURE_PROGRAMME);
    // "utan-tid" has a day but no times; "att-arbeta-med-kvinnor" has neither.
    data.sessions = data.sessions.map((session) =>
      session.id === 'utan-tid'
        ? { ...session, room: 'Lilla salen' }
        : session.id === 'att-arbeta-med-kvinnor'
          ? { ...session, room: 'Biblioteket' }
          : session,
    );
    return calendarInput(data);
  };

  it('is in the day’s calendar description, with the session it belongs to', () => {
    const { events } = parseCalendar(calendarText(conferenceCalendar(withRooms())));
    expect(events).toHaveLength(3);
    expect(events[2]?.description).toContain('Programpunkt med dag men utan tid (tid meddelas senare, Lokal: Lilla salen)');
    expect(events[0]?.description).toContain(
      '– Att arbeta med kvinnor i prostitution och människohandel (Anna Sander och Josephine Appelqvist), Lokal: Biblioteket',
    );
  });

  it('and a timed session’s room is its event’s LOCATION, before the venue', () => {
    const calendar = sessionCalendar(withRooms());
    const { events } = parseCalendar(calendarText(calendar!));
    const first = events.find((event) => event.summary.startsWith('Människohandel i Sverige idag'));
    expect(first?.component.getFirstPropertyValue('location')).toBe('Stora salen, Selma Spa, Sunne');
    expect(
      events
        .find((event) => event.summary === 'Lägesrapport från Värmland, Dalarna och Örebro län')
        ?.component.getFirstPropertyValue('location'),
    ).toBe('Selma Spa, Sunne');
  });
});
