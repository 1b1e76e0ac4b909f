/**
 * URL slug from a Swedish title: å/ä/ö and other accents lose their marks, everything else
 * that is not a letter or digit becomes a single hyphen. Deterministic, so URLs stay stable.
 */
export function slugify(title: string): string {
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
