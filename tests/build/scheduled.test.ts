import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ROOT, buildInto, PROJECT_ROOT, type BuildResult } from '../support/build.ts';

// One invented release (tests/fixtures/scheduled/), dated onsdag 25 september 2019 kl. 10.00,
// laid over a copy of the real content, built at a clock one minute before and exactly at its time,
// and once more without the file at the earlier clock.
const FIXTURE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'scheduled');
const SLUG = 'schemalagt-provmeddelande';
const PAGE = `pressmeddelanden/${SLUG}/index.html`;
/** A word only the fixture's text holds. */
const UNIQUE_WORD = 'tidsinställningsprov';
const BEFORE = String(Date.parse('2019-09-25T07:59:00Z') / 1000);
const AT = String(Date.parse('2019-09-25T08:00:00Z') / 1000);
/** The seed conference's first day begins at 11.00 Swedish time: the next thing due after the release. */
const CONFERENCE_START = '2019-09-25T09:00:00.000Z';
const SITE = { SITE_URL: 'https://konferens.example.se', BASE_PATH: '/', TZ: 'UTC' };

/** Every file of a built site: path → bytes, Pagefind's gzipped files unpacked. */
type Tree = Map<string, Buffer>;

async function readTree(dir: string): Promise<Tree> {
  const tree: Tree = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const bytes = await readFile(path.join(entry.parentPath, entry.name));
    tree.set(file, /\.pf_(meta|index|filter|fragment)$/.test(file) ? gunzipSync(bytes) : bytes);
  }
  return tree;
}

/** Pagefind names its files by content hash: the stable key of a fragment is the page it holds. */
function fragments(tree: Tree): Map<string, Record<string, unknown>> {
  const byUrl = new Map<string, Record<string, unknown>>();
  for (const [file, bytes] of tree) {
    if (!file.endsWith('.pf_fragment')) continue;
    const fragment = JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as Record<string, unknown>;
    byUrl.set(String(fragment.url), fragment);
  }
  return byUrl;
}

const isPagefindData = (file: string) => /\.pf_(meta|index|filter|fragment)$/.test(file);

/** The files two trees disagree on, Pagefind's hash-named data left out (compared on its own below). */
function changedFiles(a: Tree, b: Tree): { onlyA: string[]; onlyB: string[]; changed: string[] } {
  const names = [...new Set([...a.keys(), ...b.keys()])].filter((file) => !isPagefindData(file)).sort();
  return {
    onlyA: names.filter((file) => !b.has(file)),
    onlyB: names.filter((file) => !a.has(file)),
    changed: names.filter((file) => a.has(file) && b.has(file) && !a.get(file)?.equals(b.get(file) as Buffer)),
  };
}

const text = (tree: Tree, file: string) => tree.get(file)?.toString('utf8') ?? '';

/** The same document with every element matching `selector` that links to the fixture removed. */
function withoutFixture(source: string, selector: string, xml = false): string {
  const $ = load(source, { xml });
  $(selector)
    .filter((_, element) => $(element).html()?.includes(`/pressmeddelanden/${SLUG}/`) ?? false)
    .remove();
  return $.html();
}
const normalised = (source: string, xml = false) => load(source, { xml }).html();

/** The calendar's clock stamps, which follow SOURCE_DATE_EPOCH by design (docs: Stable identities). */
const withoutStamps = (ics: string) => ics.replace(/^(DTSTAMP|LAST-MODIFIED|SEQUENCE):.*$/gm, '$1:…');

let before: Tree;
let at: Tree;
let without: Tree;
let beforeBuild: BuildResult;

beforeAll(async () => {
  const source = path.join(BUILD_ROOT, 'scheduled-src');
  await rm(source, { recursive: true, force: true });
  await mkdir(source, { recursive: true });
  const withRelease = path.join(source, 'with', 'content');
  const withoutRelease = path.join(source, 'without', 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), withRelease, { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'content'), withoutRelease, { recursive: true });
  await cp(FIXTURE, path.join(withRelease, 'pressmeddelanden'), { recursive: true });

  [beforeBuild] = await Promise.all([
    buildInto('scheduled-before', { ...SITE, CONTENT_DIR: withRelease, SOURCE_DATE_EPOCH: BEFORE }),
    buildInto('scheduled-at', { ...SITE, CONTENT_DIR: withRelease, SOURCE_DATE_EPOCH: AT }),
    buildInto('scheduled-without', { ...SITE, CONTENT_DIR: withoutRelease, SOURCE_DATE_EPOCH: BEFORE }),
  ]);
  [before, at, without] = await Promise.all(
    ['scheduled-before', 'scheduled-at', 'scheduled-without'].map((name) => readTree(path.join(BUILD_ROOT, name, 'dist'))),
  ) as [Tree, Tree, Tree];
}, 600_000);

describe('a scheduled release', () => {
  it('is reported as information with its time, not as a warning', () => {
    expect(beforeBuild.stdout).toMatch(
      /^INFO \S*pressmeddelanden\/2019-09-25-schemalagt-provmeddelande\.md:\d+:\d+ {2}fältet published\n {4}Schemalagt: publiceras onsdag 25 september 2019 kl\. 10\.00$/m,
    );
    expect(beforeBuild.stdout).not.toMatch(/^VARNING \S*schemalagt/m);
  });

  it('before its time, is in no built file: the site is byte for byte the site without it, but for the time build.json announces', () => {
    expect(before.size).toBeGreaterThan(20);
    expect([...before.keys()].sort()).toEqual([...without.keys()].sort());
    const differing = [...before.keys()].filter((file) => !before.get(file)?.equals(without.get(file) as Buffer));
    expect(differing).toEqual(['build.json']);
    // Its time, and nothing else: not its title, not its address (docs/publicering.md says why).
    const { nextDue: withIt, ...restWith } = JSON.parse(text(before, 'build.json')) as Record<string, unknown>;
    const { nextDue: withoutIt, ...restWithout } = JSON.parse(text(without, 'build.json')) as Record<string, unknown>;
    expect(restWith).toEqual(restWithout);
    expect(withIt).toBe('2019-09-25T08:00:00.000Z');
    expect(withoutIt).toBe(CONFERENCE_START);
    for (const [file, bytes] of before) expect(bytes.includes(SLUG), file).toBe(false);
    for (const [file, bytes] of before) expect(bytes.includes(UNIQUE_WORD), file).toBe(false);
  });

  it('at its time, differs from the earlier build only where the release belongs, and in the clock', () => {
    const { onlyA, onlyB, changed } = changedFiles(before, at);
    expect(onlyA).toEqual([]);
    expect(onlyB).toEqual([PAGE]);
    expect(changed).toEqual([
      'build.json',
      'index.html',
      'kalender/konferens.ics',
      'pagefind/pagefind-entry.json',
      'pressmeddelanden/adresser.json',
      'pressmeddelanden/index.html',
      'rss.xml',
      'sitemap-0.xml',
      // The search page names the index's hashed files so a search can fetch them at once
      // (docs/search.md); a new release changes the index, so the names move.
      'sok/index.html',
    ]);
  });

  it('appears on its own page with its structured data', () => {
    const $ = load(text(at, PAGE));
    expect($('h1').text()).toBe('Schemalagt provmeddelande');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<string, unknown>;
    expect(JSON.stringify(jsonLd)).toContain('2019-09-25T10:00:00+02:00');
  });

  it('on the front page and in the list: taking its item out gives the earlier page back', () => {
    for (const file of ['index.html', 'pressmeddelanden/index.html']) {
      expect(text(at, file)).toContain(`/pressmeddelanden/${SLUG}/`);
      expect(withoutFixture(text(at, file), 'li')).toBe(normalised(text(before, file)));
    }
  });

  it('in the address list: taking its entry out gives the earlier list back', () => {
    const list = (files: Tree) => JSON.parse(text(files, 'pressmeddelanden/adresser.json')) as { addresses: { path: string }[] };
    const atTime = list(at).addresses;
    expect(atTime.filter((address) => address.path !== `pressmeddelanden/${SLUG}/`)).toEqual(list(before).addresses);
    expect(atTime.length).toBe(list(before).addresses.length + 1);
  });

  it('in the feed and the sitemap: taking its entry out gives the earlier file back', () => {
    expect(withoutFixture(text(at, 'rss.xml'), 'item', true)).toBe(normalised(text(before, 'rss.xml'), true));
    expect(withoutFixture(text(at, 'sitemap-0.xml'), 'url', true)).toBe(normalised(text(before, 'sitemap-0.xml'), true));
    expect(text(at, 'rss.xml')).toContain(`<title>Schemalagt provmeddelande</title>`);
  });

  it('in the calendar and build.json only the clock moves', () => {
    expect(withoutStamps(text(at, 'kalender/konferens.ics'))).toBe(withoutStamps(text(before, 'kalender/konferens.ics')));
    // nextDue: the release's time before it, the conference's start at it. No commit: the test builds run without CI's.
    expect(JSON.parse(text(before, 'build.json'))).toEqual({
      sourceDateEpoch: Number(BEFORE),
      clock: '2019-09-25T07:59:00.000Z',
      nextDue: '2019-09-25T08:00:00.000Z',
    });
    expect(JSON.parse(text(at, 'build.json'))).toEqual({ sourceDateEpoch: Number(AT), clock: '2019-09-25T08:00:00.000Z', nextDue: CONFERENCE_START });
  });

  it('in the unpacked search index: one more page, its words indexed, every other page as before', () => {
    const beforeFragments = fragments(before);
    const atFragments = fragments(at);
    expect([...atFragments.keys()].sort()).toEqual([...beforeFragments.keys(), `/pressmeddelanden/${SLUG}/`].sort());
    expect(String(atFragments.get(`/pressmeddelanden/${SLUG}/`)?.content)).toContain(UNIQUE_WORD);
    // Only the front page lists it among the indexed pages (the release list page is not indexed).
    const changedPages = [...beforeFragments.keys()].filter(
      (url) => JSON.stringify(beforeFragments.get(url)) !== JSON.stringify(atFragments.get(url)),
    );
    expect(changedPages).toEqual(['/']);
    expect(String(atFragments.get('/')?.content)).toContain('Schemalagt provmeddelande');

    const entry = (tree: Tree) => JSON.parse(text(tree, 'pagefind/pagefind-entry.json')) as { languages: { sv: { page_count: number } } };
    expect(entry(at).languages.sv.page_count).toBe(entry(before).languages.sv.page_count + 1);
    // The word index itself: the stem of the unique word is in the new index, and in no file before.
    const stem = UNIQUE_WORD.slice(0, 14);
    const indexHas = (tree: Tree) => [...tree].some(([file, bytes]) => file.endsWith('.pf_index') && bytes.includes(stem));
    expect(indexHas(at)).toBe(true);
    expect(indexHas(before)).toBe(false);
  });
});
