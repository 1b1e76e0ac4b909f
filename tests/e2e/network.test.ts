import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_CSP_META } from '../../src/lib/publishing/headers.ts';
import { openSite, siteWideHeaders, type E2eSite } from '../support/e2e.ts';

/** Headers the browser suite expects on every response; values come from dist/_headers. */
const REQUIRED_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'strict-transport-security',
];

/** Collects CSP violations in the page itself: the browser fires 'securitypolicyviolation' on document. */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')');
  });
`;

interface Watch {
  /** Problems seen so far: foreign hosts, console errors, page errors, failed requests. */
  problems: string[];
  /** URLs the page requested. */
  requests: string[];
  /** CSP violations from the console and from the in-page listener. */
  cspViolations: () => Promise<string[]>;
}

function watch(page: Page, site: E2eSite): Watch {
  const own = new URL(site.server.origin).host;
  const problems: string[] = [];
  const requests: string[] = [];
  const consoleCsp: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    requests.push(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.host !== own) problems.push(`request to another host: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCsp.push(message.text());
    else if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return {
    problems,
    requests,
    cspViolations: async () => [
      ...consoleCsp,
      ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
    ],
  };
}

let site: E2eSite;
let context: BrowserContext;
let expectedHeaders: Record<string, string>;

beforeAll(async () => {
  site = await openSite();
  context = await site.browser.newContext();
  await context.addInitScript({ content: CSP_LISTENER });
  expectedHeaders = await siteWideHeaders(site.dist);
});
afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('network, console and security headers', () => {
  it('_headers sets a strict policy for every path', () => {
    for (const name of REQUIRED_HEADERS) expect(expectedHeaders[name], name).toBeTruthy();
    const csp = expectedHeaders['content-security-policy'] ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(expectedHeaders['x-content-type-options']).toBe('nosniff');
    expect(expectedHeaders['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('every page loads only from its own host, with no console error or CSP violation, under the _headers policy', async () => {
    const report: string[] = [];
    for (const { route } of site.pages) {
      const page = await context.newPage();
      const watched = watch(page, site);
      try {
        const response = await page.goto(site.url(route), { waitUntil: 'networkidle' });
        if (response?.status() !== 200) report.push(`/${route}: HTTP ${response?.status()}`);
        const headers = response?.headers() ?? {};
        for (const name of REQUIRED_HEADERS) {
          if (headers[name] !== expectedHeaders[name]) report.push(`/${route}: header ${name} is ${JSON.stringify(headers[name])}`);
        }
        for (const violation of await watched.cspViolations()) report.push(`/${route}: CSP violation: ${violation}`);
        for (const problem of watched.problems) report.push(`/${route}: ${problem}`);
        // Every stylesheet the page links was applied (a blocked or missing file would leave none).
        const sheets = await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length);
        if (sheets === 0) report.push(`/${route}: no stylesheet applied`);
      } finally {
        await page.close();
      }
    }
    expect(report).toEqual([]);
  });

  it('JSON-LD data blocks cause no CSP violation, while an inline script is blocked and reported', async () => {
    const withJsonLd = [];
    for (const { file, route } of site.pages) {
      if ((await readFile(path.join(site.dist, file), 'utf8')).includes('application/ld+json')) withJsonLd.push(route);
    }
    expect(withJsonLd.length).toBeGreaterThan(0);
    const page = await context.newPage();
    const watched = watch(page, site);
    try {
      for (const route of withJsonLd) {
        await page.goto(site.url(route), { waitUntil: 'networkidle' });
        expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
        expect(await watched.cspViolations(), route).toEqual([]);
      }
      // The control: the same listener does see a violation, so "none" above means none.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.head.append(script);
        return new Promise<boolean>((resolve) =>
          setTimeout(() => resolve((window as unknown as { __inlineRan?: boolean }).__inlineRan === true), 0),
        );
      });
      expect(ran).toBe(false);
      await expect.poll(() => watched.cspViolations()).toEqual(expect.arrayContaining([expect.stringContaining('script-src')]));
    } finally {
      await page.close();
    }
  });

  it('the search works under the CSP: Pagefind loads its WebAssembly and results from the own host', async () => {
    // A missing search page is a failure, not a reason to skip: the site must have one.
    expect(site.pages.map((page) => page.route)).toContain('sok/');
    const page = await context.newPage();
    const watched = watch(page, site);
    try {
      const fragment = page.waitForResponse((response) => response.url().includes('/pagefind/fragment/'));
      await page.goto(site.url('sok/?q=Sunne'), { waitUntil: 'load' });
      expect((await fragment).status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(watched.requests.some((url) => /\/pagefind\/.*wasm/.test(url))).toBe(true);
      expect(await watched.cspViolations()).toEqual([]);
      expect(watched.problems).toEqual([]);
      await expect.poll(() => page.locator('main a[href*="/"]').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  for (const unknown of ['finns-inte/', 'pressmeddelanden/finns-inte/', 'a/b/c.html']) {
    it(`an unknown path (/${unknown}) gets the 404 page with status 404, styled and working`, async () => {
      const notFoundTitle = /<title>([^<]*)<\/title>/.exec(await readFile(path.join(site.dist, '404.html'), 'utf8'))?.[1];
      const page = await context.newPage();
      const watched = watch(page, site);
      try {
        const response = await page.goto(site.url(unknown), { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(404);
        expect(await page.title()).toBe(notFoundTitle);
        // The site policy is listed per site folder (src/lib/publishing/headers.ts) so it never reaches /admin/;
        // an unknown top-level path matches no folder and gets no CSP, never the editor's.
        const csp = response?.headers()['content-security-policy'];
        expect(csp).toBe(unknown.startsWith('pressmeddelanden/') ? expectedHeaders['content-security-policy'] : undefined);
        // The page carries the site policy itself, so it holds at paths no header rule reaches.
        const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(meta).toBe(SITE_CSP_META);
        expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
        expect(watched.problems.filter((problem) => !problem.includes('404 (Not Found)'))).toEqual([]);
        expect(await watched.cspViolations()).toEqual([]);
        // And it enforces it: an inline script added now does not run.
        const injectedRan = await page.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'document.documentElement.dataset.injected = "yes"';
          document.head.append(script);
          return document.documentElement.dataset.injected === 'yes';
        });
        expect(injectedRan).toBe(false);
        // Its links work from any depth: the home link leads home.
        await page.locator('main a').first().click();
        expect(new URL(page.url()).pathname).toBe(new URL(site.url('')).pathname);
      } finally {
        await page.close();
      }
    });
  }
});
