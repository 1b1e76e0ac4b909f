import { describe, expect, it } from 'vitest';
import { adminIndexHtml, bundleFonts, localeUrlPath, namedHosts, rewriteSveltiaBundle } from '../../src/lib/editor/admin-bundle.ts';
import { ADMIN_CSP, ADMIN_CSP_META, headersFile, metaPolicy, SITE_CSP, SITE_CSP_META } from '../../src/lib/publishing/headers.ts';
import { headersFor, parseHeadersFile } from '../support/static-server.ts';

/** A few lines shaped like the places in Sveltia's bundle that name a CDN (0.221.1). */
const BUNDLE = [
  'iP=`https://unpkg.com/@sveltia/cms`,USe=`${iP}@${rP}/locales`,',
  'JW=e=>{let t=`https://unpkg.com/${e}`,n=Kfe[e]?.replace(/^\\D/,``);return n?`${t}@${n}`:t},YW=async(e,t)=>hk(()=>import(`${JW(e)}/${t}`),void 0),',
  'dependencies:{"@cfworker/json-schema":`^4.1.1`,"@discourse/heic":`^1.0.0`,"@jsquash/webp":`^1.5.0`,exifr:`^7.1.3`,immutable:`^5.1.9`,leaflet:`^1.9.4`,"pdfjs-dist":`^6.3.289`,svgo:`^4.1.0`,"terra-draw":`^1.35.0`,"terra-draw-leaflet-adapter":`1.0.3`,turndown:`^7.2.4`}',
  'gk=`https://unpkg.com/@shikijs`,_k=`https://unpkg.com/@sveltia/ui`,NG=JW(`pdfjs-dist`),',
  ...['exifr', '@discourse/heic', '@jsquash/${t}', 'immutable', 'leaflet', 'terra-draw', 'terra-draw-leaflet-adapter', 'svgo', 'turndown'].map((name) => ` x=await YW(\`${name}\`,\`index.js\`);`),
  'a=async()=>{if(await c9(`newLanguageCta`))return;let e=Cl.current,t=navigator.language},',
  'L(e=>q(n,`content`,e),[()=>[`width=device-width`,`initial-scale=1`,`maximum-scale=1`,`interactive-widget=resizes-content`].join(`, `)])',
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

  it('lists every module the bundle imports on demand with the version it names, served or reviewed off', () => {
    const { modules } = rewriteSveltiaBundle(BUNDLE, '/admin/');
    expect(modules.map((module) => `${module.name}@${module.version}`)).toEqual([
      'exifr@7.1.3',
      '@discourse/heic@1.0.0',
      '@jsquash/${t}@1.5.0',
      'immutable@5.1.9',
      'leaflet@1.9.4',
      'terra-draw@1.35.0',
      'terra-draw-leaflet-adapter@1.0.3',
      'svgo@4.1.0',
      'turndown@7.2.4',
    ]);
    expect(modules.filter((module) => 'serve' in module.use).map((module) => module.name)).toEqual(['exifr']);
    // A module not reviewed yet, or a reviewed one gone, stops the build.
    expect(() => rewriteSveltiaBundle(`${BUNDLE}\n x=await YW(\`qrcode\`,\`lib/index.js\`);`, '/admin/')).toThrow(/new: qrcode/);
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('YW(`turndown`', 'YW(`other`'), '/admin/')).toThrow(/new: other; gone: turndown/);
  });

  it('lets /admin/ zoom: the viewport Sveltia adds loses maximum-scale=1', () => {
    const { text } = rewriteSveltiaBundle(BUNDLE, '/admin/');
    expect(text).not.toContain('maximum-scale');
    expect(text).toContain('[`width=device-width`,`initial-scale=1`,`interactive-widget=resizes-content`]');
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('`maximum-scale=1`,', ''), '/admin/')).toThrow(/maximum-scale/);
  });

  it('never offers, in the browser\'s language, to leave Swedish', () => {
    const { text } = rewriteSveltiaBundle(BUNDLE, '/admin/');
    expect(text).toContain('a=async()=>{return;let e=Cl.current');
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('newLanguageCta', 'languageCta'), '/admin/')).toThrow(/switch language/);
  });

  it('fails loudly when a new bundle moved the URLs it rewrites', () => {
    expect(() => rewriteSveltiaBundle(BUNDLE.replaceAll('cdn.jsdelivr.net', 'fonts.example'), '/admin/')).toThrow(/Fontsource/);
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('https://unpkg.com/@sveltia/cms', 'https://esm.sh/@sveltia/cms'), '/admin/')).toThrow(/unpkg/);
    expect(() => rewriteSveltiaBundle(BUNDLE.replace('www.githubstatus.com', 'status.example'), '/admin/')).toThrow(/status/);
  });

  it('serves a page with no inline script or style, marked noindex', () => {
    const html = adminIndexHtml({ title: 'Webbredaktör', csp: ADMIN_CSP_META, publishStatus: { repo: 'owner/name', branch: 'main', workflow: 'deploy.yml' } });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow" />');
    // The status line sits above Sveltia's mount point, announced politely.
    expect(html).toMatch(/<p id="publiceringsstatus" role="status">[^<]+<\/p>\s*<div id="nc-root"><\/div>/);
    expect(html).toContain('<script type="module" src="publiceringsstatus.js" data-repo="owner/name" data-branch="main"');
    // Its policy as a meta element, before the first script or stylesheet: GitHub Pages sends no header.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${ADMIN_CSP_META}" />`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(Math.min(html.indexOf('<script'), html.indexOf('<link')));
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
    { name: '_redirects', directory: false },
  ];
  const rules = parseHeadersFile(headersFile(handWritten, entries, ['pagefind']));

  it('gives no rule to the files hosts read but never serve', () => {
    expect(rules.map((rule) => rule.pattern)).not.toContain('/_redirects');
  });

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

  it('gives meta elements the same policies without what a meta cannot carry', () => {
    expect(SITE_CSP_META).toBe(SITE_CSP.replace("; frame-ancestors 'none'", ''));
    expect(ADMIN_CSP_META).toBe(ADMIN_CSP.replace("; frame-ancestors 'none'", ''));
    expect(metaPolicy("default-src 'self'; report-uri /r; sandbox; report-to x; frame-ancestors 'none'; img-src data:")).toBe("default-src 'self'; img-src data:");
  });

  it("keeps the editor's needs out of the site policy", () => {
    expect(SITE_CSP).not.toMatch(/unsafe-inline|api\.github\.com|blob:/);
    expect(ADMIN_CSP).toMatch(/connect-src 'self' https:\/\/api\.github\.com/);
    expect(ADMIN_CSP).not.toMatch(/unsafe-eval/);
  });
});
