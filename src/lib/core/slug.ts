/**
 * Longest slug, in characters (ASCII, so also bytes). A release's slug is a folder name in the
 * build (pressmeddelanden/<slug>/index.html) and part of `npm run ny`'s file name; file systems stop
 * at 255 bytes, and an address this long is already hard to read or share.
 */
export const MAX_SLUG_LENGTH = 80;

/** Longest release file name without extension: the creation date "ÅÅÅÅ-MM-DD-", then the address. */
export const RELEASE_FILE_SLUG_LENGTH = 'ÅÅÅÅ-MM-DD-'.length + MAX_SLUG_LENGTH;

/**
 * URL slug from a Swedish title: å/ä/ö and other accents lose their marks, letters without a
 * decomposition are spelt out (ŋ → ng, ø → o, ß → ss: TRANSLITERATION), everything else that is
 * not a letter or digit becomes a single hyphen. Deterministic, so URLs stay stable.
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

/**
 * Letters that Unicode does not decompose into a base letter plus marks, so NFKD alone would drop
 * them: those of Sweden's minority languages (Sámi ŋ đ ŧ, Meänkieli and Finnish š ž are decomposed
 * anyway) and of the neighbours' (Danish/Norwegian ø æ, Icelandic þ ð, German ß, Polish ł, French œ).
 * Lower case only: the title is lower-cased first.
 */
const TRANSLITERATION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ŋ: 'ng',
  đ: 'd',
  ð: 'd',
  ŧ: 't',
  þ: 'th',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  ŀ: 'l',
  ŉ: 'n',
  ſ: 's',
  ƒ: 'f',
  ʒ: 'z',
  ǥ: 'g',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(TRANSLITERATION).join('')}]`, 'g');

function fullSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => TRANSLITERATION[letter] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
