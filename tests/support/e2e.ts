import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { builtSite, SHARED_BUILDS, type SharedBuild } from './build.ts';
import { launchChromium } from './browser.ts';
import { builtPages, type BuiltPage } from './pages.ts';
import { headersFor, parseHeadersFile, serveSite, type HeaderHost, type RunningServer } from './static-server.ts';

/** The two viewport widths every page is checked at: a small phone and a laptop. */
export const WIDTHS = [375, 1280] as const;
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/**
 * axe-core's tags for WCAG 2.2 A and AA: 2.1 AA is what Swedish public bodies must meet today
 * (EN 301 549 v3.2.1), and the standard's next version takes in 2.2 (axe tags its new AA rules,
 * such as target size, wcag22aa).
 */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface E2eSite {
  browser: Browser;
  server: RunningServer;
  dist: string;
  /** Every built HTML page, found by walking dist. */
  pages: BuiltPage[];
  /** Absolute URL of a route below the base ("" for the home page). */
  url: (route: string) => string;
  close: () => Promise<void>;
}

/**
 * Serves a shared build with its `_headers` (merged as `host` does; 'github-pages' sends none) and
 * starts Chromium; call close() in afterAll.
 */
export async function openSite(name: SharedBuild = 'default', host: HeaderHost = 'cloudflare'): Promise<E2eSite> {
  const dist = builtSite(name);
  const [server, browser, pages] = await Promise.all([serveSite(dist, SHARED_BUILDS[name].BASE_PATH, host), launchChromium(), builtPages(dist)]);
  return {
    browser,
    server,
    dist,
    pages,
    url: (route) => new URL(route, server.url).href,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The headers `_headers` in dist gives a site page (the home page), as lower-case name → value. */
export async function siteWideHeaders(dist: string): Promise<Record<string, string>> {
  return headersFor(parseHeadersFile(await readFile(path.join(dist, '_headers'), 'utf8')), '/');
}
