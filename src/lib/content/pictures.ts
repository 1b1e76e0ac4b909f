import type { ImageMetadata } from 'astro';
import type { Picture } from '../../schemas/fields.ts';

/** A picture from content after Astro's image pipeline has resolved its file (src/content.config.ts). */
export type SitePicture = Omit<Picture, 'src'> & { src: ImageMetadata };

/** Size of a shared picture: what Facebook, LinkedIn and others show at full width (1.91:1). */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;

/**
 * The largest 1.91:1 crop of a `width` × `height` picture, at most 1200 × 630. Astro's sharp
 * service never enlarges, so a smaller picture is shared at its own size, and the `og:image:width`
 * and `og:image:height` this returns are then what the file really measures.
 */
export function shareCrop(width: number, height: number): { width: number; height: number } {
  const cropWidth = Math.min(SHARE_SIZE.width, width, Math.floor((height * SHARE_SIZE.width) / SHARE_SIZE.height));
  return { width: cropWidth, height: Math.round((cropWidth * SHARE_SIZE.height) / SHARE_SIZE.width) };
}

/**
 * Widths for a `srcset`: the candidates the picture is wide enough for, plus its own width when
 * it is smaller than the largest candidate, so no file is ever an enlargement.
 */
export function responsiveWidths(originalWidth: number, candidates: readonly number[]): number[] {
  const widths = candidates.filter((width) => width < originalWidth);
  if (candidates.some((width) => width >= originalWidth)) widths.push(originalWidth);
  return [...new Set(widths)].sort((a, b) => a - b);
}

/** "JPEG", "PNG" … for the download link's description. */
export function formatLabel(format: string): string {
  return format === 'jpg' ? 'JPEG' : format.toUpperCase();
}

/** Ends a caption part with a full stop unless it already ends a sentence. */
export function withFullStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
