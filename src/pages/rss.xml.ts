import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadContent } from '../lib/content/content.ts';
import { FEED_SIZE } from '../lib/content/releases.ts';
import { absoluteUrl, paths } from '../lib/core/urls.ts';
import { t } from '../i18n/sv.ts';

export const GET: APIRoute = async ({ site }) => {
  const { programme, releases } = await loadContent();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: `${t('releases.title')} – ${programme.data.name}`,
    description: t('releases.description'),
    site: absoluteUrl(paths.home, site ?? '', base),
    // The self link lets feed readers and validators know the feed's own address.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>sv-se</language><atom:link href="${absoluteUrl(paths.feed, site ?? '', base)}" rel="self" type="application/rss+xml"/>`,
    items: releases.slice(0, FEED_SIZE).map((release) => ({
      title: release.data.title,
      description: release.data.ingress ?? release.data.title,
      pubDate: release.data.published,
      link: absoluteUrl(paths.release(release.slug), site ?? '', base),
      categories: release.data.tags,
    })),
  });
};
