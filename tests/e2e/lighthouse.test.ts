import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/browser.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

/**
 * Lighthouse's accessibility category (axe underneath, with its own weighting) on the pages
 * visitors land on, with Lighthouse's default phone emulation, where targets are smallest; about
 * 40 s for the four pages. Only that category runs: the benchmark (scripts/bench/) measures
 * performance. axe itself checks every page at both widths in a11y.test.ts.
 */
const ROUTES = ['', 'program/', 'pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/', 'sok/?q=Sunne'];

/** The headless flags every browser test uses (tests/support/browser.ts), for chrome-launcher. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

let site: E2eSite;
let chrome: chromeLauncher.LaunchedChrome;
beforeAll(async () => {
  site = await openSite();
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
});
afterAll(async () => {
  chrome?.kill();
  await site?.close();
});

describe('Lighthouse accessibility', () => {
  it('scores 100 on the front page, the programme, a release and the search with results', async () => {
    const report: string[] = [];
    for (const route of ROUTES) {
      const result = await lighthouse(site.url(route), { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error', output: 'json' });
      const lhr = result?.lhr;
      const score = lhr?.categories.accessibility?.score;
      if (lhr?.runtimeError) report.push(`/${route}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      if (score !== 1) {
        const failed = Object.values(lhr?.audits ?? {}).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary');
        report.push(`/${route}: ${Math.round((score ?? 0) * 100)} (${failed.map((audit) => audit.id).join(', ')})`);
      }
    }
    expect(report).toEqual([]);
  });
});
