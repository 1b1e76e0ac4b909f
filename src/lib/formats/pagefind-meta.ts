/**
 * A reader for one file another program writes: Pagefind's meta file, which maps each index chunk
 * to the words it holds. Used in the browser by the search page (src/scripts/search-page.ts) and
 * at build time by the search-index step, which stops when the format is not the expected one.
 * No Node or browser globals beyond TextDecoder.
 */
import { PAGEFIND_NAME_PART } from '../core/pagefind-names.ts';

/** One of Pagefind's index chunks: it holds the (stemmed) words that sort from `from` to `to`. */
export interface IndexChunk {
  from: string;
  to: string;
  hash: string;
}

/** Pagefind's files start with this signature once inflated. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** Where the index chunks sit in the meta file's top-level array (after the version and the pages). */
const CHUNKS_ITEM = 2;

/**
 * The index chunks' word ranges from Pagefind's inflated meta file (`pagefind.<hash>.pf_meta`): its
 * signature, then a CBOR array whose third item lists `[from, to, hash]` per chunk (Pagefind 1.x,
 * `MetaIndex.index_chunks`). The search page reads them as soon as the meta file arrives, to fetch
 * the query's chunk alongside the wasm instead of after it; the items before it (one entry per
 * page) are stepped over, not decoded, since on a phone that is most of the work. The build reads
 * them too and stops on any other shape, so a Pagefind upgrade that changes the format cannot
 * silently drop that.
 */
export function indexChunks(meta: Uint8Array): IndexChunk[] {
  const signature = new TextDecoder().decode(meta.subarray(0, PAGEFIND_SIGNATURE.length));
  if (signature !== PAGEFIND_SIGNATURE) throw new Error('Pagefinds metafil har okänt format (signaturen saknas).');
  const reader = cborReader(meta.subarray(PAGEFIND_SIGNATURE.length));
  const top = reader.head();
  let chunks: unknown;
  if (top.major === 4 && top.length > CHUNKS_ITEM) {
    for (let item = 0; item < CHUNKS_ITEM; item++) reader.skip();
    chunks = reader.item();
  }
  const valid =
    Array.isArray(chunks) &&
    chunks.every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === 'string'));
  if (!valid) throw new Error('Pagefinds metafil har okänt format (listan över indexdelar saknas).');
  return (chunks as [string, string, string][]).map(([from, to, hash]) => ({ from, to, hash }));
}

/** Decodes one CBOR item (see `cborReader`). */
export function readCbor(bytes: Uint8Array): unknown {
  return cborReader(bytes).item();
}

/**
 * A small CBOR reader (RFC 8949: unsigned and negative integers, byte and text strings, arrays,
 * maps, simple values; definite lengths only, which is what Pagefind's encoder writes), enough
 * to read the word ranges of Pagefind's index chunks from its meta file. `skip` steps over an item
 * without building it.
 */
function cborReader(bytes: Uint8Array) {
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
  /** An item's major type and its length (or value, for integers); simple values have no length. */
  const head = (): { major: number; info: number; length: number } => {
    if (at >= bytes.length) throw new Error('CBOR: data tar slut.');
    const first = bytes[at++]!;
    const major = first >> 5;
    const info = first & 31;
    // Simple values below 24 carry no bytes; 24 to 27 (a simple value, or a 16-, 32- or 64-bit
    // float) carry 1, 2, 4 or 8, read here as a number only so they can be stepped over.
    return { major, info, length: major === 7 && info < 24 ? 0 : length(info) };
  };
  const take = (n: number): Uint8Array => {
    if (at + n > bytes.length) throw new Error('CBOR: data tar slut.');
    at += n;
    return bytes.subarray(at - n, at);
  };
  const item = (): unknown => {
    const { major, info, length: n } = head();
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return take(n);
      case 3:
        return text.decode(take(n));
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        return new Map(Array.from({ length: n }, () => [item(), item()] as const));
      case 7:
        if (info > 23) throw new Error(`CBOR: flyttal och utökade enkla värden stöds inte (byte ${at}).`);
        return info === 20 ? false : info === 21 ? true : null;
      default:
        throw new Error(`CBOR: typen ${major} stöds inte (byte ${at}).`);
    }
  };
  const skip = (): void => {
    const { major, length: n } = head();
    if (major === 2 || major === 3) take(n);
    else if (major === 4) for (let i = 0; i < n; i++) skip();
    else if (major === 5) for (let i = 0; i < 2 * n; i++) skip();
    else if (major === 6) throw new Error(`CBOR: typen ${major} stöds inte (byte ${at}).`);
  };
  return { head, item, skip };
}

/** Pagefind drops punctuation from a search (its own test, character by character). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** The terms Pagefind looks up for a query: lower case, no punctuation, no diacritics (as pagefind.js 1.6). */
export function pagefindTerms(query: string): string[] {
  const plain = query.toLocaleLowerCase().replace(PUNCTUATION, '').normalize('NFD').replace(/\p{M}/gu, '');
  return plain.split(/\s+/).filter(Boolean);
}

/**
 * The index chunks a query's words fall in, to be fetched alongside the wasm: Pagefind itself only
 * asks for them once the wasm is running. It looks up each word as typed and its stem; the stem is
 * a prefix of the word, so both lie in the same chunk unless a chunk boundary falls between them
 * (then Pagefind fetches one more chunk itself, and nothing is lost). Chunks whose name is not a
 * plain file name are left out.
 */
export function chunksForQuery(query: string, chunks: readonly IndexChunk[], limit = 3): string[] {
  const hashes = new Set<string>();
  for (const term of pagefindTerms(query)) {
    for (const { from, to, hash } of chunks) {
      if (term >= from && term <= to && PAGEFIND_NAME_PART.test(hash)) hashes.add(hash);
    }
  }
  return [...hashes].slice(0, limit);
}
