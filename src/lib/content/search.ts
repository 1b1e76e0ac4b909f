import { isoWithOffset, localDate } from '../core/dates.ts';

/**
 * Search index tagging. The search page filters on `typ` and `år`, shows `title`, `datum` and
 * `date`, and sorts on `date`. Everything is captured from data attributes on one element (the
 * page's h1), because Pagefind allows only one inline `key:value` per attribute.
 * @see https://pagefind.app/docs/metadata/
 */

/** Values of the `typ` filter; the search page labels them through src/i18n/sv.ts. */
export const SEARCH_TYPES = ['pressmeddelande', 'program', 'talare'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchTagging {
  type: SearchType;
  /** The instant the page is dated by: publication, or the start of the conference. */
  date: Date;
  /** The date as the page shows it, e.g. "23 september 2019 kl. 13.57"; shown in results. */
  dateLabel: string;
  timeZone: string;
}

/** `data-pagefind-*` attributes to spread onto a page's h1. */
export function searchAttributes({ type, date, dateLabel, timeZone }: SearchTagging): Record<string, string> {
  return {
    'data-pagefind-meta': 'title, date[data-search-date], datum[data-search-label]',
    'data-pagefind-filter': 'typ[data-search-type], år[data-search-year]',
    // UTC ISO strings sort correctly as text, also across daylight-saving changes.
    'data-pagefind-sort': 'date[data-search-sort]',
    'data-search-type': type,
    'data-search-year': localDate(date, timeZone).slice(0, 4),
    'data-search-date': isoWithOffset(date, timeZone),
    'data-search-label': dateLabel,
    'data-search-sort': date.toISOString(),
  };
}

/** Years for the year filter, newest first: the year of every tagged date, each once. */
export function searchYears(dates: { date: Date; timeZone: string }[]): string[] {
  const years = new Set(dates.map(({ date, timeZone }) => localDate(date, timeZone).slice(0, 4)));
  return [...years].sort((a, b) => b.localeCompare(a));
}

/** What the search page needs to know of Pagefind's output before pagefind.js has run. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** The element on /sok/ that carries the search strings, and after indexing also Pagefind's file names. */
export const SEARCH_OUTPUT_ATTRIBUTE = 'data-search-output';

/** File-name parts Pagefind writes: letters, digits, `_` and `-` only, so they are safe in an attribute. */
const NAME_PART = /^[A-Za-z0-9_-]+$/;

/**
 * The search page with Pagefind's hashed file names written onto its output element
 * (`data-search-meta`: the meta file's hash, `data-search-wasm`: the wasm's language,
 * `data-search-chunks`: the index chunks' word ranges as JSON). Its script reads them to fetch
 * pagefind.js, the entry file, the meta file, the wasm and the query's index chunk at once when a
 * query is in the address, instead of one after another. Throws if the page lacks the element, so a
 * renamed attribute cannot quietly turn the preloads off.
 */
export function withPagefindHints(html: string, entry: PagefindEntry, chunks: IndexChunk[] = [], language = 'sv'): string {
  const index = entry.languages[language] ?? Object.values(entry.languages)[0];
  if (!index) throw new Error('Pagefind-indexet saknar språk.');
  const wasm = index.wasm ?? 'unknown';
  if (!NAME_PART.test(index.hash) || !NAME_PART.test(wasm)) throw new Error(`Oväntat filnamn i Pagefinds index: ${index.hash}, ${wasm}.`);
  const marker = `${SEARCH_OUTPUT_ATTRIBUTE} `;
  if (html.split(marker).length !== 2) throw new Error(`Söksidan saknar ett (och bara ett) ${SEARCH_OUTPUT_ATTRIBUTE}-element.`);
  for (const chunk of chunks) if (!NAME_PART.test(chunk.hash)) throw new Error(`Oväntat filnamn i Pagefinds index: ${chunk.hash}.`);
  const table = chunks.length ? ` data-search-chunks="${escapeAttribute(JSON.stringify(chunks.map(({ from, to, hash }) => [from, to, hash])))}"` : '';
  return html.replace(marker, `${marker}data-search-meta="${index.hash}" data-search-wasm="${wasm}"${table} `);
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** One of Pagefind's index chunks: it holds the (stemmed) words that sort from `from` to `to`. */
export interface IndexChunk {
  from: string;
  to: string;
  hash: string;
}

/** Pagefind's files start with this signature once inflated. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * The index chunks' word ranges from Pagefind's inflated meta file (`pagefind.<hash>.pf_meta`): its
 * signature, then a CBOR array whose third item lists `[from, to, hash]` per chunk (Pagefind 1.x,
 * `MetaIndex.index_chunks`). Written onto /sok/ so the page can fetch the query's chunk alongside
 * the wasm instead of after it. Throws on any other shape, so a Pagefind upgrade that changes the
 * format fails the build instead of silently dropping the hint.
 */
export function indexChunks(meta: Uint8Array): IndexChunk[] {
  const signature = new TextDecoder().decode(meta.subarray(0, PAGEFIND_SIGNATURE.length));
  if (signature !== PAGEFIND_SIGNATURE) throw new Error('Pagefinds metafil har okänt format (signaturen saknas).');
  const decoded = readCbor(meta.subarray(PAGEFIND_SIGNATURE.length));
  const chunks = Array.isArray(decoded) ? (decoded[2] as unknown) : undefined;
  const valid =
    Array.isArray(chunks) &&
    chunks.every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === 'string'));
  if (!valid) throw new Error('Pagefinds metafil har okänt format (listan över indexdelar saknas).');
  return (chunks as [string, string, string][]).map(([from, to, hash]) => ({ from, to, hash }));
}

/**
 * A small CBOR reader (RFC 8949: unsigned and negative integers, byte and text strings, arrays,
 * maps, simple values; definite lengths only, which is what Pagefind's encoder writes), enough
 * to read the word ranges of Pagefind's index chunks from its meta file at build time.
 */
export function readCbor(bytes: Uint8Array): unknown {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`CBOR: längden ${info} stöds inte (byte ${at}).`);
    if (at + size > bytes.length) throw new Error('CBOR: data tar slut.');
    const value =
      size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): unknown => {
    if (at >= bytes.length) throw new Error('CBOR: data tar slut.');
    const first = bytes[at++]!;
    const major = first >> 5;
    const info = first & 31;
    if (major === 7) return info === 20 ? false : info === 21 ? true : null;
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        if (at + n > bytes.length) throw new Error('CBOR: data tar slut.');
        const part = bytes.subarray(at, at + n);
        at += n;
        return major === 3 ? text.decode(part) : part;
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        return new Map(Array.from({ length: n }, () => [item(), item()] as const));
      default:
        throw new Error(`CBOR: typen ${major} stöds inte (byte ${at}).`);
    }
  };
  return item();
}
