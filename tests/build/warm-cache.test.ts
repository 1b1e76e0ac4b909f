import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ROOT, buildInto, PROJECT_ROOT } from '../support/build.ts';
import { hashTree } from '../fixtures/content-errors/cases.ts';

// The workflows keep Astro's cache folder (the content layer's data store) between runs. A warm
// build, into the cache a build of the previous content left, with one release changed, must give
// the same bytes as a cold build of the changed content.
const RELEASES = 'pressmeddelanden';
const ADDED = 'Ett stycke som bara finns i testet av varma byggen.';
const SITE = { SITE_URL: 'https://konferens.example.se', BASE_PATH: '/', TZ: 'UTC' };

let cache: string;
let warm: Record<string, string>;
let cold: Record<string, string>;
let storeBefore: number;
let warmDist: string;
let releaseCount: number;
let warmLog: string;
let coldLog: string;

/** "releases: 1 av 3 poster lästa på nytt": what the loaders parsed afresh (src/integrations/content-gate.ts). */
function parsed(log: string, collection: string): { fresh: number; total: number } {
  const match = new RegExp(`${collection}: (\\d+) av (\\d+) poster lästa på nytt`).exec(log);
  expect(match, log).not.toBeNull();
  return { fresh: Number(match?.[1]), total: Number(match?.[2]) };
}

beforeAll(async () => {
  const root = path.join(BUILD_ROOT, 'warm-cache-src');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const content = path.join(root, 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
  // More than one release, so unchanged entries have something to be reused for.
  await cp(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'scheduled'), path.join(content, RELEASES), { recursive: true });
  cache = path.join(root, 'cache');

  await buildInto('warm-cache-first', { ...SITE, CONTENT_DIR: content }, { cacheDir: cache });
  storeBefore = (await stat(path.join(cache, 'data-store.json'))).mtimeMs;

  // The loader skips files whose name starts with "_" (the template).
  const releases = (await readdir(path.join(content, RELEASES))).filter((file) => file.endsWith('.md') && !file.startsWith('_')).sort();
  expect(releases.length).toBeGreaterThanOrEqual(2);
  releaseCount = releases.length;
  const changed = path.join(content, RELEASES, releases[0] as string);
  await writeFile(changed, `${await readFile(changed, 'utf8')}\n${ADDED}\n`);

  const [warmBuild, coldBuild] = await Promise.all([
    buildInto('warm-cache-warm', { ...SITE, CONTENT_DIR: content }, { cacheDir: cache }),
    buildInto('warm-cache-cold', { ...SITE, CONTENT_DIR: content }),
  ]);
  warmDist = warmBuild.outDir;
  warmLog = warmBuild.stdout + warmBuild.stderr;
  coldLog = coldBuild.stdout + coldBuild.stderr;
  [warm, cold] = await Promise.all([hashTree(warmBuild.outDir), hashTree(coldBuild.outDir)]);
}, 600_000);

describe('a warm build with one release changed', () => {
  it('used the cache the first build left: only the changed release was parsed again', () => {
    expect(parsed(warmLog, 'releases')).toEqual({ fresh: 1, total: releaseCount });
    expect(parsed(warmLog, 'speakers').fresh).toBe(0);
    // The cold build, with no cache, parsed every release.
    expect(parsed(coldLog, 'releases')).toEqual({ fresh: releaseCount, total: releaseCount });
  });

  it('updated the cache', async () => {
    expect((await stat(path.join(cache, 'data-store.json'))).mtimeMs).toBeGreaterThan(storeBefore);
  });

  it('shows the change', async () => {
    const pages = Object.keys(warm).filter((file) => file.startsWith(`${RELEASES}/`) && file.endsWith('/index.html'));
    const texts = await Promise.all(pages.map((file) => readFile(path.join(warmDist, file), 'utf8')));
    expect(texts.filter((text) => text.includes(ADDED))).toHaveLength(1);
  });

  it('gives a dist/ byte-identical to a cold build of the same content', () => {
    expect(Object.keys(warm).length).toBeGreaterThan(20);
    expect(warm).toEqual(cold);
  });
});
