import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/core/slug.ts';
import { ADDRESSES } from '../fixtures/addresses/fixture.ts';
import { builtSite } from '../support/build.ts';
import { loadHtml, text } from '../support/html.ts';

// The `pictures` shared build (base path /konferens/) holds tests/fixtures/addresses: a corrected
// headline, two headlines sharing 80 characters, a moved address and a withdrawn release.
const dist = builtSite('pictures');
const SITE = 'https://example.github.io/konferens/';
const page = (slug: string) => `pressmeddelanden/${slug}/index.html`;

describe('release addresses in a build', () => {
  it('keep the address when the headline is edited: the file name decides, not the headline', async () => {
    const { slug, title } = ADDRESSES.corrected;
    const $ = await loadHtml(dist, page(slug));
    expect(text($, 'h1')).toBe(title);
    const folders = await readdir(path.join(dist, 'pressmeddelanden'));
    expect(folders).not.toContain(slugify(title));
  });

  it('build two headlines that share their first 80 characters, each at its own address', async () => {
    const [first, second] = ADDRESSES.long;
    expect(slugify(first.title)).toBe(slugify(second.title));
    expect(text(await loadHtml(dist, page(first.slug)), 'h1')).toBe(first.title);
    expect(text(await loadHtml(dist, page(second.slug)), 'h1')).toBe(second.title);
  });

  it('answer at a moved address with a static redirect page: refresh, canonical, noindex and a Swedish link', async () => {
    const { from, slug, title } = ADDRESSES.moved;
    const $ = await loadHtml(dist, page(from));
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=/konferens/pressmeddelanden/${slug}/`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}pressmeddelanden/${slug}/`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(text($, 'main p')).toBe(`Pressmeddelandet finns nu på en ny adress: ${title}`);
    expect($('main a').attr('href')).toBe(`/konferens/pressmeddelanden/${slug}/`);
    expect($('[data-pagefind-body]').length).toBe(0);
  });

  it('write one 301 per moved address to _redirects, under the base path', async () => {
    const lines = (await readFile(path.join(dist, '_redirects'), 'utf8')).split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual([`/konferens/pressmeddelanden/${ADDRESSES.moved.from}/ /konferens/pressmeddelanden/${ADDRESSES.moved.slug}/ 301`]);
  });

  it('answer at a withdrawn release’s address with a Swedish notice saying when, and nothing of the release', async () => {
    const { slug, shown, secrets } = ADDRESSES.withdrawn;
    const $ = await loadHtml(dist, page(slug));
    expect(text($, 'h1')).toBe('Tillbakadraget pressmeddelande');
    expect(text($, 'main p').startsWith(`Pressmeddelandet som fanns på den här adressen är tillbakadraget. Det drogs tillbaka den ${shown}.`)).toBe(true);
    expect($('main time').attr('datetime')).toBe('2019-10-05T08:15:00+02:00');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    // Not in any built file: pages, feed, sitemap, address list, search index (unpacked).
    const found: string[] = [];
    for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (!/\.(html|xml|json|txt|ics|pf_fragment|pf_index|pf_meta|pf_filter)$|_redirects$/.test(file)) continue;
      const bytes = await readFile(file);
      const content = /\.pf_\w+$/.test(file) ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      for (const secret of secrets) if (content.includes(secret)) found.push(`${path.relative(dist, file)}: ${secret}`);
    }
    expect(found).toEqual([]);
  });

  it('keep moved and withdrawn addresses out of the sitemap and the release list', async () => {
    const sitemap = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${SITE}pressmeddelanden/${ADDRESSES.moved.slug}/`);
    expect(sitemap).not.toContain(`/pressmeddelanden/${ADDRESSES.moved.from}/`);
    expect(sitemap).not.toContain(`/pressmeddelanden/${ADDRESSES.withdrawn.slug}/`);
    const list = await readFile(path.join(dist, 'pressmeddelanden', 'index.html'), 'utf8');
    expect(list).not.toContain(ADDRESSES.withdrawn.slug);
    expect(list).not.toContain(`/${ADDRESSES.moved.from}/`);
  });

  it('list every address that answers in pressmeddelanden/adresser.json, in the contract the deploy reads', async () => {
    const list = JSON.parse(await readFile(path.join(dist, 'pressmeddelanden', 'adresser.json'), 'utf8')) as { addresses: Record<string, string>[] };
    const file = (name: string) => `content/pressmeddelanden/${name}`;
    expect(list.addresses).toEqual(
      expect.arrayContaining([
        { path: `pressmeddelanden/${ADDRESSES.corrected.slug}/`, file: file(ADDRESSES.corrected.file), kind: 'release', title: ADDRESSES.corrected.title },
        { path: `pressmeddelanden/${ADDRESSES.moved.from}/`, file: file(ADDRESSES.moved.file), kind: 'redirect', to: `pressmeddelanden/${ADDRESSES.moved.slug}/` },
        { path: `pressmeddelanden/${ADDRESSES.withdrawn.slug}/`, file: file(ADDRESSES.withdrawn.file), kind: 'withdrawn', withdrawn: ADDRESSES.withdrawn.iso },
        {
          path: 'pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/',
          file: file('2019-09-23-konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal.md'),
          kind: 'release',
          title: 'Konferens om prostitution och människohandel för sexuella ändamål',
        },
      ]),
    );
    // Every release page in the build is in the list, and every listed path was built.
    const built = (await readdir(path.join(dist, 'pressmeddelanden'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !/^\d+$/.test(entry.name))
      .map((entry) => `pressmeddelanden/${entry.name}/`)
      .sort();
    expect(list.addresses.map((address) => address.path)).toEqual(built);
  });
});
