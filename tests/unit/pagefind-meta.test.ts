import { describe, expect, it } from 'vitest';
import { chunksForQuery, indexChunks, pagefindTerms, readCbor } from '../../src/lib/formats/pagefind-meta.ts';

/** Bytes to put into the CBOR as they are. */
class Raw {
  readonly bytes: number[];
  constructor(bytes: number[]) {
    this.bytes = bytes;
  }
}

/** CBOR as Pagefind's encoder writes it (definite lengths), for the meta reader's tests. */
function cbor(value: unknown): number[] {
  const head = (major: number, n: number): number[] =>
    n < 24
      ? [(major << 5) | n]
      : n < 256
        ? [(major << 5) | 24, n]
        : n < 65536
          ? [(major << 5) | 25, n >> 8, n & 255]
          : [(major << 5) | 26, (n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
  if (value instanceof Map) return [...head(5, value.size), ...[...value].flatMap(([key, item]) => [...cbor(key), ...cbor(item)])];
  if (value instanceof Uint8Array) return [...head(2, value.length), ...value];
  if (value instanceof Raw) return value.bytes;
  throw new Error('unsupported');
}

describe('indexChunks', () => {
  // The shape of Pagefind 1.6's meta: version, pages, index chunks, filters, sorts, meta fields.
  const meta = (body: unknown) =>
    new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...cbor(body)]);
  const pages = Array.from({ length: 30 }, (_, i) => [`sv_${i}`, 300 + i, '']);

  it("reads the chunks' word ranges from the inflated meta file", () => {
    const chunks = [
      ['00', 'konferens', 'sv_aaa'],
      ['konferensen', 'ö', 'sv_bbb'],
    ];
    expect(indexChunks(meta(['1.6.0', pages, chunks, [['typ', 'sv_f']], [], ['title']]))).toEqual([
      { from: '00', to: 'konferens', hash: 'sv_aaa' },
      { from: 'konferensen', to: 'ö', hash: 'sv_bbb' },
    ]);
  });

  it('steps over whatever comes before the chunks without decoding it', () => {
    // A 64-bit float (which the decoder refuses), a map, bytes, a long string, a big integer.
    const float = new Raw([0xfb, 0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18]);
    const odd = [float, new Map([['a', [1, 2]]]), new Uint8Array([1, 2, 3]), 'x'.repeat(300), 70000, new Raw([0xf8, 32])];
    expect(() => readCbor(new Uint8Array(cbor(float)))).toThrow(/flyttal/);
    expect(indexChunks(meta(['1.6.0', odd, [['a', 'b', 'sv_c']]]))).toEqual([{ from: 'a', to: 'b', hash: 'sv_c' }]);
    // A tag is refused even where it is only stepped over.
    expect(() => indexChunks(meta(['1.6.0', new Raw([0xc1, 0x00]), [['a', 'b', 'sv_c']]]))).toThrow(/typen 6/);
  });

  it('reads CBOR integers, negative numbers, strings, arrays and simple values', () => {
    expect(readCbor(new Uint8Array([...cbor([0, 23, 24, 255, 256, 65535, -1, -25, 'å']), 0xf5, 0xf4, 0xf6].map((b, i) => (i === 0 ? 0x8c : b))))).toEqual(
      [0, 23, 24, 255, 256, 65535, -1, -25, 'å', true, false, null],
    );
    expect(readCbor(new Uint8Array([0x1a, 0, 1, 0, 0]))).toBe(65536);
  });

  it('fails on a file without the signature, another shape, or cut-off data', () => {
    expect(() => indexChunks(new TextEncoder().encode('not pagefind'))).toThrow(/signaturen/);
    expect(() => indexChunks(meta(['1.6.0', pages, 'x']))).toThrow(/indexdelar/);
    expect(() => indexChunks(meta(['1.6.0', pages, [['a', 'b']]]))).toThrow(/indexdelar/);
    expect(() => indexChunks(meta(['1.6.0', pages, [['a', 'b', 'c']]]).subarray(0, 30))).toThrow(/tar slut/);
  });
});

describe('chunksForQuery', () => {
  const chunks = [
    { from: '00', to: 'konferens', hash: 'sv_aaa' },
    { from: 'konferensen', to: 'människohandel', hash: 'sv_bbb' },
    { from: 'möte', to: 'ö', hash: 'sv_ccc' },
  ];

  it('normalizes a query as Pagefind does: lower case, no punctuation, no diacritics', () => {
    expect(pagefindTerms('  Sugardating, ”Människohandel”!  Sunne ')).toEqual(['sugardating', 'manniskohandel', 'sunne']);
  });

  it("finds the chunk of each of the query's words", () => {
    expect(chunksForQuery('Konferens', chunks)).toEqual(['sv_aaa']);
    expect(chunksForQuery('konferensens', chunks)).toEqual(['sv_bbb']);
    expect(chunksForQuery('Konferens möte', chunks)).toEqual(['sv_aaa', 'sv_bbb']);
    expect(chunksForQuery('a b c d ö', chunks, 2)).toEqual(['sv_aaa', 'sv_ccc']);
  });

  it('gives nothing for an empty query, a word outside every range, or a hash that is no file name', () => {
    expect(chunksForQuery('  ', chunks)).toEqual([]);
    expect(chunksForQuery('konferensa', chunks)).toEqual([]);
    expect(chunksForQuery('konferens', [{ from: '00', to: 'ö', hash: '../x' }])).toEqual([]);
  });
});
