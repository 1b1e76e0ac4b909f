// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import { siteSettings } from './src/lib/settings.ts';

const settings = siteSettings(process.env);

export default defineConfig({
  site: settings.site,
  base: settings.base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // CSS as a file, never inlined: the Content-Security-Policy then allows style-src 'self' only.
    inlineStylesheets: 'never',
    // Render the next pages while earlier ones are being written to disk. Same bytes as one at a
    // time; measured 4,000 releases: the render step 10.5-12 s -> 6-8 s (docs/benchmarks.md).
    concurrency: 8,
  },
  // Scripts as files too, never inlined however small: the CSP allows script-src 'self' only.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  // Test and benchmark builds run side by side; they pass their own output and cache folders.
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  // contentCheck first: a content error stops the build before anything is written. The search
  // index is the build script's second step (scripts/search-index.ts), after Astro has exited.
  integrations: [contentCheck(), mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') })],
});
