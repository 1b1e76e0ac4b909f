import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

let site: E2eSite;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('printing the programme', () => {
  it('leaves out the skip link, header, navigation, search and footer in print', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(site.url('program/'));
      const selectors = ['.skip-link', '.site-header', 'nav', 'form[role="search"]', '.site-footer'];
      const rendered = () =>
        page.evaluate((list) => list.map((selector) => document.querySelector(selector)?.checkVisibility() ?? 'missing'), selectors);
      // On screen they are there (the skip link only when focused, so it is left out of this check) ...
      expect((await rendered()).slice(1)).toEqual([true, true, true, true]);
      await page.emulateMedia({ media: 'print' });
      // ... and in print none of them is rendered.
      expect(await rendered()).toEqual(selectors.map(() => false));
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display)).toBe('none');
    } finally {
      await page.close();
    }
  });

  it('prints every day on one or two A4 pages, without the navigation', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(site.url('program/'), { waitUntil: 'networkidle' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false, tagged: true });
      await mkdir(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
      await writeFile(path.join(PROJECT_ROOT, 'test-results', 'program.pdf'), pdf);

      // Read back with PDF.js, independent of the browser that wrote it.
      const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true });
      expect(totalPages).toBeGreaterThanOrEqual(1);
      expect(totalPages).toBeLessThanOrEqual(2);
      const printed = squash(text);

      // The days as the built page has them (heading text, e.g. "Dag 1: onsdag 25 september 2019 kl. 11.00–16.30").
      const $ = load(await readFile(path.join(site.dist, 'program/index.html'), 'utf8'));
      const days = $('main .programme-day h2').toArray().map((heading) => squash($(heading).text()));
      expect(days.filter((day) => /^Dag \d/.test(day)).length).toBeGreaterThanOrEqual(2);
      for (const day of days) expect(printed).toContain(day);
      const sessions = $('main .programme-day h3').toArray().map((heading) => squash($(heading).text()));
      expect(sessions.length).toBeGreaterThan(0);
      for (const session of sessions) expect(printed).toContain(session);

      // Nothing of the navigation or the search form: the menu's labels appear nowhere as a menu.
      const menu = squash($('header nav').text());
      expect(menu.length).toBeGreaterThan(10);
      expect(printed).not.toContain(menu);
      expect(printed).not.toContain(squash($('header form[role="search"] label').text() + ' ' + $('header form[role="search"] button').text()));
      expect(printed).not.toContain(squash($('.skip-link').text()));
    } finally {
      await page.close();
    }
  });
});
