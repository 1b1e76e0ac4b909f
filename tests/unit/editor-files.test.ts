import { describe, expect, it } from 'vitest';
import { adminIndexHtml, bundleFonts, localeUrlPath, namedHosts, rewriteSveltiaBundle } from '../../src/lib/admin-bundle.ts';
import { ADMIN_CSP, headersFile, SITE_CSP } from '../../src/lib/headers.ts';
import { headersFor, parseHeadersFile } from '../support/static-server.ts';

/** A few lines shaped like the places in Sveltia's bundle that name a CDN (0.221.1). */
const BUNDLE = [
  'iP=`https://unpkg.com/@sveltia/cms`,USe=`${iP}@${rP}/locales`,',
  'JW=e=>{let t=`https://unpkg.com/${e}`;return t},',
  'Oye=`https://www.githubstatus.com/api/v2/status.json`,',
  '/* https://fontsource.org/fonts/source-sans-3/cdn */ src:url(https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2)',
  '/* https://fontsource.org/fonts/noto-mono/cdn */ src:url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)',
  'KJ=`https://api.github.com`',
].join('\n');

describe('the Sveltia bundle rewrite', () => {
  it('finds each Fontsource font and the npm package that ships it', () => {
    expect(bundleFonts(BUNDLE)).toEqual([
      expect.objectContaining({ packageName: '@fontsource-variable/source-sans-3', version: '5.3.0', file: 'source-sans-3-latin-wght-normal.woff2' }),
      expect.objectContaining({ packageName: '@fontsource/noto-mono', version: '5.3.0', file: 'noto-mono-latin-400-normal.woff2' }),
    ]);
  });

  it('points every CDN URL at our own origin, under the base path', () => {
    const { text } = rewriteSveltiaBundle(BUNDLE, '/konferens/admin/');
    expect([...namedHosts(text)]).toEqual(['api.github.com']);
    expect(text).toContain('iP=`/konferens/admin/vendor/@sveltia/cms`');
    expect(text).toContain('src:url(/konferens/admin/fonts/source-sans-3-latin-wght-normal.woff2)');
    expect(text).toContain('Oye=`/konferens/admin/vendor/githubstatus.json`');
    expect(localeUrlPath('/konferens/admin/', '0.221.1', 'sv')).toBe('/konferens/admin/vendor/@sveltia/cms@0.221.1/locales/sv.json');
  });

  it('fails loudly when a new bundle moved the URLs it rewrites', () => {
    expect(() => rewriteSveltiaBundle(BUNDLE.replaceAll('cdn.jsdelivr.net', 'fonts.example'), '/admin/')).toThrow(/Fontsource/);
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('https://unpkg.com/@sveltia/cms', 'https://esm.sh/@sveltia/cms'), '/admin/')).toThrow(/unpkg/);
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('www.githubstatus.com', 'status.example'), '/admin/')).toThrow(/status/);
  });

  it('serves a page with no inline script or style, marked noindex', () => {
    const html = adminIndexHtml({ title: 'Webbredaktör' });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(html).toContain('<html lang="sv">');
    expect(html).not.toMatch(/<script>|<style|style=/);
  });
});

describe('_headers', () => {
  const handWritten = '/*\n  X-Content-Type-Options: nosniff\n\n/kalender/*\n  Content-Type: text/calendar; charset=utf-8\n';
  const entries = [
    { name: 'index.html', directory: false },
    { name: 'program', directory: true },
    { name: 'admin', directory: true },
    { name: '_astro', directory: true },
    { name: 'rss.xml', directory: false },
  ];
  const rules = parseHeadersFile(headersFile(handWritten, entries, ['pagefind']));

  for (const host of ['cloudflare', 'netlify'] as const) {
    it(`gives the site's paths the site policy and /admin/ its own alone, on ${host}`, () => {
      for (const urlPath of ['/', '/program/', '/_astro/a.css', '/rss.xml', '/pagefind/pagefind.js']) {
        expect(headersFor(rules, urlPath, host)['content-security-policy'], urlPath).toBe(SITE_CSP);
      }
      expect(headersFor(rules, '/admin/', host)['content-security-policy']).toBe(ADMIN_CSP);
      expect(headersFor(rules, '/admin/', host)['x-content-type-options']).toBe('nosniff');
      expect(headersFor(rules, '/kalender/konferens.ics', host)['content-type']).toBe('text/calendar; charset=utf-8');
    });
  }

  it('refuses a Content-Security-Policy in public/_headers, where /* would carry it into /admin/', () => {
    expect(() => headersFile(`/*\n  Content-Security-Policy: ${SITE_CSP}\n`, entries)).toThrow(/public\/_headers sets a Content-Security-Policy/);
    expect(() => headersFile('# no Content-Security-Policy here\n/*\n  X-A: b\n', entries)).not.toThrow();
  });

  it("keeps the editor's needs out of the site policy", () => {
    expect(SITE_CSP).not.toMatch(/unsafe-inline|api\.github\.com|blob:/);
    expect(ADMIN_CSP).toMatch(/connect-src 'self' https:\/\/api\.github\.com/);
    expect(ADMIN_CSP).not.toMatch(/unsafe-eval/);
  });
});
