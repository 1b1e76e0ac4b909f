/**
 * Scale checks on a built site: no page grows with the number of releases, the feed is capped,
 * every page fits the first TCP round trip (HTML + CSS gzip), and no page but the search page
 * carries JavaScript.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';

/** 14 KiB: about what the first round trip of a new TCP connection delivers (10 segments of ~1460 bytes). */
export const PAGE_BUDGET_BYTES = 14 * 1024;
export const LIST_BUDGET = 50;
export const FEED_BUDGET = 50;
/** The one page allowed to load JavaScript. */
export const SEARCH_ROUTE = 'sok/';

export interface PageWeight {
  route: string;
  htmlGzip: number;
  cssGzip: number;
  total: number;
}

export interface SiteChecks {
  pages: number;
  /** Longest list (ul/ol) on any page, and where. */
  longestList: { route: string; items: number };
  /** Pages under pressmeddelanden/ that list releases (the paginated archive). */
  listPages: number;
  feedItems: number | undefined;
  heaviest: PageWeight;
  /** Median HTML + CSS gzip over all pages. */
  medianPageBytes: number;
  overBudget: PageWeight[];
  /** Pages other than the search page with a script that runs (JSON-LD is data and does not count). */
  pagesWithScript: string[];
  /** JavaScript bytes (gzip) the search page loads itself, before Pagefind. */
  searchPageScriptBytes: number;
  /** Stylesheets per page (each is a render-blocking request); the most on any page. */
  maxStylesheets: number;
  /** The page with the most render-blocking requests: stylesheets plus classic scripts in <head>. */
  mostRenderBlocking: { route: string; requests: number };
  /** <img> without width and height, which shift the layout when they load. */
  imagesWithoutSize: string[];
}

async function htmlFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    // The search index and the web editor (an application for editors, never linked from a page)
    // are not pages of the site.
    .filter((file) => !file.startsWith('pagefind/') && !file.startsWith('admin/'))
    .sort();
}

const routeOf = (file: string) => (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1'));

export async function checkSite(dist: string, base = '/'): Promise<SiteChecks> {
  const gzipCache = new Map<string, number>();
  const gzipOf = async (assetPath: string): Promise<number> => {
    const cached = gzipCache.get(assetPath);
    if (cached !== undefined) return cached;
    const bytes = gzipSync(await readFile(path.join(dist, assetPath)), { level: 6 }).length;
    gzipCache.set(assetPath, bytes);
    return bytes;
  };
  const local = (url: string) => {
    const pathname = new URL(url, 'http://site.invalid/').pathname;
    return pathname.startsWith(base) ? decodeURIComponent(pathname.slice(base.length)) : undefined;
  };

  const weights: PageWeight[] = [];
  const pagesWithScript: string[] = [];
  const imagesWithoutSize: string[] = [];
  let longestList = { route: '', items: 0 };
  let listPages = 0;
  let maxStylesheets = 0;
  let mostRenderBlocking = { route: '', requests: 0 };
  let searchPageScriptBytes = 0;
  const files = await htmlFiles(dist);

  for (const file of files) {
    const route = routeOf(file);
    const html = await readFile(path.join(dist, file));
    const $ = cheerio.load(html);

    let cssGzip = 0;
    const stylesheets = $('link[rel~="stylesheet"]').toArray();
    maxStylesheets = Math.max(maxStylesheets, stylesheets.length);
    // A classic script in <head> stops the parser; async, defer and module scripts do not.
    const blockingScripts = $('head script[src]:not([async]):not([defer]):not([type="module"])').length;
    const blocking = stylesheets.length + blockingScripts;
    if (blocking > mostRenderBlocking.requests) mostRenderBlocking = { route, requests: blocking };
    for (const link of stylesheets) {
      const asset = local($(link).attr('href') ?? '');
      if (asset) cssGzip += await gzipOf(asset);
    }
    const htmlGzip = gzipSync(html, { level: 6 }).length;
    weights.push({ route, htmlGzip, cssGzip, total: htmlGzip + cssGzip });

    for (const list of $('ul, ol').toArray()) {
      const items = $(list).children('li').length;
      if (items > longestList.items) longestList = { route, items };
    }
    if (route.startsWith('pressmeddelanden/') && $('.release-list').length > 0) listPages += 1;

    const scripts = $('script')
      .toArray()
      .filter((script) => ($(script).attr('type') ?? '') !== 'application/ld+json');
    const preloads = $('link[rel="modulepreload"]').toArray();
    if (route === SEARCH_ROUTE) {
      for (const element of [...scripts, ...preloads]) {
        const asset = local($(element).attr('src') ?? $(element).attr('href') ?? '');
        if (asset) searchPageScriptBytes += await gzipOf(asset);
        else searchPageScriptBytes += gzipSync($(element).text()).length;
      }
    } else if (scripts.length > 0 || preloads.length > 0 || $('[onclick], [onload], [onchange]').length > 0) {
      pagesWithScript.push(route);
    }

    for (const image of $('img').toArray()) {
      if (!$(image).attr('width') || !$(image).attr('height')) imagesWithoutSize.push(route);
    }
  }

  const feed = await readFile(path.join(dist, 'rss.xml'), 'utf8').catch(() => undefined);
  const feedItems = feed === undefined ? undefined : cheerio.load(feed, { xml: true })('item').length;
  const sorted = [...weights].sort((a, b) => a.total - b.total);
  const heaviest = sorted[sorted.length - 1] ?? { route: '', htmlGzip: 0, cssGzip: 0, total: 0 };
  return {
    pages: files.length,
    longestList,
    listPages,
    feedItems,
    heaviest,
    medianPageBytes: sorted[Math.floor(sorted.length / 2)]?.total ?? 0,
    overBudget: weights.filter((weight) => weight.total > PAGE_BUDGET_BYTES),
    pagesWithScript,
    searchPageScriptBytes,
    maxStylesheets,
    mostRenderBlocking,
    imagesWithoutSize: [...new Set(imagesWithoutSize)],
  };
}
