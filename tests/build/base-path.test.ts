import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite, buildInto, SHARED_BUILDS } from '../support/build.ts';
import { listFiles, loadHtml } from '../support/html.ts';

const dist = builtSite('base');
const BASE = SHARED_BUILDS.base.BASE_PATH;
const ORIGIN = SHARED_BUILDS.base.SITE_URL;

describe(`a build with BASE_PATH=${BASE}`, async () => {
  const pages = await listFiles(dist, '.html');

  it('builds every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it('starts every internal link, asset and form action with the base path', async () => {
    let checked = 0;
    for (const page of pages) {
      const $ = await loadHtml(dist, page);
      $('[href], [src], form[action]').each((_, element) => {
        const url = $(element).attr('href') ?? $(element).attr('src') ?? $(element).attr('action') ?? '';
        if (/^(mailto:|tel:|#|webcal:)/.test(url)) return;
        if (/^[a-z]+:\/\//i.test(url) && !url.startsWith(ORIGIN)) return; // another host: not ours to prefix
        // Relative links are fine when they resolve inside the base path.
        const pageUrl = `${ORIGIN}${BASE}${page.replace(/index\.html$/, '')}`;
        const pathname = url.startsWith('/') || /^[a-z]+:/i.test(url) ? new URL(url, ORIGIN).pathname : new URL(url, pageUrl).pathname;
        expect(url.startsWith('/') ? url.startsWith(BASE) : pathname.startsWith(BASE), `${page}: ${url}`).toBe(true);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(pages.length * 8);
  });

  it('puts the base path into canonical, feed, sitemap and robots URLs', async () => {
    const $ = await loadHtml(dist, 'program/index.html');
    expect($('link[rel="canonical"]').attr('href')).toBe(`${ORIGIN}${BASE}program/`);
    const feed = await readFile(path.join(dist, 'rss.xml'), 'utf8');
    const feedLinks = [...feed.matchAll(/<link>([^<]+)<\/link>/g)].map((match) => match[1] ?? '');
    // The channel's own link plus at least one item.
    expect(feedLinks.length).toBeGreaterThanOrEqual(2);
    for (const link of feedLinks) expect(link.startsWith(`${ORIGIN}${BASE}`), link).toBe(true);
    const sitemap = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) expect(loc.startsWith(`${ORIGIN}${BASE}`), loc).toBe(true);
    expect(await readFile(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${ORIGIN}${BASE}sitemap-index.xml`);
  });
});

/**
 * Every text format the build writes, and the generated share card (.png); a new format belongs here
 * so its rebuild is compared too.
 */
const OUTPUT_TYPES = ['.html', '.xml', '.json', '.ics', '.vcf', '.txt', '.png'];

describe('the build machine’s time zone', () => {
  it('never leaks into the output: TZ=America/New_York gives the same bytes as TZ=UTC', async () => {
    const { outDir } = await buildInto('tz-new-york', { ...SHARED_BUILDS.default, TZ: 'America/New_York' });
    const reference = builtSite('default');
    const files = (await Promise.all(OUTPUT_TYPES.map((ext) => listFiles(reference, ext)))).flat();
    expect(files.length).toBeGreaterThan(8);
    expect((await Promise.all(OUTPUT_TYPES.map((ext) => listFiles(outDir, ext)))).flat()).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(reference, file)), readFile(path.join(outDir, file))]);
      expect(b.equals(a), `${file} differs between time zones`).toBe(true);
    }
  });
});
