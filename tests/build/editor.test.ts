import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedHosts } from '../../src/lib/editor/admin-bundle.ts';
import { ADMIN_CSP, SITE_CSP } from '../../src/lib/publishing/headers.ts';
import { builtSite, PROJECT_ROOT, SHARED_BUILDS } from '../support/build.ts';
import { headersFor, parseHeadersFile } from '../support/static-server.ts';

/**
 * Hosts the copied editor files name without ever requesting them with this configuration:
 * links in help texts and messages, XML namespaces, and services for features the
 * configuration does not enable. The browser test proves none is requested, and /admin/'s
 * CSP (connect-src 'self' https://api.github.com) would block any that were.
 */
const NAMED_NOT_REQUESTED = /^(?:[a-z0-9-]+\.)*(?:sveltiacms\.app|svelte\.dev|github\.com|githubusercontent\.com|githubstatus\.com|w3\.org|lexical\.dev|json-schema\.org|unsplash\.com|pixabay\.com|pexels\.com|picsum\.photos|supabase\.com|youtube-nocookie\.com|youtube\.com|youtu\.be|scaleway\.com|backblaze\.com|uploadcare\.com|ucarecdn\.com|cloudinary\.com|openai\.com|gitlab\.com|gitea\.com|google\.com|googleapis\.com|netlify\.com|bunny\.net|digitalocean\.com|openstreetmap\.org|cloudflare\.com|hostedstatus\.com|stackoverflow\.com|azure\.com|microsoft\.com|deepseek\.com|claude\.com|mistral\.ai|amazon\.com|amazonaws\.com|discord\.com|reactjs\.org|react\.dev|mozilla\.org|day\.js\.org|schema\.org|example\.com|apple\.com|anthropic\.com|wikipedia\.org|vimeo\.com|npmjs\.com|jsdelivr\.com|codeberg\.org|google\.dev|bsky\.app)$/;
/** Package and font CDNs: the editor must never load code, strings or fonts from them. */
const CDN = /(?:^|\.)(?:unpkg\.com|jsdelivr\.net|fontsource\.org|fonts\.googleapis\.com|fonts\.gstatic\.com|esm\.sh|skypack\.dev|cdnjs\.cloudflare\.com)$/;

describe.each(['default', 'base'] as const)('web editor in the %s build', (name) => {
  const dist = builtSite(name);
  const base = name === 'base' ? '/konferens/' : '/';

  it('copies the bundle with its CDN URLs pointed at our own origin', async () => {
    const bundle = await readFile(path.join(dist, 'admin', 'sveltia-cms.js'), 'utf8');
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(bundle).toContain(`${base}admin/vendor/@sveltia/cms`);
    expect(bundle).toContain(`${base}admin/fonts/source-sans-3-latin-wght-normal.woff2`);
    const fonts = await readdir(path.join(dist, 'admin', 'fonts'));
    expect(fonts.sort()).toEqual(['material-symbols-outlined-latin-wght-normal.woff2', 'noto-mono-latin-400-normal.woff2', 'source-sans-3-latin-wght-normal.woff2']);
    const sv = JSON.parse(await readFile(path.join(dist, 'admin', 'vendor', '@sveltia', 'cms@0.221.1', 'locales', 'sv.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(sv).length).toBeGreaterThan(50);
    // Completed from src/i18n/editor.ts where Sveltia's Swedish lacks a key.
    expect(sv.show_errors).toBe('Visa fel');
    expect(bundle).not.toContain('maximum-scale');
  });

  it('serves the module Sveltia loads on demand that the editor uses, copied from npm at the version the bundle names', async () => {
    const served = await readFile(path.join(dist, 'admin', 'vendor', 'exifr@7.1.3', 'dist', 'lite.esm.mjs'), 'utf8');
    expect(served).toBe(await readFile(path.join(PROJECT_ROOT, 'node_modules', 'exifr', 'dist', 'lite.esm.mjs'), 'utf8'));
    expect((await readdir(path.join(dist, 'admin', 'vendor'))).sort()).toEqual(['@sveltia', 'exifr@7.1.3', 'githubstatus.json']);
    // Our own modules, types stripped: plain JavaScript the browser runs.
    const status = await readFile(path.join(dist, 'admin', 'publiceringsstatus.js'), 'utf8');
    expect(status).toContain("from './publiceringsstatus-beslut.js'");
    expect(status).not.toMatch(/: string\b|<HTMLScriptElement>/);
    expect(await readFile(path.join(dist, 'admin', 'filkontroll-beslut.js'), 'utf8')).toMatch(/export function fileAccepted\(name *, type *, accept *\)/);
    const config = JSON.parse(await readFile(path.join(dist, 'admin', 'config.json'), 'utf8')) as { collections: { name: string; fields: { name: string; editor_components?: string[] }[] }[] };
    const body = config.collections.find((collection) => collection.name === 'pressmeddelanden')!.fields.find((field) => field.name === 'body')!;
    expect(body.editor_components).toEqual(['image']);
  });

  it('names no package or font CDN, and no host it would request besides api.github.com', async () => {
    const files = (await readdir(path.join(dist, 'admin'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && /\.(js|json|html)$/.test(entry.name));
    expect(files.length).toBeGreaterThan(5);
    const hosts = new Set<string>();
    for (const file of files) for (const host of namedHosts(await readFile(path.join(file.parentPath, file.name), 'utf8'))) hosts.add(host);
    expect(hosts.has('api.github.com')).toBe(true);
    expect([...hosts].filter((host) => CDN.test(host))).toEqual([]);
    // The site's own address (config.json's site_url) is ours.
    const own = new URL(SHARED_BUILDS[name].SITE_URL).host;
    expect([...hosts].filter((host) => host !== 'api.github.com' && host !== own && !NAMED_NOT_REQUESTED.test(host) && !/^(localhost|127\.0\.0\.1)$/.test(host))).toEqual([]);
  });

  it('serves a noindex page whose preview uses the site stylesheet, and stays out of robots, sitemap, feed and search', async () => {
    const html = await readFile(path.join(dist, 'admin', 'index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(html).not.toMatch(/<script>|<style|style="/);
    const [stylesheet] = (await readdir(path.join(dist, '_astro'))).filter((file) => file.endsWith('.css'));
    expect(await readFile(path.join(dist, 'admin', 'forhandsvisning.js'), 'utf8')).toContain(`registerPreviewStyle("${base}_astro/${stylesheet}")`);
    expect(await readFile(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Disallow: ${base}admin/`);
    const sitemaps = (await readdir(dist)).filter((file) => file.startsWith('sitemap'));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) expect(await readFile(path.join(dist, file), 'utf8')).not.toContain('/admin');
    expect(await readFile(path.join(dist, 'rss.xml'), 'utf8')).not.toContain('/admin');
    const pagefindMeta = (await readdir(path.join(dist, 'pagefind'), { recursive: true })).filter((file) => file.endsWith('.pf_fragment'));
    expect(pagefindMeta.length).toBeGreaterThan(0);
    // No site page links to or loads the editor.
    for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html') || entry.parentPath.includes(`${path.sep}admin`)) continue;
      expect(await readFile(path.join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toContain('admin/');
    }
  });

  for (const host of ['cloudflare', 'netlify'] as const) {
    it(`_headers: on ${host}, the site policy never reaches /admin/ and the editor's policy nothing else`, async () => {
      const rules = parseHeadersFile(await readFile(path.join(dist, '_headers'), 'utf8'));
      const csp = (urlPath: string) => headersFor(rules, urlPath, host)['content-security-policy'];
      for (const urlPath of ['/admin/', '/admin/index.html', '/admin/sveltia-cms.js', '/admin/config.json']) expect(csp(urlPath), urlPath).toBe(ADMIN_CSP);
      const sitePaths = ['/', '/program/', '/talare/', '/pressmeddelanden/', '/sok/', '/kalender/konferens.ics', '/rss.xml', '/404.html', '/pagefind/pagefind.js', '/_astro/x.css'];
      for (const urlPath of sitePaths) expect(csp(urlPath), urlPath).toBe(SITE_CSP);
      for (const urlPath of ['/admin/', '/']) expect(headersFor(rules, urlPath, host)['x-content-type-options']).toBe('nosniff');
      expect(headersFor(rules, '/admin/', host)['x-robots-tag']).toBe('noindex');
      expect(headersFor(rules, '/', host)['x-robots-tag']).toBeUndefined();
    });
  }
});

describe('the merge rules the test server follows', () => {
  const rules = parseHeadersFile('/*\n  A: site\n/x/*\n  A: x\n/y/*\n  ! A\n  B: y\n');
  it('Cloudflare joins two values of one header and detaches with "!"', () => {
    expect(headersFor(rules, '/x/1', 'cloudflare')).toEqual({ a: 'site, x' });
    expect(headersFor(rules, '/y/1', 'cloudflare')).toEqual({ b: 'y' });
  });
  it('Netlify lets the later rule replace the value', () => {
    expect(headersFor(rules, '/x/1', 'netlify')).toEqual({ a: 'x' });
  });
});
