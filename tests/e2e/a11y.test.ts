import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLOR_SCHEMES, openSite, WCAG_TAGS, WIDTHS, type E2eSite } from '../support/e2e.ts';
import { PICTURE_RELEASE } from '../fixtures/pictures/fixture.ts';

/** The search page showing results: its result list only exists once a query has run. */
const SEARCH_WITH_RESULTS = 'sok/?q=Sunne';

/** WCAG 1.4.10: content reflows without sideways scrolling at 320 CSS px. */
const REFLOW_WIDTH = 320;

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation per block: rule, impact, what to do, and every offending element. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
        `  ${violation.helpUrl}`,
        ...violation.nodes.flatMap((node) => [
          `  - ${node.target.join(' ')}`,
          `    ${node.html.slice(0, 200)}`,
          ...(node.failureSummary ?? '').split('\n').map((line) => `    ${line}`),
        ]),
      ].join('\n'),
    )
    .join('\n\n');
}

async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
}

let site: E2eSite;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('the accessibility statement', () => {
  it('says what this suite tests: the tool, the rule set, the widths and the colour schemes', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(site.url('tillganglighet/'));
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('axe-core');
      expect(text).toContain('WCAG 2.2 nivå A och AA');
      // Swedish writes 1280 as "1 280" (a no-break or thin space is fine too).
      for (const width of [...WIDTHS, REFLOW_WIDTH]) {
        expect(text.replace(/(\d)[\s\u00a0\u202f](\d{3})/g, '$1$2')).toContain(`${width} pixlar`);
      }
      expect(text).toContain('ljust och mörkt');
      expect(text).toContain('html-validate');
    } finally {
      await page.close();
    }
  });
});

describe('reflow (WCAG 1.4.10, which axe does not check)', () => {
  it(`no page scrolls sideways at ${REFLOW_WIDTH} px`, async () => {
    const page = await site.browser.newPage({ viewport: { width: REFLOW_WIDTH, height: 640 } });
    const tooWide: string[] = [];
    try {
      for (const { route } of site.pages) {
        await page.goto(site.url(route), { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) tooWide.push(`/${route} is ${overflow} px wider than the screen`);
      }
    } finally {
      await page.close();
    }
    expect(tooWide).toEqual([]);
  });
});

describe('axe-core, WCAG 2.2 A and AA', () => {
  it('checks every built page', () => {
    expect(site.pages.length).toBeGreaterThan(3);
  });

  it('reports a known violation readably (the check can fail)', async () => {
    const page = await site.browser.newPage();
    try {
      await page.setContent('<!doctype html><html lang="sv"><title>T</title><main><img src="data:,"></main></html>');
      const text = formatViolations((await runAxe(page)).violations);
      expect(text).toContain('image-alt (critical)');
      expect(text).toContain('<img src="data:,">');
    } finally {
      await page.close();
    }
  });

  for (const width of WIDTHS) {
    for (const colorScheme of COLOR_SCHEMES) {
      it(`has zero violations on every page at ${width} px in ${colorScheme} mode`, async () => {
        // bypassCSP lets the injected axe script run; the network suite checks the CSP itself.
        const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
        const page = await context.newPage();
        const report: string[] = [];
        let rulesPassed = 0;
        const checkedRules = new Set<string>();
        try {
          for (const route of [...site.pages.map((built) => built.route), SEARCH_WITH_RESULTS]) {
            await page.goto(site.url(route), { waitUntil: 'load' });
            if (route === SEARCH_WITH_RESULTS) await expect.poll(() => page.locator('#soktraffar > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
            await page.emulateMedia({ colorScheme });
            expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
            const results = await runAxe(page);
            rulesPassed += results.passes.length;
            for (const rule of [...results.passes, ...results.violations]) checkedRules.add(rule.id);
            if (results.violations.length > 0) report.push(`/${route}\n${formatViolations(results.violations)}`);
          }
        } finally {
          await context.close();
        }
        // axe really ran: contrast, names, landmarks and the like passed on every page.
        expect(rulesPassed).toBeGreaterThan(site.pages.length * 5);
        // The WCAG 2.2 rules ran too: target size was checked, not skipped for want of its tag.
        expect(checkedRules.has('target-size')).toBe(true);
        expect(report.join('\n\n'), `axe violations at ${width} px, ${colorScheme}`).toBe('');
      });
    }
  }
});

describe('axe-core on the pages with pictures (the pictures build)', () => {
  const routes = [`pressmeddelanden/${PICTURE_RELEASE.slug}/`, 'talare/'];
  let pictures: E2eSite;
  beforeAll(async () => {
    pictures = await openSite('pictures');
  });
  afterAll(async () => {
    await pictures?.close();
  });

  for (const width of WIDTHS) {
    for (const colorScheme of COLOR_SCHEMES) {
      it(`has zero violations and no sideways scrolling at ${width} px in ${colorScheme} mode`, async () => {
        const context = await pictures.browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
        const page = await context.newPage();
        const report: string[] = [];
        try {
          for (const route of routes) {
            await page.goto(pictures.url(route), { waitUntil: 'load' });
            // The picture is really there and decoded: axe would pass a page whose image failed to load.
            expect(await page.locator('figure.picture img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
            const results = await runAxe(page);
            if (results.violations.length > 0) report.push(`/${route}\n${formatViolations(results.violations)}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) report.push(`/${route} is ${overflow} px too wide`);
          }
        } finally {
          await context.close();
        }
        expect(report.join('\n\n')).toBe('');
      });
    }
  }
});
