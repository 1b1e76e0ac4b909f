import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/browser.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

/**
 * Lighthouse's accessibility category (axe underneath, plus its own weighting and a few checks of
 * its own) on the pages visitors land on, phone and desktop. Only that category runs: the
 * benchmark (scripts/bench/) measures performance.
 */
const ROUTES = ['', 'program/', 'pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/', 'sok/?q=Sunne'];

/** The headless flags every browser test uses (tests/support/browser.ts), for chrome-launcher. */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
    it(`scores 100 on the landing pages (${formFactor})`, async () => {
      const report: string[] = [];
      for (const route of ROUTES) {
        const result = await lighthouse(site.url(route), { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error', output: 'json' }, config);
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
  }
});
