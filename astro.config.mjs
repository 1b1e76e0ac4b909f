// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import editor from './src/integrations/editor.ts';
import addresses, { sitemapFilter } from './src/integrations/addresses.ts';
import { settingsOrExit } from './src/lib/core/settings.ts';

// A malformed SITE_URL, BASE_PATH or SOURCE_DATE_EPOCH stops here with one line, not a stack trace.
const settings = settingsOrExit(process.env);

export default defineConfig({
  site: settings.site,
  base: settings.base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // CSS as a file, never inlined: the Content-Security-Policy then allows style-src 'self' only.
    inlineStylesheets: 'never',
    // Render the next pages while earlier ones are being written to disk. Same bytes as one page at
    // a time (diff -r); at 4,000 releases the bundle + render step took 17.5-18.9 s instead of
    // 24.8-25.0 s (docs/benchmarks.md).
    concurrency: 8,
  },
  vite: {
    build: {
      // Scripts as files too, never inlined however small: the CSP allows script-src 'self' only.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      // One stylesheet for the whole site (5 KB): a page blocks on one request, cached for the next.
      cssCodeSplit: false,
    },
  },
  // Test and benchmark builds run side by side; they pass their own output and cache folders.
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  // contentCheck first: a content error stops the build before anything is written. The search
  // index is the build script's second step (scripts/search-index.ts), after Astro has exited.
  // editor writes the web editor into /admin/ and the _headers file once the pages are built;
  // addresses writes _redirects.
  integrations: [
    contentCheck(),
    mdx(),
    // Moved and withdrawn release addresses answer with noindex pages: not in the sitemap either.
    sitemap({ filter: sitemapFilter(settings.outDir) }),
    editor({ cms: { repo: settings.cmsRepo, branch: 'main', signIn: settings.cmsSignIn }, contentDir: settings.contentDir }),
    addresses(),
  ],
});
