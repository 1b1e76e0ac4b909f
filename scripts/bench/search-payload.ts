/**
 * What one first search costs a visitor: the built site is served like a static host, Chromium
 * opens the search page with a word and waits for the first results; every response is recorded.
 * Bytes are counted as they would cross the network from a host that compresses text: Pagefind's
 * index files and wasm are already gzip files and count as stored, JavaScript/CSS/JSON as gzip -6.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser.ts';
import { serveSite } from '../../tests/support/static-server.ts';

export interface FetchedFile {
  path: string;
  /** "load": the empty search page; "search": the page opened with the word. */
  phase: 'load' | 'search';
  bytes: number;
}

export interface SearchPayload {
  word: string;
  /** Results the page listed (its own first page of hits). */
  resultsShown: number;
  files: FetchedFile[];
  /** Bytes of the search visit by kind: pagefind-js, wasm, entry+meta, index, fragment, filter, page-js, other. */
  byKind: Record<string, number>;
  /** What the search page loads before anyone searches (its own script, Pagefind's code and entry). */
  loadBytes: number;
  /** Everything but the HTML document and stylesheets: the search code, index and first results. */
  totalBytes: number;
}

const COMPRESSED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

function kindOf(urlPath: string): string {
  if (/\/pagefind\/.*\.js$/.test(urlPath)) return 'pagefind-js';
  if (/\.pagefind$/.test(urlPath)) return 'wasm';
  if (/pagefind-entry\.json$|\.pf_meta$/.test(urlPath)) return 'entry+meta';
  if (/\.pf_index$/.test(urlPath)) return 'index';
  if (/\.pf_fragment$/.test(urlPath)) return 'fragment';
  if (/\.pf_filter$/.test(urlPath)) return 'filter';
  if (/\.m?js$/.test(urlPath)) return 'page-js';
  return 'other';
}

/**
 * The file as the host would send it, read from the built site rather than from the browser: the
 * search page hands Pagefind's gzip files to a DecompressionStream, and a response body consumed
 * as a stream is not kept for Playwright to read (it then reported 0 bytes for every fragment).
 */
async function wireBytes(dist: string, response: Response, urlPath: string): Promise<number> {
  const file = path.join(dist, decodeURIComponent(urlPath));
  const body = file.startsWith(path.resolve(dist) + path.sep)
    ? await readFile(file).catch(() => response.body().catch(() => Buffer.alloc(0)))
    : await response.body().catch(() => Buffer.alloc(0));
  if (COMPRESSED.test(urlPath)) return body.length;
  return gzipSync(body, { level: 6 }).length;
}

/**
 * Opens the search page twice, each time in a fresh browser context (empty cache): once empty, to
 * see what it loads before anyone searches, and once with the word in its address (`?q=…`, what the
 * search form submits and what a shared link holds), waiting until the first results are rendered.
 * `searchPath` is the search page relative to the site root.
 */
export async function measureFirstSearch(dist: string, word: string, searchPath = 'sok/'): Promise<SearchPayload> {
  const server = await serveSite(dist, '/');
  const browser = await launchChromium();
  try {
    const empty = await recordVisit(browser, dist, `${server.url}${searchPath}`, false);
    const field = empty.fieldName ?? 'q';
    const searched = await recordVisit(
      browser,
      dist,
      `${server.url}${searchPath}?${new URLSearchParams({ [field]: word })}`,
      true,
    );
    const files = [
      ...empty.files.map((file) => ({ ...file, phase: 'load' as const })),
      ...searched.files.map((file) => ({ ...file, phase: 'search' as const })),
    ];
    const byKind: Record<string, number> = {};
    for (const file of searched.files) byKind[kindOf(file.path)] = (byKind[kindOf(file.path)] ?? 0) + file.bytes;
    return {
      word,
      resultsShown: searched.resultsShown,
      files,
      byKind,
      loadBytes: empty.files.reduce((sum, file) => sum + file.bytes, 0),
      totalBytes: searched.files.reduce((sum, file) => sum + file.bytes, 0),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Visit {
  files: Omit<FetchedFile, 'phase'>[];
  fieldName: string | undefined;
  resultsShown: number;
}

async function recordVisit(browser: Browser, dist: string, url: string, expectResults: boolean): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const files: Visit['files'] = [];
    const pending = new Set<Promise<void>>();
    let inFlight = 0;
    let lastActivity = performance.now();
    // Context events also carry the requests of Pagefind's web worker.
    context.on('request', () => {
      inFlight += 1;
      lastActivity = performance.now();
    });
    const settle = () => {
      inFlight -= 1;
      lastActivity = performance.now();
    };
    context.on('requestfailed', settle);
    context.on('requestfinished', settle);
    context.on('response', (response) => {
      const urlPath = new URL(response.url()).pathname;
      const type = response.request().resourceType();
      if (type === 'document' || type === 'stylesheet' || urlPath.endsWith('.svg')) return;
      const task = wireBytes(path.resolve(dist), response, urlPath).then((bytes) => {
        files.push({ path: urlPath, bytes });
      });
      pending.add(task);
      void task.finally(() => pending.delete(task));
    });
    const fragment = expectResults
      ? context.waitForEvent('response', {
          predicate: (response) => response.url().includes('.pf_fragment'),
          timeout: 60_000,
        })
      : undefined;
    await page.goto(url, { waitUntil: 'load' });
    await fragment;
    await waitForQuiet(
      page,
      () => inFlight,
      () => lastActivity,
    );
    await Promise.all(pending);
    const fieldName =
      (await page
        .locator('input[type="search"]')
        .first()
        .getAttribute('name')
        .catch(() => null)) ?? undefined;
    const resultsShown = await page.locator('main ol > li').count();
    return { files, fieldName, resultsShown };
  } finally {
    await context.close();
  }
}

/** Resolves once no request has been in flight for `quietMs`; the page's own debounce is 300 ms. */
async function waitForQuiet(
  page: Page,
  inFlight: () => number,
  lastActivity: () => number,
  quietMs = 1000,
): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (inFlight() <= 0 && performance.now() - lastActivity() >= quietMs) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the search page kept loading for a minute');
}
