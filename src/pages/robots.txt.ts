import type { APIRoute } from 'astro';
import { ADMIN_FOLDER } from '../lib/publishing/headers.ts';
import { absoluteUrl, paths } from '../lib/core/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(paths.sitemap, site ?? '', import.meta.env.BASE_URL);
  // The web editor is no page for search engines (its HTML says noindex too).
  const admin = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${ADMIN_FOLDER}/`;
  return new Response(`User-agent: *\nAllow: /\nDisallow: ${admin}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
