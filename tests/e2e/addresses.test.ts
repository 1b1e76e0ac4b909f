import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESSES } from '../fixtures/addresses/fixture.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

// Moved and withdrawn release addresses in real Chromium, on the `pictures` shared build (base
// /konferens/), served with its _redirects and _headers (tests/support/static-server.ts).
let site: E2eSite;
let context: BrowserContext;
const violations: string[] = [];

beforeAll(async () => {
  site = await openSite('pictures');
  context = await site.browser.newContext();
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
});
afterAll(async () => {
  await context?.close();
  await site?.close();
});

const { moved, withdrawn } = ADDRESSES;

describe('a moved release address', () => {
  it('answers with a 301 to the new address, as the _redirects line says (Cloudflare Pages, Netlify)', async () => {
    const response = await fetch(site.url(`pressmeddelanden/${moved.from}/`), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/konferens/pressmeddelanden/${moved.slug}/`);
  });

  it('takes a reader on to the release in Chromium', async () => {
    const page = await context.newPage();
    const response = await page.goto(site.url(`pressmeddelanden/${moved.from}/`), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/konferens/pressmeddelanden/${moved.slug}/`);
    expect(await page.locator('h1').innerText()).toBe(moved.title);
    await page.close();
  });

  it('works without _redirects too (GitHub Pages): the static page refreshes to the release, without script', async () => {
    const page = await context.newPage();
    // index.html is not in _redirects, so the host serves the static page written at the old path.
    const first = await fetch(site.url(`pressmeddelanden/${moved.from}/index.html`), { redirect: 'manual' });
    expect(first.status).toBe(200);
    await page.goto(site.url(`pressmeddelanden/${moved.from}/index.html`));
    await page.waitForURL(`**/konferens/pressmeddelanden/${moved.slug}/`);
    expect(await page.locator('h1').innerText()).toBe(moved.title);
    await page.close();
    expect(violations).toEqual([]);
  });

  it('shows a plain Swedish link when the refresh does not happen', async () => {
    const page = await context.newPage();
    // Read the static page as a browser with meta refresh ignored would: its link leads on.
    const html = await (await fetch(site.url(`pressmeddelanden/${moved.from}/index.html`))).text();
    await page.setContent(html.replace(/<meta http-equiv="refresh"[^>]*>/, ''));
    const link = page.getByRole('link', { name: moved.title });
    expect(await link.getAttribute('href')).toBe(`/konferens/pressmeddelanden/${moved.slug}/`);
    expect(await page.locator('main').innerText()).toContain('Pressmeddelandet finns nu på en ny adress:');
    await page.close();
  });
});

describe('a withdrawn release', () => {
  it('answers with a Swedish page saying it was withdrawn, and when, not a 404', async () => {
    const page = await context.newPage();
    const response = await page.goto(site.url(`pressmeddelanden/${withdrawn.slug}/`), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Tillbakadraget pressmeddelande');
    expect(await page.locator('main').innerText()).toContain(`Det drogs tillbaka den ${withdrawn.shown}.`);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    for (const secret of withdrawn.secrets) expect(await page.content()).not.toContain(secret);
    await page.close();
    expect(violations).toEqual([]);
  });
});
