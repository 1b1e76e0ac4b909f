import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

/**
 * The web editor (/admin/) in real Chromium against the built site and its _headers: Sveltia CMS
 * on its test backend (test-repo), which reads and writes the browser's origin private file system
 * (OPFS, folder "sveltia-cms-test"); the test seeds that folder with the repository's content/.
 * The built configuration is used as it is, with only its backend swapped for test-repo.
 */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
  });
`;

let site: E2eSite;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const consoleCsp: string[] = [];

async function contentFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const root = path.join(PROJECT_ROOT, 'content');
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(PROJECT_ROOT, file).split(path.sep).join('/')] = await readFile(file, 'utf8');
  }
  return files;
}

beforeAll(async () => {
  site = await openSite();
  // An English browser: the editor must still come up in Swedish.
  context = await site.browser.newContext({ locale: 'en-US' });
  await context.addInitScript({ content: CSP_LISTENER });
  const config = JSON.parse(await readFile(path.join(site.dist, 'admin', 'config.json'), 'utf8')) as Record<string, unknown>;
  expect(config.backend).toMatchObject({ name: 'github' });
  await context.route(
    (url) => url.pathname.endsWith('/admin/config.json'),
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, backend: { name: 'test-repo' } }) }),
  );
  page = await context.newPage();
  const own = new URL(site.server.origin).host;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== own) foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCsp.push(message.text());
  });
  await page.goto(site.url('admin/'));
  const files = await contentFiles();
  expect(Object.keys(files).length).toBeGreaterThan(10);
  await page.evaluate(async (seed) => {
    const top = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
    for (const [file, text] of Object.entries(seed)) {
      const parts = file.split('/');
      let dir = top;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, files);
  await page.reload();
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('web editor', () => {
  it('loads in Swedish in an English browser and offers the test backend', async () => {
    await expect.poll(() => page.getByRole('button', { name: 'Arbeta med test-repo' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('reads the repository content: every collection with its entries', async () => {
    await page.getByRole('button', { name: 'Arbeta med test-repo' }).click();
    const release = 'Konferens om prostitution och människohandel för sexuella ändamål';
    await expect.poll(() => page.getByText(release).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const text = await page.locator('body').innerText();
    for (const label of ['Samlingar', 'Pressmeddelanden', 'Program', 'Talare', 'Kontaktpersoner', 'Organisationer', 'Sidor']) {
      expect(text).toContain(label);
    }
    // Entry counts beside the collection names, as many as the content folder holds.
    expect(text).toMatch(/Talare\s+4\b/);
    expect(text).toMatch(/Kontaktpersoner\s+3\b/);
    expect(text).toMatch(/Organisationer\s+4\b/);
  });

  it('requests nothing from another host and reports no CSP violation', async () => {
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
