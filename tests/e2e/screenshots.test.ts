import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';
import { openSite, WIDTHS, type E2eSite } from '../support/e2e.ts';
import { PICTURE_RELEASE } from '../fixtures/pictures/fixture.ts';

/** Where a person finds the screenshots after `npm run test:e2e` (test-results/ is gitignored). */
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

let site: E2eSite;
beforeAll(async () => {
  site = await openSite();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await site?.close();
});

describe('screenshots for a person to look at', () => {
  it('writes full-page PNGs of the home page, the programme and one release at 375 and 1280 px', async () => {
    const release = site.pages.find((page) => /^pressmeddelanden\/(?!\d+\/)[^/]+\/$/.test(page.route));
    expect(release, 'a release page').toBeDefined();
    const shots = [
      { name: 'start', route: '' },
      { name: 'program', route: 'program/' },
      { name: 'pressmeddelande', route: release?.route ?? '' },
    ];
    const written: string[] = [];
    const overflowing: string[] = [];
    for (const width of WIDTHS) {
      const page = await site.browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'light' });
      try {
        for (const shot of shots) {
          await page.goto(site.url(shot.route), { waitUntil: 'networkidle' });
          const file = path.join(SCREENSHOT_DIR, `${shot.name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          written.push(file);
          // Written first, so a person can see what sticks out: a page wider than the viewport scrolls sideways.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) overflowing.push(`${shot.name} at ${width} px is ${overflow} px too wide`);
        }
      } finally {
        await page.close();
      }
    }
    expect(overflowing).toEqual([]);
    for (const file of written) {
      const bytes = await readFile(file);
      expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      expect((await stat(file)).size, file).toBeGreaterThan(5_000);
    }
  });
});

describe('screenshots of a release with a press picture (the pictures build)', () => {
  it('writes full-page PNGs at 375 and 1280 px with the picture loaded and nothing sticking out', async () => {
    const pictures = await openSite('pictures');
    const problems: string[] = [];
    const written: string[] = [];
    try {
      for (const width of WIDTHS) {
        const page = await pictures.browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'light' });
        try {
          await page.goto(pictures.url(`pressmeddelanden/${PICTURE_RELEASE.slug}/`), { waitUntil: 'networkidle' });
          const file = path.join(SCREENSHOT_DIR, `pressbild-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          written.push(file);
          const img = page.locator('figure.picture img');
          // Decoded, scaled to the column, and the browser chose a modern format from the srcset.
          const shown = await img.evaluate((element: HTMLImageElement) => ({
            natural: element.naturalWidth,
            width: element.getBoundingClientRect().width,
            current: element.currentSrc,
          }));
          if (shown.natural === 0) problems.push(`${width} px: the picture did not load`);
          if (shown.width > width) problems.push(`${width} px: the picture is ${shown.width} px wide`);
          if (!/\.avif$/.test(shown.current)) problems.push(`${width} px: the browser showed ${shown.current}, not the AVIF`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${width} px: the page is ${overflow} px too wide`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await pictures.close();
    }
    expect(problems).toEqual([]);
    for (const file of written) expect((await stat(file)).size, file).toBeGreaterThan(20_000);
  });
});
