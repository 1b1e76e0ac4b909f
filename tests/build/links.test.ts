import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite, SHARED_BUILDS, type SharedBuild } from '../support/build.ts';
import { builtPages } from '../support/pages.ts';

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['iframe[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
  ['meta[property="og:url"]', 'content'],
  ['meta[property="og:image"]', 'content'],
];
/** Attributes that hold a srcset candidate list. */
const SRCSET_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['img[srcset]', 'srcset'],
  ['source[srcset]', 'srcset'],
];

interface Reference {
  /** Where the URL was found: a file in dist plus the element or property. */
  from: string;
  url: string;
  /** The page or file URL that relative URLs resolve against. */
  baseUrl: string;
  /** Links on the 404 page must work from any path, so they may not be relative. */
  mustBeRooted?: boolean;
}

interface Checked {
  broken: string[];
  external: Set<string>;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

async function allFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** iCalendar content lines, unfolded (RFC 5545 §3.1). */
function icsLines(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

/** Checks every reference of one build against the files in its dist. */
class SiteChecker {
  readonly origin: string;
  readonly base: string;
  readonly siteUrl: string;
  private readonly ids = new Map<string, Set<string> | null>();

  readonly dist: string;

  constructor(name: SharedBuild, dist: string) {
    this.dist = dist;
    const settings = SHARED_BUILDS[name];
    this.origin = new URL(settings.SITE_URL).origin;
    this.base = settings.BASE_PATH;
    this.siteUrl = `${this.origin}${this.base}`;
  }

  /** The absolute URL a file in dist is served at. */
  urlOf(file: string): string {
    const route = file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
    return new URL(route, this.siteUrl).href;
  }

  /** The file in dist a same-origin path is served from, or undefined. */
  private async fileFor(pathname: string): Promise<string | undefined> {
    if (!pathname.startsWith(this.base)) return undefined;
    const relative = decodeURIComponent(pathname.slice(this.base.length));
    const candidate = path.join(this.dist, relative);
    if (!path.resolve(candidate).startsWith(path.resolve(this.dist))) return undefined;
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
    if (info?.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
    return undefined;
  }

  /** Element ids (and a[name]) of a built HTML file, read once. */
  private async idsOf(file: string): Promise<Set<string> | null> {
    if (!file.endsWith('.html')) return null;
    if (!this.ids.has(file)) {
      const $ = load(await readFile(file, 'utf8'));
      const found = new Set<string>();
      $('[id]').each((_, element) => void found.add($(element).attr('id') ?? ''));
      $('a[name]').each((_, element) => void found.add($(element).attr('name') ?? ''));
      this.ids.set(file, found);
    }
    return this.ids.get(file) ?? null;
  }

  /** Records in `checked` why a reference is broken, or the URL when it leads to another host. */
  async check(reference: Reference, checked: Checked): Promise<void> {
    const raw = reference.url.trim();
    const shown = raw.length > 120 ? `${raw.slice(0, 117)}...` : raw;
    const fail = (why: string): void => {
      checked.broken.push(`${reference.from}: ${shown} – ${why}`);
    };
    if (raw === '') return fail('empty URL');
    if (/^(mailto|tel|data):/i.test(raw)) return;
    if (/^javascript:/i.test(raw)) return fail('javascript: URL');
    let url: URL;
    try {
      // webcal:// is the calendar subscription form of an https URL: check the file behind it.
      url = new URL(raw.replace(/^webcal:/i, 'https:'), reference.baseUrl);
    } catch {
      return fail('not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`unexpected scheme ${url.protocol}`);
    if (url.origin !== this.origin) {
      checked.external.add(url.href);
      return;
    }
    if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith(this.base)) {
      return fail(`does not start with the base path ${this.base}`);
    }
    if (!url.pathname.startsWith(this.base)) return fail(`resolves outside the base path ${this.base}`);
    if (reference.mustBeRooted && !/^(\/|https?:)/i.test(raw) && !raw.startsWith('#')) {
      return fail('relative link on the 404 page, which is served at any path');
    }
    const file = await this.fileFor(url.pathname);
    if (!file) return fail(`no built file for ${url.pathname}`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment) {
      const ids = await this.idsOf(file);
      if (ids && !ids.has(fragment)) return fail(`no element with id "${fragment}" in ${path.relative(this.dist, file)}`);
    }
  }
}

const BUILDS: SharedBuild[] = ['default', 'base', 'pictures'];
const externalByBuild = new Map<SharedBuild, Set<string>>();

describe.each(BUILDS)('links in the %s build', (name) => {
  const dist = builtSite(name);
  const site = new SiteChecker(name, dist);
  const checked: Checked = { broken: [], external: new Set() };
  externalByBuild.set(name, checked.external);

  async function checkAll(references: Reference[]): Promise<string[]> {
    const before = checked.broken.length;
    for (const reference of references) await site.check(reference, checked);
    return checked.broken.slice(before);
  }

  it('every URL in every built page resolves to a built file (and fragment)', async () => {
    const pages = await builtPages(dist);
    expect(pages.length).toBeGreaterThan(3);
    const references: Reference[] = [];
    for (const page of pages) {
      const $ = load(await readFile(path.join(dist, page.file), 'utf8'));
      const baseUrl = site.urlOf(page.file);
      const add = (selector: string, url: string): void => {
        references.push({ from: `${page.file} ${selector}`, url, baseUrl, mustBeRooted: page.file === '404.html' });
      };
      for (const [selector, attribute] of URL_ATTRIBUTES) {
        $(selector).each((_, element) => add(selector, $(element).attr(attribute) ?? ''));
      }
      for (const [selector, attribute] of SRCSET_ATTRIBUTES) {
        $(selector).each((_, element) => srcsetUrls($(element).attr(attribute) ?? '').forEach((url) => add(selector, url)));
      }
      // Every URL in the structured data (event, speakers, article) must lead somewhere too.
      $('script[type="application/ld+json"]').each((_, element) => {
        const walk = (value: unknown, key: string): void => {
          if (typeof value === 'string' && /^https?:\/\//.test(value) && !value.startsWith('https://schema.org/')) add(`JSON-LD ${key}`, value);
          else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
          else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) if (name !== '@context') walk(item, name);
        };
        walk(JSON.parse($(element).text()), '');
      });
    }
    expect(references.filter((reference) => reference.from.includes('JSON-LD')).length).toBeGreaterThan(10);
    expect(references.length).toBeGreaterThan(pages.length * 5);
    expect(await checkAll(references)).toEqual([]);
  });

  // No link opens a new window, so none needs rel="noopener" (browsers imply it for target=_blank
  // anyway); the Referrer-Policy header, not a rel on each link, decides what other sites learn.
  it('external links use https and open in the same window', async () => {
    const problems: string[] = [];
    for (const page of await builtPages(dist)) {
      const $ = load(await readFile(path.join(dist, page.file), 'utf8'));
      $('a[href]').each((_, element) => {
        const href = $(element).attr('href') ?? '';
        let url: URL;
        try {
          url = new URL(href, site.urlOf(page.file));
        } catch {
          return;
        }
        const shown = href.length > 120 ? `${href.slice(0, 117)}...` : href;
        const target = $(element).attr('target');
        if (target !== undefined && target !== '_self') problems.push(`${page.file}: ${shown} opens in target="${target}"`);
        if (!/^https?:$/.test(url.protocol) || url.origin === site.origin) return;
        if (url.protocol !== 'https:') problems.push(`${page.file}: ${shown} is not https`);
      });
      // Resources (scripts, styles, images, frames) from other hosts are never allowed: the CSP blocks them.
      $('script[src], link[rel~="stylesheet"][href], img[src], iframe[src], source[src]').each((_, element) => {
        const url = $(element).attr('src') ?? $(element).attr('href') ?? '';
        if (new URL(url, site.urlOf(page.file)).origin !== site.origin) problems.push(`${page.file}: third-party resource ${url}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('every URL in the sitemap, the RSS feed and robots.txt resolves to a built file', async () => {
    const references: Reference[] = [];
    const xml = (text: string): CheerioAPI => load(text, { xml: true });
    const sitemaps = (await allFiles(dist, '.xml')).filter((file) => file.startsWith('sitemap'));
    expect(sitemaps).toContain('sitemap-index.xml');
    for (const file of sitemaps) {
      const $ = xml(await readFile(path.join(dist, file), 'utf8'));
      $('loc').each((_, element) => void references.push({ from: `${file} <loc>`, url: $(element).text(), baseUrl: site.urlOf(file) }));
    }
    const feed = xml(await readFile(path.join(dist, 'rss.xml'), 'utf8'));
    const feedUrl = site.urlOf('rss.xml');
    feed('channel > link, item > link').each((_, element) => void references.push({ from: 'rss.xml <link>', url: feed(element).text(), baseUrl: feedUrl }));
    feed('item > guid').each((_, element) => {
      if (feed(element).attr('isPermaLink') !== 'false') references.push({ from: 'rss.xml <guid>', url: feed(element).text(), baseUrl: feedUrl });
    });
    feed('atom\\:link[href]').each((_, element) => void references.push({ from: 'rss.xml <atom:link>', url: feed(element).attr('href') ?? '', baseUrl: feedUrl }));
    const robots = await readFile(path.join(dist, 'robots.txt'), 'utf8');
    for (const match of robots.matchAll(/^Sitemap:\s*(\S+)/gim)) {
      references.push({ from: 'robots.txt Sitemap', url: match[1] ?? '', baseUrl: site.urlOf('robots.txt') });
    }
    expect(references.filter((reference) => reference.from.startsWith('sitemap')).length).toBeGreaterThan(1);
    expect(references.some((reference) => reference.from.startsWith('rss.xml'))).toBe(true);
    expect(await checkAll(references)).toEqual([]);
  });

  it('every URL in the calendar files and the stylesheets resolves to a built file', async () => {
    const references: Reference[] = [];
    for (const file of await allFiles(dist, '.ics')) {
      for (const line of icsLines(await readFile(path.join(dist, file), 'utf8'))) {
        const match = /^(URL|ATTACH|X-ALT-DESC|SOURCE)(?:;[^:]*)?:(https?:\/\/\S+)$/i.exec(line);
        if (match) references.push({ from: `${file} ${match[1]}`, url: match[2] ?? '', baseUrl: site.urlOf(file) });
      }
    }
    // Both kinds of file exist in every build; an empty list would make the loops below check nothing.
    expect(references.filter((reference) => reference.from.endsWith(' URL')).length).toBeGreaterThan(0);
    const stylesheets = await allFiles(dist, '.css');
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const file of stylesheets) {
      const css = await readFile(path.join(dist, file), 'utf8');
      for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        references.push({ from: `${file} url()`, url: match[2] ?? '', baseUrl: site.urlOf(file) });
      }
    }
    expect(await checkAll(references)).toEqual([]);
  });

  it('every URL in the schedule files and the vCards resolves to a built file (and fragment)', async () => {
    const references: Reference[] = [];
    const add = (file: string, where: string, url: string): void => {
      references.push({ from: `${file} ${where}`, url, baseUrl: site.urlOf(file) });
    };
    const json = JSON.parse(await readFile(path.join(dist, 'program/schedule.json'), 'utf8')) as unknown;
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'string' && /^https?:\/\//.test(value)) add('program/schedule.json', key, value);
      else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
      else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) walk(item, name);
    };
    walk(json, '');
    const $ = load(await readFile(path.join(dist, 'program/schedule.xml'), 'utf8'), { xml: true });
    $('*').each((_, element) => {
      if (element.type !== 'tag') return;
      const node = $(element);
      if (node.children().length === 0 && /^https?:\/\//.test(node.text())) add('program/schedule.xml', `<${element.name}>`, node.text());
      for (const [name, value] of Object.entries(element.attribs)) if (/^https?:\/\//.test(value)) add('program/schedule.xml', `@${name}`, value);
    });
    for (const file of await allFiles(dist, '.vcf')) {
      for (const line of (await readFile(path.join(dist, file), 'utf8')).replace(/\r\n[ \t]/g, '').split('\r\n')) {
        const match = /^(URL|SOURCE|PHOTO|LOGO)(?:;[^:]*)?:(https?:\/\/\S+)$/i.exec(line);
        if (match) add(file, match[1] ?? '', match[2] ?? '');
      }
    }
    expect(references.filter((reference) => reference.from.startsWith('program/schedule.json')).length).toBeGreaterThanOrEqual(2);
    expect(references.filter((reference) => reference.from.startsWith('program/schedule.xml')).length).toBeGreaterThanOrEqual(3);
    expect(references.filter((reference) => reference.from.includes('.vcf SOURCE')).length).toBeGreaterThanOrEqual(4);
    expect(await checkAll(references)).toEqual([]);
  });
});

afterAll(() => {
  // External links are listed for a person to look at, never fetched (the test must not depend on the network).
  for (const [name, external] of externalByBuild) {
    const list = [...external].sort().map((url) => (url.length > 160 ? `${url.slice(0, 157)}...` : url));
    if (list.length > 0) console.info(`External links in the ${name} build (not fetched):\n  ${list.join('\n  ')}`);
  }
});
