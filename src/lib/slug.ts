/**
 * Longest slug, in characters (ASCII, so also bytes). A release's slug is a folder name in the
 * build (pressmeddelanden/<slug>/index.html) and part of `npm run ny`'s file name; file systems stop
 * at 255 bytes, and an address this long is already hard to read or share.
 */
export const MAX_SLUG_LENGTH = 80;

/**
 * URL slug from a Swedish title: å/ä/ö and other accents lose their marks, everything else
 * that is not a letter or digit becomes a single hyphen. Deterministic, so URLs stay stable.
 * A long title is cut at the last word boundary within MAX_SLUG_LENGTH (a single longer word is
 * cut at the limit); every caller (the loader, the content check's duplicate test, `npm run ny`)
 * uses this one function, so they all see the same, cut slug.
 */
export function slugify(title: string): string {
  const full = fullSlug(title);
  if (full.length <= MAX_SLUG_LENGTH) return full;
  const boundary = full.lastIndexOf('-', MAX_SLUG_LENGTH);
  return boundary > 0 ? full.slice(0, boundary) : full.slice(0, MAX_SLUG_LENGTH);
}

/** True when the title is too long for its whole slug: the content check warns about such titles. */
export function slugIsCut(title: string): boolean {
  return fullSlug(title).length > MAX_SLUG_LENGTH;
}

function fullSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[øœ]/gi, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
