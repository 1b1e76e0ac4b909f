import { describe, expect, it } from 'vitest';
import { generateReleases, SERIES_EVERY } from '../../scripts/bench/generate.ts';
import { releaseSlugs } from '../../src/lib/addresses.ts';
import { slugify } from '../../src/lib/slug.ts';

const ids = { organisations: ['lansstyrelsen-varmland'], contacts: [] };
const titleOf = (text: string) => JSON.parse(/^title: (.*)$/m.exec(text)?.[1] ?? '""') as string;

// The benchmark's corpus holds long headlines that share their first 80 characters, and every
// release still gets its own file and its own address. (At 10,000, as `npm run bench` builds it, the
// same holds; generating that corpus takes minutes on a busy machine, too long for the unit suite.)
describe.each([1_000])('the benchmark corpus of %i releases', (n) => {
  const releases = generateReleases(n, ids);

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
