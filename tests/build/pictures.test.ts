import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtSite, PICTURES_CONTENT, PROJECT_ROOT, SHARED_BUILDS, type SharedBuild } from '../support/build.ts';
import { builtPages } from '../support/pages.ts';
import { PICTURE_RELEASE, PICTURE_SPEAKER } from '../fixtures/pictures/fixture.ts';

const dist = builtSite('pictures');
const { SITE_URL, BASE_PATH } = SHARED_BUILDS.pictures;
const html = async (file: string) => load(await readFile(path.join(dist, file), 'utf8'));

/** The file in dist a root-relative URL of this build points at. */
function distFile(url: string): string {
  const { pathname } = new URL(url, SITE_URL);
  expect(pathname.startsWith(BASE_PATH), pathname).toBe(true);
  return path.join(dist, decodeURIComponent(pathname.slice(BASE_PATH.length)));
}

/** Width and height from a PNG's IHDR chunk, read by hand (PNG spec §11.2.2), not by an image library. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const srcset = (value: string | undefined) =>
  (value ?? '').split(',').map((candidate) => {
    const [url = '', width = ''] = candidate.trim().split(/\s+/);
    return { url, width: Number(width.replace(/w$/, '')) };
  });

describe('a release with a press picture', async () => {
  const $ = await html(`pressmeddelanden/${PICTURE_RELEASE.slug}/index.html`);
  const picture = $('article figure.picture picture');

  it('offers AVIF and WebP sources and the original format, each at every width up to the original', async () => {
    const sources = picture.find('source');
    expect(sources.map((_, element) => $(element).attr('type')).get()).toEqual(['image/avif', 'image/webp']);
    const expectedFormat = { 'image/avif': 'heif', 'image/webp': 'webp' } as const;
    for (const element of sources.toArray()) {
      const type = $(element).attr('type') as keyof typeof expectedFormat;
      const candidates = srcset($(element).attr('srcset'));
      expect(candidates.map((candidate) => candidate.width)).toEqual([400, 800, 1200, 1600]);
      expect($(element).attr('sizes')).toBeTruthy();
      for (const candidate of candidates) {
        // sharp reads the file on its own: the format and width are what the markup claims.
        const meta = await sharp(distFile(candidate.url)).metadata();
        expect(meta.format, candidate.url).toBe(expectedFormat[type]);
        expect(meta.width, candidate.url).toBe(candidate.width);
      }
    }
    const img = picture.find('img');
    const fallback = srcset(img.attr('srcset'));
    expect(fallback.map((candidate) => candidate.width)).toEqual([400, 800, 1200, 1600]);
    for (const candidate of fallback) expect((await sharp(distFile(candidate.url)).metadata()).format).toBe('jpeg');
  });

  it('sets width, height and alt on the img, and loads it at once (it sits under the headline)', () => {
    const img = picture.find('img');
    expect(img.attr('width')).toBe(String(PICTURE_RELEASE.spec.width));
    expect(img.attr('height')).toBe(String(PICTURE_RELEASE.spec.height));
    expect(img.attr('alt')).toBe(PICTURE_RELEASE.alt);
    expect(img.attr('loading')).toBe('eager');
  });

  it('shows the photographer and the licence', () => {
    const caption = $('article figure.picture figcaption').text().replace(/\s+/g, ' ');
    expect(caption).toContain(`Foto: ${PICTURE_RELEASE.credit}.`);
    expect(caption).toContain(`${PICTURE_RELEASE.licence}.`);
  });

  it('links "Ladda ner pressbild" to the original file, byte for byte', async () => {
    const link = $('article figure.picture figcaption a');
    expect(link.text()).toMatch(/^Ladda ner pressbild \(JPEG, 2400 × 1600 pixlar\)$/);
    expect(link.attr('download')).toBe('');
    const original = await readFile(path.join(PICTURES_CONTENT, PICTURE_RELEASE.file));
    expect(await readFile(distFile(link.attr('href') ?? ''))).toEqual(original);
  });

  it('is shared as its own picture, cropped to 1200 × 630', async () => {
    const image = $('meta[property="og:image"]').attr('content') ?? '';
    expect(image.startsWith(`${SITE_URL}${BASE_PATH}_astro/`)).toBe(true);
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
    expect($('meta[property="og:image:alt"]').attr('content')).toBe(PICTURE_RELEASE.alt);
    const meta = await sharp(distFile(image)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
  });

  it('names the picture in the NewsArticle JSON-LD', () => {
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as { image?: unknown };
    expect(data.image).toEqual([$('meta[property="og:image"]').attr('content')]);
  });
});

describe('a speaker with a photo', async () => {
  const $ = await html('talare/index.html');
  const img = $(`#${PICTURE_SPEAKER.id} figure.picture img`);

  it('shows the photo lazily (the list is below the fold), with size, alt and credit, and no download link', async () => {
    expect(img.attr('alt')).toBe(PICTURE_SPEAKER.alt);
    expect(img.attr('width')).toBe(String(PICTURE_SPEAKER.spec.width));
    expect(img.attr('height')).toBe(String(PICTURE_SPEAKER.spec.height));
    expect(img.attr('loading')).toBe('lazy');
    const types = $(`#${PICTURE_SPEAKER.id} source`).map((_, element) => $(element).attr('type')).get();
    expect(types).toEqual(['image/avif', 'image/webp']);
    expect((await sharp(distFile(img.attr('src') ?? '')).metadata()).format).toBe('png');
    expect($(`#${PICTURE_SPEAKER.id} figcaption`).text()).toContain('Foto: Testfotograf Exempelsson.');
    expect($(`#${PICTURE_SPEAKER.id} figcaption a`).length).toBe(0);
  });
});

describe.each(Object.keys(SHARED_BUILDS) as SharedBuild[])('share tags on every page of the %s build', async (name) => {
  const site = builtSite(name);
  const { SITE_URL: origin, BASE_PATH: base } = SHARED_BUILDS[name];
  const pages = await builtPages(site);

  it('has og:image with an absolute URL to a built file, its size, alt text and a large Twitter card', async () => {
    expect(pages.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const page of pages) {
      const $ = load(await readFile(path.join(site, page.file), 'utf8'));
      const content = (selector: string) => $(selector).attr('content') ?? '';
      const image = content('meta[property="og:image"]');
      if (!image.startsWith(`${origin}${base}`)) problems.push(`${page.file}: og:image ${image}`);
      if (!/^\d+$/.test(content('meta[property="og:image:width"]'))) problems.push(`${page.file}: og:image:width`);
      if (!/^\d+$/.test(content('meta[property="og:image:height"]'))) problems.push(`${page.file}: og:image:height`);
      if (content('meta[property="og:image:alt"]').length < 10) problems.push(`${page.file}: og:image:alt`);
      if (content('meta[name="twitter:card"]') !== 'summary_large_image') problems.push(`${page.file}: twitter:card`);
    }
    expect(problems).toEqual([]);
  });

  it('points pages without a picture at the generated card, a 1200 × 630 PNG', async () => {
    const $ = load(await readFile(path.join(site, 'index.html'), 'utf8'));
    expect($('meta[property="og:image"]').attr('content')).toBe(`${origin}${base}delningsbild.png`);
    expect(pngSize(await readFile(path.join(site, 'delningsbild.png')))).toEqual({ width: 1200, height: 630 });
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
  });
});

describe('the generated card', () => {
  it('describes the conference from content/program.yaml in its alt text', async () => {
    const programme = parseYaml(await readFile(path.join(PROJECT_ROOT, 'content', 'program.yaml'), 'utf8')) as {
      name: string;
      venue: { name: string; town: string };
      organisers: string[];
    };
    const organisers = await Promise.all(
      programme.organisers.map(async (id) => {
        const file = path.join(PROJECT_ROOT, 'content', 'organisationer', `${id}.yaml`);
        return (parseYaml(await readFile(file, 'utf8')) as { name: string }).name;
      }),
    );
    const $ = load(await readFile(path.join(builtSite('default'), 'index.html'), 'utf8'));
    const alt = $('meta[property="og:image:alt"]').attr('content') ?? '';
    expect(alt).toContain(programme.name);
    expect(alt).toContain('25–26 september 2019');
    expect(alt).toContain(`${programme.venue.name}, ${programme.venue.town}`);
    expect(organisers.length).toBeGreaterThan(0);
    for (const organiser of organisers) expect(alt).toContain(organiser);
  });
});
