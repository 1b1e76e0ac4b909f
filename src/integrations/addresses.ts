/**
 * Release addresses after the pages are built: `_redirects` for Netlify and Cloudflare Pages (one
 * 301 per moved address), and the sitemap's filter, which keeps moved and withdrawn addresses out.
 * Both read the address list the build wrote (pressmeddelanden/adresser.json, src/lib/content/addresses.ts).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ADDRESS_FILE, parseAddressFile, redirectsFileText } from '../lib/content/addresses.ts';

export default function addresses(): AstroIntegration {
  let base = '/';
  return {
    name: 'konferens:addresses',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = parseAddressFile(readFileSync(path.join(outDir, ADDRESS_FILE), 'utf8'));
        // public/ has no _redirects: the file is the build's alone.
        await writeFile(path.join(outDir, '_redirects'), redirectsFileText(list, base));
        logger.info(`_redirects written (${list.filter((address) => address.kind === 'redirect').length} moved addresses)`);
      },
    },
  };
}

/**
 * The sitemap's page filter: no 404 page, no moved address and no withdrawal notice (all noindex).
 * Called by @astrojs/sitemap at build:done, once the address list is on disk in `outDir`.
 */
export function sitemapFilter(outDir: string): (page: string) => boolean {
  let hidden: string[] | undefined;
  return (page) => {
    hidden ??= parseAddressFile(readFileSync(path.join(outDir, ADDRESS_FILE), 'utf8'))
      .filter((address) => address.kind !== 'release')
      .map((address) => `/${address.path}`);
    return !page.endsWith('/404/') && !hidden.some((suffix) => page.endsWith(suffix));
  };
}
