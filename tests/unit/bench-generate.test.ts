import { beforeAll, describe, expect, it } from 'vitest';
import { generateReleases, SERIES_EVERY } from '../../scripts/bench/generate.ts';
import { releaseSlugs } from '../../src/lib/content/addresses.ts';
import { slugify } from '../../src/lib/core/slug.ts';

const ids = { organisations: ['lansstyrelsen-varmland'], contacts: [] };
const titleOf = (text: string) => JSON.parse(/^title: (.*)$/m.exec(text)?.[1] ?? '""') as string;

// The benchmark's corpus holds long headlines that share their first 80 characters, and every
// release still gets its own file and its own address, at both sizes the benchmark builds. (The
// generator used to loop forever at 10,000: a repeated long title kept its cut slug whatever number
// it was given.)
describe.each([1_000, 10_000])('the benchmark corpus of %i releases', { timeout: 120_000 }, (n) => {
  let releases: ReturnType<typeof generateReleases> = [];
  beforeAll(() => {
    releases = generateReleases(n, ids);
  }, 120_000);

  it('has a series of long headlines whose slugs, cut at 80 characters, are one', () => {
    const series = releases.filter((release) => titleOf(release.text).includes(', del '));
    expect(series.length).toBe(n / SERIES_EVERY);
    expect(new Set(series.map((release) => titleOf(release.text))).size).toBe(series.length);
    expect(new Set(series.map((release) => slugify(titleOf(release.text)))).size).toBe(1);
  });

  it('gives every release its own file name and its own address', () => {
    const files = releases.map((release) => release.file);
    expect(new Set(files).size).toBe(n);
    expect(new Set(releaseSlugs(files).values()).size).toBe(n);
  });
});
