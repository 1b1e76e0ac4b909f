import { describe, expect, it } from 'vitest';
import { resolveProgramme, sessionsBySpeaker, type SpeakerWithId } from '../../src/lib/content/programme.ts';
import { eventJsonLd, newsArticleJsonLd } from '../../src/lib/formats/jsonld.ts';
import { Worker } from 'node:worker_threads';
import { buildTime, conferenceStatus, fixBuildClock } from '../../src/lib/core/status.ts';
import { programmeSchema } from '../../src/schemas/programme.ts';

const speakers: SpeakerWithId[] = [
  { id: 'a', name: 'Anna A', role: 'forskare', organisation: 'X' },
  { id: 'b', name: 'Bo B', role: 'polis', organisation: 'Y' },
];

const programme = programmeSchema.parse({
  name: 'Höstkonferens',
  summary: 'Sammanfattning',
  audience: 'Alla',
  organisers: ['o'],
  venue: { name: 'Hotellet', town: 'Sunne', address: 'Gatan 1' },
  // Given out of order on purpose: days are sorted by date.
  days: [
    { date: '2019-10-27', start: '01:00', end: '04:00' },
    { date: '2019-10-26', start: '09:00', end: '12:00' },
  ],
  sessions: [
    { id: 'late', title: 'Sen', speakers: ['a'], day: '2019-10-26', start: '11:00', end: '12:00' },
    { id: 'early', title: 'Tidig', speakers: ['b', 'a'], day: '2019-10-26', start: '09:00', end: '10:00' },
    { id: 'night', title: 'Natt', speakers: [], day: '2019-10-27', start: '02:30', end: '03:30' },
    { id: 'loose', title: 'Utan tid', speakers: ['b'] },
  ],
});

describe('resolveProgramme', () => {
  const resolved = resolveProgramme(programme, speakers);

  it('sorts days and sessions and turns wall-clock times into instants', () => {
    expect(resolved.days.map((day) => [day.number, day.date])).toEqual([
      [1, '2019-10-26'],
      [2, '2019-10-27'],
    ]);
    expect(resolved.days[0]?.sessions.map((session) => session.id)).toEqual(['early', 'late']);
    expect(resolved.start.toISOString()).toBe('2019-10-26T07:00:00.000Z');
    // The last day spans the end of summer time: 01:00 CEST to 04:00 CET is four hours.
    expect(resolved.end.toISOString()).toBe('2019-10-27T03:00:00.000Z');
    expect(resolved.days[1]?.sessions[0]?.start?.toISOString()).toBe('2019-10-27T00:30:00.000Z');
  });

  it('joins speakers in the order the session lists them', () => {
    expect(resolved.days[0]?.sessions[0]?.speakers.map((speaker) => speaker.name)).toEqual(['Bo B', 'Anna A']);
  });

  it('keeps sessions without a day apart', () => {
    expect(resolved.unscheduled.map((session) => session.id)).toEqual(['loose']);
    expect(resolved.unscheduled[0]?.start).toBeUndefined();
  });

  it('finds the sessions of a speaker in programme order', () => {
    expect(sessionsBySpeaker(resolved, 'b').map((session) => session.id)).toEqual(['early', 'loose']);
  });

  it('describes the event as schema.org data with offsets and the address as given', () => {
    const data = eventJsonLd({
      programme: resolved,
      organisers: [{ name: 'Länsstyrelsen Värmland', url: 'https://example.se/lst' }],
      pageUrl: 'https://example.se/',
      speakerUrl: (id) => `https://example.se/talare/#${id}`,
    });
    expect(data).toMatchObject({
      startDate: '2019-10-26T09:00:00+02:00',
      endDate: '2019-10-27T04:00:00+01:00',
      location: { name: 'Hotellet', address: { '@type': 'PostalAddress', streetAddress: 'Gatan 1', addressLocality: 'Sunne' } },
      organizer: [{ '@type': 'Organization', name: 'Länsstyrelsen Värmland', url: 'https://example.se/lst' }],
      performer: [
        { '@type': 'Person', name: 'Bo B', jobTitle: 'polis', affiliation: { '@type': 'Organization', name: 'Y' }, url: 'https://example.se/talare/#b' },
        { '@type': 'Person', name: 'Anna A', jobTitle: 'forskare', affiliation: { '@type': 'Organization', name: 'X' }, url: 'https://example.se/talare/#a' },
      ],
    });
    // Region and country only when the content gives them; no sponsor without a supporter.
    const address = (data as { location: { address: Record<string, string> } }).location.address;
    expect(Object.keys(address).sort()).toEqual(['@type', 'addressLocality', 'streetAddress']);
    expect(data).not.toHaveProperty('sponsor');
  });
});

describe('newsArticleJsonLd', () => {
  it('gives dateModified from a correction time when there is one', () => {
    const article = newsArticleJsonLd({
      headline: 'Rubrik',
      published: new Date('2019-09-23T11:57:00Z'),
      updated: new Date('2019-11-04T09:15:00Z'),
      url: 'https://example.se/a/',
      publishers: [],
      keywords: [],
      timeZone: 'Europe/Stockholm',
    });
    expect(article).toMatchObject({ datePublished: '2019-09-23T13:57:00+02:00', dateModified: '2019-11-04T10:15:00+01:00' });
    expect(article).not.toHaveProperty('publisher');
    expect(article).not.toHaveProperty('keywords');
  });

  it('gives the publication time with its offset and the publishers', () => {
    expect(
      newsArticleJsonLd({
        headline: 'Rubrik',
        published: new Date('2019-09-23T11:57:00Z'),
        url: 'https://example.se/pressmeddelanden/rubrik/',
        publishers: [{ name: 'Länsstyrelsen Värmland' }, { name: 'Länsstyrelsen Dalarna' }],
        keywords: ['a', 'b'],
        timeZone: 'Europe/Stockholm',
      }),
    ).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2019-09-23T13:57:00+02:00',
      dateModified: '2019-09-23T13:57:00+02:00',
      keywords: 'a, b',
      publisher: { '@type': 'Organization', name: 'Länsstyrelsen Värmland' },
      author: [
        { '@type': 'Organization', name: 'Länsstyrelsen Värmland' },
        { '@type': 'Organization', name: 'Länsstyrelsen Dalarna' },
      ],
    });
  });
});

describe('conference status', () => {
  const start = new Date('2019-09-25T09:00:00Z');
  const end = new Date('2019-09-26T11:00:00Z');

  it.each([
    ['2019-09-25T08:59:59Z', 'upcoming'],
    ['2019-09-25T09:00:00Z', 'ongoing'],
    ['2019-09-26T10:59:59Z', 'ongoing'],
    ['2019-09-26T11:00:00Z', 'past'],
  ])('at %s it is %s', (now, status) => {
    expect(conferenceStatus(new Date(now), start, end)).toBe(status);
  });

  it('reads the build clock from SOURCE_DATE_EPOCH', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1569402000' }).toISOString()).toBe('2019-09-25T09:00:00.000Z');
    expect(() => buildTime({ SOURCE_DATE_EPOCH: 'igår' })).toThrow(/SOURCE_DATE_EPOCH/);
    const before = Date.now();
    expect(buildTime({}).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('reads "now" once per build: later readings, in this thread or a worker started after, get the same instant', async () => {
    const env: Record<string, string | undefined> = {};
    const fixed = fixBuildClock(env, Date.parse('2026-12-02T21:00:00.750Z'));
    expect(fixed.toISOString()).toBe('2026-12-02T21:00:00.000Z');
    expect(env.SOURCE_DATE_EPOCH).toBe(String(fixed.getTime() / 1000));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(buildTime(env)).toEqual(fixed);
    // A second call (Astro may load the config twice) keeps the first reading.
    expect(fixBuildClock(env)).toEqual(fixed);

    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    try {
      const inProcess = fixBuildClock();
      const worker = new Worker("require('node:worker_threads').parentPort.postMessage(process.env.SOURCE_DATE_EPOCH)", { eval: true });
      const seen = await new Promise<string>((resolve) => worker.once('message', resolve));
      await worker.terminate();
      expect(buildTime({ SOURCE_DATE_EPOCH: seen })).toEqual(inProcess);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('keeps a SOURCE_DATE_EPOCH that is set', () => {
    const env = { SOURCE_DATE_EPOCH: '1569402000' };
    expect(fixBuildClock(env).toISOString()).toBe('2019-09-25T09:00:00.000Z');
    expect(env.SOURCE_DATE_EPOCH).toBe('1569402000');
  });
});
