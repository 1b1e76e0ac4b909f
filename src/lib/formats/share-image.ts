import { getImage } from 'astro:assets';
import { loadContent } from '../content/content.ts';
import { SHARE_SIZE, shareCrop, type SitePicture } from '../content/pictures.ts';
import { shareCardAlt, shareCardText } from './share-card.ts';
import { href, paths } from '../core/urls.ts';

/** What a page puts in its og:image tags. `url` is absolute. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * A release's own picture as its share image: cropped to 1.91:1 (at most 1200 × 630) by Astro's
 * image pipeline, as JPEG, which every link preview reads.
 */
export async function pictureShareImage(picture: SitePicture, site: URL | undefined): Promise<ShareImage> {
  const size = shareCrop(picture.src.width, picture.src.height);
  const image = await getImage({ src: picture.src, ...size, fit: 'cover', position: 'center', format: 'jpg' });
  return { url: new URL(image.src, site).href, ...size, alt: picture.alt };
}

/** The site's own card (src/pages/delningsbild.png.ts), for every page without a picture. */
export async function defaultShareImage(site: URL | undefined): Promise<ShareImage> {
  const { programme, organisations } = await loadContent();
  const organisers = programme.data.organisers.flatMap((id) => organisations.get(id) ?? []);
  return { url: new URL(href(paths.shareCard), site).href, ...SHARE_SIZE, alt: shareCardAlt(shareCardText(programme, organisers)) };
}
