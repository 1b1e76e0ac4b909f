import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(paths.sitemap, site ?? '', import.meta.env.BASE_URL);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
