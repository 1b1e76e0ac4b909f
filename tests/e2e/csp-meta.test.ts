import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_CSP, SITE_CSP } from '../../src/lib/publishing/headers.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

/**
 * The site as GitHub Pages serves it: no `_headers`, no response header at all but the content
 * type. Each page must then carry its own policy as a <meta> element and enforce it.
 */

/** What a <meta> policy can carry: the header policy without the directives browsers ignore there. */
const metaOf = (policy: string) =>
  policy
    .split(/;\s*/)
    .filter((directive) => !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(directive))
    .join('; ');

/** Records CSP violations in the page itself, from the first script on. */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')');
  });
`;

interface Visit {
  page: Page;
  violations: () => Promise<string[]>;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  // Nothing but the page itself sets the policy here.
  expect(response?.headers()['content-security-policy'], url).toBeUndefined();
  return {
    page,
    violations: async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))],
  };
}

/** Adds an inline script after load; true if it ran. */
function injectInlineScript(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.documentElement.dataset.injected = "ran";';
    document.head.append(script);
    return new Promise<boolean>((resolve) => setTimeout(() => resolve(document.documentElement.dataset.injected === 'ran'), 50));
  });
}

let site: E2eSite;
let context: BrowserContext;
/** Every HTML file of the build, the web editor's included, as [file, route, expected meta policy]. */
let everyPage: { file: string; route: string; policy: string }[];

beforeAll(async () => {
  site = await openSite('default', 'github-pages');
  context = await site.browser.newContext();
  await context.addInitScript({ content: CSP_LISTENER });
  everyPage = [
    ...site.pages.map(({ file, route }) => ({ file, route, policy: metaOf(SITE_CSP) })),
    { file: 'admin/index.html', route: 'admin/', policy: metaOf(ADMIN_CSP) },
  ];
});
afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('a CSP without headers (GitHub Pages)', () => {
  it('every HTML file carries its policy as the first <meta>, before any script, style or link', async () => {
    expect(everyPage.length).toBeGreaterThan(5);
    const report: string[] = [];
    for (const { file, policy } of everyPage) {
      const $ = load(await readFile(path.join(site.dist, file), 'utf8'));
      const metas = $('meta[http-equiv="Content-Security-Policy" i]');
      if (metas.length !== 1) {
        report.push(`${file}: ${metas.length} CSP <meta> elements`);
        continue;
      }
      if (metas.closest('head').length !== 1) report.push(`${file}: the CSP <meta> is not in <head>`);
      if (metas.attr('content') !== policy) report.push(`${file}: policy ${JSON.stringify(metas.attr('content'))}, expected ${JSON.stringify(policy)}`);
      // A script, style or stylesheet before the policy would load before it applies.
      const first = $('head').find('script, style, link, meta[http-equiv="Content-Security-Policy" i]').first();
      if (!first.is('meta')) report.push(`${file}: <${first.prop('tagName')?.toLowerCase()}> comes before the CSP <meta>`);
    }
    expect(report).toEqual([]);
  });

  it('on every page an inline script injected after load does not run, and the page itself causes no violation', async () => {
    const report: string[] = [];
    for (const { route } of [...everyPage, { route: 'finns-inte/' }]) {
      const { page, violations } = await visit(context, site.url(route));
      try {
        for (const violation of await violations()) report.push(`/${route}: the page itself: ${violation}`);
        if (await injectInlineScript(page)) report.push(`/${route}: an injected inline script ran`);
        // The control: the same listener sees the injected script blocked, so "none" above means none.
        else if (!(await violations()).some((violation) => violation.includes('script-src'))) report.push(`/${route}: the blocked script was not reported`);
      } finally {
        await page.close();
      }
    }
    expect(report).toEqual([]);
  });

  it('the search still searches under the meta policy (Pagefind compiles WebAssembly)', async () => {
    const { page, violations } = await visit(context, site.url('sok/?q=Sunne'));
    try {
      await expect.poll(() => page.locator('#soktraffar > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      // Searching again from the form, as a visitor does.
      await page.locator('main input[type="search"]').fill('program');
      await page.locator('main input[type="search"]').press('Enter');
      await page.waitForFunction(() => /program/.test(document.querySelector('#sokstatus')?.textContent ?? ''));
      expect(await page.locator('#soktraffar > li').count()).toBeGreaterThan(0);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
