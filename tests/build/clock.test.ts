import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto } from '../support/build.ts';

// One clock per build: without SOURCE_DATE_EPOCH, "now" is read once at the start of the build
// (src/lib/core/status.ts fixBuildClock), and every part that depends on it uses that one reading.
// Each part read the clock for itself before, seconds apart on a busy machine: a release whose time
// fell between two readings could be left out by the collections yet counted as out by /build.json.
let log: string;
let dist: string;

beforeAll(async () => {
  const build = await buildInto('clock', { SITE_URL: 'https://konferens.example.se', TZ: 'UTC', SOURCE_DATE_EPOCH: undefined });
  log = `${build.stdout}\n${build.stderr}`;
  dist = build.outDir;
}, 600_000);

/** "20260101T120000Z" (iCalendar UTC) to whole seconds since 1970. */
function icalSeconds(stamp: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(stamp) ?? [];
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
}

describe('a build without SOURCE_DATE_EPOCH', () => {
  it('uses one instant for the content check, /build.json and the calendars', async () => {
    const checked = /Byggets klocka: \S+ \(SOURCE_DATE_EPOCH=(\d+)\)/.exec(log)?.[1];
    expect(checked, log).toBeDefined();
    const clock = Number(checked);
    // A reading of the clock during this test run, not a fallback.
    expect(Math.abs(clock - Date.now() / 1000)).toBeLessThan(3600);

    const buildFile = JSON.parse(await readFile(path.join(dist, 'build.json'), 'utf8')) as { sourceDateEpoch: number };
    expect(buildFile.sourceDateEpoch).toBe(clock);

    const calendars = (await readdir(path.join(dist, 'kalender'))).filter((file) => file.endsWith('.ics'));
    expect(calendars).toContain('konferens.ics');
    for (const calendar of calendars) {
      const text = await readFile(path.join(dist, 'kalender', calendar), 'utf8');
      // Each event's stamp and SEQUENCE (whole minutes of it); the VTIMEZONE's LAST-MODIFIED is the zone data's own.
      const events = text.split('BEGIN:VEVENT').slice(1);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(icalSeconds(/^DTSTAMP:(\S+)\r?$/m.exec(event)?.[1] ?? '')).toBe(clock);
        expect(icalSeconds(/^LAST-MODIFIED:(\S+)\r?$/m.exec(event)?.[1] ?? '')).toBe(clock);
        expect(Number(/^SEQUENCE:(\d+)\r?$/m.exec(event)?.[1])).toBe(Math.floor(clock / 60));
      }
    }
  });
});
