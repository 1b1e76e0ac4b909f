import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ROOT, buildInto, PROJECT_ROOT } from '../support/build.ts';
import { listFiles, loadHtml } from '../support/html.ts';
import { isoWithOffset, zonedInstant } from '../../src/lib/core/dates.ts';
import { FEED_SIZE, RELEASES_PER_PAGE } from '../../src/lib/content/releases.ts';

// Seed content plus enough releases to need three list pages and to overflow the feed.
const EXTRA = 55;
const contentDir = path.join(BUILD_ROOT, 'pagination-src', 'content');
let dist: string;

const day = (n: number) => `2019-${String(10 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
/** 09.00 Swedish time with the offset in force that day (summer time ends on 27 October 2019). */
const published = (n: number) => isoWithOffset(zonedInstant(day(n), '09:00', 'Europe/Stockholm'), 'Europe/Stockholm');

beforeAll(async () => {
  await rm(path.dirname(contentDir), { recursive: true, force: true });
  await cp(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  for (let n = 0; n < EXTRA; n++) {
    await writeFile(
      path.join(contentDir, 'pressmeddelanden', `nummer-${n}.md`),
      `---\ntitle: Nyhet nummer ${n}\npublished: "${published(n)}"\norganisations:\n  - lansstyrelsen-varmland\n---\n\nText ${n}.\n`,
    );
  }
  dist = (await buildInto('pagination', { CONTENT_DIR: contentDir, SITE_URL: 'https://konferens.example.se' })).outDir;
});

const titlesOn = async (route: string) => {
  const $ = await loadHtml(dist, route);
  return $('main .release-list h2').toArray().map((element) => $(element).text().trim());
};

describe(`with ${EXTRA + 1} press releases`, () => {
  it(`lists at most ${RELEASES_PER_PAGE} per page, newest first, over three pages`, async () => {
    const pages = (await listFiles(dist, 'index.html')).filter((file) => /^pressmeddelanden\/(\d+\/)?index\.html$/.test(file));
    expect(pages).toEqual(['pressmeddelanden/2/index.html', 'pressmeddelanden/3/index.html', 'pressmeddelanden/index.html']);
    const first = await titlesOn('pressmeddelanden/index.html');
    const second = await titlesOn('pressmeddelanden/2/index.html');
    const third = await titlesOn('pressmeddelanden/3/index.html');
    expect([first.length, second.length, third.length]).toEqual([20, 20, 16]);
    expect(first[0]).toBe(`Nyhet nummer ${EXTRA - 1}`);
    // The seed release (23 September 2019) is the oldest.
    expect(third.at(-1)).toBe('Konferens om prostitution och människohandel för sexuella ändamål');
    expect(new Set([...first, ...second, ...third]).size).toBe(EXTRA + 1);
  });

  it('links the pages to each other and gives each its own title', async () => {
    const $ = await loadHtml(dist, 'pressmeddelanden/2/index.html');
    expect($('a[rel="prev"]').attr('href')).toBe('/pressmeddelanden/');
    expect($('a[rel="next"]').attr('href')).toBe('/pressmeddelanden/3/');
    expect($('h1').text()).toBe('Pressmeddelanden, sida 2 av 3');
  });

  it(`keeps only the newest ${FEED_SIZE} in the feed`, async () => {
    const $ = load(await readFile(path.join(dist, 'rss.xml'), 'utf8'), { xml: true });
    const titles = $('item > title').toArray().map((element) => $(element).text());
    expect(titles).toHaveLength(FEED_SIZE);
    expect(titles[0]).toBe(`Nyhet nummer ${EXTRA - 1}`);
  });

  it('shows the three newest on the front page', async () => {
    const $ = await loadHtml(dist, 'index.html');
    expect($('main .release-list h3').toArray().map((element) => $(element).text().trim())).toEqual([
      `Nyhet nummer ${EXTRA - 1}`,
      `Nyhet nummer ${EXTRA - 2}`,
      `Nyhet nummer ${EXTRA - 3}`,
    ]);
  });
});
