import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommit, buildFileText, nextDue } from '../../src/lib/publishing/due.ts';
import { contentWith, nextDueIn, release } from '../support/due-content.ts';

// nextDue, the instant /build.json announces, over the cases the gate decides on
// (tests/unit/due-gate.test.ts runs the gate itself on the files these make).
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'due-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** nextDue of a content folder with the given releases, built at `clock`, as ISO text. */
async function next(name: string, releases: Record<string, string>, clock: string): Promise<string | undefined> {
  return (await nextDueIn(await contentWith(path.join(work, name), releases), new Date(clock)))?.toISOString();
}

// Before the conference day: its start (2019-09-24T22:00Z, local midnight) is the fallback.
const CLOCK = '2019-09-20T08:00:00Z';
const CONFERENCE_START = '2019-09-24T22:00:00.000Z';

describe('the next instant something comes due', () => {
  it('with every release already out: the conference start, at local midnight', async () => {
    expect(await next('nothing', { 'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00') }, CLOCK)).toBe(CONFERENCE_START);
  });

  it('the earliest scheduled release', async () => {
    const releases = {
      'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00'),
      'b.md': release('Nu är det dags', '2019-09-20T10:10:00+02:00'),
      'c.md': release('Senare', '2019-09-20T10:16:00+02:00'),
    };
    expect(await next('one', releases, CLOCK)).toBe('2019-09-20T08:10:00.000Z');
  });

  it('a release exactly at the clock is out already, so it is not ahead', async () => {
    const releases = { 'a.md': release('Vid bygget', '2019-09-20T10:00:00+02:00'), 'b.md': release('Strax', '2019-09-20T10:15:00+02:00') };
    expect(await next('edges', releases, CLOCK)).toBe('2019-09-20T08:15:00.000Z');
  });

  it('never a draft', async () => {
    expect(await next('draft', { 'a.md': release('Utkast', '2019-09-20T10:10:00+02:00', 'draft: true\n') }, CLOCK)).toBe(CONFERENCE_START);
  });

  it('a release moved later by an edit: its new time', async () => {
    expect(await next('moved', { 'a.md': release('Flyttad', '2019-09-20T10:10:00+02:00') }, CLOCK)).toBe('2019-09-20T08:10:00.000Z');
  });

  it('a release the schema rejects is skipped: a build would stop on it', async () => {
    const broken = release('Trasig', '2019-09-20T10:10:00+02:00').replace('organisations:\n  - testorganisation\n', '');
    expect(await next('broken', { 'a.md': broken }, CLOCK)).toBe(CONFERENCE_START);
  });

  it('during the conference its end; after it nothing', async () => {
    expect(await next('during', {}, '2019-09-24T22:00:00Z')).toBe('2019-09-25T14:30:00.000Z');
    expect(await next('after', {}, '2019-09-25T14:30:00Z')).toBeUndefined();
  });

  it('rounds up to a whole second, the first clock a build can see it at', () => {
    expect(nextDue([new Date('2019-09-20T08:10:00.001Z')], new Date(CLOCK))?.toISOString()).toBe('2019-09-20T08:10:01.000Z');
    expect(nextDue([], new Date(CLOCK))).toBeUndefined();
  });
});

describe('the build file', () => {
  const SHA = '0123456789abcdef0123456789abcdef01234567';

  it('holds the clock in whole seconds, the commit and nextDue, times and a hash only', () => {
    const text = buildFileText(new Date('2019-09-25T08:00:00.750Z'), { commit: SHA, nextDue: new Date('2019-09-25T09:00:00Z') });
    expect(JSON.parse(text)).toEqual({
      sourceDateEpoch: 1569398400,
      clock: '2019-09-25T08:00:00.000Z',
      commit: SHA,
      nextDue: '2019-09-25T09:00:00.000Z',
    });
  });

  it('leaves out what it does not know, so a local build is byte-identical to the next', () => {
    expect(buildFileText(new Date('2019-09-25T08:00:00Z'))).toBe('{\n  "sourceDateEpoch": 1569398400,\n  "clock": "2019-09-25T08:00:00.000Z"\n}\n');
  });

  it('takes the commit from GitHub Actions, else Netlify, else Cloudflare Pages', () => {
    const other = 'fedcba9876543210fedcba9876543210fedcba98';
    expect(buildCommit({ GITHUB_SHA: SHA, COMMIT_REF: other })).toBe(SHA);
    expect(buildCommit({ COMMIT_REF: other, CF_PAGES_COMMIT_SHA: SHA })).toBe(other);
    expect(buildCommit({ CF_PAGES_COMMIT_SHA: SHA.toUpperCase() })).toBe(SHA);
    expect(buildCommit({ GITHUB_SHA: 'main', COMMIT_REF: other })).toBe(other);
    expect(buildCommit({})).toBeUndefined();
  });
});
